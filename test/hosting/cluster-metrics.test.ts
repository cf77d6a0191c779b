// Merging every cluster process's metrics with the manager's: real registries, their JSON sent
// through JSON as the IPC sends it, and the Prometheus text the manager serves.
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ProcessAnswer } from '../../src/hosting/cluster-health.js';
import { mergeClusterMetrics, type MetricsJson } from '../../src/hosting/cluster-metrics.js';
import { createPrometheusMetrics } from '../../src/hosting/metrics.js';

/** One process's metrics as the manager receives them. */
async function processMetrics(shards: number[], record: (metrics: ReturnType<typeof createPrometheusMetrics>['metrics']) => void): Promise<MetricsJson> {
  const prometheus = createPrometheusMetrics({ shards: () => shards.map((id) => ({ id, ping: 40, status: 'Ready' })), activeTriviaRounds: () => 1 });
  record(prometheus.metrics);
  return JSON.parse(JSON.stringify(await prometheus.registry.getMetricsAsJSON())) as MetricsJson;
}

async function managerMetrics(): Promise<MetricsJson> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lightstick_' });
  return registry.getMetricsAsJSON();
}

/** The lines of one metric family, without HELP and TYPE. */
const series = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

describe('the merged metrics', () => {
  it("keep each process's series apart under a cluster label instead of summing them", async () => {
    const zero = await processMetrics([0, 1], (metrics) => {
      metrics.interactionHandled('command', 'artist', 'ok', 0.02);
      metrics.interactionHandled('command', 'artist', 'ok', 0.03);
    });
    const one = await processMetrics([2, 3], (metrics) => metrics.interactionHandled('command', 'artist', 'ok', 0.2));
    const answers: ProcessAnswer<MetricsJson>[] = [
      { cluster: 0, answered: true, value: zero },
      { cluster: 1, answered: true, value: one },
    ];
    const text = await (await mergeClusterMetrics(answers, await managerMetrics())).metrics();

    expect(series(text, 'lightstick_interactions_total')).toEqual([
      'lightstick_interactions_total{cluster="0",kind="command",command="artist",outcome="ok"} 2',
      'lightstick_interactions_total{cluster="1",kind="command",command="artist",outcome="ok"} 1',
    ]);
    // A histogram keeps its buckets, sum and count per process.
    expect(text).toContain('lightstick_interaction_duration_seconds_bucket{cluster="0",le="0.025",kind="command",command="artist"} 1');
    expect(text).toContain('lightstick_interaction_duration_seconds_bucket{cluster="1",le="0.25",kind="command",command="artist"} 1');
    expect(series(text, 'lightstick_interaction_duration_seconds_count')).toEqual([
      'lightstick_interaction_duration_seconds_count{cluster="0",kind="command",command="artist"} 2',
      'lightstick_interaction_duration_seconds_count{cluster="1",kind="command",command="artist"} 1',
    ]);
    expect(series(text, 'lightstick_gateway_status').filter((line) => line.includes('status="Ready"'))).toEqual([
      'lightstick_gateway_status{cluster="0",shard="0",status="Ready"} 1',
      'lightstick_gateway_status{cluster="0",shard="1",status="Ready"} 1',
      'lightstick_gateway_status{cluster="1",shard="2",status="Ready"} 1',
      'lightstick_gateway_status{cluster="1",shard="3",status="Ready"} 1',
    ]);
    expect(series(text, 'lightstick_trivia_active_rounds')).toEqual(['lightstick_trivia_active_rounds{cluster="0"} 1', 'lightstick_trivia_active_rounds{cluster="1"} 1']);
  });

  it("add the manager's own process metrics, and keep those a plain aggregate would drop or average", async () => {
    const zero = await processMetrics([0], () => undefined);
    const text = await (await mergeClusterMetrics([{ cluster: 0, answered: true, value: zero }], await managerMetrics())).metrics();
    for (const name of ['lightstick_process_start_time_seconds', 'lightstick_process_resident_memory_bytes', 'lightstick_nodejs_eventloop_lag_seconds']) {
      expect(series(text, name).map((line) => line.slice(0, line.indexOf('}') + 1))).toEqual([`${name}{cluster="0"}`, `${name}{cluster="manager"}`]);
    }
  });

  it('have one HELP and one TYPE line per family, however many processes', async () => {
    const answers: ProcessAnswer<MetricsJson>[] = await Promise.all(
      [0, 1, 2].map(async (cluster) => ({ cluster, answered: true as const, value: await processMetrics([cluster], () => undefined) })),
    );
    const text = await (await mergeClusterMetrics(answers, await managerMetrics())).metrics();
    const types = text.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(types).toContain('# TYPE lightstick_interaction_duration_seconds histogram');
    expect(types).toContain('# TYPE lightstick_process_cpu_seconds_total counter');
    expect(new Set(types).size).toBe(types.length);
  });

  it('say which processes answered this scrape, and one that did not is there with 0', async () => {
    const zero = await processMetrics([0, 1], (metrics) => metrics.anniversaryPost('sent', false));
    const answers: ProcessAnswer<MetricsJson>[] = [
      { cluster: 0, answered: true, value: zero },
      { cluster: 1, answered: false, reason: 'no answer within 2000 ms' },
    ];
    const text = await (await mergeClusterMetrics(answers, await managerMetrics())).metrics();
    expect(series(text, 'lightstick_cluster_process_up')).toEqual(['lightstick_cluster_process_up{cluster="0"} 1', 'lightstick_cluster_process_up{cluster="1"} 0']);
    expect(series(text, 'lightstick_anniversary_posts_total')).toEqual(['lightstick_anniversary_posts_total{cluster="0",outcome="sent",late="0"} 1']);
    expect(text).not.toMatch(/cluster="1",/);
  });

  it('turn what JSON made of NaN back into NaN', async () => {
    const zero = await processMetrics([0], () => undefined);
    const broken = zero.map((metric) => (metric.name === 'lightstick_trivia_active_rounds' ? { ...metric, values: [{ labels: {}, value: null as unknown as number }] } : metric));
    const text = await (await mergeClusterMetrics([{ cluster: 0, answered: true, value: broken }], [])).metrics();
    // prom-client writes it "Nan"; Prometheus reads NaN in any case.
    expect(series(text, 'lightstick_trivia_active_rounds')).toEqual([expect.stringMatching(/^lightstick_trivia_active_rounds{cluster="0"} nan$/i)]);
  });
});
