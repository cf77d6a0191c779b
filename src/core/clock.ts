// Time comes from a clock handed in, never from `Date.now()` deep inside logic: tests and the
// console pin it.
export interface Clock {
  now(): Date;
}

/**
 * Waits measured on the same time as the clock: the runtime's are the system's timers; a test hands
 * its own and fires them by moving its clock on, so that a wait ends because the test says so.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** Whatever a `Timers` hands out to cancel a wait with. */
export type TimerHandle = unknown;
