/** Discord's epoch (2015-01-01T00:00:00Z); discord.js derives createdTimestamp from ids against it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let lastMillis = 0n;
let increment = 0n;

/**
 * A fresh, strictly increasing snowflake for "now", so objects created by the fake server
 * sort and date the way real Discord objects do.
 */
export function nextSnowflake(now: number = Date.now()): string {
  let millis = BigInt(now) - DISCORD_EPOCH;
  if (millis < lastMillis) millis = lastMillis; // never go backwards, even if the clock (or a fake timer) does
  if (millis === lastMillis) {
    increment += 1n;
    // 12 bits of increment per millisecond; borrow the next millisecond when they run out.
    if (increment > 0xfffn) {
      millis += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMillis = millis;
  return ((millis << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** The millisecond timestamp encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}
