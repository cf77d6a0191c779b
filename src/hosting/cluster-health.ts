// In cluster mode, whether the bot as a whole is serving: every process the manager planned is
// running and answered, and each one says it is healthy (its database open, every shard's gateway
// session ready). Pure: the manager gathers the answers over IPC and hands them here.
import type { Health, ProcessNotReady } from './health-server.js';

/** A process the manager plans to run: its cluster id and the shards it is given. */
export interface PlannedProcess {
  cluster: number;
  shards: number[];
}

/** A process's answer to the manager, or why there is none (not running, too slow...). */
export type ProcessAnswer<T> = { cluster: number; answered: true; value: T } | { cluster: number; answered: false; reason: string };

/** What a process says about itself: the single-process health check, and each shard's status. */
export interface ProcessHealthReport {
  health: Health;
  shards: { id: number; status: string }[];
}

export function decideClusterHealth(planned: PlannedProcess[], answers: ProcessAnswer<ProcessHealthReport>[]): Health {
  if (planned.length === 0) return { healthy: false, reason: 'starting: no process started yet', notReady: [] };
  const notReady = planned.flatMap((one) => processNotReady(one, answers.find((answer) => answer.cluster === one.cluster)) ?? []);
  if (notReady.length === 0) return { healthy: true };
  return { healthy: false, reason: notReady.map((one) => `cluster ${one.cluster}: ${one.reason}`).join('; '), notReady };
}

function processNotReady({ cluster, shards }: PlannedProcess, answer: ProcessAnswer<ProcessHealthReport> | undefined): ProcessNotReady | undefined {
  if (!answer) return { cluster, shards, reason: 'no answer' };
  if (!answer.answered) return { cluster, shards, reason: answer.reason };
  const { health, shards: reported } = answer.value;
  // A shard the process does not report at all is not connected either.
  const notReadyShards = shards.filter((id) => reported.find((shard) => shard.id === id)?.status !== 'Ready');
  if (!health.healthy) {
    // Not serving for another reason than its gateway (starting, stopping, database closed): none of its shards is served.
    return { cluster, shards: notReadyShards.length > 0 ? notReadyShards : shards, reason: health.reason };
  }
  if (notReadyShards.length > 0) return { cluster, shards: notReadyShards, reason: `gateway: ${notReadyShards.map((id) => `shard ${id} not connected`).join(', ')}` };
  return undefined;
}
