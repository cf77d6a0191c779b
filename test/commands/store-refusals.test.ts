// A store that cannot be written (a full disk, a read-only database file) is answered plainly, in
// the reader's language, and nothing is changed: never "something went wrong on my side".
import { afterEach, describe, expect, it } from 'vitest';
import { runSlashCommand } from '../../src/command-router.js';
import type { OpenedStore } from '../../src/open-store.js';
import { invocation } from '../support/invocations.js';
import { openTestStore, temporaryDatabasePath, testContext } from '../support/test-store.js';

const win = {
  artist: 'Rosé',
  ceremony: 'Music Bank',
  new_ceremony: 'music_show',
  date: '2024-10-25',
  category: '1st Place',
  work: 'APT.',
  source: 'https://example.org/rose-music-bank',
};

describe('a store that cannot be written', () => {
  const opened: OpenedStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('on a full disk: the fan is told plainly in their language, and nothing is kept', async () => {
    const store = openTestStore({ path: temporaryDatabasePath() });
    opened.push(store);
    const client = store.db.$client;
    // A disk that is full: the database may not grow past the pages it has, and those are filled.
    client.pragma(`max_page_count = ${Number(client.pragma('page_count', { simple: true })) + 2}`);
    client.exec('CREATE TABLE test_filler (bytes BLOB)');
    expect(() => {
      for (;;) client.prepare('INSERT INTO test_filler VALUES (randomblob(1024))').run();
    }).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    const context = testContext(store);
    // Fans go on suggesting until the pages the suggestions already have are full too.
    const fanNumbered = (fan: number) => ({ id: `1000000000000${String(fan).padStart(5, "0")}`, name: `fan${fan}` });
    let fan = 0;
    let reply;
    do {
      fan++;
      const suggestion = { ...invocation('suggest', { ...win, category: `Category ${fan}`, source: `https://example.org/rose-${fan}` }, 'win'), locale: 'ko' };
      reply = await runSlashCommand({ ...suggestion, user: fanNumbered(fan) }, context, 'full-disk');
    } while (fan < 2000 && reply.payload.content?.includes('**#'));
    expect(reply.payload.content).toBe('봇의 디스크가 가득 차서 아무것도 저장하지 못했고, 바뀐 것도 없어요. 봇을 운영하는 분께 알려 주세요.');
    // The refused suggestion's fan has none waiting: nothing half-written.
    const refusedFan = { ...invocation('suggest', {}, 'status'), user: fanNumbered(fan) };
    expect(JSON.stringify((await runSlashCommand(refusedFan, context, 'status')).payload)).not.toContain('#');
  });

  it('on a database that became read-only while the bot runs: the fan is told plainly, and reading still works', async () => {
    // A read-only file is refused at start-up (startup-errors.ts); one that turns read-only later
    // (a file system remounted read-only) fails each write with SQLITE_READONLY, as query_only does.
    const store = openTestStore({ path: temporaryDatabasePath() });
    opened.push(store);
    store.db.$client.pragma('query_only = ON');
    const context = testContext(store);
    const reply = await runSlashCommand(invocation('suggest', win, 'win'), context, 'read-only');
    expect(reply.payload.content).toBe(
      "The bot's database can't be written to right now, so nothing was saved and nothing changed. Please let whoever runs the bot know.",
    );
    const firsts = await runSlashCommand(invocation('firsts', { artist: 'Rosé' }), context, 'firsts');
    expect(JSON.stringify(firsts.payload)).toContain('Rosé');
  });
});
