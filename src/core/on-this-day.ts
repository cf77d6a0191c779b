// Wins and milestones that fell on a calendar day in earlier years.
import type { AnniversaryFact, AnniversaryReads, MilestoneFact, NominationFact } from './awards-facts.js';
import { calendarDateIn, formatMonthDayKey, isLeapYear, type MonthDay } from './calendar.js';

export type OnThisDayEntry =
  | { kind: 'win'; date: string; yearsAgo: number; nomination: NominationFact }
  | { kind: 'milestone'; date: string; yearsAgo: number; milestone: MilestoneFact };

export interface OnThisDay {
  monthDay: MonthDay;
  /** The calendar date of `now` in the asked time zone. */
  today: string;
  /** The asked page's entries, oldest first. */
  entries: OnThisDayEntry[];
  /** 0-based, clamped to the pages that exist. */
  page: number;
  /** At least 1: a day with nothing has one empty page. */
  pageCount: number;
  /** Entries on every page together. */
  total: number;
}

export interface Paging {
  /** 0-based; past the last page means the last page. */
  page: number;
  pageSize: number;
}

/** Every entry on one page. */
const WHOLE_DAY: Paging = { page: 0, pageSize: Number.MAX_SAFE_INTEGER };

/**
 * What happened on `monthDay` before this year, oldest first, one page of it: a busy day of a big
 * store holds hundreds of facts, and only the page shown is read with its artists and sources. On
 * February 28 of a common year, February 29 events are remembered too.
 */
export function findOnThisDay(store: AnniversaryReads, monthDay: MonthDay, now: Date, timeZone = 'UTC', paging: Paging = WHOLE_DAY): OnThisDay {
  const today = calendarDateIn(now, timeZone);
  const thisYear = Number(today.slice(0, 4));
  const keys = monthDayKeys(monthDay, thisYear);
  const pageSize = Math.max(1, Math.trunc(paging.pageSize));
  const total = store.countAnniversaries(keys, thisYear);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(0, Math.trunc(paging.page)), pageCount - 1);
  const facts = total === 0 ? [] : store.anniversariesPage(keys, thisYear, page * pageSize, pageSize);
  return { monthDay, today, entries: facts.map((fact) => toEntry(fact, thisYear)), page, pageCount, total };
}

/** The wins and milestones whose anniversary falls on `monthDay` of `thisYear`, oldest first. */
export function anniversariesInYear(store: AnniversaryReads, monthDay: MonthDay, thisYear: number): OnThisDayEntry[] {
  return store
    .anniversariesPage(monthDayKeys(monthDay, thisYear), thisYear, 0, WHOLE_DAY.pageSize)
    .map((fact) => toEntry(fact, thisYear));
}

/** The month-days remembered on `monthDay`: February 29 is remembered on the 28th in a common year. */
function monthDayKeys(monthDay: MonthDay, thisYear: number): string[] {
  const keys = [formatMonthDayKey(monthDay)];
  if (monthDay.month === 2 && monthDay.day === 28 && !isLeapYear(thisYear)) keys.push('02-29');
  return keys;
}

function toEntry(fact: AnniversaryFact, thisYear: number): OnThisDayEntry {
  if (fact.kind === 'win') {
    // An award given on one day of a ceremony held over several is remembered on that day.
    const date = fact.nomination.awardedOn ?? fact.nomination.edition.heldOn!;
    return { kind: 'win', date, yearsAgo: anniversaryYears(date, thisYear), nomination: fact.nomination };
  }
  const date = fact.milestone.occurredOn!;
  return { kind: 'milestone', date, yearsAgo: anniversaryYears(date, thisYear), milestone: fact.milestone };
}

/** Which anniversary this year's `monthDay` marks: "on this day, N years ago". */
function anniversaryYears(date: string, thisYear: number): number {
  return thisYear - Number(date.slice(0, 4));
}
