// Wall-clock times in IANA time zones, without a time library: the instant a local date and time
// happen, across daylight-saving gaps and overlaps.

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets change only on quarter-hour boundaries (every zone's offset and switch time is a
 * multiple of 15 minutes), so one look-up per zone and quarter hour is enough; Intl is slow.
 */
const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 50_000;

/** Offset of `timeZone` from UTC at `instant`, in ms (New York in winter: -5 h). */
function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const parts = formatterFor(timeZone).formatToParts(new Date(bucket));
    const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
    offset = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second')) - bucket;
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The local wall time at `instant` (ms) in `timeZone`, as milliseconds of a UTC-based calendar. */
export function localWallClock(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

export function parseTimeOfDay(text: string): { hour: number; minute: number } | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export function formatTimeOfDay({ hour, minute }: { hour: number; minute: number }): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The instant at which the local `date` (YYYY-MM-DD) and `time` (HH:MM) happen in `timeZone`.
 * In an overlap (clocks going back) the first of the two; in a gap (clocks going forward) the
 * first valid instant after it, when the clocks jump past.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const { hour, minute } = parseTimeOfDay(time) ?? { hour: 0, minute: 0 };
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset a day either side covers every transition near the wanted time.
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  const candidates = [...offsets].map((offset) => wall - offset).filter((instant) => localWallClock(instant, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));

  // The wall time does not exist: find the first instant whose wall time is past it.
  let low = wall - Math.max(...offsets);
  let high = wall - Math.min(...offsets);
  if (low > high) [low, high] = [high, low];
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (localWallClock(middle, timeZone) > wall) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** "09:00" local wall time of an instant in a time zone. */
export function localTimeOfDay(instant: Date, timeZone: string): string {
  const wall = new Date(localWallClock(instant.getTime(), timeZone));
  return formatTimeOfDay({ hour: wall.getUTCHours(), minute: wall.getUTCMinutes() });
}

/** Every IANA time zone name this runtime knows (for autocomplete). */
export function knownTimeZones(): string[] {
  const names = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return names.includes('UTC') ? names : ['UTC', ...names];
}
