// Answers kept and reused until a fact changes: the cache on its own, the facts revision that
// triggers raise on a real store, and the router reusing answers and dropping them when a fact is
// approved, withdrawn, or changed by another process.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { approveSuggestion } from '../../commands/review.js';
import { openDatabase } from '../../db/database.js';
import { runAutocomplete, runSlashCommand } from '../../src/command-router.js';
import { checkSuggestion } from '../../src/core/suggestions.js';
import type { OpenedStore } from '../../src/open-store.js';
import { createReplyCache } from '../../src/reply-cache.js';
import { invocation } from '../support/invocations.js';
import { openTestStore, temporaryDatabasePath, testContext } from '../support/test-store.js';

describe('the reply cache', () => {
  it('gives back what was kept at the same revision, and nothing once the revision moves', () => {
    const cache = createReplyCache(10);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('a', 1, { payload: 'first' });
    expect(cache.get('a', 1)).toEqual({ payload: 'first' });
    expect(cache.get('a', 2)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer made at a revision that has since moved on', () => {
    const cache = createReplyCache(10);
    cache.get('a', 1);
    // Another question saw revision 2 while this answer was being made at 1.
    cache.get('b', 2);
    cache.set('a', 1, 'stale');
    expect(cache.get('a', 2)).toBeUndefined();
  });

  it('keeps nothing when its size is 0', () => {
    const cache = createReplyCache(0);
    cache.get('a', 1);
    cache.set('a', 1, 'A');
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('lets the least recently used answer go when full', () => {
    const cache = createReplyCache(2);
    cache.get('x', 1);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    cache.get('a', 1);
    cache.set('c', 1, 'C');
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual(['A', undefined, 'C']);
    expect(cache.size).toBe(2);
  });
});

let opened: OpenedStore | undefined;
afterEach(() => opened?.close());

describe('the facts revision', () => {
  const revision = (store: OpenedStore) => store.store.revision();

  it('moves on every insert, update and delete of a table of facts, and on nothing else', () => {
    opened = openTestStore();
    const client = opened.db.$client;
    const before = revision(opened);
    client.prepare(`update artists set name = name where slug = 'blackpink'`).run();
    const afterUpdate = revision(opened);
    expect(afterUpdate).toBeGreaterThan(before);
    client.prepare(`insert into sources (identifier, published_on, headline) values ('x.txt', '2024-01-01', 'X')`).run();
    client.prepare(`delete from sources where identifier = 'x.txt'`).run();
    expect(revision(opened)).toBe(afterUpdate + 2);
    // Trivia, anniversaries and settings are not facts.
    opened.serverSettings.setLanguage('1', 'ko', 0);
    expect(revision(opened)).toBe(afterUpdate + 2);
  });

  it('has its three triggers on every table answers are read from', () => {
    opened = openTestStore();
    const client = opened.db.$client;
    const notFacts = new Set([
      'facts_revision', 'store_meta', 'imports', 'suggestions', 'server_settings', 'anniversary_settings', 'anniversary_follows',
      'anniversary_posts', 'anniversary_checks', 'trivia_rounds', 'trivia_questions', 'trivia_answers', '__drizzle_migrations',
      'countdown_settings', 'countdown_events',
      'bias_role_links', 'bias_settings',
      'daily_settings', 'daily_questions', 'daily_answers',
    ]);
    const tables = (client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !notFacts.has(name));
    const triggers = client.prepare(`select tbl_name as name, count(*) as n from sqlite_master where type = 'trigger' group by tbl_name`).all() as {
      name: string;
      n: number;
    }[];
    const triggersOf = new Map(triggers.map((row) => [row.name, row.n]));
    // A new table of facts needs its triggers (a migration), or answers about it would go stale.
    expect(tables.filter((name) => triggersOf.get(name) !== 3)).toEqual([]);
    expect(tables.length).toBe(17);
  });
});

describe('answers reused through the router', () => {
  it('answers the same question in the same language from the cache, and reads again in another language', async () => {
    opened = openTestStore();
    let reads = 0;
    const context = testContext(opened);
    const counting = { ...context, store: { ...context.store, milestonesOfEach: (ids: readonly number[]) => (reads++, context.store.milestonesOfEach(ids)) } };
    const first = await runSlashCommand(invocation('firsts', { artist: 'blackpink' }), counting, 'a');
    const readsForOne = reads;
    expect(readsForOne).toBeGreaterThan(0);
    expect(await runSlashCommand(invocation('firsts', { artist: 'blackpink' }), counting, 'b')).toBe(first);
    expect(reads).toBe(readsForOne);
    const korean = await runSlashCommand({ ...invocation('firsts', { artist: 'blackpink' }), locale: 'ko' }, counting, 'c');
    expect(reads).toBe(readsForOne * 2);
    expect(korean).not.toEqual(first);
    // A question the store cannot answer is not kept: it is a private refusal each time.
    expect((await runSlashCommand(invocation('firsts', { artist: 'nobody at all' }), counting, 'd')).ephemeral).toBe(true);
    expect(context.replies.size).toBe(2);
  });

  it('shows an approved fan suggestion at once, though the same question was answered before', async () => {
    opened = openTestStore();
    const context = testContext(opened, '2026-11-21T12:00:00Z');
    const awards = () => runSlashCommand(invocation('awards', { artist: 'skz' }), context, 'q');
    const before = JSON.stringify((await awards()).payload);
    expect(before).not.toContain('Inkigayo');
    const checked = checkSuggestion(
      { store: opened.store, lookups: opened.contributions.lookups, suggestions: opened.contributions.suggestions, now: new Date('2026-11-21T12:00:00Z') },
      {
        kind: 'win', artist: 'skz', ceremony: 'Inkigayo', ceremonyKind: 'music_show', date: '2023-06-11', category: 'Mutizen Song', work: 'S-Class',
        source: { url: 'https://news.example.com/inkigayo', title: 'Stray Kids take the Mutizen', publisher: 'Example News', published: '2023-06-12' },
      },
      'fan-1',
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const created = opened.contributions.suggestions.submit(checked.suggestion, { userId: 'fan-1', name: 'fan', guildId: 'g' }, new Date());
    // Waiting for review: fans still see what they saw.
    expect(JSON.stringify((await awards()).payload)).toBe(before);
    if (created.status !== 'created') throw new Error(created.status);
    approveSuggestion(opened, created.suggestion.id, 'curator', new Date());
    expect(JSON.stringify((await awards()).payload)).toContain('Inkigayo');
  });

  it('drops kept answers and choices when another process changes a fact in the same file', async () => {
    const path = temporaryDatabasePath();
    opened = openTestStore({ path });
    const context = testContext(opened);
    const ask = () => runSlashCommand(invocation('awards', { artist: 'skz' }), context, 'q');
    expect(JSON.stringify((await ask()).payload)).toContain('S-Class');
    const choices = () => runAutocomplete({ name: 'artist', value: 'stray' }, invocation('awards', { artist: 'stray' }), context, 'q');
    expect(choices().map((choice) => choice.name)).toContain('Stray Kids');

    // Another process: its own connection to the file.
    const other = openDatabase(path);
    other.run(sql`update nominations set withdrawn_at = 1 where work_id = (select id from works where title = 'S-Class')`);
    other.run(sql`update artists set name = 'Stray Kids (renamed)' where slug = 'stray-kids'`);
    other.$client.close();

    expect(JSON.stringify((await ask()).payload)).not.toContain('S-Class');
    expect(choices().map((choice) => choice.name)).toEqual(['Stray Kids (renamed) (Stray Kids)']);
  });
});
