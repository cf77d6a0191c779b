import { describe, expect, it } from 'vitest';
import { planClusters } from '../../src/discord/cluster-manager.js';
import { shardPlanFor } from '../../src/discord/create-client.js';

const gateway = (shards: number, maxConcurrency = 1) => ({
  shards,
  session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: maxConcurrency },
});

describe('planning shards and processes', () => {
  it("takes Discord's recommendation unless SHARD_COUNT pins it", () => {
    expect(planClusters({ shardCount: undefined, clusterProcesses: 2 }, gateway(6))).toMatchObject({ totalShards: 6, processes: 2 });
    expect(planClusters({ shardCount: 4, clusterProcesses: 2 }, gateway(6))).toMatchObject({ totalShards: 4, processes: 2 });
  });

  it('never starts a process without a shard', () => {
    expect(planClusters({ shardCount: undefined, clusterProcesses: 4 }, gateway(1))).toMatchObject({ totalShards: 1, processes: 1 });
  });

  it('spaces the processes by the identify rate Discord allows', () => {
    expect(planClusters({ shardCount: 2, clusterProcesses: 2 }, gateway(2, 1)).spawnDelayMs).toBe(5500);
    expect(planClusters({ shardCount: 2, clusterProcesses: 2 }, gateway(2, 16)).spawnDelayMs).toBe(344);
  });

  it('runs every shard of a pinned count in one process, or asks Discord', () => {
    expect(shardPlanFor(3)).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(shardPlanFor(undefined)).toBe('auto');
  });
});
