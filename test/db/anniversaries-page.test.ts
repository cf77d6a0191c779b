// A day's anniversaries read a page at a time: counted and ordered in SQL, each page's facts read
// by id. On a real store built from seed files, with the real migrations.
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { milestones } from '../../db/schema.js';
import type { AnniversaryFact } from '../../src/core/awards-facts.js';
import { findOnThisDay } from '../../src/core/on-this-day.js';
import { openTestStore, writeSeedDirectory } from '../support/test-store.js';

const YEARS = Array.from({ length: 10 }, (_, index) => 2016 + index);
const CATEGORIES = [
  { slug: 'best-song', name: 'Best Song' },
  { slug: 'artist-of-the-year', name: 'Artist of the Year' },
  { slug: 'best-group', name: 'Best Group' },
];
// Listed out of order on purpose: the store sorts by name.
const AWARD_SHOWS = [
  { slug: 'beta-awards', name: 'Beta Awards' },
  { slug: 'alpha-awards', name: 'Alpha Awards' },
];

function busyDaySeeds() {
  const source = 'article-a.txt';
  const editions = [
    ...AWARD_SHOWS.flatMap((show) => YEARS.map((year) => ({ ceremony: show.slug, year, heldOn: `${year}-05-17`, timeZone: 'UTC', source }))),
    { ceremony: 'two-day-awards', year: 2024, heldOn: '2024-11-28', timeZone: 'Asia/Seoul', source },
    // This year's edition: not an anniversary yet.
    { ceremony: 'alpha-awards', year: 2026, heldOn: '2026-05-17', timeZone: 'UTC', source },
  ];
  const episodes = ['2020-02-29', '2021-02-28', '2024-02-29'];
  const nominations = [
    ...[...AWARD_SHOWS.flatMap((show) => YEARS.map((year) => ({ show, year }))), { show: AWARD_SHOWS[1]!, year: 2026 }].flatMap(({ show, year }) =>
      CATEGORIES.map((category) => ({ ceremony: show.slug, year, category: category.slug, artists: ['group-a'], result: 'won', sources: [source] })),
    ),
    // Not a win: never remembered.
    { ceremony: 'beta-awards', year: 2019, category: 'best-song', artists: ['solo-b'], result: 'nominated', sources: [source] },
    // A ceremony held over two days: one award given on its second day, one whose day is not known.
    { ceremony: 'two-day-awards', year: 2024, category: 'best-song', artists: ['solo-b'], result: 'won', awardedOn: '2024-11-29', sources: [source] },
    { ceremony: 'two-day-awards', year: 2024, category: 'best-group', artists: ['group-a'], result: 'won', sources: [source] },
    ...episodes.map((date) => ({
      ceremony: 'weekly-show',
      year: Number(date.slice(0, 4)),
      date,
      category: 'first-place',
      artists: ['solo-b'],
      result: 'won',
      sources: [source],
    })),
  ];
  const milestone = (key: string, occurredOn: string) => ({
    key,
    kind: 'record',
    artists: ['group-a'],
    statement: `Record ${key}`,
    occurredOn,
    sources: [source],
  });
  return {
    'sources.json': { sources: [{ id: source, publishedOn: '2026-01-01', headline: 'A test article', outlet: null }] },
    'artists.json': {
      artists: [
        { slug: 'group-a', name: 'Group A', kind: 'group', kpop: true, members: ['solo-b'] },
        { slug: 'solo-b', name: 'Solo B', kind: 'soloist', kpop: true },
      ],
    },
    'ceremonies.json': {
      ceremonies: [
        ...AWARD_SHOWS.map((show) => ({ ...show, shortName: show.name, categories: CATEGORIES })),
        { slug: 'weekly-show', name: 'Weekly Show', shortName: 'WS', kind: 'music_show', categories: [{ slug: 'first-place', name: 'First Place' }] },
        { slug: 'two-day-awards', name: 'Two Day Awards', shortName: 'TDA', categories: CATEGORIES },
      ],
    },
    'facts.json': {
      editions: [
        ...editions,
        ...episodes.map((date) => ({ ceremony: 'weekly-show', year: Number(date.slice(0, 4)), heldOn: date, timeZone: 'Asia/Seoul', source })),
      ],
      nominations,
      milestones: [
        milestone('record-2018-second', '2018-05-17'),
        milestone('record-2018-first', '2018-05-17'),
        milestone('record-2023', '2023-05-17'),
        milestone('record-withdrawn', '2021-05-17'),
        milestone('record-this-year', '2026-05-17'),
        // A month without a day is no anniversary.
        milestone('record-month-only', '2019-05'),
      ],
    },
  };
}

const opened = openTestStore({ seedDirectory: writeSeedDirectory(busyDaySeeds()) });
const { store, db } = opened;
db.update(milestones).set({ withdrawnAt: Date.parse('2026-03-01T00:00:00Z'), withdrawnBy: 'test' }).where(eq(milestones.key, 'record-withdrawn')).run();
afterAll(() => opened.close());

/** A fact as "date kind ceremony category" or "date milestone key", to compare orders. */
function describeFact(fact: AnniversaryFact): string {
  if (fact.kind === 'win') {
    const { nomination } = fact;
    return `${nomination.awardedOn ?? nomination.edition.heldOn} win ${nomination.edition.ceremonyName} ${nomination.categoryName}`;
  }
  return `${fact.milestone.occurredOn} milestone ${fact.milestone.key}`;
}

