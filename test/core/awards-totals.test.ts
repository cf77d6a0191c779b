// The totals /awards leads with: wins and nominations by show and by ceremony, and the grand prizes.
import { describe, expect, it } from 'vitest';
import type { EditionRef, NominationFact } from '../../src/core/awards-facts.js';
import { awardsTotals } from '../../src/core/awards.js';

let nextId = 1;
function fact(ceremony: string, kind: EditionRef['ceremonyKind'], result: NominationFact['result'], grandPrize = false): NominationFact {
  const id = nextId++;
  return {
    id,
    result,
    edition: {
      id,
      ceremonySlug: ceremony.toLowerCase(),
      ceremonyName: ceremony,
      ceremonyShortName: ceremony,
      ceremonyKind: kind,
      year: 2020,
      episode: kind === 'music_show',
      editionKey: '2020',
      heldOn: null,
      venue: null,
      city: null,
      timeZone: null,
      notes: null,
    },
    categoryName: grandPrize ? 'Daesang' : 'Prize',
    categorySlug: grandPrize ? 'daesang' : 'prize',
    grandPrize,
    workTitle: null,
    workReleasedOn: null,
    workNote: null,
    awardedOn: null,
    artists: [],
    sources: [],
    origin: 'seed',
  };
}

describe('awardsTotals', () => {
  it('counts by show and by ceremony apart, most wins first, and the daesang won', () => {
    const totals = awardsTotals([
      fact('Inkigayo', 'music_show', 'won'),
      fact('Music Bank', 'music_show', 'won'),
      fact('Music Bank', 'music_show', 'won'),
      fact('MAMA', 'award_show', 'won', true),
      fact('MAMA', 'award_show', 'nominated', true),
      fact('MAMA', 'award_show', 'won'),
      fact('Grammys', 'award_show', 'nominated'),
      fact('GDA', 'award_show', 'won'),
    ]);
    expect(totals.musicShows.map((t) => [t.ceremonyShortName, t.wins, t.nominations])).toEqual([
      ['Music Bank', 2, 2],
      ['Inkigayo', 1, 1],
    ]);
    expect(totals.awardShows.map((t) => [t.ceremonyShortName, t.wins, t.nominations])).toEqual([
      ['MAMA', 2, 3],
      ['GDA', 1, 1],
      ['Grammys', 0, 1],
    ]);
    // A daesang nominated for but not won is not counted.
    expect(totals.grandPrizes).toBe(1);
  });

  it('is empty for no facts', () => {
    expect(awardsTotals([])).toEqual({ musicShows: [], awardShows: [], grandPrizes: 0 });
  });
});
