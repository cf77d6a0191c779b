// Milestones fans celebrate that no single page states but the weekly music-show records prove: a
// first win, a first win on each show, a triple crown, a 10th or 100th win. One is derived only
// where the records are complete from before the act's debut to the day of the milestone, so that
// "first" can never mean "first that we happen to know of".

export interface RecordedWin {
  show: string;
  /** The episode's air date, YYYY-MM-DD. */
  date: string;
  /** Every act credited with the win. */
  artists: string[];
  work: string;
  /**
   * A win the records know of but the store does not hold (its act is not in the store): it
   * counts, since it decides what came first, but no milestone can rest on it.
   */
  unstored?: boolean;
}

export interface WinRecords {
  wins: RecordedWin[];
  /** The shows whose records are kept, each with the years covered completely. */
  coverage: Map<string, Set<number>>;
}

export type DerivedKind = 'first-win' | 'first-win-on-show' | 'triple-crown' | 'tenth-win' | 'hundredth-win';

export interface DerivedMilestone {
  kind: DerivedKind;
  artist: string;
  /** The win it rests on. */
  win: RecordedWin;
  /** For a count: how many wins the act had by then. */
  count?: number;
}

/**
 * True when every given show's records hold every year from the debut's year to the date's: only
 * then is the earliest recorded win the earliest win. A debut known only to the year counts from
 * January 1 of that year, which the same test covers.
 */
export function coveredSinceDebut(records: WinRecords, shows: Iterable<string>, debut: string, date: string): boolean {
  const from = Number(debut.slice(0, 4));
  const to = Number(date.slice(0, 4));
  if (!(from <= to)) return false;
  for (const show of shows) {
    const years = records.coverage.get(show);
    if (!years) return false;
    for (let year = from; year <= to; year++) if (!years.has(year)) return false;
  }
  return true;
}

/**
 * Every milestone the records prove, for acts whose debut date is known. Wins are read in air-date
 * order; an act's milestone is derived once (its first first win, its first triple crown on each
 * song and show, and so on).
 */
export function deriveMilestones(records: WinRecords, debuts: Map<string, string>): DerivedMilestone[] {
  const allShows = [...records.coverage.keys()];
  const byArtist = new Map<string, RecordedWin[]>();
  for (const win of [...records.wins].sort((a, b) => a.date.localeCompare(b.date) || a.show.localeCompare(b.show))) {
    for (const artist of win.artists) {
      let wins = byArtist.get(artist);
      if (!wins) byArtist.set(artist, (wins = []));
      wins.push(win);
    }
  }
  const found: DerivedMilestone[] = [];
  for (const [artist, wins] of byArtist) {
    const derived: DerivedMilestone[] = [];
    const debut = debuts.get(artist);
    if (!debut) continue;
    // A win dated before the debut means the debut date is not the one the wins count from.
    if (wins[0]!.date < debut) continue;
    const first = wins[0]!;
    if (coveredSinceDebut(records, allShows, debut, first.date)) derived.push({ kind: 'first-win', artist, win: first });

    const firstOnShow = new Map<string, RecordedWin>();
    const perSongOnShow = new Map<string, number>();
    for (const win of wins) {
      if (!firstOnShow.has(win.show)) {
        firstOnShow.set(win.show, win);
        if (coveredSinceDebut(records, [win.show], debut, win.date)) derived.push({ kind: 'first-win-on-show', artist, win });
      }
      const songKey = `${win.show}\0${win.work}`;
      const count = (perSongOnShow.get(songKey) ?? 0) + 1;
      perSongOnShow.set(songKey, count);
      if (count === 3 && coveredSinceDebut(records, [win.show], debut, win.date)) derived.push({ kind: 'triple-crown', artist, win });
    }
    for (const [kind, count] of [['tenth-win', 10], ['hundredth-win', 100]] as const) {
      const win = wins[count - 1];
      if (win && coveredSinceDebut(records, allShows, debut, win.date)) derived.push({ kind, artist, win, count });
    }
    found.push(...derived.filter((d) => !d.win.unstored));
  }
  return found;
}
