// The daily question through the real bot on the local Discord-compatible server, with a faked
// clock: set up, posted once a local day across a restart, answered by several fans (a second
// click refused), revealed privately and with the next question, and streaks over several days
// including a daylight-saving change and a day the bot was down.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { parseStoredQuestion } from '../../src/daily/daily-question-posts.js';
import { FakeDiscordServer } from '../discord-server/index.js';
import { foundingSeedDirectory, temporaryDatabasePath } from '../support/test-store.js';
import { expectEveryBodyValid, roundTrip, TEST_TOKEN } from './bot-harness.js';

const EPHEMERAL = 64;
const fans = {
  blink: { id: '700000000000000001', username: 'blink' },
  army: { id: '700000000000000002', username: 'army' },
  stay: { id: '700000000000000003', username: 'stay' },
  once: { id: '700000000000000004', username: 'once' },
};

describe('the daily question end to end', () => {
  const server = new FakeDiscordServer({ guilds: [{ name: 'Fan Server', channels: [{ name: 'general' }, { name: 'daily' }] }] });
  const databasePath = temporaryDatabasePath();
  const clock = { now: new Date('2026-03-06T20:00:00Z') };
  const logLines: string[] = [];
  let bot: Bot;

  async function startBot() {
    const config = readConfig({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_API_URL: server.apiBaseUrl,
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'info',
    });
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
    bot = createBot(config, { logger, clock: { now: () => clock.now }, seedDirectory: foundingSeedDirectory, anniversaryTickMs: 25 });
    await bot.start();
  }

  beforeAll(async () => {
    await server.start();
    await startBot();
  });
  afterAll(async () => {
    expectEveryBodyValid(server);
    await bot.stop();
    await server.stop();
  });

  const guild = () => server.guilds[0]!;
  const dailyChannel = () => guild().channels[1]!.id;
  // The channel's own posts, not the private answers to the buttons pressed there.
  const questions = () => server.messages(dailyChannel()).filter((m) => m.author.id === server.bot.id && ((m.flags ?? 0) & EPHEMERAL) === 0);

  function run(subcommand: string, options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
    return roundTrip(
      server,
      server.chatInputInteraction({
        guildId: guild().id,
        channelId: guild().channels[0]!.id,
        commandName: 'daily',
        subcommand,
        options: options as never,
        memberPermissions: PermissionFlagsBits.ManageGuild,
        ...extra,
      }),
    );
  }

  async function press(message: APIMessage, customId: string, user: (typeof fans)[keyof typeof fans], locale?: string) {
    const { callback } = await roundTrip(server, server.buttonInteraction({ customId, message, user, ...(locale ? { locale: locale as never } : {}) }));
    expect(callback.data).toMatchObject({ flags: EPHEMERAL });
    return (callback.data as { content: string }).content;
  }

  const answerId = (localDate: string, option: number) => `daily:answer:${localDate}:${option}`;
  const question = (localDate: string) => parseStoredQuestion(bot.context.daily.question(guild().id, localDate)!);
  const wrongOf = (localDate: string) => (question(localDate).correct === 0 ? 1 : 0);

  async function waitForQuestions(count: number): Promise<APIMessage> {
    const deadline = Date.now() + 5000;
    while (questions().length < count) {
      if (Date.now() > deadline) throw new Error(`no question ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return questions()[count - 1]!;
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is set up only by Manage Server, checked in the handler too, with the time and zone checked', async () => {
    const refused = await run('setup', { channel: { type: 7, value: dailyChannel() } }, { memberPermissions: 0n });
    expect(refused.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'Only members with the Manage Server permission can change the daily question.' });
    const badTime = await run('setup', { channel: { type: 7, value: dailyChannel() }, time: '25:00' });
    expect((badTime.callback.data as { content: string }).content).toContain('25:00');
    const badZone = await run('setup', { channel: { type: 7, value: dailyChannel() }, timezone: 'Mars/Olympus' });
    expect((badZone.callback.data as { content: string }).content).toContain('Mars/Olympus');
    expect(bot.context.daily.settings(guild().id)).toBeUndefined();

    const { callback } = await run('setup', { channel: { type: 7, value: dailyChannel() }, time: '09:00', timezone: 'America/New_York' });
    expect(callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: `The daily question is on: <#${dailyChannel()}>, every day at 09:00 America/New_York. First question: March 7, 2026 at 09:00 America/New_York (14:00 UTC).`,
    });
    const zones = await roundTrip(
      server,
      server.autocompleteInteraction({ guildId: guild().id, commandName: 'daily', subcommand: 'setup', focused: { name: 'timezone', value: 'new_york' } } as never),
    );
    expect((zones.callback.data as { choices: { value: string }[] }).choices).toEqual([{ name: 'America/New_York', value: 'America/New_York' }]);
  });

  it('posts the first question at 09:00 local, once, and takes one answer per fan', async () => {
    await pause(100);
    expect(questions()).toHaveLength(0);
    clock.now = new Date('2026-03-07T14:00:05Z');
    const message = await waitForQuestions(1);
    const post = server.requests.find((r) => r.method === 'POST' && r.path === `/channels/${dailyChannel()}/messages`)!;
    const body = post.body as { nonce: string; enforce_nonce: boolean; allowed_mentions: unknown; embeds: { title: string }[] };
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toHaveLength(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds.map((e) => e.title)).toEqual(['❓ Question of the day: March 7']);

    const day = '2026-03-07';
    const right = question(day).correct;
    expect(await press(message, answerId(day, right), fans.blink)).toContain('🔒 Locked in: **');
    expect(await press(message, answerId(day, wrongOf(day)), fans.army)).toContain('🔒 Locked in: **');
    expect(await press(message, answerId(day, right), fans.stay)).toContain('🔒 Locked in: **');
    // A second click changes nothing.
    expect(await press(message, answerId(day, wrongOf(day)), fans.blink)).toMatch(/^You already answered this question: \*\*/);
    expect(bot.context.daily.answer(guild().id, day, fans.blink.id)).toMatchObject({ choice: right, correct: true });
    // Custom ids are read strictly.
    for (const forged of [`daily:answer:${day}:0x1`, `daily:answer:2026-02-30:0`, `daily:answer:${day}:9`, `daily:reveal:${day}:extra`]) {
      expect(await press(message, forged, fans.once)).toBe('That button no longer works. Run the command again for a fresh answer.');
    }
    expect(bot.context.daily.answerCounts(guild().id, day)).toEqual({ answers: 3, right: 2 });

    // Reveal: only for those who answered, in their own language.
    expect(await press(message, `daily:reveal:${day}`, fans.once)).toBe('Answer first: Reveal shows the answer to fans who have answered.');
    const shown = await press(message, `daily:reveal:${day}`, fans.army, 'ko');
    expect(shown).toContain('✅ 정답: **');
    expect(shown).toContain('📖 ');
    expect(shown).toContain('아쉽지만 오답이에요');
  });

  it('posts nothing more that day, across a restart', async () => {
    await bot.stop();
    clock.now = new Date('2026-03-07T20:00:00Z');
    await startBot();
    for (const time of ['2026-03-07T22:00:00Z', '2026-03-08T04:59:00Z']) {
      clock.now = new Date(time);
      await pause(100);
    }
    expect(questions()).toHaveLength(1);
  });

  it('keeps to 09:00 local after the clocks go forward, and reveals the day before with the next question', async () => {
    clock.now = new Date('2026-03-08T12:59:00Z'); // 08:59 EDT
    await pause(150);
    expect(questions()).toHaveLength(1);
    clock.now = new Date('2026-03-08T13:00:05Z');
    const message = await waitForQuestions(2);
    expect(message.embeds.map((e) => e.title)).toEqual(['✅ The answer to the question of March 7', '❓ Question of the day: March 8']);
    expect(message.embeds[0]!.description).toContain('2 of 3 fans got it right.');
    expect(message.embeds[0]!.description).toContain('📖 ');

    // Yesterday's question is closed now, and its answer is public: Reveal shows it to anyone.
    const yesterday = questions()[0]!;
    expect(await press(yesterday, answerId('2026-03-07', 0), fans.once)).toBe('⌛ This question is closed: its answer came with the next one.');
    expect(await press(yesterday, `daily:reveal:2026-03-07`, fans.once)).toContain('✅ The answer: **');

    const day = '2026-03-08';
    await press(message, answerId(day, question(day).correct), fans.blink);
    await press(message, answerId(day, wrongOf(day)), fans.stay);
    // army misses the day.
  });

  it('asks nothing on a day the bot was down, which breaks no streak, and counts streaks and the leaderboard', async () => {
    await bot.stop();
    clock.now = new Date('2026-03-10T13:00:05Z'); // back for March 10; March 9 had no question
    await startBot();
    const message = await waitForQuestions(3);
    expect(message.embeds.at(-1)!.title).toBe('❓ Question of the day: March 10');
    const day = '2026-03-10';
    for (const fan of [fans.blink, fans.army, fans.stay]) await press(message, answerId(day, question(day).correct), fan);
    expect(bot.context.daily.sentDates(guild().id)).toEqual(['2026-03-07', '2026-03-08', '2026-03-10']);

    const streak = async (user: (typeof fans)[keyof typeof fans]) => {
      const { callback } = await run('streak', { user: { type: 6, value: user.id } });
      return (callback.data as { embeds: { description: string }[] }).embeds[0]!.description;
    };
    expect(await streak(fans.blink)).toBe(`<@${fans.blink.id}>: current streak **3**, best **3**`);
    // Wrong on the 7th, missed the 8th.
    expect(await streak(fans.army)).toBe(`<@${fans.army.id}>: current streak **1**, best **1**`);
    // Right, then wrong.
    expect(await streak(fans.stay)).toBe(`<@${fans.stay.id}>: current streak **1**, best **1**`);

    const { callback } = await run('leaderboard');
    const board = (callback.data as { embeds: { description: string }[]; allowed_mentions?: unknown }).embeds[0]!.description.split('\n');
    expect(board[0]).toBe(`🥇 <@${fans.blink.id}>: streak **3** (best 3) · 3 right in 30 days`);
    expect(board).toHaveLength(3);
    expect(logLines.join('')).not.toMatch(/"level":50/);
  });

  it('is turned off with /daily off', async () => {
    const { callback } = await run('off');
    expect((callback.data as { content: string }).content).toBe('The daily question is off. Streaks are kept.');
    clock.now = new Date('2026-03-11T13:00:05Z');
    await pause(150);
    expect(questions()).toHaveLength(3);
  });
});
