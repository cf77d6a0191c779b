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

export interface ArtistAwards {
  artist: Artist;
  editions: EditionAwards[];
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
  return {
    artist,
    editions: [...byEdition.values()],
    wins: facts.filter((f) => f.result === 'won').length,
    nominations: facts.length,
    totals: awardsTotals(facts),
  };
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
