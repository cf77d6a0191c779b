// Loaded with `node --import` into bot processes a test starts (and, through the cluster manager's
// execArgv, into the processes it forks): shifts the wall clock by LIGHTSTICK_TEST_CLOCK_OFFSET_MS,
// so that a day with anniversaries is "today" without any test hook in the bot's own code.
const offset = Number(process.env.LIGHTSTICK_TEST_CLOCK_OFFSET_MS ?? 0);

if (offset !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
