// Imports on a real store (real migrations and seeds): planning changes nothing, applying adds the
// facts in one go, the same file twice is a no-op, and every malformed file is refused whole.
import { afterEach, describe, expect, it } from 'vitest';
import type { LightstickDatabase } from '../../db/database.js';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { findAwards } from '../../src/core/awards.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import type { OpenedStore } from '../../src/open-store.js';
import { applyImportPlan } from '../../src/import/apply-import.js';
import { isNoOp, planImport, type ImportPlanning } from '../../src/import/plan-import.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestStore, temporaryDatabasePath } from '../support/test-store.js';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const now = new Date('2026-11-21T12:00:00Z');
const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published';

let opened: OpenedStore | undefined;
afterEach(() => opened?.close());

function open(): OpenedStore {
  opened = openTestStore();
  return opened;
}

function plan(store: OpenedStore, text: string | Buffer, fileName = 'wins.csv'): ImportPlanning {
  return planImport(
    { store: store.store, lookups: createContributionLookups(store.db) },
    { bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, fileName, by: 'curator-1', now },
  );
}

/** Every row of the fact tables: what "changes nothing" is checked against. */
function dump(db: LightstickDatabase) {
  const tables = ['artists', 'artist_aliases', 'ceremonies', 'categories', 'editions', 'works', 'work_credits', 'sources', 'nominations', 'nomination_artists', 'nomination_sources', 'milestones', 'imports'];
  return Object.fromEntries(tables.map((table) => [table, db.$client.prepare(`select * from ${table} order by rowid`).all()]));
}

