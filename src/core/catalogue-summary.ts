// What the store holds, at a glance: for /about, and for the figures the founding catalogue is
// measured by (npm run catalogue:figures).

export interface CeremonySummary {
  slug: string;
  name: string;
  kind: 'award_show' | 'music_show';
  /** Wins recorded at it, live ones only. */
  wins: number;
  /** Its grand prizes (daesang) among them. */
  grandPrizes: number;
  /** The years a grand prize was won there. */
  grandPrizeYears: number[];
  firstYear: number | null;
  lastYear: number | null;
}

export interface CatalogueSummary {
  artists: number;
  kpopArtists: number;
  artistsWithHangul: number;
  ceremonies: CeremonySummary[];
  /** Live nominations: wins and nominations. */
  nominations: number;
  milestones: number;
  debuts: number;
  sources: number;
  /** How many of the 366 month-days have at least one dated fact. */
  daysWithFacts: number;
  /** Facts that cite no source: a bug whenever it is not 0. */
  factsWithoutSource: number;
  /** Spellings that two artists share after folding: a bug whenever it is not 0. */
  collidingNames: string[];
}

export interface CatalogueSummaryStore {
  catalogueSummary(): CatalogueSummary;
}

/** Wins on weekly music shows and at annual award shows, apart. */
export function winTotals(summary: CatalogueSummary): { musicShowWins: number; awardShowWins: number; grandPrizes: number } {
  let musicShowWins = 0;
  let awardShowWins = 0;
  let grandPrizes = 0;
  for (const ceremony of summary.ceremonies) {
    if (ceremony.kind === 'music_show') musicShowWins += ceremony.wins;
    else awardShowWins += ceremony.wins;
    grandPrizes += ceremony.grandPrizes;
  }
  return { musicShowWins, awardShowWins, grandPrizes };
}
