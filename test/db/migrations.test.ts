// Migrations carry a database made by the earlier migrations forward, keeping its rows: each is
// checked on a file migrated up to the one before it and filled, then opened with every migration.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../db/database.js';
import { createAnniversaryStore } from '../../db/queries/anniversary-store.js';
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

describe('the anniversary checks migration', () => {
  /** A store at 0005 with 5,000 servers: every third off (no next check), one with a problem, follows and posts. */
  function filledBeforeChecks(path: string) {
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsUpTo(6) });
    old.exec(`
      insert into artists (id, slug, name, kind, is_kpop) values (1, 'stray-kids', 'Stray Kids', 'group', 1);
      insert into anniversary_settings
        (guild_id, channel_id, post_time, time_zone, enabled, active_from, next_check_at, last_problem, last_problem_at, updated_at)
        with recursive n(i) as (select 0 union all select i + 1 from n where i < 4999)
        select cast(100000000000000000 + i * 4194304 as text), cast(200000000000000000 + i as text),
          printf('%02d:%s', i % 24, case when i % 2 = 0 then '00' else '30' end),
          case i % 3 when 0 then 'UTC' when 1 then 'Asia/Seoul' else 'America/New_York' end,
          case when i % 3 = 2 then 0 else 1 end, '2026-09-01',
          case when i % 3 = 2 then null else 1789200000000 + i * 60000 end,
          case when i = 7 then 'Lightstick lost permission' end, case when i = 7 then 1789100000000 end, 1789000000000
        from n;
      insert into anniversary_follows (guild_id, artist_id) values ('100000000000000000', 1), ('100000000004194304', 1);
      insert into anniversary_posts (guild_id, local_date, status, channel_id, nonce, claimed_by, claimed_at, attempts, late, message_id, sent_at)
        values ('100000000000000000', '2026-09-11', 'sent', '200000000000000000', 'nonce-a', 'process-1', 1789100000000, 1, 0, '900', 1789100001000);
    `);
    const before = {
      settings: old.prepare(`select guild_id, channel_id, post_time, time_zone, enabled, active_from, last_problem, last_problem_at, updated_at
        from anniversary_settings order by guild_id`).all(),
      nextChecks: old.prepare(`select guild_id as guildId, next_check_at as at from anniversary_settings where enabled = 1 order by guild_id`).all(),
      follows: old.prepare(`select * from anniversary_follows order by guild_id`).all(),
      posts: old.prepare(`select * from anniversary_posts`).all(),
    };
    old.close();
    return before;
  }

  it("keeps every server's settings, follows and posts, and each enabled server's next check", () => {
    const path = temporaryDatabasePath();
    const before = filledBeforeChecks(path);
    expect(before.nextChecks).toHaveLength(3334);

    const db = openDatabase(path);
    const client = db.$client;
    expect(
      client.prepare(`select guild_id, channel_id, post_time, time_zone, enabled, active_from, last_problem, last_problem_at, updated_at
        from anniversary_settings order by guild_id`).all(),
    ).toEqual(before.settings);
    expect(client.prepare(`select guild_id as guildId, next_check_at as at from anniversary_checks order by guild_id`).all()).toEqual(
      before.nextChecks,
    );
    expect(client.prepare(`select * from anniversary_follows order by guild_id`).all()).toEqual(before.follows);
    expect(client.prepare(`select * from anniversary_posts`).all()).toEqual(before.posts);
    // The next check lives only in the clustered table now.
    expect(client.prepare(`select name from pragma_table_info('anniversary_settings')`).pluck().all()).not.toContain('next_check_at');
    expect(client.prepare(`select wr from pragma_table_list where name = 'anniversary_checks'`).get()).toEqual({ wr: 1 });
    client.close();
  });

  it('leaves the store reading the same servers as due, in time order, and moving them', () => {
    const path = temporaryDatabasePath();
    filledBeforeChecks(path);
    const db = openDatabase(path);
    const anniversaries = createAnniversaryStore(db);
    const now = 1789200000000 + 9 * 60000;
    // Servers 0 to 9 were due by then; 2, 5 and 8 are off.
    const due = anniversaries.dueServers(now, 100);
    expect(due.map((server) => server.nextCheckAt)).toEqual([0, 1, 3, 4, 6, 7, 9].map((i) => 1789200000000 + i * 60000));
    expect(due[0]).toEqual({
      guildId: '100000000000000000',
      channelId: '200000000000000000',
      postTime: '00:00',
      timeZone: 'UTC',
      activeFrom: '2026-09-01',
      nextCheckAt: 1789200000000,
    });
    expect(anniversaries.settings('100000000000000000')?.lastPostDate).toBe('2026-09-11');
    expect(anniversaries.settings('100000000029360128')).toMatchObject({ lastProblem: 'Lightstick lost permission', enabled: true });
    anniversaries.moveNextChecks(due.map((server) => ({ guildId: server.guildId, from: server.nextCheckAt, at: server.nextCheckAt + 86_400_000 })));
    expect(anniversaries.dueServers(now, 100)).toEqual([]);
    expect(anniversaries.nextCheckAt('100000000000000000')).toBe(1789200000000 + 86_400_000);
    expect(anniversaries.nextCheckAt('100000000008388608')).toBeNull();
    db.$client.close();
  });
});
