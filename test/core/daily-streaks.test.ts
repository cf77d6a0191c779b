// Streaks over a server's question days: a wrong or missed answer ends one; a day with no question
// (the bot was down) neither counts nor breaks it; days are local dates, so DST changes nothing.
import { describe, expect, it } from 'vitest';
import { streakOf, streakStandings } from '../../src/core/daily-streaks.js';

const right = (localDate: string) => ({ localDate, correct: true });
const wrong = (localDate: string) => ({ localDate, correct: false });

describe('a fan streak', () => {
  it('counts question days in a row answered right', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(streakOf(days, days.map(right), null)).toEqual({ current: 3, best: 3 });
  });

  it('ends at a wrong answer, keeping the best', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
    expect(streakOf(days, [right(days[0]!), right(days[1]!), wrong(days[2]!), right(days[3]!)], null)).toEqual({ current: 1, best: 2 });
  });

  it('ends at a missed day', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    expect(streakOf(days, [right(days[0]!), right(days[2]!)], null)).toEqual({ current: 1, best: 1 });
  });

  it('is not broken by a day that had no question (the bot was down)', () => {
    // No question on March 2.
    const days = ['2026-03-01', '2026-03-03', '2026-03-04'];
    expect(streakOf(days, days.map(right), null)).toEqual({ current: 3, best: 3 });
  });

  it('runs across a daylight-saving change like any other day', () => {
    // New York springs forward on March 8, 2026, and falls back on November 1.
    const days = ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02'];
    expect(streakOf(days, days.map(right), null)).toEqual({ current: 6, best: 6 });
  });

  it('stands while the newest question is still open and unanswered, and ends once it closed unanswered', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    const answers = [right(days[0]!), right(days[1]!)];
    expect(streakOf(days, answers, '2026-03-03')).toEqual({ current: 2, best: 2 });
    expect(streakOf([...days, '2026-03-04'], answers, '2026-03-04')).toEqual({ current: 0, best: 2 });
  });

  it('is nothing for a fan who never answered', () => {
    expect(streakOf(['2026-03-01'], [], null)).toEqual({ current: 0, best: 0 });
  });
});

describe('the streak standings', () => {
  it('order fans by current streak, best streak, then right answers in the window, leaving out fans with nothing', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03'];
    const fan = (userId: string, answers: { localDate: string; correct: boolean }[]) => answers.map((a) => ({ ...a, userId, userName: userId }));
    const standings = streakStandings(
      days,
      [
        ...fan('a', [right(days[0]!), right(days[1]!), right(days[2]!)]),
        ...fan('b', [right(days[0]!), right(days[1]!), wrong(days[2]!)]),
        ...fan('c', [wrong(days[0]!), right(days[2]!)]),
        ...fan('d', [wrong(days[0]!)]),
      ],
      null,
      '2026-03-02',
    );
    expect(standings.map((s) => [s.userId, s.current, s.best, s.recentRight])).toEqual([
      ['a', 3, 3, 2],
      ['c', 1, 1, 1],
      ['b', 0, 2, 1],
    ]);
  });
});
