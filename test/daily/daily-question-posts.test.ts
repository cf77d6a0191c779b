// The daily question as a second kind of post of the anniversary ticker's engine, on a real SQLite
// file with the real migrations and a poster that behaves like Discord (it honours nonces).
import { afterEach, describe, expect, it } from 'vitest';
import type { MessagePayload } from '../../commands/command.js';
import { createAnniversaryTicker, PostFailure, postNonce, STALE_CLAIM_MS, type AnniversaryPoster } from '../../src/anniversaries/anniversary-ticker.js';
import { enableAnniversaryPosts } from '../../src/anniversaries/enable-posts.js';
import { seededRandom } from '../../src/core/trivia-questions.js';
import { createDailyQuestionPosts, DAILY_NONCE_KIND, parseStoredQuestion } from '../../src/daily/daily-question-posts.js';
import { enableDailyQuestion } from '../../src/daily/enable-daily-question.js';
import type { OpenedStore } from '../../src/open-store.js';
import { dailyQuestionPost } from '../../src/presentation/daily-question-messages.js';
import { translationFor } from '../../src/presentation/translation.js';
import { englishPostRendering, openTestStore, silentLogger, temporaryDatabasePath } from '../support/test-store.js';

const GUILD = '100000000000000001';
const CHANNEL = '110000000000000001';

class FakeDiscordChannels implements AnniversaryPoster {
  delivered: { channelId: string; payload: MessagePayload; nonce: string; id: string }[] = [];
  calls = 0;
  /** Delivers, then never answers: a process that died before hearing back. */
  hangAfterDelivery = false;
  failNext: PostFailure | null = null;
  async send(channelId: string, payload: MessagePayload, nonce: string): Promise<string> {
    this.calls++;
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = null;
      throw failure;
    }
    let message = this.delivered.find((m) => m.channelId === channelId && m.nonce === nonce);
    if (!message) {
      message = { channelId, payload, nonce, id: String(900000000000000000n + BigInt(this.delivered.length)) };
      this.delivered.push(message);
    }
    if (this.hangAfterDelivery) return new Promise(() => undefined);
    return message.id;
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

function tickerFor(store: OpenedStore, poster: AnniversaryPoster, clock: { now: Date }, processId = 'process-1') {
  const shared = { clock: { now: () => clock.now }, logger: silentLogger, poster, holdsGuild: () => true, processId };
  const daily = createDailyQuestionPosts({
    ...shared,
    store: store.store,
    daily: store.daily,
    anniversaries: store.anniversaries,
    languageOf: () => 'en-US',
    renderPost: (content, language) => dailyQuestionPost(content, translationFor(language)),
    random: seededRandom(42),
  });
  return createAnniversaryTicker({ ...shared, store: store.store, anniversaries: store.anniversaries, ...englishPostRendering(), otherPosts: [daily] });
}

/** The questions among the messages: the day's nonce of the daily question kind. */
function dailyPosts(discord: FakeDiscordChannels) {
  return discord.delivered.filter((m) => {
    const button = m.payload.components?.[0]?.components[0];
    const localDate = button && 'custom_id' in button ? button.custom_id.split(':')[2]! : '';
    return m.nonce === postNonce(GUILD, localDate, DAILY_NONCE_KIND);
  });
}

describe('the daily question', () => {
  it('is posted once at the local time, beside the anniversary post of the same engine, across two processes', async () => {
    const path = temporaryDatabasePath();
    const first = open(path);
    const second = open(path);
    const clock = { now: new Date('2026-09-11T12:00:00Z') };
    enableDailyQuestion(first.daily, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'Asia/Seoul' }, clock.now);
    enableAnniversaryPosts(first.anniversaries, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'Asia/Seoul' }, clock.now);
    const discord = new FakeDiscordChannels();
    const tickers = [tickerFor(first, discord, clock, 'process-1'), tickerFor(second, discord, clock, 'process-2')];

    clock.now = new Date('2026-09-11T23:59:30Z');
    await Promise.all(tickers.map((t) => t.tick()));
    expect(discord.calls).toBe(0);
    clock.now = new Date('2026-09-12T00:00:20Z');
    await Promise.all(tickers.map((t) => t.tick()));
    for (const minutes of [1, 60, 600]) {
      clock.now = new Date(Date.parse('2026-09-12T00:00:20Z') + minutes * 60_000);
      await Promise.all(tickers.map((t) => t.tick()));
    }
    // One anniversary post and one question, with different nonces.
    expect(discord.delivered).toHaveLength(2);
    expect(dailyPosts(discord)).toHaveLength(1);
    const [question] = dailyPosts(discord);
    expect(question!.nonce).not.toBe(postNonce(GUILD, '2026-09-12'));
    expect(question!.payload.embeds![0]!.title).toBe('❓ Question of the day: September 12');
    expect(question!.payload.components![0]!.components[0]).toMatchObject({ custom_id: 'daily:answer:2026-09-12:0' });
    expect(question!.payload.components![1]!.components[0]).toMatchObject({ custom_id: 'daily:reveal:2026-09-12', label: '👀 Reveal' });
    const row = first.daily.question(GUILD, '2026-09-12')!;
    expect(row).toMatchObject({ status: 'sent', messageId: question!.id, late: false });
    expect(first.daily.askedSince(GUILD, '2025-09-12')).toEqual([
      expect.objectContaining({ localDate: '2026-09-12', questionKey: parseStoredQuestion(row).key }),
    ]);
  });

