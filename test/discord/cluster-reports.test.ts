// The manager asking its processes for their health and metrics over discord-hybrid-sharding's
// IPC, with a real ClusterManager and real child processes (a stand-in for the bot, no Discord):
// answers come back, a silent process costs the timeout and is named, a dead one is named at once.
import type { ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ClusterManager, IPCMessage, messageType, type ClusterClient } from 'discord-hybrid-sharding';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerReportRequests, askEveryProcess, plannedProcesses } from '../../src/discord/cluster-reports.js';
import { decideClusterHealth } from '../../src/hosting/cluster-health.js';
import { mergeClusterMetrics } from '../../src/hosting/cluster-metrics.js';

const TIMEOUT_MS = 800;
let manager: ClusterManager;

beforeAll(async () => {
  process.env.LIGHTSTICK_TEST_SILENT_CLUSTER = '2';
  manager = new ClusterManager(fileURLToPath(new URL('../support/report-answering-process.ts', import.meta.url)), {
    totalShards: 6,
    totalClusters: 3,
    mode: 'process',
    execArgv: ['--import', 'tsx'],
    respawn: false,
    token: 'not-used-by-the-stand-in',
  });
  await manager.spawn({ amount: 6, delay: 0, timeout: -1 });
  // Up once the first two answer (the third never does).
  for (let attempt = 0; attempt < 200; attempt++) {
    const answers = await askEveryProcess(manager, 'health', 200);
    if (answers[0]!.answered && answers[1]!.answered) return;
  }
  throw new Error('the stand-in processes never answered');
}, 60_000);

afterAll(() => {
  for (const cluster of manager.clusters.values()) cluster.kill({ force: true, reason: 'test over' });
});

describe('asking the cluster processes', () => {
  it("plans the processes with the library's split of the shards", () => {
    expect(plannedProcesses(manager)).toEqual([
      { cluster: 0, shards: [0, 1] },
      { cluster: 1, shards: [2, 3] },
      { cluster: 2, shards: [4, 5] },
    ]);
  });

  it("gets each process's health; a silent one is named after the timeout, not waited for", async () => {
    const asked = Date.now();
    const answers = await askEveryProcess(manager, 'health', TIMEOUT_MS);
    const took = Date.now() - asked;
    expect(answers).toEqual([
      { cluster: 0, answered: true, value: { health: { healthy: true }, shards: [{ id: 0, status: 'Ready' }, { id: 1, status: 'Ready' }] } },
      { cluster: 1, answered: true, value: { health: { healthy: true }, shards: [{ id: 2, status: 'Ready' }, { id: 3, status: 'Ready' }] } },
      { cluster: 2, answered: false, reason: `no answer within ${TIMEOUT_MS} ms` },
    ]);
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 2000);
    expect(decideClusterHealth(plannedProcesses(manager), answers)).toMatchObject({
      healthy: false,
      notReady: [{ cluster: 2, shards: [4, 5], reason: `no answer within ${TIMEOUT_MS} ms` }],
    });
  });

  it("gets each process's metrics, merged under cluster labels", async () => {
    const answers = await askEveryProcess(manager, 'metrics', TIMEOUT_MS);
    const text = await (await mergeClusterMetrics(answers, [])).metrics();
    expect(text).toContain('lightstick_interactions_total{cluster="0",kind="command",command="artist",outcome="ok"} 1');
    expect(text).toContain('lightstick_interactions_total{cluster="1",kind="command",command="artist",outcome="ok"} 1');
    expect(text).toContain('lightstick_gateway_status{cluster="1",shard="3",status="Ready"} 1');
    expect(text).toContain('lightstick_cluster_process_up{cluster="2"} 0');
  });

  it('names a process that has died as not running, without asking it', async () => {
    const cluster = manager.clusters.get(1)!;
    const died = once(cluster, 'death');
    (cluster.thread!.process as ChildProcess).kill('SIGKILL');
    await died;
    const answers = await askEveryProcess(manager, 'health', TIMEOUT_MS);
    expect(answers[1]).toEqual({ cluster: 1, answered: false, reason: 'process not running' });
    expect(answers[0]).toMatchObject({ cluster: 0, answered: true });
  });

  it('survives asking a process in the moment it dies: no answer, and no unhandled rejection in the manager', async () => {
    const cluster = manager.clusters.get(0)!;
    const child = cluster.thread!.process as ChildProcess;
    // Its IPC channel is closed and the manager has not yet heard of its exit: sending fails.
    const disconnected = once(child, 'disconnect');
    child.kill('SIGKILL');
    await disconnected;
    // Node usually reports the closed channel before the exit; if not, the manager already knows.
    const reason = cluster.thread ? /^could not reach the process: / : /^process not running$/;
    const answers = await askEveryProcess(manager, 'health', TIMEOUT_MS);
    expect(answers[0]).toMatchObject({ cluster: 0, answered: false, reason: expect.stringMatching(reason) });
  });
});

describe('answering in a process', () => {
  /** A request from the manager as the process's ClusterClient emits it; what the process sends back is collected. */
  function request(report: string) {
    const sent: unknown[] = [];
    const client = { send: async (message: unknown) => void sent.push(message) } as unknown as ClusterClient<unknown>;
    return { message: new IPCMessage(client, { _type: messageType.CUSTOM_REQUEST, nonce: 'n1', lightstickReport: report }), sent };
  }

  it('logs a report that throws instead of crashing the bot, and leaves other requests alone', async () => {
    const cluster = new EventEmitter();
    const logged: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    answerReportRequests(
      cluster as unknown as ClusterClient<unknown>,
      {
        health: () => {
          throw new Error('database gone');
        },
        metrics: async () => [],
      },
      logger,
    );
    const health = request('health');
    const metrics = request('metrics');
    const other = request('something else');
    cluster.emit('message', health.message);
    cluster.emit('message', metrics.message);
    cluster.emit('message', other.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(health.sent).toEqual([]);
    expect(logged.join('')).toContain('database gone');
    expect(metrics.sent).toEqual([expect.objectContaining({ _type: messageType.CUSTOM_REPLY, nonce: 'n1', _result: { report: [] } })]);
    expect(other.sent).toEqual([]);
  });
});
