// Calendar arithmetic on plain dates (YYYY-MM-DD strings), free of the host's time zone.
import { localWallClock } from './zoned-time.js';

export interface MonthDay {
  month: number;
  day: number;
}

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const daysInMonthOfLeapYear = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses "MM-DD" (or "M-D"); February 29 is a valid day to ask about. */
export function parseMonthDay(text: string): MonthDay | null {
  const match = /^\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonthOfLeapYear[month - 1]!) return null;
  return { month, day };
}

export function formatMonthDayKey({ month, day }: MonthDay): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function formatMonthDay({ month, day }: MonthDay): string {
  return `${monthNames[month - 1]} ${day}`;
}

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return new Date(localWallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * Writes out a date only as precisely as it is known: "2020", "October 2024", "September 12, 2023".
 */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year!;
  const monthName = monthNames[Number(month) - 1]!;
  if (day === undefined) return `${monthName} ${year}`;
  return `${monthName} ${Number(day)}, ${year}`;
}

/** "1st", "2nd", "3rd", "11th", "22nd"... */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
