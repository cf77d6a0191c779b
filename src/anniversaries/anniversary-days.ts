// Each local date's anniversaries, read once however many servers and ticks share it, and narrowed
// once per distinct set of follows. Kept under the facts revision they were read at: an import, an
// approval or a withdrawal (in this process or another) moves the revision, and every kept day is
// then dropped, so the very next post reads the facts afresh.
import type { TickerFacts } from '../core/awards-facts.js';
import {
  anniversariesOn,
  entriesByArtist,
  entriesNaming,
  followedWithMembers,
  type EntriesByArtist,
} from '../core/anniversary-schedule.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';

export interface AnniversaryDays {
  /**
   * The entries of `localDate` for a server following `followed` (everyone's when it follows
   * nobody), as the facts stand at `revision`. `withMembers` (the followed artists and their
   * groups' members, read with a batch's follows) saves asking the store for each group's members.
   */
  entriesFor(localDate: string, followed: readonly number[], revision: number, withMembers?: Iterable<number>): OnThisDayEntry[];
  /** Reads a day ahead of time, so that no claim waits for it. */
  prepare(localDate: string, revision: number): void;
  /** How many days are kept (for tests). */
  readonly size: number;
}

interface Day {
  all: OnThisDayEntry[];
  byArtist: EntriesByArtist | null;
  byFollows: Map<string, OnThisDayEntry[]>;
}

/** Local dates kept at once: the zones of the world span two or three. */
export const KEPT_DAYS = 4;

export function createAnniversaryDays(store: TickerFacts, keptDays = KEPT_DAYS): AnniversaryDays {
  const days = new Map<string, Day>();
  let keptRevision: number | null = null;

  function dayFor(localDate: string, revision: number): Day {
    if (keptRevision !== revision) {
      days.clear();
      keptRevision = revision;
    }
    let day = days.get(localDate);
    if (!day) {
      day = { all: anniversariesOn(store, localDate), byArtist: null, byFollows: new Map() };
      days.set(localDate, day);
      // The oldest date goes first (a Map keeps insertion order).
      for (const oldest of days.keys()) {
        if (days.size <= keptDays) break;
        days.delete(oldest);
      }
    }
    return day;
  }

  return {
    entriesFor(localDate, followed, revision, withMembers) {
      const day = dayFor(localDate, revision);
      if (followed.length === 0) return day.all;
      const key = followed.join(',');
      let entries = day.byFollows.get(key);
      if (!entries) {
        // Where each artist appears, once per day: a server following a few artists then picks
        // theirs instead of reading every entry of the day (hundreds on a large store).
        day.byArtist ??= entriesByArtist(day.all);
        entries = entriesNaming(day.all, day.byArtist, withMembers ?? followedWithMembers(store, followed));
        day.byFollows.set(key, entries);
      }
      return entries;
    },
    prepare(localDate, revision) {
      dayFor(localDate, revision);
    },
    get size() {
      return days.size;
    },
  };
}
