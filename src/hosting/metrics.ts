// What the bot counts, behind a small interface handed to the parts that count (the interaction
// adapter, the anniversary ticker), and its Prometheus form for /metrics. Each bot gets its own
// registry: nothing is recorded in a module-level global.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type InteractionKind = 'command' | 'button' | 'autocomplete';
/** `user_error` is an answer that tells the user what to change; `error` is an apology. */
export type InteractionOutcome = 'ok' | 'user_error' | 'error' | 'unknown';

export interface BotMetrics {
  interactionHandled(kind: InteractionKind, command: string, outcome: InteractionOutcome, seconds: number): void;
  anniversaryPost(outcome: 'sent' | 'failed', late: boolean): void;
  tickerRan(seconds: number): void;
}

export const noMetrics: BotMetrics = {
  interactionHandled: () => undefined,
  anniversaryPost: () => undefined,
  tickerRan: () => undefined,
};

/** Read when /metrics is scraped. */
export interface MetricSources {
  shards(): { id: number; ping: number; status: string }[];
  activeTriviaRounds(): number;
}

/** Every status a shard can report, so that each has a series (0 or 1). */
export const SHARD_STATUSES = ['Ready', 'Connecting', 'Reconnecting', 'Idle', 'Nearly', 'Disconnected', 'WaitingForGuilds', 'Identifying', 'Resuming'] as const;

export interface PrometheusMetrics {
  metrics: BotMetrics;
  registry: Registry;
}

export function createPrometheusMetrics(sources: MetricSources): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lightstick_' });
  const interactions = new Counter({
    name: 'lightstick_interactions_total',
    help: 'Interactions answered, by kind, command and outcome.',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'lightstick_interaction_duration_seconds',
    help: 'Time from receiving an interaction to its answer being sent.',
    labelNames: ['kind', 'command'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const posts = new Counter({
    name: 'lightstick_anniversary_posts_total',
    help: 'Anniversary posts, by outcome (sent or failed); late is 1 for a post sent after its time because the bot was down.',
    labelNames: ['outcome', 'late'] as const,
    registers: [registry],
  });
  const ticks = new Histogram({
    name: 'lightstick_anniversary_tick_duration_seconds',
    help: 'How long one anniversary ticker run took, sending included.',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'lightstick_gateway_ping_seconds',
    help: 'Gateway heartbeat round trip per shard (-1 before the first heartbeat).',
    labelNames: ['shard'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of sources.shards()) this.set({ shard: String(shard.id) }, shard.ping < 0 ? -1 : shard.ping / 1000);
    },
  });
  new Gauge({
    name: 'lightstick_gateway_status',
    help: 'Gateway status per shard: 1 for its current status, 0 for the others.',
    labelNames: ['shard', 'status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of sources.shards()) {
        for (const status of SHARD_STATUSES) this.set({ shard: String(shard.id), status }, status === shard.status ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'lightstick_trivia_active_rounds',
    help: 'Trivia rounds being played.',
    registers: [registry],
    collect() {
      this.set(sources.activeTriviaRounds());
    },
  });
  return {
    registry,
    metrics: {
      interactionHandled(kind, command, outcome, seconds) {
        interactions.inc({ kind, command, outcome });
        latency.observe({ kind, command }, seconds);
      },
      anniversaryPost(outcome, late) {
        posts.inc({ outcome, late: late ? '1' : '0' });
      },
      tickerRan(seconds) {
        ticks.observe(seconds);
      },
    },
  };
}
