// Compares the first compilation's winners with an independent one over the episodes both cover.
// A song is compared, not the act's spelling ("Jaechan" and "Park Jae-chan" are one act): the same
// show on the same day never crowned two different songs by accident.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { normalizeName } from '../../src/core/names.js';
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
  onlyHere: number;
  onlyThere: number;
  disagreements: CrossCheckDisagreement[];
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
  return normalizeName(title.replace(/\s*[([](?:feat|ft|with|prod)\.?[^)\]]*[)\]]/gi, ''));
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
  const result: CrossCheckResult = { overlap: 0, agreed: 0, onlyHere: 0, onlyThere: 0, disagreements: [] };
  for (const [episode, ours] of hereBy) {
    const theirs = thereBy.get(episode);
    if (!theirs) {
      result.onlyHere++;
      continue;
    }
    result.overlap++;
    const ourSongs = new Set(ours.map((w) => comparableTitle(w.song)));
    const same = theirs.some((w) => ourSongs.has(comparableTitle(w.song)));
    if (same) {
      result.agreed++;
      continue;
    }
    const [show, date] = episode.split('|') as [string, string];
    result.disagreements.push({
      show,
      date,
      here: ours.map((w) => `${w.artists.join(' & ')}, "${w.song}"`).join('; '),
      there: theirs.map((w) => `${w.artist}, "${w.song}"`).join('; '),
      settled: settled[episode] ?? 'Left out: no third source was read for it.',
    });
  }
  for (const episode of thereBy.keys()) if (!hereBy.has(episode)) result.onlyThere++;
  return result;
}