/** What May 17 holds in 2026, worked out from the seeds rather than from the store. */
function expectedMay17(): string[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const lines = YEARS.flatMap((year) => [
    ...[...AWARD_SHOWS].sort(byName).flatMap((show) => [...CATEGORIES].sort(byName).map((category) => `${year}-05-17 win ${show.name} ${category.name}`)),
    // Milestones of one date in the order they were recorded.
    ...(year === 2018 ? ['2018-05-17 milestone record-2018-second', '2018-05-17 milestone record-2018-first'] : []),
    ...(year === 2023 ? ['2023-05-17 milestone record-2023'] : []),
  ]);
  return lines;
}

describe('a day of anniversaries, a page at a time', () => {
  const may17 = ['05-17'];

  it('counts the live wins and dated milestones of earlier years only', () => {
    // 2 shows x 10 years x 3 categories, and 3 milestones: not this year's, not the withdrawn one,
    // not the nomination that did not win, not the month without a day.
    expect(store.countAnniversaries(may17, 2026)).toBe(63);
    expect(store.countAnniversaries(may17, 2027)).toBe(63 + 3 + 1);
    expect(store.countAnniversaries(['12-25'], 2026)).toBe(0);
  });

  it('orders by date, wins before milestones, wins by ceremony then category', () => {
    const whole = store.anniversariesPage(may17, 2026, 0, 1000).map(describeFact);
    expect(whole).toEqual(expectedMay17());
  });

  it('gives the same facts page by page as all at once, with their artists and sources', () => {
    const pages = Array.from({ length: 7 }, (_, page) => store.anniversariesPage(may17, 2026, page * 10, 10));
    expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 10, 10, 10, 3]);
    expect(pages.flat().map(describeFact)).toEqual(expectedMay17());
    for (const fact of pages.flat()) {
      const { artists, sources } = fact.kind === 'win' ? fact.nomination : fact.milestone;
      expect(artists.map((artist) => artist.name)).toEqual(['Group A']);
      expect(sources.map((source) => source.identifier)).toEqual(['article-a.txt']);
    }
    expect(store.anniversariesPage(may17, 2026, 70, 10)).toEqual([]);
  });

  it('remembers February 29 on the 28th of a common year, in date order', () => {
    expect(store.anniversariesPage(['02-28', '02-29'], 2027, 0, 10).map(describeFact)).toEqual([
      '2020-02-29 win Weekly Show First Place',
      '2021-02-28 win Weekly Show First Place',
      '2024-02-29 win Weekly Show First Place',
    ]);
    expect(store.countAnniversaries(['02-28', '02-29'], 2027)).toBe(3);
  });

  it('dates an award given on one day of a ceremony held over several by that day, not the first day', () => {
    expect(store.anniversariesPage(['11-28'], 2026, 0, 10).map(describeFact)).toEqual(['2024-11-28 win Two Day Awards Best Group']);
    expect(store.anniversariesPage(['11-29'], 2026, 0, 10).map(describeFact)).toEqual(['2024-11-29 win Two Day Awards Best Song']);
    expect(store.countAnniversaries(['11-28'], 2026)).toBe(1);
    expect(store.countAnniversaries(['11-29'], 2026)).toBe(1);
    // Not before the year it was given.
    expect(store.countAnniversaries(['11-29'], 2024)).toBe(0);
    const day = findOnThisDay(store, { month: 11, day: 29 }, new Date('2026-11-29T09:00:00Z'));
    expect(day.entries).toMatchObject([{ kind: 'win', date: '2024-11-29', yearsAgo: 2, nomination: { awardedOn: '2024-11-29', edition: { heldOn: '2024-11-28' } } }]);
  });

  it('refuses a list of month-days that is not one or two', () => {
    expect(() => store.countAnniversaries([], 2026)).toThrow(RangeError);
    expect(() => store.anniversariesPage(['01-01', '01-02', '01-03'], 2026, 0, 10)).toThrow(RangeError);
  });
});

describe('findOnThisDay, paged', () => {
  const now = new Date('2026-05-17T09:00:00Z');
  const may17 = { month: 5, day: 17 };

  it('says which page it gave, of how many, and how many facts in all', () => {
    const second = findOnThisDay(store, may17, now, 'UTC', { page: 1, pageSize: 10 });
    expect(second).toMatchObject({ page: 1, pageCount: 7, total: 63, today: '2026-05-17' });
    expect(second.entries.map((entry) => entry.date)).toEqual(expectedMay17().slice(10, 20).map((line) => line.slice(0, 10)));
    expect(second.entries[0]).toMatchObject({ kind: 'win', yearsAgo: 9 });
  });

  it('gives the last page for a page past the end, and the first for a negative one', () => {
    expect(findOnThisDay(store, may17, now, 'UTC', { page: 99, pageSize: 10 })).toMatchObject({ page: 6, pageCount: 7 });
    expect(findOnThisDay(store, may17, now, 'UTC', { page: 99, pageSize: 10 }).entries).toHaveLength(3);
    expect(findOnThisDay(store, may17, now, 'UTC', { page: -3, pageSize: 10 }).page).toBe(0);
  });

  it('has one empty page for a day with nothing', () => {
    expect(findOnThisDay(store, { month: 12, day: 25 }, now, 'UTC', { page: 2, pageSize: 10 })).toMatchObject({
      entries: [],
      page: 0,
      pageCount: 1,
      total: 0,
    });
  });

  it('gives the whole day on one page when no paging is asked', () => {
    const whole = findOnThisDay(store, may17, now);
    expect(whole).toMatchObject({ page: 0, pageCount: 1, total: 63 });
    expect(whole.entries).toHaveLength(63);
  });
});
