// The countdowns a server's post carries and the round anniversaries its event list should hold,
// read through a day cache of their own (kept under the facts revision, as the posts' days are): a
// reminder looks up to 30 days ahead, which the posts' few kept days would not hold.
import type { AwardsStore } from '../core/awards-facts.js';
import type { CountdownStore } from '../core/countdown-records.js';
import { countdownsFor, MAX_REMINDER_DAYS, roundAnniversariesAhead, type Countdown, type RoundAnniversary } from '../core/countdowns.js';
import { createAnniversaryDays } from './anniversary-days.js';

export interface CountdownDays {
  /** The countdowns of a server's post for `localDate`: none unless it chose reminder days. */
  countdownsFor(guildId: string, localDate: string, followed: readonly number[], revision: number, withMembers?: Iterable<number>): Countdown[];
  /** The round anniversaries of the event window at `now` for a server following `followed`. */
  roundAnniversariesAhead(now: Date, timeZone: string, followed: readonly number[], revision: number): RoundAnniversary[];
}

/** The window's days in the two or three local dates the world's zones are on at once. */
const KEPT_DAYS = 3 * (MAX_REMINDER_DAYS + 2);

export function createCountdownDays(store: AwardsStore, countdowns: CountdownStore): CountdownDays {
  const days = createAnniversaryDays(store, KEPT_DAYS);
  return {
    countdownsFor(guildId, localDate, followed, revision, withMembers) {
      const reminderDays = countdowns.reminderDays(guildId);
      if (reminderDays.length === 0) return [];
      return countdownsFor(localDate, reminderDays, (date) => days.entriesFor(date, followed, revision, withMembers));
    },
    roundAnniversariesAhead(now, timeZone, followed, revision) {
      return roundAnniversariesAhead(now, timeZone, (date) => days.entriesFor(date, followed, revision));
    },
  };
}
