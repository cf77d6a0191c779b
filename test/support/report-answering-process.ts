// A stand-in cluster process for test/discord/cluster-reports.test.ts, started by a real
// ClusterManager: no Discord, only the answers to the manager's report requests. The cluster named
// by LIGHTSTICK_TEST_SILENT_CLUSTER stays up but never answers, as a hung process would not.
import { ClusterClient, getInfo } from 'discord-hybrid-sharding';
import pino from 'pino';
import { answerReportRequests } from '../../src/discord/cluster-reports.js';
import { createPrometheusMetrics } from '../../src/hosting/metrics.js';

const info = getInfo();
const cluster = new ClusterClient({});
if (String(info.CLUSTER) !== process.env.LIGHTSTICK_TEST_SILENT_CLUSTER) {
  const prometheus = createPrometheusMetrics({ shards: () => info.SHARD_LIST.map((id) => ({ id, ping: 30, status: 'Ready' })), activeTriviaRounds: () => 0 });
  prometheus.metrics.interactionHandled('command', 'artist', 'ok', 0.01 * (info.CLUSTER + 1));
  answerReportRequests(
    cluster,
    {
      health: () => ({ health: { healthy: true }, shards: info.SHARD_LIST.map((id) => ({ id, status: 'Ready' })) }),
      metrics: () => prometheus.registry.getMetricsAsJSON(),
    },
    pino({ level: 'silent' }),
  );
}
