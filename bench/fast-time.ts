// Time that runs faster than the wall clock, for benches that play many trivia rounds: the clock and
// the timers share it, so that a 10-second question closes after 10 seconds of this time (half a
// second at scale 0.05) and is stored as lasting 10 seconds.
import type { Clock, Timers } from '../src/core/clock.js';

export function fastTime(scale: number): { clock: Clock; timers: Timers } {
  const origin = Date.now();
  return {
    clock: { now: () => new Date(origin + (Date.now() - origin) / scale) },
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms * scale),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
    },
  };
}
