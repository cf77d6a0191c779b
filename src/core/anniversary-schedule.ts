// What a server's anniversary post schedule says is due at `now`: a pure function of its settings
// and the clock, so that every time zone and daylight-saving change can be tested on its own.
import type { AwardsStore } from './awards-facts.js';
import { calendarDateIn } from './calendar.js';
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
export function anniversariesOn(store: AwardsStore, localDate: string): OnThisDayEntry[] {
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
export function followedWithMembers(store: AwardsStore, followedArtistIds: readonly number[]): Set<number> {
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
  store: AwardsStore,
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
