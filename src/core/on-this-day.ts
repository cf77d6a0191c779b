// Wins and milestones that fell on a calendar day in earlier years.
import type { AwardsStore, MilestoneFact, NominationFact } from './awards-facts.js';
import { calendarDateIn, formatMonthDayKey, isLeapYear, type MonthDay } from './calendar.js';

export type OnThisDayEntry =
  | { kind: 'win'; date: string; yearsAgo: number; nomination: NominationFact }
  | { kind: 'milestone'; date: string; yearsAgo: number; milestone: MilestoneFact };

export interface OnThisDay {
  monthDay: MonthDay;
  /** The calendar date of `now` in the asked time zone. */
  today: string;
  entries: OnThisDayEntry[];
}

/**
 * Everything that happened on `monthDay` before this year, oldest first. On February 28 of a
 * common year, February 29 events are remembered too.
 */
export function findOnThisDay(store: AwardsStore, monthDay: MonthDay, now: Date, timeZone = 'UTC'): OnThisDay {
  const today = calendarDateIn(now, timeZone);
  return { monthDay, today, entries: anniversariesInYear(store, monthDay, Number(today.slice(0, 4))) };
}

/** The wins and milestones whose anniversary falls on `monthDay` of `thisYear`, oldest first. */
export function anniversariesInYear(store: AwardsStore, monthDay: MonthDay, thisYear: number): OnThisDayEntry[] {
  const keys = [formatMonthDayKey(monthDay)];
  if (monthDay.month === 2 && monthDay.day === 28 && !isLeapYear(thisYear)) keys.push('02-29');

  const entries: OnThisDayEntry[] = [];
  for (const key of keys) {
    for (const nomination of store.winsOnMonthDay(key)) {
      const date = nomination.edition.heldOn!;
      entries.push({ kind: 'win', date, yearsAgo: anniversaryYears(date, thisYear), nomination });
    }
    for (const milestone of store.milestonesOnMonthDay(key)) {
      const date = milestone.occurredOn!;
      entries.push({ kind: 'milestone', date, yearsAgo: anniversaryYears(date, thisYear), milestone });
    }
  }
  return entries
    .filter((entry) => Number(entry.date.slice(0, 4)) < thisYear)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === 'win' ? -1 : 1));
}

/** Which anniversary this year's `monthDay` marks: "on this day, N years ago". */
function anniversaryYears(date: string, thisYear: number): number {
  return thisYear - Number(date.slice(0, 4));
}
