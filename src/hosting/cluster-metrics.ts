// In cluster mode, one Prometheus answer for the whole bot: every process's metrics, as each one's
// registry gives them (`getMetricsAsJSON()`, sent to the manager over IPC), and the manager's own.
import { AggregatorRegistry, Gauge, Registry, type PrometheusContentType } from 'prom-client';
import type { ProcessAnswer } from './cluster-health.js';

export type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** The `cluster` label of the manager's own series (the processes' are their cluster ids). */
export const MANAGER_CLUSTER_LABEL = 'manager';

/**
 * Every series gets a `cluster` label instead of being summed across processes, which is what
 * `AggregatorRegistry.aggregate()` does on its own: when one process restarts, its counters start
 * again from 0 on series of their own, which Prometheus's rate() reads as that process's reset,
 * whereas a sum would drop and rate() would count the other processes' totals a second time; and a
 * process's memory, event loop lag or shard status means something only per process. A query's
 * sum() gives the totals. aggregate() still does the merging: one HELP and TYPE per family.
 *
 * `lightstick_cluster_process_up{cluster}` says which processes answered this scrape: one that did
 * not (not running, or too slow) is 0 there rather than missing without a trace.
 */
export async function mergeClusterMetrics(processes: ProcessAnswer<MetricsJson>[], manager: MetricsJson): Promise<Registry> {
  const scrape = new Registry();
  const up = new Gauge({
    name: 'lightstick_cluster_process_up',
    help: 'Whether a cluster process answered the manager for this scrape (1) or not (0).',
    labelNames: ['cluster'] as const,
    registers: [scrape],
  });
  for (const process of processes) up.set({ cluster: String(process.cluster) }, process.answered ? 1 : 0);
  return AggregatorRegistry.aggregate<PrometheusContentType>([
    ...processes.flatMap((process) => (process.answered ? [labelled(process.value, String(process.cluster))] : [])),
    labelled(manager, MANAGER_CLUSTER_LABEL),
    await scrape.getMetricsAsJSON(),
  ]);
}

function labelled(metrics: MetricsJson, cluster: string): MetricsJson {
  return metrics.map((metric) => ({
    ...metric,
    // With the label, no two values share a name and labels, so nothing is combined; 'first' keeps
    // each as it is, where some default metrics' own aggregators would drop them ('omit').
    aggregator: 'first' as const,
    values: metric.values.map((value) => ({
      ...value,
      labels: { cluster, ...value.labels },
      // JSON (the IPC's encoding) turns NaN and infinities into null.
      value: typeof value.value === 'number' ? value.value : Number.NaN,
    })),
  }));
}
