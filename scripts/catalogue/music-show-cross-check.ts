// Compares the first compilation's winners with an independent one over the episodes both cover.
// A song is compared, not the act's spelling ("Jaechan" and "Park Jae-chan" are one act): the same
// show on the same day never crowned two different songs by accident.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { editDistance, normalizeName } from '../../src/core/names.js';
import { crossCheckFiles } from './compilation-sources.js';

export interface TableWinner {
  show: string;
  date: string;
  artist: string;
  song: string;
}

export interface CrossCheckDisagreement {
  show: string;
  date: string;
  here: string;
  there: string;
  settled: string;
}

export interface CrossCheckResult {
  overlap: number;
  agreed: number;
  /** Agreements where the two spell the song apart by one character or a version note. */
  spellings: { show: string; date: string; here: string; there: string }[];
  onlyHere: number;
  onlyThere: number;
  disagreements: CrossCheckDisagreement[];
  /** Episodes only the other has, not a date moved by a day or two: our records of that show-year are incomplete. */
  missingHere: { show: string; date: string; there: string }[];
}

/** The winners (placement 1) of every table `<year>_<show>.csv` in the folder. */
export function readCrossCheckTables(folder: string): TableWinner[] {
  const showByTable = new Map(Object.entries(crossCheckFiles.shows).map(([store, table]) => [table, store]));
  const winners: TableWinner[] = [];
  for (const name of readdirSync(folder)) {
    const match = /^(\d{4})_(.+)\.csv$/.exec(name);
    const show = match ? showByTable.get(match[2]!) : undefined;
    if (!match || !show) continue;
    const rows = parse(readFileSync(join(folder, name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      if ((row['Placement'] ?? '').trim() !== '1.') continue;
      const [month, day, year] = (row['Date'] ?? '').split('-');
      winners.push({ show, date: `${year}-${month}-${day}`, artist: row['Artist'] ?? '', song: row['Song'] ?? '' });
    }
  }
  return winners;
}

/** A title with its credits in brackets and its punctuation folded away: "APT (with Bruno Mars)" -> "apt". */
export function comparableTitle(title: string): string {
  return normalizeName(title.replace(/\s*[([](?:feat|ft|with|prod)\.?[^)\]]*[)\]]/gi, '').replace(/\s*[([][^)\]]*\bver(?:sion|\.)?[)\]]/gi, ''));
}

/** One song in both, spelled apart by at most one character ("Grain of Sand", "Grains of Sand"). */
export function sameSong(a: string, b: string): boolean {
  const x = comparableTitle(a);
  const y = comparableTitle(b);
  return x === y || (Math.min(x.length, y.length) >= 6 && editDistance(x, y, 1) <= 1);
}

export interface WinForCheck {
  show: string;
  date: string;
  artists: string[];
  song: string;
}

export function compareWinners(
  here: WinForCheck[],
  there: TableWinner[],
  years: number[],
  settled: Record<string, string>,
): CrossCheckResult {
  const key = (show: string, date: string) => `${show}|${date}`;
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  const hereBy = new Map<string, WinForCheck[]>();
  for (const win of here.filter((w) => inYears(w.date))) hereBy.set(key(win.show, win.date), [...(hereBy.get(key(win.show, win.date)) ?? []), win]);
  const thereBy = new Map<string, TableWinner[]>();
  for (const win of there.filter((w) => inYears(w.date))) thereBy.set(key(win.show, win.date), [...(thereBy.get(key(win.show, win.date)) ?? []), win]);
  const result: CrossCheckResult = { overlap: 0, agreed: 0, spellings: [], onlyHere: 0, onlyThere: 0, disagreements: [], missingHere: [] };
  const describeOurs = (ours: WinForCheck[]) => ours.map((w) => `${w.artists.join(' & ')}, "${w.song}"`).join('; ');
  const describeTheirs = (theirs: TableWinner[]) => theirs.map((w) => `${w.artist}, "${w.song}"`).join('; ');
  const onlyThere = new Map([...thereBy].filter(([episode]) => !hereBy.has(episode)));
  for (const [episode, ours] of hereBy) {
    const [show, date] = episode.split('|') as [string, string];
    const theirs = thereBy.get(episode);
    if (!theirs) {
      result.onlyHere++;
      // The same song a day or two apart on the same show: the two disagree on the date.
      const moved = [...onlyThere].find(
        ([other, winners]) =>
          other.startsWith(`${show}|`) &&
          Math.abs(Date.parse(other.slice(show.length + 1)) - Date.parse(date)) <= 3 * 86_400_000 &&
          winners.some((w) => ours.some((o) => sameSong(o.song, w.song))),
      );
      if (moved) {
        onlyThere.delete(moved[0]);
        result.disagreements.push({
          show,
          date,
          here: `${describeOurs(ours)} on ${date}`,
          there: `${describeTheirs(moved[1])} on ${moved[0].slice(show.length + 1)}`,
          settled: settled[episode] ?? 'Left out: the two give different air dates and no third source was read for it.',
        });
      }
      continue;
    }
    result.overlap++;
    const match = theirs.find((w) => ours.some((o) => sameSong(o.song, w.song)));
    if (match) {
      result.agreed++;
      const ourSong = ours.find((o) => sameSong(o.song, match.song))!.song;
      if (comparableTitle(ourSong) !== comparableTitle(match.song)) result.spellings.push({ show, date, here: ourSong, there: match.song });
      continue;
    }
    result.disagreements.push({
      show,
      date,
      here: describeOurs(ours),
      there: describeTheirs(theirs),
      settled: settled[episode] ?? 'Left out: no third source was read for it.',
    });
  }
  result.onlyThere = onlyThere.size;
  for (const [episode, theirs] of onlyThere) {
    const [show, date] = episode.split('|') as [string, string];
    result.missingHere.push({ show, date, there: describeTheirs(theirs) });
  }
  return result;
}
