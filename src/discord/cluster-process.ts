// One process of a cluster (see cluster-manager.ts): the bot for the shards the manager gave it,
// on the database the manager prepared, with its share of the bot's REST request rate. It serves
// no port: it answers the manager's requests for its health and metrics, and the manager serves
// them for every process.
import 'dotenv/config';
import { ClusterClient, getInfo } from 'discord-hybrid-sharding';
import { readConfig } from '../config.js';
import { createPrometheusMetrics } from '../hosting/metrics.js';
import { createLogger } from '../logger.js';
import { runEntryPoint } from '../run-entry-point.js';
import { startBot, type Bot } from './bot.js';
import { answerReportRequests } from './cluster-reports.js';

await runEntryPoint(async () => {
  const info = getInfo();
  // Once stopped, the channel to the manager is all that would keep this process alive.
  const disconnect = () => process.connected && process.disconnect();
  const config = readConfig();
  const logger = createLogger(config.logLevel).child({ cluster: info.CLUSTER, shards: info.SHARD_LIST });
  // The metric sources read the bot, made by startBot (they are read only when the manager asks).
  let bot: Bot | undefined;
  const prometheus = createPrometheusMetrics({
    shards: () => bot?.shards() ?? [],
    activeTriviaRounds: () => (bot?.health().healthy ? bot.context.trivia.activeRounds().length : 0),
  });
  const code = await startBot(
    config,
    {
      logger,
      shards: { ids: info.SHARD_LIST, count: info.TOTAL_SHARDS },
      storePrepared: true,
      requestsPerSecond: Math.max(1, Math.floor(50 / Math.max(1, info.CLUSTER_COUNT))),
      metrics: prometheus.metrics,
    },
    (created) => {
      bot = created;
      // Listening from before the gateway connects, so that the manager hears "starting" rather than nothing.
      answerReportRequests(
        new ClusterClient(created.client),
        {
          health: () => ({ health: created.health(), shards: created.shards().map(({ id, status }) => ({ id, status })) }),
          metrics: () => prometheus.registry.getMetricsAsJSON(),
        },
        logger,
      );
    },
  ).catch((error: unknown) => {
    disconnect();
    throw error;
  });
  disconnect();
  return code;
});
// Exit explicitly once stopped (or past the deadline), as `npm start` does: a gateway that has gone
// away leaves discord.js reconnecting, which would hold the process open (see src/hosting/process-lifecycle.ts).
process.exit();