function artist(store: OpenedStore, name: string) {
  const found = resolveArtist(store.store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist;
}

const musicBankCsv = [
  header + ',ceremony_kind',
  'skz,Music Bank,2023-06-09,1st Place,won,S-Class,https://news.example.com/a,Stray Kids win,Example News,2023-06-10,music_show',
  'Stray Kids,Music Bank,2023-06-16,1st Place,won,S-Class,https://news.example.com/b,A second win,Example News,2023-06-17,',
].join('\n');

describe('importing a CSV file', () => {
  it('plans without changing anything, applies in one go, and a second import changes nothing and says so', () => {
    const store = open();
    const before = dump(store.db);
    const planning = plan(store, musicBankCsv);
    if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
    expect(dump(store.db)).toEqual(before);
    expect(planning.plan.newCeremonies).toMatchObject([{ name: 'Music Bank', kind: 'music_show' }]);
    expect(planning.plan.newCategories).toMatchObject([{ name: '1st Place', ceremonySlug: 'music-bank' }]);
    expect(planning.plan.newArtists).toEqual([]);
    // Two wins of one act on one weekly show in one year are two facts.
    expect(planning.plan.added.map((p) => [p.row, p.fact.type === 'nomination' && p.fact.edition.airDate])).toEqual([
      ['row 2', '2023-06-09'],
      ['row 3', '2023-06-16'],
    ]);

    expect(applyImportPlan(store.db, store.store, planning.plan, now)).toMatchObject({ status: 'applied', added: 2, changed: 0 });
    const wins = findAwards(store.store, artist(store, 'Stray Kids'), { result: 'won' });
    const musicBank = wins.editions.filter((e) => e.edition.ceremonyName === 'Music Bank');
    expect(musicBank.map((e) => e.edition.heldOn)).toEqual(['2023-06-16', '2023-06-09']);
    expect(musicBank[0]!.nominations[0]!.sources[0]).toMatchObject({ url: 'https://news.example.com/b', outlet: 'Example News', publishedOn: '2023-06-17' });
    expect(musicBank[0]!.nominations[0]!.origin).toBe('import');

    const afterApply = dump(store.db);
    const again = plan(store, musicBankCsv);
    if (!again.ok) throw new Error('second plan failed');
    expect(isNoOp(again.plan)).toBe(true);
    expect(again.plan.unchanged).toHaveLength(2);
    expect(again.plan.previousImports).toMatchObject([{ fileName: 'wins.csv', importedBy: 'curator-1' }]);
    expect(applyImportPlan(store.db, store.store, again.plan, now)).toEqual({ status: 'nothing-to-change' });
    expect(dump(store.db)).toEqual(afterApply);
  });

  it('reads CSV as spreadsheets write it: a byte-order mark, CRLF, quoted commas and quotes, Hangul, columns in any order', () => {
    const store = open();
    const csv =
      '\uFEFFsource_url,artist,ceremony,date,category,result,work,source_title,source_publisher,source_published\r\n' +
      'https://news.example.com/jk,정국,MTV VMAs,2023,"Best Song, Again","won","Seven","Jungkook says ""thank you"", again",뉴스,2023-09-20\r\n';
    const planning = plan(store, Buffer.from(csv, 'utf8'));
    if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
    const [added] = planning.plan.added;
    expect(added!.fact).toMatchObject({ type: 'nomination', categoryName: 'Best Song, Again', workSlug: 'seven', artistNames: ['Jungkook', 'Latto'] });
    expect(added!.fact.sources[0]).toMatchObject({ title: 'Jungkook says "thank you", again', publisher: '뉴스' });
    expect(planning.plan.newCategories).toMatchObject([{ ceremonySlug: 'mtv-vmas', name: 'Best Song, Again' }]);
  });

  it('refuses an unknown artist with suggestions, and adds one only when the row gives artist_kind', () => {
    const store = open();
    const typo = plan(store, `${header}\nStray Kidz,MTV VMAs,2024,Best K-Pop,won,,https://e.example.com/x,T,,2024-09-12`);
    expect(typo.ok).toBe(false);
    if (typo.ok) return;
    expect(typo.problems).toEqual([
      { file: 'wins.csv', row: 'row 2', field: 'artist', code: 'unknown-artist', value: 'Stray Kidz', suggestions: ['Stray Kids'] },
    ]);
    const added = plan(store, `${header},artist_kind\nTWICE,MTV VMAs,2024,Best K-Pop,nominated,,https://e.example.com/x,T,,2024-09-12,group`);
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    expect(added.plan.newArtists).toMatchObject([{ name: 'TWICE', slug: 'twice', kind: 'group' }]);
  });

  it('needs an episode date for a music show', () => {
    const store = open();
    const planning = plan(store, `${header},ceremony_kind\nskz,Inkigayo,2023,1st,won,,https://e.example.com/x,T,,2023-06-10,music_show`);
    expect(!planning.ok && planning.problems.map((p) => [p.field, p.code])).toEqual([['date', 'episode-needs-date']]);
  });
});

describe('a fact dated in 2099 is refused in either format, by the same checks', () => {
  const source = { id: 'https://news.example.com/future', url: 'https://news.example.com/future', publishedOn: '2026-11-20', headline: 'A win', outlet: null };
  const nomination = { ceremony: 'mtv-vmas', category: 'song-of-the-year', artists: ['stray-kids'], result: 'won', sources: [source.id] };
  const cases: [string, string, string, { row: string; field: string; value: string }][] = [
    ['a CSV row', 'wins.csv', `${header}\nskz,MTV VMAs,2099,Best K-Pop,won,,https://news.example.com/future,A win,,2026-11-20`, { row: 'row 2', field: 'date', value: '2099' }],
    ['a CSV row with its day', 'wins.csv', `${header}\nskz,MTV VMAs,2099-09-12,Best K-Pop,won,,https://news.example.com/future,A win,,2026-11-20`, { row: 'row 2', field: 'date', value: '2099-09-12' }],
    ['a JSON nomination by its year alone', 'facts.json', JSON.stringify({ sources: [source], nominations: [{ ...nomination, year: 2099 }] }), { row: 'nominations[0]', field: 'year', value: '2099' }],
    ['a JSON nomination with its day', 'facts.json', JSON.stringify({ sources: [source], nominations: [{ ...nomination, year: 2099, date: '2099-09-12' }] }), { row: 'nominations[0]', field: 'year', value: '2099' }],
    [
      'a JSON nomination whose edition record is held in 2099',
      'facts.json',
      JSON.stringify({ sources: [source], editions: [{ ceremony: 'mtv-vmas', year: 2026, heldOn: '2099-09-12', source: source.id }], nominations: [{ ...nomination, year: 2026 }] }),
      { row: 'nominations[0]', field: 'date', value: '2099-09-12' },
    ],
    [
      'a JSON milestone',
      'facts.json',
      JSON.stringify({ sources: [source], milestones: [{ key: 'future-first', kind: 'first', artists: ['stray-kids'], statement: 'A first', occurredOn: '2099-01-01', sources: [source.id] }] }),
      { row: 'milestones[0]', field: 'occurredOn', value: '2099-01-01' },
    ],
    [
      'a JSON source published in 2099',
      'facts.json',
      JSON.stringify({ sources: [{ ...source, publishedOn: '2099-01-01' }], nominations: [{ ...nomination, year: 2025 }] }),
      { row: 'nominations[0]', field: 'publishedOn', value: '2099-01-01' },
    ],
  ];
  for (const [name, fileName, text, expected] of cases) {
    it(name, () => {
      const store = open();
      const planning = plan(store, text, fileName);
      expect(planning.ok).toBe(false);
      if (planning.ok) return;
      expect(planning.problems[0]).toMatchObject({ file: fileName, code: 'future-date', ...expected });
    });
  }

  it('takes the same JSON nomination dated this year', () => {
    const planning = plan(open(), JSON.stringify({ sources: [source], nominations: [{ ...nomination, year: 2026 }] }), 'facts.json');
    if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
    expect(planning.plan.added).toHaveLength(1);
  });
});

describe('a malformed file changes nothing and names the file, the row and the field', () => {
  const good = 'skz,MTV VMAs,2023-09-12,Best K-Pop,won,S-Class,https://e.example.com/x,Title,,2023-09-13';
  const cases: [string, string | Buffer, { row: string | null; field: string; code: string }][] = [
    ['a missing column', 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher\nskz,a,b,c,d,e,f,g,h', { row: 'row 1', field: 'source_published', code: 'bad-header' }],
    ['an unknown column', `${header},stage\n${good},x`, { row: 'row 1', field: 'stage', code: 'bad-header' }],
    ['a bad date', `${header}\n${good.replace('2023-09-12', '2023-02-30')}`, { row: 'row 2', field: 'date', code: 'bad-date' }],
    ['a future date', `${header}\n${good.replace('2023-09-12', '2027-01-01')}`, { row: 'row 2', field: 'date', code: 'future-date' }],
    ['an unknown result', `${header}\n${good.replace(',won,', ',winner,')}`, { row: 'row 2', field: 'result', code: 'bad-result' }],
    ['a row missing its source', `${header}\n${good.replace('https://e.example.com/x', '')}`, { row: 'row 2', field: 'source_url', code: 'missing-source' }],
    ['a bad URL', `${header}\n${good.replace('https://e.example.com/x', 'javascript:alert(1)')}`, { row: 'row 2', field: 'source_url', code: 'bad-url' }],
    ['a file that is not UTF-8', Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0x52, 0x6f, 0x73, 0xe9, 0x2c])]), { row: null, field: '(file)', code: 'not-utf8' }],
    ['an unclosed quote', `${header}\n"skz,MTV VMAs`, { row: 'row 2', field: '(file)', code: 'malformed' }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const store = open();
      const before = dump(store.db);
      const planning = plan(store, typeof text === 'string' ? Buffer.from(text) : text);
      expect(planning.ok).toBe(false);
      if (planning.ok) return;
      expect(planning.problems[0]).toMatchObject({ file: 'wins.csv', ...expected });
      expect(dump(store.db)).toEqual(before);
    });
  }

  it('exits 2 from the command line, leaving the store as it was', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'lightstick-import-'));
    const file = join(directory, 'bad.csv');
    writeFileSync(file, `${header}\n${good.replace(',won,', ',winner,')}`);
    const databasePath = temporaryDatabasePath();
    const environment = { DATABASE_PATH: databasePath };
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await runImport([file], environment, now)).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toMatch(/bad\.csv, row 2, field result "winner"/);
    const reopened = openTestStore({ path: databasePath });
    expect(reopened.db.$client.prepare(`select count(*) as n from imports`).get()).toEqual({ n: 0 });
    reopened.close();
  });
});
