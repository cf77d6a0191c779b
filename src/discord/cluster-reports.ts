// How the cluster manager asks its processes for their health and metrics, over
// discord-hybrid-sharding's IPC: the manager sends a custom request to each process, each process's
// ClusterClient answers it with a reply. An answer not back within the timeout counts as none, so a
// hung process makes a scrape slower by the timeout, never endless.
import { randomUUID } from 'node:crypto';
import { IPCMessage, messageType, type Cluster, type ClusterClient, type ClusterManager } from 'discord-hybrid-sharding';
import type { Logger } from 'pino';
import type { PlannedProcess, ProcessAnswer, ProcessHealthReport } from '../hosting/cluster-health.js';
import type { MetricsJson } from '../hosting/cluster-metrics.js';

/** The field of a request that says what the manager asks for. */
const REPORT_FIELD = 'lightstickReport';

export interface ProcessReports {
  health: ProcessHealthReport;
  metrics: MetricsJson;
}
export type ReportKind = keyof ProcessReports;

/** In a cluster process: answers the manager's requests for this process's reports. */
export function answerReportRequests(
  cluster: Pick<ClusterClient<unknown>, 'on'>,
  reports: { health(): ProcessHealthReport; metrics(): Promise<MetricsJson> },
  logger: Logger,
): void {
  cluster.on('message', (message) => {
    if (!(message instanceof IPCMessage) || message._type !== messageType.CUSTOM_REQUEST) return;
    const kind: unknown = message[REPORT_FIELD];
    if (kind !== 'health' && kind !== 'metrics') return;
    // Inside a promise, so that a report that throws is logged rather than crashing the bot.
    Promise.resolve()
      .then((): ProcessReports[ReportKind] | Promise<MetricsJson> => (kind === 'health' ? reports.health() : reports.metrics()))
      // A reply must be an object; the manager unwraps `report`.
      .then((value) => message.reply({ report: value }))
      // The manager records no answer; nothing here could do better than say so in the log.
      .catch((error: unknown) => logger.warn({ err: error, report: kind }, 'could not answer the cluster manager'));
  });
}

/** The processes the manager has planned, with their shards: none until it has begun spawning. */
export function plannedProcesses(manager: Pick<ClusterManager, 'shardClusterList'>): PlannedProcess[] {
  return manager.shardClusterList.map((shards, cluster) => ({ cluster, shards }));
}

/** In the manager: asks every planned process at once; each answers within `timeoutMs` or counts as not answering. */
export function askEveryProcess<K extends ReportKind>(
  manager: Pick<ClusterManager, 'shardClusterList' | 'clusters' | 'promise'>,
  kind: K,
  timeoutMs: number,
): Promise<ProcessAnswer<ProcessReports[K]>[]> {
  return Promise.all(plannedProcesses(manager).map(({ cluster }) => askProcess(manager, manager.clusters.get(cluster), cluster, kind, timeoutMs)));
}

async function askProcess<K extends ReportKind>(
  manager: Pick<ClusterManager, 'promise'>,
  clusterProcess: Cluster | undefined,
  cluster: number,
  kind: K,
  timeoutMs: number,
): Promise<ProcessAnswer<ProcessReports[K]>> {
  if (!clusterProcess) return { cluster, answered: false, reason: 'not started yet' };
  // Between a process's death and its restart the manager holds no thread for it.
  const thread = clusterProcess.thread;
  if (!thread) return { cluster, answered: false, reason: 'process not running' };
  const request = { nonce: randomUUID(), _type: messageType.CUSTOM_REQUEST, [REPORT_FIELD]: kind };
  // The same pairing of request and reply as Cluster.request(), which sends without handling the
  // send's failure: to a process that has just died, that rejection would crash the manager. Both
  // promises are handled from the start, so neither can reject unhandled.
  const reply = manager.promise.create(request, { timeout: timeoutMs }).then(
    (answer): ProcessAnswer<ProcessReports[K]> => ({ cluster, answered: true, value: (answer as { report: ProcessReports[K] }).report }),
    (): ProcessAnswer<ProcessReports[K]> => ({ cluster, answered: false, reason: `no answer within ${timeoutMs} ms` }),
  );
  const sendError = await thread.send(request).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (sendError) return { cluster, answered: false, reason: `could not reach the process: ${sendError.message}` };
  return reply;
}
