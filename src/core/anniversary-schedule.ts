// What a server's anniversary post schedule says is due at `now`: a pure function of its settings
// and the clock, so that every time zone and daylight-saving change can be tested on its own.
import type { AnniversaryReads, ArtistMembers, ArtistNames } from './awards-facts.js';
import { calendarDateIn, formatMonthDayKey, isLeapYear, type MonthDay } from './calendar.js';
import { anniversariesInYear, type OnThisDayEntry } from './on-this-day.js';
import { addDays, zonedInstant } from './zoned-time.js';

export interface AnniversarySchedule {
  /** HH:MM local. */
  postTime: string;
  timeZone: string;
  /** The first local date a post may be for. */
  activeFrom: string;
  /** The latest local date that already has a post (claimed, sent or failed), if any. */
  lastPostDate: string | null;
}

export interface DuePost {
  localDate: string;
  scheduledAt: Date;
  /** Going out well after its time, e.g. after the bot was down. */
  late: boolean;
}

/** A post more than this after its time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;

/**
 * The post due at `now`, if any: only ever for the server's current local day, once its post time
 * has come and if that day has no post yet. Days that passed while the bot was down get nothing.
 */
export function dueAnniversaryPost(schedule: AnniversarySchedule, now: Date): DuePost | null {
  const today = calendarDateIn(now, schedule.timeZone);
  if (today < schedule.activeFrom) return null;
  if (schedule.lastPostDate !== null && schedule.lastPostDate >= today) return null;
  const scheduledAt = zonedInstant(today, schedule.postTime, schedule.timeZone);
  if (now.getTime() < scheduledAt.getTime()) return null;
  return { localDate: today, scheduledAt, late: now.getTime() - scheduledAt.getTime() > LATE_AFTER_MS };
}

/** The post time of the first local day on or after `fromDate` that may still get a post. */
export function nextPostTime(schedule: AnniversarySchedule, fromDate: string): { localDate: string; at: Date } {
  let localDate = fromDate < schedule.activeFrom ? schedule.activeFrom : fromDate;
  if (schedule.lastPostDate !== null && schedule.lastPostDate >= localDate) localDate = addDays(schedule.lastPostDate, 1);
  return { localDate, at: zonedInstant(localDate, schedule.postTime, schedule.timeZone) };
}

/**
 * When the ticker should next look at a server, after looking at it at `now`: the next post time
 * still ahead. A day handled without a post (nothing to remember) is passed as `lastPostDate`.
 */
export function nextCheckTime(schedule: AnniversarySchedule, now: Date): Date {
  const today = calendarDateIn(now, schedule.timeZone);
  const next = nextPostTime(schedule, today);
  return next.at.getTime() > now.getTime() ? next.at : nextPostTime(schedule, addDays(today, 1)).at;
}

/**
 * A schedule that decides the same as `schedule` on `today` and after: a start date already
 * reached and a last post before today change nothing, so servers that differ only there share
 * one decision.
 */
export function scheduleAsOf(schedule: AnniversarySchedule, today: string): AnniversarySchedule {
  return {
    postTime: schedule.postTime,
    timeZone: schedule.timeZone,
    activeFrom: schedule.activeFrom <= today ? '0000-01-01' : schedule.activeFrom,
    lastPostDate: schedule.lastPostDate !== null && schedule.lastPostDate >= today ? schedule.lastPostDate : null,
  };
}

/** Whether a post for `scheduledAt` is late if it goes out at `sentAt`. */
export function isLate(scheduledAt: number, sentAt: number): boolean {
  return sentAt - scheduledAt > LATE_AFTER_MS;
}

/** What looking at a server at `now` decides: the post due, if any, and when to look next. */
export interface CheckDecision {
  due: DuePost | null;
  nextCheckAt: number;
}

export function decideCheck(schedule: AnniversarySchedule, now: Date): CheckDecision {
  const due = dueAnniversaryPost(schedule, now);
  // Posted, claimed elsewhere, or nothing to remember: a due day is done either way.
  const after = due ? { ...schedule, lastPostDate: due.localDate } : schedule;
  return { due, nextCheckAt: nextCheckTime(after, now).getTime() };
}

/** How far ahead /anniversaries looks for the next post: a year, and a few days for leap years. */
export const NEXT_POST_SEARCH_DAYS = 370;

/**
 * The next post still ahead of `now` that would have something to say: the first day whose post
 * time is after `now` and on which `countOn` finds anniversaries, within the search; null if none.
 */
