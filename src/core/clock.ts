// Time comes from a clock handed in, never from `Date.now()` deep inside logic: tests and the
// console pin it.
export interface Clock {
  now(): Date;
}
