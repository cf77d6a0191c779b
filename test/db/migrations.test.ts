// The contributed-facts migration carries a database made by the earlier migrations forward,
// keeping its rows: checked on a file migrated to 0002 and filled, then opened with every migration.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../db/database.js';
import { temporaryDatabasePath } from '../support/test-store.js';

/** A copy of the migrations folder that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'lightstick-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('the contributed-facts migration', () => {
  it('keeps every row of a store made by the earlier migrations, each edition keyed by its year', () => {
    const path = temporaryDatabasePath();
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsUpTo(3) });
    old.exec(`
      insert into sources (id, identifier, published_on, headline, outlet) values (1, 'a.txt', '2023-09-13', 'A headline', null);
      insert into artists (id, slug, name, kind, is_kpop) values (1, 'stray-kids', 'Stray Kids', 'group', 1);
      insert into ceremonies (id, slug, name, short_name) values (1, 'mtv-vmas', 'MTV Video Music Awards', 'MTV VMAs');
      insert into categories (id, ceremony_id, slug, name) values (1, 1, 'best-k-pop', 'Best K-Pop');
      insert into editions (id, ceremony_id, year, held_on, source_id) values (1, 1, 2023, '2023-09-12', 1), (2, 1, 2022, null, 1);
      insert into nominations (id, edition_id, category_id, nominee_key, result) values (1, 1, 1, 'artists:stray-kids', 'won');
      insert into nomination_artists (nomination_id, artist_id, position) values (1, 1, 0);
      insert into nomination_sources (nomination_id, source_id) values (1, 1);
      insert into milestones (id, key, kind, statement, occurred_on, edition_id, nomination_id) values (1, 'skz-first', 'first', 'First win', '2023-09-12', 1, 1);
      insert into milestone_sources (milestone_id, source_id) values (1, 1);
      insert into complete_nominee_lists (edition_id, category_id, source_id) values (1, 1, 1);
    `);
    old.close();

    const db = openDatabase(path);
    const client = db.$client;
    expect(client.prepare(`select id, year, episode, edition_key as editionKey from editions order by id`).all()).toEqual([
      { id: 1, year: 2023, episode: 0, editionKey: '2023' },
      { id: 2, year: 2022, episode: 0, editionKey: '2022' },
    ]);
    expect(client.prepare(`select result, import_id, suggestion_id, withdrawn_at from nominations`).all()).toEqual([
      { result: 'won', import_id: null, suggestion_id: null, withdrawn_at: null },
    ]);
    expect(client.prepare(`select count(*) as n from nomination_artists`).get()).toEqual({ n: 1 });
    expect(client.prepare(`select key, withdrawn_at from milestones`).all()).toEqual([{ key: 'skz-first', withdrawn_at: null }]);
    expect(client.prepare(`select kind from ceremonies`).get()).toEqual({ kind: 'award_show' });
    expect(client.prepare(`select grand_prize from categories`).get()).toEqual({ grand_prize: 0 });
    expect(client.prepare(`select complete from complete_nominee_lists`).get()).toEqual({ complete: 1 });
    expect(client.prepare(`select url, read_on from sources`).get()).toEqual({ url: null, read_on: null });
    // The generalised key still keeps one edition a year for an annual show...
    expect(() => client.prepare(`insert into editions (ceremony_id, year) values (1, 2023)`).run()).toThrow(/UNIQUE/);
    // ...and allows one per air date for episodes.
    client.prepare(`insert into editions (ceremony_id, year, held_on, episode) values (1, 2023, '2023-01-05', 1)`).run();
    client.prepare(`insert into editions (ceremony_id, year, held_on, episode) values (1, 2023, '2023-01-12', 1)`).run();
    expect(() =>
      client.prepare(`insert into editions (ceremony_id, year, held_on, episode) values (1, 2023, '2023-01-12', 1)`).run(),
    ).toThrow(/UNIQUE/);
    client.close();
  });
});