  it('after a process died between sending and recording, the question is taken over once stale: same question, same nonce, one message', async () => {
    const path = temporaryDatabasePath();
    const dying = open(path);
    const clock = { now: new Date('2026-03-01T12:00:00Z') };
    enableDailyQuestion(dying.daily, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'UTC' }, clock.now);
    const discord = new FakeDiscordChannels();
    discord.hangAfterDelivery = true;
    clock.now = new Date('2026-03-02T09:00:05Z');
    void tickerFor(dying, discord, clock, 'process-1').tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(discord.delivered).toHaveLength(1);
    const claimed = dying.daily.question(GUILD, '2026-03-02')!;
    expect(claimed.status).toBe('claimed');

    discord.hangAfterDelivery = false;
    const restarted = open(path);
    const ticker = tickerFor(restarted, discord, clock, 'process-2');
    // Not before the claim is stale: the first process may still be sending.
    clock.now = new Date(Date.parse('2026-03-02T09:00:05Z') + STALE_CLAIM_MS / 2);
    await ticker.tick();
    expect(discord.calls).toBe(1);
    clock.now = new Date(Date.parse('2026-03-02T09:00:05Z') + STALE_CLAIM_MS + 1000);
    await ticker.tick();
    await ticker.tick();
    expect(discord.calls).toBe(2);
    expect(discord.delivered).toHaveLength(1);
    expect(restarted.daily.question(GUILD, '2026-03-02')).toMatchObject({ status: 'sent', messageId: discord.delivered[0]!.id, question: claimed.question });
  });

  it('retries a failed send with the same question, and reveals it, with its answers, when the next is posted', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-03-01T12:00:00Z') };
    enableDailyQuestion(store.daily, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'UTC' }, clock.now);
    const discord = new FakeDiscordChannels();
    const ticker = tickerFor(store, discord, clock);
    discord.failNext = new PostFailure('Discord answered 500', false);
    clock.now = new Date('2026-03-02T09:00:05Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(0);
    clock.now = new Date(Date.parse('2026-03-02T09:00:05Z') + STALE_CLAIM_MS + 1000);
    await ticker.tick();
    expect(discord.delivered).toHaveLength(1);
    const first = parseStoredQuestion(store.daily.question(GUILD, '2026-03-02')!);
    const wrongChoice = first.correct === 0 ? 1 : 0;
    store.daily.recordAnswer(GUILD, { userId: '1', userName: 'a', localDate: '2026-03-02', choice: first.correct, correct: true }, clock.now.getTime());
    store.daily.recordAnswer(GUILD, { userId: '2', userName: 'b', localDate: '2026-03-02', choice: wrongChoice, correct: false }, clock.now.getTime());

    clock.now = new Date('2026-03-03T09:00:05Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(2);
    const [reveal, next] = discord.delivered[1]!.payload.embeds!;
    expect(reveal!.title).toBe('✅ The answer to the question of March 2');
    expect(reveal!.description).toContain('✅ The answer: **');
    expect(reveal!.description).toContain('📖 ');
    expect(reveal!.description).toContain('1 of 2 fans got it right.');
    expect(reveal!.footer!.text).toMatch(/^Source/);
    expect(next!.title).toBe('❓ Question of the day: March 3');
    expect(store.daily.question(GUILD, '2026-03-02')!.revealedAt).toBe(clock.now.getTime());
    expect(store.daily.latestSent(GUILD)!.localDate).toBe('2026-03-03');
    // Not the same question again.
    expect(parseStoredQuestion(store.daily.question(GUILD, '2026-03-03')!).key).not.toBe(first.key);
  });

  it('keeps to the local time across a daylight-saving change, skips days the bot was down, and marks a late one', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-03-06T20:00:00Z') };
    enableDailyQuestion(store.daily, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'America/New_York' }, clock.now);
    const discord = new FakeDiscordChannels();
    const ticker = tickerFor(store, discord, clock);
    clock.now = new Date('2026-03-07T14:00:05Z'); // 09:00 EST
    await ticker.tick();
    clock.now = new Date('2026-03-08T12:59:00Z'); // 08:59 EDT, the clocks went forward overnight
    await ticker.tick();
    expect(discord.delivered).toHaveLength(1);
    clock.now = new Date('2026-03-08T13:00:05Z'); // 09:00 EDT
    await ticker.tick();
    expect(discord.delivered).toHaveLength(2);
    // Down on March 9; back at noon on March 10: that day's question goes out, marked late.
    clock.now = new Date('2026-03-10T16:00:00Z');
    await ticker.tick();
    expect(discord.delivered).toHaveLength(3);
    expect(store.daily.sentDates(GUILD)).toEqual(['2026-03-07', '2026-03-08', '2026-03-10']);
    expect(store.daily.question(GUILD, '2026-03-10')).toMatchObject({ late: true });
    expect(discord.delivered[2]!.payload.embeds!.at(-1)!.description).toContain('Posted late today');
  });

  it('posts nothing once turned off', async () => {
    const store = open(temporaryDatabasePath());
    const clock = { now: new Date('2026-03-01T12:00:00Z') };
    enableDailyQuestion(store.daily, { guildId: GUILD, channelId: CHANNEL, postTime: '09:00', timeZone: 'UTC' }, clock.now);
    expect(store.daily.disable(GUILD, clock.now.getTime())).toBe(true);
    expect(store.daily.disable(GUILD, clock.now.getTime())).toBe(false);
    const discord = new FakeDiscordChannels();
    clock.now = new Date('2026-03-02T09:00:05Z');
    await tickerFor(store, discord, clock).tick();
    expect(discord.calls).toBe(0);
  });
});

describe('the daily question store', () => {
  it('keeps one answer per fan per question: a second is refused', () => {
    const store = open(temporaryDatabasePath());
    const answer = { userId: '7', userName: 'fan', localDate: '2026-03-02', choice: 1, correct: false };
    expect(store.daily.recordAnswer(GUILD, answer, 1)).toBe(true);
    expect(store.daily.recordAnswer(GUILD, { ...answer, choice: 0, correct: true }, 2)).toBe(false);
    expect(store.daily.answer(GUILD, '2026-03-02', '7')).toEqual(answer);
    expect(store.daily.answerCounts(GUILD, '2026-03-02')).toEqual({ answers: 1, right: 0 });
  });
});
