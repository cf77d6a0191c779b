import { describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { createAwardsStore, escapeLike } from '../../db/queries/awards-store.js';
import { readSeedFiles, SeedError } from '../../db/seed/read-seeds.js';
import { seedStore } from '../../db/seed/seed-store.js';
import { minimalSeedFiles, temporaryDatabasePath, writeSeedDirectory } from '../support/test-store.js';

const seedTables = [
  'sources',
  'artists',
  'artist_aliases',
  'memberships',
  'ceremonies',
  'ceremony_aliases',
  'editions',
  'categories',
  'complete_nominee_lists',
  'works',
  'work_credits',
  'nominations',
  'nomination_artists',
  'nomination_sources',
  'milestones',
  'milestone_artists',
  'milestone_sources',
];

function dump(db: LightstickDatabase): Record<string, unknown[]> {
  return Object.fromEntries(
    seedTables.map((table) => [table, db.$client.prepare(`select * from ${table} order by rowid`).all()]),
  );
}

function readFiles(files: Record<string, unknown>) {
  return readSeedFiles(Object.entries(files).map(([file, content]) => ({ file, text: JSON.stringify(content) })));
}

describe('seeding the store', () => {
  it('loads every article fact with its source, and loading twice changes nothing', () => {
    const db = openDatabase(':memory:');
    expect(seedStore(db).loaded).toBe(true);
    const first = dump(db);
    expect(first.nominations!.length).toBeGreaterThan(30);
    expect(first.milestones!.length).toBeGreaterThan(10);

    expect(seedStore(db).loaded).toBe(false);
    expect(seedStore(db, { force: true }).loaded).toBe(true);
    expect(dump(db)).toEqual(first);

    const uncited = db.$client
      .prepare(
        `select count(*) as n from nominations where id not in (select nomination_id from nomination_sources)
         union all select count(*) from milestones where id not in (select milestone_id from milestone_sources)`,
      )
      .all() as { n: number }[];
    expect(uncited.map((r) => r.n)).toEqual([0, 0]);
  });

  it('updates a corrected fact in place and removes one taken out of the files', () => {
    const db = openDatabase(':memory:');
    const files = minimalSeedFiles();
    seedStore(db, { directory: writeSeedDirectory(files) });
    const before = db.$client.prepare(`select id, result from nominations`).all();

    const corrected = structuredClone(files);
    corrected['facts.json'].nominations[0]!.result = 'nominated';
    corrected['facts.json'].milestones = [];
    corrected['artists.json'].artists[1]!.aliases = [{ alias: 'Solo Bee', kind: 'short' }];
    seedStore(db, { directory: writeSeedDirectory(corrected) });

    const after = db.$client.prepare(`select id, result from nominations`).all() as { id: number; result: string }[];
    expect(after).toEqual([{ id: (before[0] as { id: number }).id, result: 'nominated' }]);
    expect(db.$client.prepare(`select count(*) as n from milestones`).get()).toEqual({ n: 0 });
    const aliases = db.$client.prepare(`select alias from artist_aliases order by alias`).all();
    expect(aliases).toEqual([{ alias: 'Group A' }, { alias: 'Solo B' }, { alias: 'Solo Bee' }]);
  });

  it('opens a file database in WAL mode with foreign keys on', () => {
    const path = temporaryDatabasePath();
    const db = openDatabase(path);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    seedStore(db);
    db.$client.close();
    const reopened = openDatabase(path);
    expect(seedStore(reopened).loaded).toBe(false);
    reopened.$client.close();
  });
});

describe('seed validation', () => {
  function errorFor(mutate: (files: ReturnType<typeof minimalSeedFiles>) => void): string {
    const files = minimalSeedFiles();
    mutate(files);
    try {
      readFiles(files);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      return (error as Error).message;
    }
    throw new Error('expected the seed files to be rejected');
  }

  it('names the file, the record and the field of a malformed value', () => {
    const message = errorFor((files) => {
      (files['facts.json'].nominations[0] as { result: string }).result = 'winner';
    });
    expect(message).toContain('seeds/facts.json');
    expect(message).toContain('nominations[0]');
    expect(message).toContain('"result"');
  });

  it.each([
    ['a date that does not exist', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].editions[0]!.heldOn = '2023-02-29'), 'heldOn'],
    ['an unknown time zone', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].editions[0]!.timeZone = 'Mars/Olympus'), 'timeZone'],
    ['a nomination without sources', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].nominations[0]!.sources = []), 'sources'],
    ['an unknown artist', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].works[0]!.credits[0]!.artist = 'nobody'), 'credits'],
    ['an unknown source', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].milestones[0]!.sources = ['missing.txt']), 'sources'],
    ['an unknown category', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].nominations[0]!.category = 'best-dance'), 'category'],
    ['a milestone on a missing nomination', (f: ReturnType<typeof minimalSeedFiles>) => (f['facts.json'].milestones[0]!.nomination.work = 'other'), 'nomination'],
    ['a field nobody defined', (f: ReturnType<typeof minimalSeedFiles>) => Object.assign(f['facts.json'].nominations[0]!, { winner: true }), '(record)'],
  ])('rejects %s, naming the field', (_name, mutate, field) => {
    expect(errorFor(mutate as (f: ReturnType<typeof minimalSeedFiles>) => void)).toContain(field);
  });

  it('rejects a natural key defined twice, naming both places', () => {
    const message = errorFor((files) => {
      files['artists.json'].artists.push({ ...files['artists.json'].artists[1]!, members: undefined } as never);
    });
    expect(message).toContain('"solo-b" is already defined');
  });

  it('rejects a file that is not JSON, naming it', () => {
    expect(() => readSeedFiles([{ file: 'broken.json', text: '{ "artists": [' }])).toThrow(/seeds\/broken\.json: not valid JSON/);
  });

  it('leaves the store untouched when a later file is malformed', () => {
    const db = openDatabase(':memory:');
    const files: Record<string, unknown> = { ...minimalSeedFiles(), 'zz-broken.json': { artists: [{ slug: 'X' }] } };
    expect(() => seedStore(db, { directory: writeSeedDirectory(files) })).toThrow(/zz-broken\.json: artists\[0\]/);
    expect(db.$client.prepare(`select count(*) as n from artists`).get()).toEqual({ n: 0 });
  });
});

describe('LIKE patterns', () => {
  it('escapes % and _ so that they match only themselves', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    const db = openDatabase(':memory:');
    seedStore(db);
    const store = createAwardsStore(db);
    expect(store.aliasesStartingWith('%', 5)).toEqual([]);
    expect(store.aliasesContaining('_', 5)).toEqual([]);
    expect(store.aliasesStartingWith('', 5).length).toBe(5);
  });
});
