// The ticker on a real SQLite file, with a poster that behaves like Discord (it honours nonces).
import { afterEach, describe, expect, it } from 'vitest';
import { Placeholder } from 'drizzle-orm';
import type { MessagePayload } from '../../commands/command.js';
import { dueServersQuery } from '../../db/queries/anniversary-store.js';
import {
  createAnniversaryTicker,
  PostFailure,
  postNonce,
  STALE_CLAIM_MS,
  type AnniversaryPoster,
} from '../../src/anniversaries/anniversary-ticker.js';
import { enableAnniversaryPosts } from '../../src/anniversaries/enable-posts.js';
import type { OpenedStore } from '../../src/open-store.js';
import { englishPostRendering, openTestStore, silentLogger, temporaryDatabasePath } from '../support/test-store.js';
import { payloadFactText, payloadText } from '../support/payload-text.js';

const GUILD_A = '100000000000000001';
const GUILD_B = '200000000000000002';
const CHANNEL_A = '110000000000000001';
const CHANNEL_B = '220000000000000002';

/** Behaves like Discord's create-message route: a repeated nonce returns the first message. */
class FakeDiscordChannels implements AnniversaryPoster {
  delivered: { channelId: string; payload: MessagePayload; nonce: string; id: string }[] = [];
  calls = 0;
  failures = new Map<string, PostFailure>();
  delayMs = 0;
  async send(channelId: string, payload: MessagePayload, nonce: string): Promise<string> {
    this.calls++;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const failure = this.failures.get(channelId);
    if (failure) throw failure;
    const existing = this.delivered.find((m) => m.channelId === channelId && m.nonce === nonce);
    if (existing) return existing.id;
    const id = String(900000000000000000n + BigInt(this.delivered.length));
    this.delivered.push({ channelId, payload, nonce, id });
    return id;
  }
}

let opened: OpenedStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

function open(path: string): OpenedStore {
  const store = openTestStore({ path });
  opened.push(store);
  return store;
}

function setUp(store: OpenedStore, guildId: string, channelId: string, postTime: string, timeZone: string, now: Date) {
  enableAnniversaryPosts(store.anniversaries, { guildId, channelId, postTime, timeZone }, now);
}

function tickerFor(store: OpenedStore, poster: AnniversaryPoster, clock: { now: Date }, processId = 'process-1', holds = () => true) {
  return createAnniversaryTicker({
    store: store.store,
    anniversaries: store.anniversaries,
    clock: { now: () => clock.now },
    logger: silentLogger,
    poster,
    ...englishPostRendering(),
    holdsGuild: holds,
    processId,
  });
}