export function nextPostWithAnniversaries(
  schedule: AnniversarySchedule,
  now: Date,
  countOn: (localDate: string) => number,
): { localDate: string; at: Date; count: number } | null {
  let fromDate = calendarDateIn(now, schedule.timeZone);
  for (let day = 0; day < NEXT_POST_SEARCH_DAYS; day++) {
    const next = nextPostTime(schedule, fromDate);
    fromDate = addDays(next.localDate, 1);
    if (next.at.getTime() <= now.getTime()) continue;
    const count = countOn(next.localDate);
    if (count > 0) return { ...next, count };
  }
  return null;
}

/**
 * The local date of `monthDay` in `year`, as a post would be for it: February 29 in a common year
 * is remembered on February 28.
 */
export function localDateOfMonthDay(monthDay: MonthDay, year: number): string {
  const key = formatMonthDayKey(monthDay) === '02-29' && !isLeapYear(year) ? '02-28' : formatMonthDayKey(monthDay);
  return `${String(year).padStart(4, '0')}-${key}`;
}

/** The first local date a post may be for, when set up at `now`: today if its time is still ahead. */
export function firstActiveDate(postTime: string, timeZone: string, now: Date): string {
  const today = calendarDateIn(now, timeZone);
  return zonedInstant(today, postTime, timeZone).getTime() > now.getTime() ? today : addDays(today, 1);
}

/** 1st, 5th, 10th, 15th... anniversaries stand out. */
export function isRoundAnniversary(years: number): boolean {
  return years === 1 || (years > 0 && years % 5 === 0);
}

/** Every anniversary on a local date, before any server's follows narrow it. */
export function anniversariesOn(store: AnniversaryReads, localDate: string): OnThisDayEntry[] {
  const monthDay = { month: Number(localDate.slice(5, 7)), day: Number(localDate.slice(8, 10)) };
  return anniversariesInYear(store, monthDay, Number(localDate.slice(0, 4)));
}

/** Where each artist appears among a day's entries (positions, in order), built once per day. */
export type EntriesByArtist = Map<number, number[]>;

export function entriesByArtist(entries: readonly OnThisDayEntry[]): EntriesByArtist {
  const positions: EntriesByArtist = new Map();
  entries.forEach((entry, position) => {
    for (const artist of entry.kind === 'win' ? entry.nomination.artists : entry.milestone.artists) {
      const list = positions.get(artist.id);
      if (list === undefined) positions.set(artist.id, [position]);
      else if (list.at(-1) !== position) list.push(position);
    }
  });
  return positions;
}

/** The followed artists, and with them the members of the groups among them: whose anniversaries a server gets. */
export function followedWithMembers(store: Pick<ArtistNames, 'artistById'> & ArtistMembers, followedArtistIds: readonly number[]): Set<number> {
  const followed = new Set(followedArtistIds);
  for (const id of followedArtistIds) {
    const artist = store.artistById(id);
    if (artist?.kind === 'group') for (const member of store.membersOf(id)) followed.add(member.id);
  }
  return followed;
}

/** The day's entries naming any of `artistIds`, in the day's order, picked from where each artist appears. */
export function entriesNaming(
  dayEntries: readonly OnThisDayEntry[],
  byArtist: EntriesByArtist,
  artistIds: Iterable<number>,
): OnThisDayEntry[] {
  const positions = new Set<number>();
  for (const id of artistIds) for (const position of byArtist.get(id) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b).map((position) => dayEntries[position]!);
}

/**
 * The anniversaries a server gets on `localDate`: every win and milestone on that day in earlier
 * years, limited to the artists it follows (a followed group brings its members) unless it follows
 * nobody. With `byArtist` (from `entriesByArtist(dayEntries)`), the followed artists' entries are
 * picked from it rather than by reading every entry of the day.
 */
export function anniversariesForServer(
  store: AnniversaryReads & Pick<ArtistNames, 'artistById'> & ArtistMembers,
  localDate: string,
  followedArtistIds: readonly number[],
  dayEntries: OnThisDayEntry[] = anniversariesOn(store, localDate),
  byArtist?: EntriesByArtist,
): OnThisDayEntry[] {
  const entries = dayEntries;
  if (followedArtistIds.length === 0) return entries;
  const followed = followedWithMembers(store, followedArtistIds);
  if (byArtist) return entriesNaming(entries, byArtist, followed);
  return entries.filter((entry) => {
    const artists = entry.kind === 'win' ? entry.nomination.artists : entry.milestone.artists;
    return artists.some((artist) => followed.has(artist.id));
  });
}
