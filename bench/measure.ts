// Timing helpers: percentiles of repeated runs, measured with the high-resolution clock.
import { performance } from 'node:perf_hooks';

export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length),
  };
}

/** Runs `work` `iterations` times after a warm-up, returning each run's milliseconds. */
export function timeEach(iterations: number, work: (i: number) => unknown, warmUp = Math.min(200, iterations)): number[] {
  for (let i = 0; i < warmUp; i++) work(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(0)} µs`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}