describe('the anniversary ticker', () => {
  it('posts once at the local time, with every anniversary of the day, and not again', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'Asia/Seoul', clock.now);
    const discord = new FakeDiscordChannels();
    const ticker = tickerFor(store, discord, clock);

    clock.now = new Date('2026-09-11T23:59:30Z'); // 08:59:30 in Seoul
    expect((await ticker.tick()).sent).toBe(0);
    clock.now = new Date('2026-09-12T00:00:20Z');
    expect(await ticker.tick()).toMatchObject({ checked: 1, sent: 1, failed: 0 });
    for (const minutes of [1, 30, 600]) {
      clock.now = new Date(Date.parse('2026-09-12T00:00:20Z') + minutes * 60_000);
      await ticker.tick();
    }
    expect(discord.delivered).toHaveLength(1);
    const [post] = discord.delivered;
    expect(post!.channelId).toBe(CHANNEL_A);
    expect(post!.nonce).toBe(postNonce(GUILD_A, '2026-09-12'));
    const description = payloadText(post!.payload);
    expect(description).toContain('**2023**, 3 years ago');
    expect(description).toContain('Jungkook ft. Latto won Song of Summer with "Seven" at the 2023 MTV VMAs');
    expect(description).not.toContain('Posted late');
    expect(store.anniversaries.lastPost(GUILD_A)).toMatchObject({ status: 'sent', localDate: '2026-09-12', messageId: post!.id, late: false });
    // The next look is at tomorrow's time, not every tick.
    expect(store.anniversaries.nextCheckAt(GUILD_A)).toBe(Date.parse('2026-09-13T00:00:00Z'));
  });

  it('posts nothing on a day without anniversaries, and looks again the next day', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-10T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    const discord = new FakeDiscordChannels();
    clock.now = new Date('2026-09-11T09:00:10Z');
    await tickerFor(store, discord, clock).tick();
    expect(discord.calls).toBe(0);
    expect(store.anniversaries.lastPost(GUILD_A)).toBeUndefined();
    expect(store.anniversaries.nextCheckAt(GUILD_A)).toBe(Date.parse('2026-09-12T09:00:00Z'));
  });

  it('sends exactly one post when two processes tick at the same moment', async () => {
    const path = temporaryDatabasePath();
    const first = open(path);
    const second = open(path);
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(first, GUILD_A, CHANNEL_A, '09:00', 'America/New_York', clock.now);
    const discord = new FakeDiscordChannels();
    discord.delayMs = 20;
    clock.now = new Date('2026-09-12T13:00:05Z');
    const reports = await Promise.all([
      tickerFor(first, discord, clock, 'process-1').tick(),
      tickerFor(second, discord, clock, 'process-2').tick(),
      tickerFor(first, discord, clock, 'process-3').tick(),
    ]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    expect(discord.calls).toBe(1);
  });

  it('after a crash between claim and send, a restart sends it once with the same nonce', async () => {
    const path = temporaryDatabasePath();
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    const beforeCrash = open(path);
    setUp(beforeCrash, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    // The dead process claimed the post and may or may not have reached Discord.
    clock.now = new Date('2026-09-12T09:00:00Z');
    const nonce = postNonce(GUILD_A, '2026-09-12');
    beforeCrash.anniversaries.claimPost({
      guildId: GUILD_A,
      localDate: '2026-09-12',
      channelId: CHANNEL_A,
      nonce,
      claimedBy: 'dead-process',
      claimedAt: clock.now.getTime(),
      late: false,
    });
    beforeCrash.close();
    opened = [];

    for (const reachedDiscord of [false, true]) {
      const discord = new FakeDiscordChannels();
      if (reachedDiscord) await discord.send(CHANNEL_A, { content: 'the first attempt' }, nonce);
      const restarted = open(path);
      const ticker = tickerFor(restarted, discord, clock, 'restarted');
      clock.now = new Date(Date.parse('2026-09-12T09:00:00Z') + 30_000);
      await ticker.tick();
      // A fresh claim is left alone: its process may still be sending.
      expect(discord.delivered.length).toBe(reachedDiscord ? 1 : 0);
      clock.now = new Date(Date.parse('2026-09-12T09:00:00Z') + STALE_CLAIM_MS + 60_000);
      await ticker.tick();
      await ticker.tick();
      expect(discord.delivered).toHaveLength(1);
      expect(discord.delivered[0]!.nonce).toBe(nonce);
      expect(restarted.anniversaries.lastPost(GUILD_A)).toMatchObject({ status: 'sent', messageId: discord.delivered[0]!.id });
      // Back to claimed for the second round of this test.
      restarted.db.$client
        .prepare(`update anniversary_posts set status = 'claimed', claimed_by = 'dead-process', claimed_at = ?, message_id = null`)
        .run(Date.parse('2026-09-12T09:00:00Z'));
      restarted.close();
      opened = [];
      clock.now = new Date('2026-09-12T09:00:00Z');
    }
  });

  it('does not post a claimed day once that day is over', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    store.anniversaries.claimPost({
      guildId: GUILD_A,
      localDate: '2026-09-12',
      channelId: CHANNEL_A,
      nonce: postNonce(GUILD_A, '2026-09-12'),
      claimedBy: 'dead-process',
      claimedAt: Date.parse('2026-09-12T09:00:00Z'),
      late: false,
    });
    const discord = new FakeDiscordChannels();
    clock.now = new Date('2026-09-14T10:00:00Z');
    await tickerFor(store, discord, clock).tick();
    expect(discord.calls).toBe(0);
    expect(store.db.$client.prepare(`select status, error from anniversary_posts`).get()).toEqual({
      status: 'failed',
      error: 'day-ended',
    });
  });

  it('after days of downtime sends only today\'s post, marked late', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-01T00:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    const discord = new FakeDiscordChannels();
    clock.now = new Date('2026-09-12T15:00:00Z'); // back at 15:00; the 7th, 8th... passed unseen
    await tickerFor(store, discord, clock).tick();
    expect(discord.delivered).toHaveLength(1);
    expect(payloadText(discord.delivered[0]!.payload)).toContain('Posted late today');
    expect(store.db.$client.prepare(`select local_date as d, late from anniversary_posts`).all()).toEqual([{ d: '2026-09-12', late: 1 }]);
  });

  it('records a lost permission, keeps posting for other servers, and does not retry that day', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    setUp(store, GUILD_B, CHANNEL_B, '09:00', 'UTC', clock.now);
    const discord = new FakeDiscordChannels();
    discord.failures.set(CHANNEL_A, new PostFailure('Lightstick lost permission to post in the anniversary channel (Send Messages or Embed Links)', true));
    clock.now = new Date('2026-09-12T09:00:30Z');
    const ticker = tickerFor(store, discord, clock);
    expect(await ticker.tick()).toMatchObject({ checked: 2, sent: 1, failed: 1 });
    clock.now = new Date('2026-09-12T12:00:00Z');
    await ticker.tick();
    expect(discord.calls).toBe(2);
    expect(discord.delivered.map((m) => m.channelId)).toEqual([CHANNEL_B]);
    expect(store.anniversaries.settings(GUILD_A)!.lastProblem).toMatch(/lost permission/);
    expect(store.anniversaries.lastPost(GUILD_A)).toMatchObject({ status: 'failed' });
  });

  it('retries a passing failure with the same nonce, then succeeds', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    const discord = new FakeDiscordChannels();
    discord.failures.set(CHANNEL_A, new PostFailure('Discord answered 503', false));
    const ticker = tickerFor(store, discord, clock);
    clock.now = new Date('2026-09-12T09:00:30Z');
    await ticker.tick();
    expect(store.anniversaries.lastPost(GUILD_A)).toMatchObject({ status: 'claimed', attempts: 1 });
    discord.failures.clear();
    clock.now = new Date(Date.parse('2026-09-12T09:00:30Z') + STALE_CLAIM_MS + 1000);
    await ticker.tick();
    expect(discord.delivered).toHaveLength(1);
    expect(store.anniversaries.lastPost(GUILD_A)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('posts only for the servers of its own shards', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    // Shard of a server: (id >> 22) % shard count.
    const shardOf = (id: string) => Number((BigInt(id) >> 22n) % 2n);
    const onShard0 = ['100000000000000001', '100000000004194305'].find((id) => shardOf(id) === 0)!;
    const onShard1 = ['100000000000000001', '100000000004194305'].find((id) => shardOf(id) === 1)!;
    setUp(store, onShard0, CHANNEL_A, '09:00', 'UTC', clock.now);
    setUp(store, onShard1, CHANNEL_B, '09:00', 'UTC', clock.now);
    const discord = new FakeDiscordChannels();
    clock.now = new Date('2026-09-12T09:00:30Z');
    const shard0 = createAnniversaryTicker({
      store: store.store,
      anniversaries: store.anniversaries,
      clock: { now: () => clock.now },
      logger: silentLogger,
      poster: discord,
      ...englishPostRendering(),
      holdsGuild: () => true,
      shards: { ids: [0], count: 2 },
      processId: 'shard-0',
    });
    expect(await shard0.tick()).toMatchObject({ checked: 1, sent: 1 });
    expect(discord.delivered.map((m) => m.channelId)).toEqual([CHANNEL_A]);
  });

  it('limits a server that follows artists to them, a group bringing its members', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-06T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    const blackpink = store.store.artistsByNormalizedAlias('blackpink')[0]!;
    store.anniversaries.follow(GUILD_A, blackpink.id);
    const discord = new FakeDiscordChannels();
    const ticker = tickerFor(store, discord, clock);
    clock.now = new Date('2026-09-07T09:01:00Z');
    await ticker.tick();
    clock.now = new Date('2026-09-12T09:01:00Z');
    await ticker.tick();
    const [rose, group] = discord.delivered.map((m) => payloadFactText(m.payload));
    expect(rose).toContain('🎉 **2025: the 1st anniversary!**');
    expect(rose).toContain('Rosé & Bruno Mars won Song of the Year');
    expect(group).toContain('BLACKPINK won Group of the Year');
    expect(group).not.toContain('Jungkook');
    expect(group).not.toContain('Stray Kids');
  });

  it('reads only the servers that are due, a range of the checks in time order, each server by its key', () => {
    const store = open(temporaryDatabasePath());
    const query = dueServersQuery(store.db).toSQL();
    const values: Record<string, unknown> = { now: Date.now(), shardCount: 1, shardIds: '[0]', limit: 10 };
    const params = query.params.map((param) => (param instanceof Placeholder ? values[param.name] : param));
    const plan = store.db.$client.prepare(`explain query plan ${query.sql}`).all(...params) as { detail: string }[];
    const details = plan.map((row) => row.detail).join(' | ');
    expect(details).toMatch(/SEARCH c USING PRIMARY KEY \(next_check_at<\?\)/);
    expect(details).toMatch(/SEARCH s USING INDEX sqlite_autoindex_anniversary_settings_1 \(guild_id=\?\)/);
    expect(details).not.toMatch(/SCAN [cs]\b|TEMP B-TREE/);
    // When each server last posted is not read: its claim tells the ticker (see the next test).
    expect(details).not.toMatch(/anniversary_posts/);
  });

  it('does not post a day again when the next check did not move after its post (a crash between them)', async () => {
    for (const outcome of ['sent', 'failed', 'claimed by a live process'] as const) {
      const store = open(temporaryDatabasePath());
      const clock = { now: new Date('2026-09-11T12:00:00Z') };
      setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
      const discord = new FakeDiscordChannels();
      if (outcome === 'failed') discord.failures.set(CHANNEL_A, new PostFailure('Missing Access', true));
      clock.now = new Date('2026-09-12T09:00:30Z');
      const first = tickerFor(store, discord, clock, 'first');
      if (outcome === 'claimed by a live process') {
        store.anniversaries.claimPost({
          guildId: GUILD_A,
          localDate: '2026-09-12',
          channelId: CHANNEL_A,
          nonce: postNonce(GUILD_A, '2026-09-12'),
          claimedBy: 'live-process',
          claimedAt: clock.now.getTime(),
          late: false,
        });
      } else {
        await first.tick();
      }
      expect(discord.calls).toBe(outcome === 'claimed by a live process' ? 0 : 1);
      // The process died after its claim, before moving the next check: it is still due.
      store.db.$client.prepare(`update anniversary_checks set next_check_at = ?`).run(Date.parse('2026-09-12T09:00:00Z'));
      clock.now = new Date('2026-09-12T09:01:00Z');
      const report = await tickerFor(store, discord, clock, 'restarted').tick();
      expect(report).toMatchObject({ checked: 1, sent: 0, failed: 0 });
      expect(discord.calls).toBe(outcome === 'claimed by a live process' ? 0 : 1);
      expect(store.anniversaries.nextCheckAt(GUILD_A)).toBe(Date.parse('2026-09-13T09:00:00Z'));
      expect(store.anniversaries.lastPost(GUILD_A)).toMatchObject({
        status: outcome === 'claimed by a live process' ? 'claimed' : outcome,
        claimedBy: outcome === 'claimed by a live process' ? 'live-process' : 'first',
      });
    }
  });

  it('claims a tick of many servers with one insert, each post once across two processes, and only its own shards', async () => {
    const path = temporaryDatabasePath();
    const first = open(path);
    const second = open(path);
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    // 40 servers spread over 4 shards; process A runs shards 0 and 1, process B shards 2 and 3.
    const guildIds = Array.from({ length: 40 }, (_, i) => String((BigInt(100000000000000000n) + BigInt(i) * 4194304n)));
    const shardOf = (id: string) => Number((BigInt(id) >> 22n) % 4n);
    for (const [i, guildId] of guildIds.entries()) setUp(first, guildId, String(500000000000000000n + BigInt(i)), '09:00', 'UTC', clock.now);
    const blackpink = first.store.artistsByNormalizedAlias('blackpink')[0]!;
    first.anniversaries.follow(guildIds[0]!, blackpink.id);
    const discord = new FakeDiscordChannels();
    const ticker = (store: OpenedStore, ids: number[], processId: string) =>
      createAnniversaryTicker({
        store: store.store,
        anniversaries: store.anniversaries,
        clock: { now: () => clock.now },
        logger: silentLogger,
        poster: discord,
        ...englishPostRendering(),
        holdsGuild: (guildId) => ids.includes(shardOf(guildId)),
        shards: { ids, count: 4 },
        processId,
      });
    clock.now = new Date('2026-09-12T09:00:30Z');
    const reports = await Promise.all([ticker(first, [0, 1], 'a').tick(), ticker(second, [2, 3], 'b').tick()]);
    expect(reports.map((r) => r.checked)).toEqual([20, 20]);
    expect(discord.delivered).toHaveLength(40);
    expect(new Set(discord.delivered.map((m) => m.channelId)).size).toBe(40);
    const claimedBy = first.db.$client.prepare(`select guild_id as guildId, claimed_by as by from anniversary_posts`).all() as { guildId: string; by: string }[];
    for (const row of claimedBy) expect(row.by).toBe(shardOf(row.guildId) < 2 ? 'a' : 'b');
    // Nothing is due again that day, in either process.
    clock.now = new Date('2026-09-12T15:00:00Z');
    await Promise.all([ticker(first, [0, 1], 'a').tick(), ticker(second, [2, 3], 'b').tick()]);
    expect(discord.calls).toBe(40);
  });

  it('decides "late" when the post goes out, not when it was claimed', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    setUp(store, GUILD_A, CHANNEL_A, '09:00', 'UTC', clock.now);
    setUp(store, GUILD_B, CHANNEL_B, '09:00', 'UTC', clock.now);
    // The first post takes six minutes to go out (a long rate-limit wait); the second then is late.
    const discord = new FakeDiscordChannels();
    const slow: AnniversaryPoster = {
      async send(channelId, payload, nonce) {
        const id = await discord.send(channelId, payload, nonce);
        clock.now = new Date(clock.now.getTime() + 6 * 60_000);
        return id;
      },
    };
    clock.now = new Date('2026-09-12T09:00:10Z');
    const ticker = createAnniversaryTicker({
      store: store.store,
      anniversaries: store.anniversaries,
      clock: { now: () => clock.now },
      logger: silentLogger,
      poster: slow,
      ...englishPostRendering(),
      holdsGuild: () => true,
      processId: 'one-at-a-time',
      sendConcurrency: 1,
    });
    await ticker.tick();
    const descriptions = discord.delivered.map((m) => payloadText(m.payload));
    expect(descriptions[0]).not.toContain('Posted late');
    expect(descriptions[1]).toContain('Posted late today');
    const rows = store.db.$client.prepare(`select guild_id as g, late from anniversary_posts order by sent_at`).all();
    expect(rows).toEqual([
      { g: discord.delivered[0]!.channelId === CHANNEL_A ? GUILD_A : GUILD_B, late: 0 },
      { g: discord.delivered[0]!.channelId === CHANNEL_A ? GUILD_B : GUILD_A, late: 1 },
    ]);
  });
});
