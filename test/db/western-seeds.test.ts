// The Western award shows' seed files, loaded into a real store: the pages are cited by address,
// and a fan's questions about them get the answers the pages give.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { seedStore } from '../../db/seed/seed-store.js';

function seededStore() {
  const db = openDatabase(':memory:');
  seedStore(db);
  return db.$client;
}

type Row = { nominee: string; result: string };

function workNominees(sqlite: ReturnType<typeof seededStore>, ceremony: string, year: number, category: string): Row[] {
  return sqlite
    .prepare(
      `select w.slug as nominee, n.result from nominations n
       join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
       join categories k on k.id = n.category_id join works w on w.id = n.work_id
       where c.slug = ? and e.year = ? and k.slug = ? order by n.result desc, w.slug`,
    )
    .all(ceremony, year, category) as Row[];
}

function artistNominees(sqlite: ReturnType<typeof seededStore>, ceremony: string, year: number, category: string): Row[] {
  return sqlite
    .prepare(
      `select a.slug as nominee, n.result from nominations n
       join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
       join categories k on k.id = n.category_id
       join nomination_artists na on na.nomination_id = n.id join artists a on a.id = na.artist_id
       where c.slug = ? and e.year = ? and k.slug = ? and n.work_id is null order by n.result desc, a.slug`,
    )
    .all(ceremony, year, category) as Row[];
}

describe('the Western award shows in seeds/', () => {
  it('cites every web page by its address, publisher and reading day, and the founding articles by theirs', () => {
    const sqlite = seededStore();
    const pages = sqlite
      .prepare(`select identifier, url, outlet, read_on as readOn from sources where identifier like 'http%'`)
      .all() as { identifier: string; url: string; outlet: string | null; readOn: string }[];
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      expect(page.url).toBe(page.identifier);
      expect(page.outlet).not.toBeNull();
      expect(page.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const founding = sqlite
      .prepare(`select identifier, outlet, url from sources where identifier like '00%.txt' order by identifier`)
      .all() as { identifier: string; outlet: string; url: string }[];
    expect(founding.map((s) => s.outlet)).toEqual(['International Business Times', 'Sportskeeda', 'Sportskeeda']);
    expect(founding.every((s) => s.url.startsWith('https://www.'))).toBe(true);
  });

  it('holds the whole Best K-Pop list of the 2023 VMAs, with Stray Kids the winner', () => {
    const sqlite = seededStore();
    expect(workNominees(sqlite, 'mtv-vmas', 2023, 'best-k-pop')).toEqual([
      { nominee: 's-class', result: 'won' },
      { nominee: 'cupid', result: 'nominated' },
      { nominee: 'girls', result: 'nominated' },
      { nominee: 'pink-venom', result: 'nominated' },
      { nominee: 'sugar-rush-ride', result: 'nominated' },
      { nominee: 'super', result: 'nominated' },
    ]);
    const complete = sqlite
      .prepare(
        `select count(*) as n from complete_nominee_lists l join editions e on e.id = l.edition_id
         join ceremonies c on c.id = e.ceremony_id join categories k on k.id = l.category_id
         where c.slug = 'mtv-vmas' and e.year = 2023 and k.slug = 'best-k-pop'`,
      )
      .get() as { n: number };
    expect(complete.n).toBe(1);
  });

  it('gives the 2025 VMAs their Best K-Pop and Best Group winners', () => {
    const sqlite = seededStore();
    expect(workNominees(sqlite, 'mtv-vmas', 2025, 'best-k-pop')[0]).toEqual({ nominee: 'born-again', result: 'won' });
    expect(artistNominees(sqlite, 'mtv-vmas', 2025, 'best-group')[0]).toEqual({ nominee: 'blackpink', result: 'won' });
  });

  it('names BTS the first winner of the AMAs\' Favorite K-Pop Artist, over the four other nominees', () => {
    const sqlite = seededStore();
    expect(artistNominees(sqlite, 'american-music-awards', 2022, 'favorite-k-pop-artist')).toEqual([
      { nominee: 'bts', result: 'won' },
      { nominee: 'blackpink', result: 'nominated' },
      { nominee: 'seventeen', result: 'nominated' },
      { nominee: 'twice', result: 'nominated' },
      { nominee: 'txt', result: 'nominated' },
    ]);
  });

  it('records "APT." as nominated, not won, in all three of its 2026 Grammy categories', () => {
    const sqlite = seededStore();
    const rows = sqlite
      .prepare(
        `select k.slug as category, n.result from nominations n join editions e on e.id = n.edition_id
         join ceremonies c on c.id = e.ceremony_id join categories k on k.id = n.category_id
         join works w on w.id = n.work_id where c.slug = 'grammy-awards' and e.year = 2026 and w.slug = 'apt'
         order by k.slug`,
      )
      .all();
    expect(rows).toEqual([
      { category: 'best-pop-duo-group-performance', result: 'nominated' },
      { category: 'record-of-the-year', result: 'nominated' },
      { category: 'song-of-the-year', result: 'nominated' },
    ]);
  });
});
