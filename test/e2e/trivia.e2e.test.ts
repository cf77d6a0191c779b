// A full trivia round with several players through the real bot on the local Discord-compatible
// server: start, clicks, reveal, standings, leaderboard.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../discord-server/index.js';
import { TestClock } from '../support/test-clock.js';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
const fans = [
  { id: '700000000000000001', username: 'blink' },
  { id: '700000000000000002', username: 'army' },
  { id: '700000000000000003', username: 'stay' },
];

describe('trivia end to end', () => {
  let harness: Harness;
  // The bot's time stands still until the test moves it: a question closes when the test says so,
  // however slowly the machine answers the clicks.
  const clock = new TestClock(new Date());
  beforeAll(async () => {
    harness = await startHarness({ clock });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  const channelId = () => harness.server.guilds[0]!.channels[0]!.id;
  const questionMessages = () =>
    harness.server.messages(channelId()).filter((m) => m.author.id === harness.server.bot.id && (m.components?.length ?? 0) > 0);

  /** Plays the round's waits (the start, the countdown, the pause after a reveal) until question `count` is posted. */
  function nextQuestion(count: number): Promise<APIMessage> {
    return clock.runUntil(() => questionMessages()[count - 1]);
  }

  /** Plays the round's waits until the bot has sent a request that `matches`. */
  function untilRequest(matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest> {
    return clock.runUntil(() => harness.server.requests.find(matches));
  }

  /** Clicks option `option` (wrapping round a true-or-false question's two buttons). */
  function click(message: APIMessage, option: number, fan: (typeof fans)[number]) {
    const row = message.components![0] as { components: { custom_id: string }[] };
    const button = row.components[option % row.components.length]!;
    return roundTrip(harness.server, harness.server.buttonInteraction({ customId: button.custom_id, message, user: fan }));
  }

  it('plays a round: questions with buttons, private confirmations, reveals and standings', async () => {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'start', options: { questions: 2, seconds: 10 }, user: fans[0] }),
    );
    expect((callback.data as { content: string }).content).toMatch(/^🎮 \*\*Trivia!\*\* 2 questions, 10 seconds each, started by <@700000000000000001>/);

    const busy = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'start', user: fans[1] }),
    );
    expect(busy.callback.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('already running in this channel') });

    for (const position of [1, 2]) {
      const message = await nextQuestion(position);
      expect(message.embeds[0]!.title).toBe(`Question ${position} of 2`);
      // An option or question id written any way but the bot's (hex, exponent) is refused as stale, and counts for nothing.
      const real = (message.components![0] as { components: { custom_id: string }[] }).components[1]!.custom_id;
      const [, , questionId] = real.split(':');
      for (const forged of [`trivia:answer:${questionId}:0x1`, `trivia:answer:${questionId}e0:1`, `trivia:answer:${questionId}:1:extra`]) {
        const refused = await roundTrip(harness.server, harness.server.buttonInteraction({ customId: forged, message, user: fans[2] }));
        expect(refused.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'That button no longer works. Run the command again for a fresh answer.' });
      }
      const first = await click(message, 0, fans[0]!);
      expect(first.callback.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('🔒 Locked in: **A:') });
      expect(first.elapsedMs).toBeLessThan(3000);
      const again = await click(message, 1, fans[0]!);
      expect(again.callback.data).toMatchObject({ content: expect.stringContaining("You're already locked in with **A:") });
      await click(message, 1, fans[1]!);
      const afterForgeries = await click(message, 3, fans[2]!);
      expect(afterForgeries.callback.data).toMatchObject({ content: expect.stringContaining('🔒 Locked in:') });
      if (position === 2) {
        // The question's ten seconds are over: a click now is late, whenever it reaches the bot.
        clock.advance(10_001);
        const late = await click(message, 0, { id: '700000000000000004', username: 'once' });
        expect(late.callback.data).toMatchObject({ flags: EPHEMERAL, content: '⌛ This question has closed.' });
      }
      const reveal = await untilRequest(
        (r) => r.method === 'PATCH' && r.path === `/channels/${channelId()}/messages/${message.id}` && JSON.stringify(r.body).includes('The answer'),
      );
      const body = reveal.body as { embeds: { description: string }[]; components: { components: { disabled: boolean; style: number }[] }[]; allowed_mentions: unknown };
      expect(body.embeds[0]!.description).toMatch(/✅ The answer: \*\*[ABCD]: /);
      expect(body.components[0]!.components.every((b) => b.disabled)).toBe(true);
      expect(body.components[0]!.components.filter((b) => b.style === 3)).toHaveLength(1);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    const standings = await untilRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${channelId()}/messages` && JSON.stringify(r.body).includes('Round over'),
    );
    const standingsBody = standings.body as { embeds: { description: string }[]; allowed_mentions: unknown };
    expect(standingsBody.allowed_mentions).toEqual({ parse: [] });
    // The countdown edited the question rather than posting new messages: 2 questions, 1 standings.
    const posted = harness.server.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId()}/messages`);
    expect(posted).toHaveLength(3);

    const board = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'leaderboard', options: { period: 'week' } }),
    );
    const description = (board.callback.data as { embeds: { description: string }[] }).embeds[0]!.description;
    const pointsIn = (text: string): Record<string, number> =>
      Object.fromEntries([...text.matchAll(/<@(\d+)>: \*\*(\d+)\*\* points/g)].map((m) => [m[1], Number(m[2])]));
    const scored = Object.fromEntries(Object.entries(pointsIn(standingsBody.embeds[0]!.description)).filter(([, points]) => points > 0));
    expect(pointsIn(description)).toEqual(scored);
    // No member was fetched one by one to show names.
    expect(harness.server.requests.some((r) => /\/guilds\/\d+\/members\//.test(r.path))).toBe(false);

    const stats = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'stats', options: { user: { type: 6, value: fans[0]!.id } } }),
    );
    const fields = (stats.callback.data as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!.fields;
    expect(fields.find((f) => f.name === 'Right answers')!.value).toMatch(/^\d of 2 \(\d+%\)$/);
    expect(fields.find((f) => f.name === 'Rounds played')!.value).toBe('1');
  });

  it('answers fifty clicks in the same second within the deadline, each counted once', async () => {
    await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'start', options: { questions: 1, seconds: 60 }, user: fans[0] }),
    );
    const before = questionMessages().length;
    const message = await nextQuestion(before + 1);
    const clickers = Array.from({ length: 50 }, (_, i) => ({ id: String(800000000000000000n + BigInt(i)), username: `fan${i}` }));
    const results = await Promise.all(clickers.map((fan, i) => click(message, i, fan)));
    for (const { callback, elapsedMs } of results) {
      expect(callback.type).toBe(4);
      expect((callback.data as { content: string }).content).toContain('Locked in');
      expect(elapsedMs).toBeLessThan(3000);
    }
    const round = harness.bot.context.trivia.activeRoundIn(channelId())!;
    const question = harness.bot.context.trivia.latestPostedQuestion(round.id)!;
    expect(harness.bot.context.trivia.answers(question.id)).toHaveLength(50);
    const stop = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'stop', user: fans[1], memberPermissions: 0n }),
    );
    expect((stop.callback.data as { content: string }).content).toContain('Only <@700000000000000001>, who started this round');
    const stopped = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'stop', user: fans[0] }),
    );
    expect((stopped.callback.data as { content: string }).content).toContain('Stopping the round');
    await untilRequest((r) => r.method === 'POST' && JSON.stringify(r.body).includes('Round stopped'));
  });
});
