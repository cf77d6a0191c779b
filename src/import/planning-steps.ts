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

/**
 * Runs the steps for about `turnMs` at a time, letting everything else waiting run in between.
 * `turns`, when given, receives each turn's length in milliseconds (for the bench).
 */
export async function inTurns<T>(steps: Steps<T>, turnMs = TURN_MS, turns?: number[]): Promise<T> {
  let turnStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      turns?.push(performance.now() - turnStarted);
      return step.value;
    }
    const elapsed = performance.now() - turnStarted;
    if (elapsed >= turnMs) {
      turns?.push(elapsed);
      await nextTurn();
      turnStarted = performance.now();
    }
  }
}
