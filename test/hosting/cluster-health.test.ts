// The cluster's health decision (pure), and what GET /healthz answers with it.
import { afterEach, describe, expect, it } from 'vitest';
import { decideClusterHealth, type PlannedProcess, type ProcessAnswer, type ProcessHealthReport } from '../../src/hosting/cluster-health.js';
import { startHealthServer, type Health, type HealthServer } from '../../src/hosting/health-server.js';
import { createPrometheusMetrics } from '../../src/hosting/metrics.js';

const planned: PlannedProcess[] = [
  { cluster: 0, shards: [0, 1] },
  { cluster: 1, shards: [2, 3] },
];

function serving(cluster: number, shards: number[]): ProcessAnswer<ProcessHealthReport> {
  return { cluster, answered: true, value: { health: { healthy: true }, shards: shards.map((id) => ({ id, status: 'Ready' })) } };
}

describe('the cluster is healthy', () => {
  it('when every planned process answers that it serves, with every one of its shards ready', () => {
    expect(decideClusterHealth(planned, [serving(0, [0, 1]), serving(1, [2, 3])])).toEqual({ healthy: true });
  });

  it('not before the manager has planned any process', () => {
    expect(decideClusterHealth([], [])).toMatchObject({ healthy: false, reason: 'starting: no process started yet' });
  });

  it('not when a process does not answer: it is named with its shards and why, not left out', () => {
    const health = decideClusterHealth(planned, [serving(0, [0, 1]), { cluster: 1, answered: false, reason: 'no answer within 2000 ms' }]);
    expect(health).toEqual({
      healthy: false,
      reason: 'cluster 1: no answer within 2000 ms',
      notReady: [{ cluster: 1, shards: [2, 3], reason: 'no answer within 2000 ms' }],
    });
  });

  it('not when a planned process was not asked at all', () => {
    expect(decideClusterHealth(planned, [serving(0, [0, 1])])).toMatchObject({ healthy: false, notReady: [{ cluster: 1, shards: [2, 3], reason: 'no answer' }] });
  });

  it("not when a process's own check fails: its reason, and the shards that are not ready", () => {
    const reconnecting: ProcessAnswer<ProcessHealthReport> = {
      cluster: 0,
      answered: true,
      value: {
        health: { healthy: false, reason: 'gateway: shard 1 reconnecting' },
        shards: [
          { id: 0, status: 'Ready' },
          { id: 1, status: 'Reconnecting' },
        ],
      },
    };
    expect(decideClusterHealth(planned, [reconnecting, serving(1, [2, 3])])).toEqual({
      healthy: false,
      reason: 'cluster 0: gateway: shard 1 reconnecting',
      notReady: [{ cluster: 0, shards: [1], reason: 'gateway: shard 1 reconnecting' }],
    });
  });

  it('not when a process is starting or its database is closed, even with its shards ready: none of its shards is served', () => {
    const closed: ProcessAnswer<ProcessHealthReport> = {
      cluster: 1,
      answered: true,
      value: { health: { healthy: false, reason: 'database closed' }, shards: [2, 3].map((id) => ({ id, status: 'Ready' })) },
    };
    const starting: ProcessAnswer<ProcessHealthReport> = { cluster: 0, answered: true, value: { health: { healthy: false, reason: 'starting' }, shards: [] } };
    expect(decideClusterHealth(planned, [starting, closed])).toEqual({
      healthy: false,
      reason: 'cluster 0: starting; cluster 1: database closed',
      notReady: [
        { cluster: 0, shards: [0, 1], reason: 'starting' },
        { cluster: 1, shards: [2, 3], reason: 'database closed' },
      ],
    });
  });

  it('not when a process says it is healthy but lacks a shard the manager gave it', () => {
    expect(decideClusterHealth(planned, [serving(0, [0]), serving(1, [2, 3])])).toMatchObject({
      healthy: false,
      reason: 'cluster 0: gateway: shard 1 not connected',
      notReady: [{ cluster: 0, shards: [1] }],
    });
  });
});

describe('GET /healthz with the cluster health', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(health: () => Promise<Health>) {
    server = await startHealthServer({ host: '127.0.0.1', port: 0, health, registry: createPrometheusMetrics({ shards: () => [], activeTriviaRounds: () => 0 }).registry });
    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('is 200 with the single-process body when every process serves', async () => {
    expect(await serve(async () => decideClusterHealth(planned, [serving(0, [0, 1]), serving(1, [2, 3])]))).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is 503 with the reason, as for one process, and which processes and shards are not ready', async () => {
    const answer = await serve(async () => decideClusterHealth(planned, [serving(0, [0, 1]), { cluster: 1, answered: false, reason: 'process not running' }]));
    expect(answer).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'cluster 1: process not running', notReady: [{ cluster: 1, shards: [2, 3], reason: 'process not running' }] },
    });
  });

  it('is 503 when the check itself fails', async () => {
    const answer = await serve(() => Promise.reject(new Error('IPC channel closed')));
    expect(answer).toEqual({ status: 503, body: { status: 'unavailable', reason: 'health check failed: IPC channel closed' } });
  });
});
