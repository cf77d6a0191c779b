import { describe, expect, it } from 'vitest';
import { anniversariesOn } from '../../src/core/anniversary-schedule.js';
import type { AnniversaryFact, AwardsStore, MilestoneFact } from '../../src/core/awards-facts.js';
import {
  anniversaryKey,
  countdownOccasion,
  countdownsFor,
  eventsToCreate,
  eventsToRemove,
  eventTimes,
  eventWindow,
  parseReminderDays,
  roundAnniversariesAhead,
  roundAnniversariesAmong,
} from '../../src/core/countdowns.js';

let nextId = 1;
function milestone(fields: Partial<MilestoneFact> & Pick<MilestoneFact, 'kind' | 'occurredOn'>): MilestoneFact {
  const id = nextId++;
  return {
    id,
    key: `m-${id}`,
    statement: fields.kind === 'debut' ? 'Debut' : 'First music show win',
    note: null,
    doubtful: false,
    attribution: null,
    asOf: null,
    exclusive: true,
    edition: null,
    workTitle: null,
    artists: [{ id: 1, slug: 'twice', name: 'TWICE', isKpop: true, role: null, hangulName: '트와이스' }],
    sources: [],
    origin: 'seed',
    ...fields,
  };
}

/** Only what anniversariesOn reads: the store's dated facts by month-day, before a year. */
function storeOf(milestones: MilestoneFact[]): AwardsStore {
  return {
    anniversariesPage(monthDays: string[], beforeYear: number): AnniversaryFact[] {
      return milestones
        .filter((m) => m.occurredOn && monthDays.includes(m.occurredOn.slice(5)) && Number(m.occurredOn.slice(0, 4)) < beforeYear)
        .map((m) => ({ kind: 'milestone', milestone: m }));
    },
  } as unknown as AwardsStore;
}

const debut = milestone({ kind: 'debut', occurredOn: '2015-10-20' });
const firstWin = milestone({ kind: 'first', occurredOn: '2016-05-05' });
const leapDebut = milestone({ kind: 'debut', occurredOn: '2016-02-29', statement: 'Solo debut', key: 'solo-act-solo-debut' });
const chart = milestone({ kind: 'chart', occurredOn: '2015-10-20' });
const hundredth = milestone({ kind: 'record', occurredOn: '2021-06-10', key: 'twice-100th-music-show-win', statement: '100th win on the weekly music shows' });
const tenth = milestone({ kind: 'record', occurredOn: '2021-06-10', key: 'twice-10th-music-show-win', statement: '10th win on the weekly music shows' });
const store = storeOf([debut, firstWin, leapDebut, chart, hundredth, tenth]);
const entriesOn = (localDate: string) => anniversariesOn(store, localDate);

describe('round anniversaries', () => {
  it('counts a debut, a first and a proved 100th win, not charts, records or undated and doubtful claims', () => {
    expect(countdownOccasion(debut)).toBe('debut');
    expect(countdownOccasion(leapDebut)).toBe('solo-debut');
    expect(countdownOccasion(firstWin)).toBe('first');
    expect(countdownOccasion(hundredth)).toBe('hundredth-win');
    expect(countdownOccasion(tenth)).toBeNull();
    expect(countdownOccasion(chart)).toBeNull();
    expect(countdownOccasion(milestone({ kind: 'first', occurredOn: '2016-05' }))).toBeNull();
    expect(countdownOccasion(milestone({ kind: 'first', occurredOn: '2016-05-05', doubtful: true }))).toBeNull();
  });

  it.each([
    ['2016-10-20', 1],
    ['2020-10-20', 5],
    ['2025-10-20', 10],
    ['2030-10-20', 15],
    ['2040-10-20', 25],
  ])('finds the debut on %s as its %ith anniversary', (localDate, years) => {
    expect(roundAnniversariesAmong(localDate, entriesOn(localDate))).toEqual([{ localDate, years, occasion: 'debut', milestone: debut }]);
  });

  it.each(['2017-10-20', '2019-10-20', '2026-10-20', '2015-10-20', '2025-10-21'])('finds nothing round on %s', (localDate) => {
    expect(roundAnniversariesAmong(localDate, entriesOn(localDate))).toEqual([]);
  });

  it('remembers a February 29 fact on February 28 in a common year, and on the 29th in a leap year', () => {
    // 2021 is a common year: its 5th anniversary is on February 28.
    expect(roundAnniversariesAmong('2021-02-28', entriesOn('2021-02-28')).map((a) => a.years)).toEqual([5]);
    expect(roundAnniversariesAmong('2021-03-01', entriesOn('2021-03-01'))).toEqual([]);
    // 2036 is a leap year: the 20th falls on the 29th itself, and not on the 28th.
    expect(roundAnniversariesAmong('2036-02-29', entriesOn('2036-02-29')).map((a) => a.years)).toEqual([20]);
    expect(roundAnniversariesAmong('2036-02-28', entriesOn('2036-02-28'))).toEqual([]);
  });
});

