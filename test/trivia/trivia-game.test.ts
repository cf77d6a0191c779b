// Rounds played against a real database and a channel that records what it was sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { MessagePayload } from '../../commands/command.js';
import { pointsFor, periodStart } from '../../src/core/trivia-scoring.js';
import { seededRandom, type TriviaQuestion } from '../../src/core/trivia-questions.js';
import { createTriviaGame, type RoundChannel, type TriviaGame } from '../../src/trivia/trivia-game.js';
import type { OpenedStore } from '../../src/open-store.js';
import { TestClock } from '../support/test-clock.js';
import { openTestStore, roundMessagesIn, silentLogger, temporaryDatabasePath } from '../support/test-store.js';
import { questionFact } from '../../src/presentation/trivia-messages.js';
import { translationFor } from '../../src/presentation/translation.js';

const CHANNEL = '500000000000000005';
const GUILD = '400000000000000004';
const players = Array.from({ length: 50 }, (_, i) => ({ id: String(600000000000000000n + BigInt(i)), name: `fan${i}` }));

class RecordingChannel implements RoundChannel {
  posts: { id: string; payload: MessagePayload }[] = [];
  edits: { id: string; payload: MessagePayload }[] = [];
  hangAfterPosts = Infinity;
  async post(_channelId: string, payload: MessagePayload): Promise<string> {
    if (this.posts.length >= this.hangAfterPosts) return new Promise<string>(() => {});
    const id = `message-${this.posts.length + 1}`;
    this.posts.push({ id, payload });
    return id;
  }
  async edit(_channelId: string, messageId: string, payload: MessagePayload): Promise<void> {
    this.edits.push({ id: messageId, payload });
  }
}

let stores: OpenedStore[] = [];
const games: TriviaGame[] = [];
afterEach(async () => {
  for (const game of games.splice(0)) await game.shutdown();
  for (const store of stores.splice(0)) store.close();
});

function setUp(path = ':memory:', channel = new RecordingChannel(), clock = new TestClock(new Date(), { autoAdvance: true })) {
  const opened = openTestStore({ path });
  stores.push(opened);
  const game = createTriviaGame({
    store: opened.store,
    trivia: opened.trivia,
    // Rounds play through in virtual time: a 10-second question lasts 10 seconds of this clock.
    clock,
    timers: clock,
    logger: silentLogger,
    channel,
    messagesFor: roundMessagesIn('en-US'),
    random: seededRandom(21),
  });
  games.push(game);
  return { opened, game, channel, clock };
}

async function openQuestion(game: TriviaGame, userId = 'nobody') {
  // A minute of the round's time: longer than a question, its reveal and the pause before the next.
  const question = await game.openQuestion(CHANNEL, userId, 60_000);
  if (!question) throw new Error('no question opened');
  return { stored: question, question: JSON.parse(question.question) as TriviaQuestion };
}

/** Starts a round; the tests that need a refusal call `game.start` themselves. */
function start(game: TriviaGame, extra: Partial<Parameters<TriviaGame['start']>[0]> = {}) {
  const outcome = game.start({
    guildId: GUILD,
    channelId: CHANNEL,
    user: players[0]!,
    questionCount: 3,
    secondsPerQuestion: 10,
    artistId: null,
    ...extra,
  });
  if (outcome.status !== 'started') throw new Error(`the round did not start: ${outcome.status}`);
  return outcome;
}

describe('scoring', () => {
  it('gives 100 for a right answer plus up to 50 for speed, nothing for a wrong one', () => {
    expect(pointsFor(true, 0, 20_000)).toBe(150);
    expect(pointsFor(true, 10_000, 20_000)).toBe(125);
    expect(pointsFor(true, 25_000, 20_000)).toBe(100);
    expect(pointsFor(false, 0, 20_000)).toBe(0);
  });

  it('reads leaderboard periods as the last 7 or 30 days', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(periodStart('week', now)).toBe(Date.parse('2026-11-14T12:00:00Z'));
    expect(periodStart('month', now)).toBe(Date.parse('2026-10-22T12:00:00Z'));
    expect(periodStart('all', now)).toBe(0);
  });
});

