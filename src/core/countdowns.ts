// Countdowns to round anniversaries: which of a day's facts are worth counting down to (a debut, a
// first, a proved 100th win, on its 1st, 5th, 10th, 15th... anniversary), which days ahead a
// server's reminders look at, and when a one-day scheduled event for one starts and ends in the
// server's time zone. Pure: the day's entries and `now` are handed in.
import type { MilestoneFact } from './awards-facts.js';
import { isRoundAnniversary } from './anniversary-schedule.js';
import { calendarDateIn } from './calendar.js';
import type { OnThisDayEntry } from './on-this-day.js';
import { addDays, zonedInstant } from './zoned-time.js';

/** What a countdown celebrates. */
export type CountdownOccasion = 'debut' | 'solo-debut' | 'first' | 'hundredth-win';

export interface RoundAnniversary {
  /** The local date the anniversary falls on (February 29 facts on February 28 in a common year). */
  localDate: string;
  /** 1, 5, 10, 15... */
  years: number;
  occasion: CountdownOccasion;
  milestone: MilestoneFact;
}

/** A round anniversary announced `daysAhead` days before it, in that day's post. */
export interface Countdown extends RoundAnniversary {
  daysAhead: number;
}

/**
 * The store proves a 100th music-show win only where its records are complete since the act's debut
 * (src/core/derived-milestones.ts); the catalogue stores such a win under this key.
 */
const HUNDREDTH_WIN_KEY = /-100th-music-show-win$/;

/** A milestone worth a countdown, and as what; null for the others (records, charts, undated ones). */
export function countdownOccasion(milestone: MilestoneFact): CountdownOccasion | null {
  // Only a full date has an anniversary day, and a doubtful claim is not celebrated ahead.
  if (milestone.doubtful || milestone.occurredOn === null || milestone.occurredOn.length !== 10) return null;
  if (milestone.kind === 'debut') return /solo/i.test(milestone.statement) || milestone.key.endsWith('-solo-debut') ? 'solo-debut' : 'debut';
  if (milestone.kind === 'first') return 'first';
  if (milestone.kind === 'record' && HUNDREDTH_WIN_KEY.test(milestone.key)) return 'hundredth-win';
  return null;
}

/** The round anniversaries among one local date's entries (as anniversariesOn reads them), in their order. */
export function roundAnniversariesAmong(localDate: string, entries: readonly OnThisDayEntry[]): RoundAnniversary[] {
  const found: RoundAnniversary[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'milestone' || !isRoundAnniversary(entry.yearsAgo)) continue;
    const occasion = countdownOccasion(entry.milestone);
    if (occasion) found.push({ localDate, years: entry.yearsAgo, occasion, milestone: entry.milestone });
  }
  return found;
}

/** Reminders are at most this many days ahead: a month's notice, and the events' window. */
export const MAX_REMINDER_DAYS = 30;
/** At most this many reminder days a server. */
export const MAX_REMINDERS = 5;

export type ReminderDaysParse =
  | { ok: true; days: number[] }
  | { ok: false; problem: 'not-a-list' | 'out-of-range' | 'too-many' };

/**
 * Reads "7,1" (or "7 1", "7, 3, 1"): distinct whole days from 1 to 30, at most five, largest first.
 * "off" or "0" means no reminders.
 */
export function parseReminderDays(text: string): ReminderDaysParse {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === '0' || trimmed === 'none') return { ok: true, days: [] };
  const parts = trimmed.split(/[\s,;、，]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((part) => /^\d{1,3}$/.test(part))) return { ok: false, problem: 'not-a-list' };
  const days = [...new Set(parts.map(Number))];
  if (days.some((day) => day < 1 || day > MAX_REMINDER_DAYS)) return { ok: false, problem: 'out-of-range' };
  if (days.length > MAX_REMINDERS) return { ok: false, problem: 'too-many' };
  return { ok: true, days: days.sort((a, b) => b - a) };
}

/**
 * The countdowns a post for `localDate` carries: for each reminder day N, the round anniversaries
 * falling N days later. `entriesOn` gives a local date's entries for the server (its follows applied).
 */
export function countdownsFor(
  localDate: string,
  reminderDays: readonly number[],
  entriesOn: (localDate: string) => readonly OnThisDayEntry[],
): Countdown[] {
  const countdowns: Countdown[] = [];
  // Nearest first: "tomorrow" before "in 7 days".
  for (const daysAhead of [...reminderDays].sort((a, b) => a - b)) {
    const target = addDays(localDate, daysAhead);
    for (const anniversary of roundAnniversariesAmong(target, entriesOn(target))) countdowns.push({ ...anniversary, daysAhead });
  }
  return countdowns;
}

/** How far ahead scheduled events are made. */
export const EVENT_WINDOW_DAYS = 30;

/**
 * The local dates whose round anniversaries should be on a server's event list at `now`: from
 * tomorrow to 30 days ahead in its time zone (today's event would start in the past, which Discord
 * refuses).
 */
export function eventWindow(now: Date, timeZone: string, days = EVENT_WINDOW_DAYS): string[] {
  const today = calendarDateIn(now, timeZone);
  return Array.from({ length: days }, (_, index) => addDays(today, index + 1));
}

/** A one-day event on `localDate`: from its midnight to the next, in the server's time zone (23 or 25 hours across a DST change). */
export function eventTimes(localDate: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedInstant(localDate, '00:00', timeZone), end: zonedInstant(addDays(localDate, 1), '00:00', timeZone) };
}

/** One event per milestone and day: the key its row is recorded under. */
export function anniversaryKey(anniversary: Pick<RoundAnniversary, 'localDate' | 'milestone'>): string {
  return `${anniversary.milestone.id}:${anniversary.localDate}`;
}

/** What the server's list should hold: every round anniversary of the window, soonest first. */
export function roundAnniversariesAhead(
  now: Date,
  timeZone: string,
  entriesOn: (localDate: string) => readonly OnThisDayEntry[],
  days = EVENT_WINDOW_DAYS,
): RoundAnniversary[] {
  return eventWindow(now, timeZone, days).flatMap((localDate) => roundAnniversariesAmong(localDate, entriesOn(localDate)));
}

/** Discord keeps at most this many scheduled events a server. */
export const SCHEDULED_EVENT_CAP = 100;

/** Recorded events no longer wanted (events turned off, an anniversary withdrawn or no longer followed), of days still ahead. */
export function eventsToRemove<Row extends { anniversaryKey: string; localDate: string }>(
  wanted: readonly RoundAnniversary[],
  recorded: readonly Row[],
  today: string,
): Row[] {
  const wantedKeys = new Set(wanted.map(anniversaryKey));
  // A day already begun keeps its event: it is on now, and its anniversary is not taken back.
  return recorded.filter((row) => row.localDate > today && !wantedKeys.has(row.anniversaryKey));
}

/**
 * The wanted anniversaries not recorded yet, soonest first, as many as the cap leaves room for
 * beside the server's `existingEvents` (everyone's, counted on Discord); `leftOut` waits for room.
 */
export function eventsToCreate(
  wanted: readonly RoundAnniversary[],
  recordedKeys: ReadonlySet<string>,
  existingEvents: number,
  cap = SCHEDULED_EVENT_CAP,
): { create: RoundAnniversary[]; leftOut: number } {
  const missing = wanted.filter((anniversary) => !recordedKeys.has(anniversaryKey(anniversary)));
  const room = Math.max(0, cap - existingEvents);
  return { create: missing.slice(0, room), leftOut: Math.max(0, missing.length - room) };
}
