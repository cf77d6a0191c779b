// An artist's wins and nominations, grouped by ceremony edition, newest edition first, with the
// totals a fan reads first when the list runs to hundreds.
import type { Artist, AwardsFilter, ArtistFacts, CeremonyKind, EditionRef, NominationFact } from './awards-facts.js';

export type ResultFilter = 'won' | 'nominated' | 'all';

export interface AwardsQuery {
  ceremonyId?: number | null;
  year?: number | null;
  result?: ResultFilter;
}

export interface EditionAwards {
  edition: EditionRef;
  nominations: NominationFact[];
}

/** One show's or ceremony's share of an artist's list. */
export interface CeremonyTally {
  ceremonySlug: string;
  ceremonyShortName: string;
  ceremonyKind: CeremonyKind;
  wins: number;
  nominations: number;
}

export interface AwardsTotals {
  /** Weekly music shows, most wins first. */
  musicShows: CeremonyTally[];
  /** Annual award shows, most wins first, then most nominations. */
  awardShows: CeremonyTally[];
  /** Grand prizes (daesang) won. */
  grandPrizes: number;
}

/**
 * A run of one weekly show's episodes in one year that gave the same result in the same category
 * for the same work and credits: "Take Two" winning M Countdown three weeks running is one line.
 */
export interface EpisodeRun {
  /** The run's episodes, oldest first. */
  nominations: NominationFact[];
}

/**
 * What /awards lists: an annual ceremony's edition as it is, and a weekly show's episodes gathered
 * by show and year, since an act with hundreds of episode wins otherwise reads as hundreds of
 * one-line sections.
 */
export type AwardsSection =
  | { kind: 'edition'; edition: EditionRef; nominations: NominationFact[] }
  | { kind: 'showYear'; ceremonySlug: string; ceremonyShortName: string; year: number; runs: EpisodeRun[] };

export interface ArtistAwards {
  artist: Artist;
  editions: EditionAwards[];
  /** The editions as /awards lists them, newest first (a show-year sits where its latest episode does). */
  sections: AwardsSection[];
  wins: number;
  nominations: number;
  totals: AwardsTotals;
}

export function findAwards(store: ArtistFacts, artist: Artist, query: AwardsQuery = {}): ArtistAwards {
  const filter: AwardsFilter = {
    ceremonyId: query.ceremonyId ?? null,
    year: query.year ?? null,
    result: query.result === undefined || query.result === 'all' ? null : query.result,
  };
  const facts = store.nominationsOf(artist.id, filter);
  const byEdition = new Map<number, EditionAwards>();
  for (const fact of facts) {
    let group = byEdition.get(fact.edition.id);
    if (!group) {
      group = { edition: fact.edition, nominations: [] };
      byEdition.set(fact.edition.id, group);
    }
    group.nominations.push(fact);
  }
  const editions = [...byEdition.values()];
  return {
    artist,
    editions,
    sections: awardsSections(editions),
    wins: facts.filter((f) => f.result === 'won').length,
    nominations: facts.length,
    totals: awardsTotals(facts),
  };
}

/** The credits, category and result that make two episodes' entries one run. */
function runKey(fact: NominationFact): string {
  const credits = fact.artists.map((artist) => `${artist.id}:${artist.role}`).join(',');
  return [fact.result, fact.categorySlug, fact.grandPrize, fact.workTitle ?? '', fact.workNote ?? '', credits].join('|');
}

/** Gathers episodes by show and year, keeping annual editions as they are; the order stays newest first. */
export function awardsSections(editions: readonly EditionAwards[]): AwardsSection[] {
  const sections: AwardsSection[] = [];
  const showYears = new Map<string, { section: Extract<AwardsSection, { kind: 'showYear' }>; runs: Map<string, EpisodeRun> }>();
  for (const { edition, nominations } of editions) {
    if (!edition.episode) {
      sections.push({ kind: 'edition', edition, nominations });
      continue;
    }
    const key = `${edition.ceremonySlug}|${edition.year}`;
    let showYear = showYears.get(key);
    if (!showYear) {
      const section = { kind: 'showYear' as const, ceremonySlug: edition.ceremonySlug, ceremonyShortName: edition.ceremonyShortName, year: edition.year, runs: [] };
      showYear = { section, runs: new Map() };
      showYears.set(key, showYear);
      sections.push(section);
    }
    for (const nomination of nominations) {
      const runKeyOf = runKey(nomination);
      let run = showYear.runs.get(runKeyOf);
      if (!run) {
        run = { nominations: [] };
        showYear.runs.set(runKeyOf, run);
        showYear.section.runs.push(run);
      }
      run.nominations.push(nomination);
    }
  }
  // Editions arrive newest first; a run reads oldest first, as a fan counts a song's wins.
  for (const { section } of showYears.values()) for (const run of section.runs) run.nominations.reverse();
  return sections;
}

/** Wins and nominations by show and by ceremony, and the grand prizes among them. */
export function awardsTotals(facts: readonly NominationFact[]): AwardsTotals {
  const tallies = new Map<string, CeremonyTally>();
  let grandPrizes = 0;
  for (const fact of facts) {
    const { edition } = fact;
    let tally = tallies.get(edition.ceremonySlug);
    if (!tally) {
      tally = {
        ceremonySlug: edition.ceremonySlug,
        ceremonyShortName: edition.ceremonyShortName,
        ceremonyKind: edition.ceremonyKind,
        wins: 0,
        nominations: 0,
      };
      tallies.set(edition.ceremonySlug, tally);
    }
    tally.nominations++;
    if (fact.result === 'won') {
      tally.wins++;
      if (fact.grandPrize) grandPrizes++;
    }
  }
  const ordered = [...tallies.values()].sort(
    (a, b) => b.wins - a.wins || b.nominations - a.nominations || a.ceremonyShortName.localeCompare(b.ceremonyShortName),
  );
  return {
    musicShows: ordered.filter((t) => t.ceremonyKind === 'music_show'),
    awardShows: ordered.filter((t) => t.ceremonyKind === 'award_show'),
    grandPrizes,
  };
}