describe('reminder days', () => {
  it.each([
    ['7,1', [7, 1]],
    ['1, 7', [7, 1]],
    ['7 3 1', [7, 3, 1]],
    ['30', [30]],
    ['7,7,1', [7, 1]],
    ['off', []],
    ['0', []],
  ])('reads "%s"', (typed, days) => {
    expect(parseReminderDays(typed)).toEqual({ ok: true, days });
  });

  it.each([
    ['seven', 'not-a-list'],
    ['7,-1', 'not-a-list'],
    ['', 'not-a-list'],
    ['1.5', 'not-a-list'],
    ['31', 'out-of-range'],
    ['0,7', 'out-of-range'],
    ['1,2,3,4,5,6', 'too-many'],
  ])('refuses "%s" (%s)', (typed, problem) => {
    expect(parseReminderDays(typed)).toEqual({ ok: false, problem });
  });

  it('announces on each chosen day ahead, nearest first, and on no other', () => {
    // TWICE's 10th anniversary of its debut is 2025-10-20.
    expect(countdownsFor('2025-10-13', [7, 1], entriesOn)).toEqual([{ localDate: '2025-10-20', years: 10, occasion: 'debut', milestone: debut, daysAhead: 7 }]);
    expect(countdownsFor('2025-10-19', [7, 1], entriesOn).map((c) => [c.daysAhead, c.localDate])).toEqual([[1, '2025-10-20']]);
    for (const day of ['2025-10-12', '2025-10-14', '2025-10-18', '2025-10-20']) expect(countdownsFor(day, [7, 1], entriesOn)).toEqual([]);
    expect(countdownsFor('2025-10-13', [], entriesOn)).toEqual([]);
  });

  it('counts days across a month and a year end, and to a February 29 remembered on the 28th', () => {
    // 2021-02-28 is the 5th anniversary of a February 29, 2016 debut; a week before is February 21.
    expect(countdownsFor('2021-02-21', [7], entriesOn).map((c) => [c.years, c.localDate])).toEqual([[5, '2021-02-28']]);
    expect(countdownsFor('2020-12-31', [30], entriesOn)).toEqual([]);
  });
});

describe('scheduled events', () => {
  it('looks from tomorrow to 30 days ahead in the server’s own time zone', () => {
    // 20:00 UTC on October 12 is already October 13 in Seoul.
    const now = new Date('2025-10-12T20:00:00Z');
    expect(eventWindow(now, 'UTC')[0]).toBe('2025-10-13');
    expect(eventWindow(now, 'Asia/Seoul')[0]).toBe('2025-10-14');
    expect(eventWindow(now, 'Asia/Seoul')).toHaveLength(30);
    expect(eventWindow(now, 'Asia/Seoul').at(-1)).toBe('2025-11-12');
    expect(roundAnniversariesAhead(now, 'America/Los_Angeles', entriesOn).map((a) => a.localDate)).toEqual(['2025-10-20']);
  });

  it('lasts one local day: midnight to midnight, 25 hours on the night the clocks go back', () => {
    expect(eventTimes('2025-10-20', 'Asia/Seoul')).toEqual({ start: new Date('2025-10-19T15:00:00Z'), end: new Date('2025-10-20T15:00:00Z') });
    const fallBack = eventTimes('2025-11-02', 'America/New_York');
    expect(fallBack.start.toISOString()).toBe('2025-11-02T04:00:00.000Z');
    expect(fallBack.end.getTime() - fallBack.start.getTime()).toBe(25 * 3_600_000);
  });

  it('creates what is missing within the cap and removes what is no longer wanted', () => {
    const wanted = roundAnniversariesAhead(new Date('2025-10-01T00:00:00Z'), 'UTC', entriesOn);
    expect(wanted.map(anniversaryKey)).toEqual([`${debut.id}:2025-10-20`]);
    expect(eventsToCreate(wanted, new Set(), 0)).toEqual({ create: wanted, leftOut: 0 });
    expect(eventsToCreate(wanted, new Set([anniversaryKey(wanted[0]!)]), 0)).toEqual({ create: [], leftOut: 0 });
    expect(eventsToCreate(wanted, new Set(), 100)).toEqual({ create: [], leftOut: 1 });
    const rows = [
      { anniversaryKey: `${debut.id}:2025-10-20`, localDate: '2025-10-20' },
      { anniversaryKey: '999:2025-10-25', localDate: '2025-10-25' },
      { anniversaryKey: '998:2025-10-01', localDate: '2025-10-01' },
    ];
    // The withdrawn one goes; today's stays, since its event is on.
    expect(eventsToRemove(wanted, rows, '2025-10-01')).toEqual([rows[1]]);
  });
});
