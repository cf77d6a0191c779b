// An artist's wins and nominations, grouped by ceremony edition, newest edition first.
import type { Artist, AwardsFilter, AwardsStore, EditionRef, NominationFact } from './awards-facts.js';

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

export interface ArtistAwards {
  artist: Artist;
  editions: EditionAwards[];
  wins: number;
  nominations: number;
}

export function findAwards(store: AwardsStore, artist: Artist, query: AwardsQuery = {}): ArtistAwards {
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
  };
}
