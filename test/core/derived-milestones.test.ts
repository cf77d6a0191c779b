import { describe, expect, it } from 'vitest';
import { coveredSinceDebut, deriveMilestones, type RecordedWin, type WinRecords } from '../../src/core/derived-milestones.js';

const years = (from: number, to: number) => new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));
const win = (show: string, date: string, artist: string, work: string): RecordedWin => ({ show, date, artists: [artist], work });

function records(wins: RecordedWin[], coverage: Record<string, Set<number>>): WinRecords {
  return { wins, coverage: new Map(Object.entries(coverage)) };
}

describe('milestones derived from the weekly records', () => {
  const covered = { a: years(2014, 2025), b: years(2014, 2025) };

  it('needs every year from the debut to the win on the shows it speaks of', () => {
    const r = records([], { a: years(2014, 2025), b: new Set([2014, 2015, 2017]) });
    expect(coveredSinceDebut(r, ['a'], '2015-03-01', '2017-05-01')).toBe(true);
    expect(coveredSinceDebut(r, ['a', 'b'], '2015-03-01', '2017-05-01')).toBe(false);
    expect(coveredSinceDebut(r, ['a'], '2012', '2017-05-01')).toBe(false);
    expect(coveredSinceDebut(r, ['c'], '2015', '2015-05-01')).toBe(false);
  });

  it('finds a first win, a first on each show, a triple crown and a 10th win, in air-date order', () => {
    const wins = [
      win('b', '2020-01-09', 'x', 'song-1'),
      win('a', '2020-01-05', 'x', 'song-1'),
      win('a', '2020-01-12', 'x', 'song-1'),
      win('a', '2020-01-19', 'x', 'song-1'),
      ...Array.from({ length: 7 }, (_, i) => win('b', `2021-02-${String(10 + i).padStart(2, '0')}`, 'x', 'song-2')),
    ];
    const derived = deriveMilestones(records(wins, covered), new Map([['x', '2019-06-01']]));
    expect(derived.map((d) => [d.kind, d.win.date])).toEqual([
      ['first-win', '2020-01-05'],
      ['first-win-on-show', '2020-01-05'],
      ['first-win-on-show', '2020-01-09'],
      ['triple-crown', '2020-01-19'],
      ['triple-crown', '2021-02-12'],
      ['tenth-win', '2021-02-15'],
    ]);
  });

  it('derives nothing for an act without a debut date, one that debuted before the records, or one whose debut follows a win', () => {
    const wins = [win('a', '2016-01-05', 'x', 's'), win('a', '2016-01-05', 'y', 't'), win('a', '2016-01-05', 'z', 'u')];
    const debuts = new Map([
      ['y', '2010-05-01'],
      ['z', '2017-01-01'],
    ]);
    expect(deriveMilestones(records(wins, covered), debuts)).toEqual([]);
  });
});

describe('a win the store does not hold', () => {
  it('still decides what came first, and no milestone rests on it', () => {
    const wins = [{ ...win('a', '2020-01-05', 'x', 'duet'), unstored: true }, win('a', '2020-02-05', 'x', 'solo')];
    const derived = deriveMilestones(records(wins, { a: years(2014, 2025) }), new Map([['x', '2019-06-01']]));
    expect(derived).toEqual([]);
  });
});
