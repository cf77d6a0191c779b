// Long work written as a generator that yields between its steps (rows, records, pieces of a
// file), run either in one go or in turns that leave the event loop free for other work.
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work that yields wherever it may pause, and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** A few milliseconds: other interactions wait at most about this long for a turn. */
export const TURN_MS = 8;

export function inOneGo<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** One turn's length, on the clock and in CPU time (the difference: waiting for a core). */
export interface Turn {
  ms: number;
  cpuMs: number;
}

/**
 * Runs the steps for about `turnMs` at a time, letting everything else waiting run in between.
 * `turns`, when given, receives each turn's length (for the bench).
 */
export async function inTurns<T>(steps: Steps<T>, turnMs = TURN_MS, turns?: Turn[]): Promise<T> {
  let turnStarted = performance.now();
  let cpuStarted = turns ? process.cpuUsage() : null;
  const record = (elapsed: number) => {
    if (!turns || !cpuStarted) return;
    const cpu = process.cpuUsage(cpuStarted);
    turns.push({ ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000 });
  };
  for (;;) {
    const step = steps.next();
    if (step.done) {
      record(performance.now() - turnStarted);
      return step.value;
    }
    const elapsed = performance.now() - turnStarted;
    if (elapsed >= turnMs) {
      record(elapsed);
      await nextTurn();
      turnStarted = performance.now();
      if (turns) cpuStarted = process.cpuUsage();
    }
  }
}
