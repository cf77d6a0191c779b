// One process of a cluster (see cluster-manager.ts): the bot for the shards the manager gave it,
// on the database the manager prepared, with its share of the bot's REST request rate.
import 'dotenv/config';
import { ClusterClient, getInfo } from 'discord-hybrid-sharding';
import { readConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runEntryPoint } from '../run-entry-point.js';
import { startBot } from './bot.js';

await runEntryPoint(async () => {
  const info = getInfo();
  // Once stopped, the channel to the manager is all that would keep this process alive.
  const disconnect = () => process.connected && process.disconnect();
  const config = readConfig();
  const logger = createLogger(config.logLevel).child({ cluster: info.CLUSTER, shards: info.SHARD_LIST });
  const code = await startBot(
    config,
    {
      logger,
      shards: { ids: info.SHARD_LIST, count: info.TOTAL_SHARDS },
      storePrepared: true,
      requestsPerSecond: Math.max(1, Math.floor(50 / Math.max(1, info.CLUSTER_COUNT))),
    },
    // Tells the manager when this process is ready, and answers its messages.
    (bot) => void new ClusterClient(bot.client),
  ).catch((error: unknown) => {
    disconnect();
    throw error;
  });
  disconnect();
  return code;
});