describe('a trivia round', () => {
  it('plays every question with several players, reveals, and the standings add up', async () => {
    const { opened, game, channel } = setUp();
    expect(start(game).questions).toBe(3);
    const expected = new Map<string, number>();
    for (let position = 1; position <= 3; position++) {
      const { stored, question } = await openQuestion(game, players[1]!.id);
      const wrong = (question.correct + 1) % question.options.length;
      // Player 1 always right, player 2 always wrong, player 3 right on the first question only.
      const clicks = [
        [players[1]!, question.correct],
        [players[2]!, wrong],
        ...(position === 1 ? [[players[3]!, question.correct] as const] : []),
      ] as const;
      for (const [player, choice] of clicks) {
        expect(game.answer(stored.id, choice, player, GUILD)).toEqual({ status: 'locked-in', choice });
      }
      for (const answer of opened.trivia.answers(stored.id)) {
        expected.set(answer.userId, (expected.get(answer.userId) ?? 0) + answer.points);
      }
    }
    await game.idle();
    // One message per question, edited for the countdown and the reveal, then the standings.
    expect(channel.posts).toHaveLength(4);
    const reveals = channel.edits.filter((e) => e.payload.embeds?.[0]?.description?.includes('✅ The answer'));
    expect(reveals).toHaveLength(3);
    expect(reveals[0]!.payload.components![0]!.components.every((b) => b.disabled)).toBe(true);
    expect(reveals[0]!.payload.embeds![0]!.description).toMatch(new RegExp(`🎯 Right: <@${players[1]!.id}>`));
    expect(reveals[0]!.payload.embeds![0]!.footer!.text).toMatch(/^Source: \d{3}_/);
    const standings = channel.posts.at(-1)!.payload.embeds![0]!;
    expect(standings.title).toBe('🏁 Round over! Standings');
    expect(standings.description!.split('\n')[0]).toBe(`🥇 <@${players[1]!.id}>: **${expected.get(players[1]!.id)}** points (3 right)`);
    // The leaderboard is the same sums.
    const board = opened.trivia.leaderboard(GUILD, 0, 10);
    expect(Object.fromEntries(board.map((p) => [p.userId, p.points]))).toEqual(
      Object.fromEntries([...expected].filter(([, points]) => points > 0)),
    );
    expect(opened.trivia.activeRoundIn(CHANNEL)).toBeUndefined();
  });

  it('allows one round per channel at a time', async () => {
    const { game } = setUp();
    start(game);
    expect(game.start({ guildId: GUILD, channelId: CHANNEL, user: players[1]!, questionCount: 3, secondsPerQuestion: 10, artistId: null })).toEqual({
      status: 'already-running',
    });
    expect(start(game, { channelId: '500000000000000006' }).questions).toBe(3);
  });

  it('counts the first click only, and tells later clicks they are locked in', async () => {
    const { opened, game } = setUp();
    start(game);
    const { stored, question } = await openQuestion(game);
    const other = (question.correct + 1) % question.options.length;
    expect(game.answer(stored.id, other, players[5]!, GUILD)).toEqual({ status: 'locked-in', choice: other });
    expect(game.answer(stored.id, question.correct, players[5]!, GUILD)).toEqual({ status: 'already', choice: other });
    expect(opened.trivia.answers(stored.id)).toHaveLength(1);
    expect(opened.trivia.answer(stored.id, players[5]!.id)).toMatchObject({ correct: false, points: 0 });
  });

  it('counts fifty people clicking at once, each exactly once', async () => {
    const { opened, game } = setUp();
    start(game);
    const { stored, question } = await openQuestion(game);
    const outcomes = await Promise.all(
      players.flatMap((player, i) => [
        Promise.resolve().then(() => game.answer(stored.id, i % question.options.length, player, GUILD)),
        Promise.resolve().then(() => game.answer(stored.id, question.correct, player, GUILD)),
      ]),
    );
    expect(outcomes.filter((o) => o.status === 'locked-in')).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === 'already')).toHaveLength(50);
    expect(opened.trivia.answers(stored.id)).toHaveLength(50);
  });

  it('refuses answers once a question has closed', async () => {
    const { game } = setUp();
    start(game, { questionCount: 1 });
    const { stored } = await openQuestion(game);
    await game.idle();
    expect(game.answer(stored.id, 0, players[9]!, GUILD)).toEqual({ status: 'closed' });
  });

  it('keeps a question open for its real seconds: a click is in time or late as the clock says', async () => {
    const clock = new TestClock('2026-11-21T12:00:00Z');
    const { opened, game, channel } = setUp(':memory:', new RecordingChannel(), clock);
    const { roundId } = start(game, { questionCount: 1, secondsPerQuestion: 10 });
    const stored = await clock.runUntil(() => opened.trivia.latestPostedQuestion(roundId));
    expect(stored.closesAt! - stored.openedAt!).toBe(10_000);
    clock.advance(9_999);
    expect(game.answer(stored.id, 0, players[1]!, GUILD)).toEqual({ status: 'locked-in', choice: 0 });
    clock.advance(2);
    expect(game.answer(stored.id, 0, players[2]!, GUILD)).toEqual({ status: 'closed' });
    await clock.runUntil(() => channel.posts.length === 2);
    expect(opened.trivia.answers(stored.id).map((answer) => answer.userId)).toEqual([players[1]!.id]);
  });

  it('is stopped by whoever started it or someone with Manage Messages, and by nobody else', async () => {
    const { opened, game, channel } = setUp();
    start(game, { questionCount: 5 });
    await openQuestion(game);
    expect(game.stop(CHANNEL, players[7]!, false)).toEqual({ status: 'not-allowed', startedBy: players[0]!.id });
    expect(game.stop(CHANNEL, players[7]!, true)).toEqual({ status: 'stopping' });
    await game.idle();
    expect(opened.trivia.round(1)!.status).toBe('stopped');
    expect(channel.posts.at(-1)!.payload.embeds![0]!.title).toBe('⏹️ Round stopped. Standings');
    expect(game.stop(CHANNEL, players[0]!, false)).toEqual({ status: 'no-round' });

    start(game);
    await openQuestion(game);
    game.stop(CHANNEL, players[0]!, false);
    await game.idle();
    expect(opened.trivia.round(2)!.status).toBe('stopped');
  });

  it('keeps the points when a restart interrupts a round, and marks its message', async () => {
    const path = temporaryDatabasePath();
    const frozen = new RecordingChannel();
    frozen.hangAfterPosts = 1; // the process "dies" while posting its second question
    const before = setUp(path, frozen);
    start(before.game);
    const { stored, question } = await openQuestion(before.game);
    before.game.answer(stored.id, question.correct, players[4]!, GUILD);
    // The first question is revealed; posting the second never ends.
    while (!frozen.edits.some((edit) => edit.payload.embeds?.[0]?.description?.includes('✅ The answer'))) await new Promise((resolve) => setImmediate(resolve));
    games.splice(games.indexOf(before.game), 1);

    const after = setUp(path);
    expect(await after.game.interruptLeftoverRounds(() => true)).toBe(1);
    expect(after.opened.trivia.round(1)!.status).toBe('interrupted');
    expect(after.channel.edits).toHaveLength(1);
    expect(after.channel.edits[0]!.id).toBe('message-1');
    expect(after.channel.edits[0]!.payload.embeds![0]!.description).toContain('interrupted by a restart. Points already won are kept.');
    expect(after.opened.trivia.leaderboard(GUILD, 0, 10)).toMatchObject([{ userId: players[4]!.id, correct: 1 }]);
    // The channel is free again.
    expect(start(after.game).questions).toBe(3);
  });

  it('asks only about the chosen artist and its members', async () => {
    const { opened, game } = setUp();
    const bts = opened.store.artistsByNormalizedAlias('bts')[0]!;
    start(game, { artistId: bts.id, questionCount: 20 });
    const { question } = await openQuestion(game);
    expect(questionFact(question, translationFor('en-US'))).toMatch(/BTS|Jungkook/);
  });
});
