// The trivia store on a real SQLite file with the real migrations: sums over answers (standings,
// leaderboard, a player's stats), the typed fragments among them (the latest name, the fastest right
// answer), and one active round per channel.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { createTriviaStore } from '../../db/queries/trivia-store.js';
import { temporaryDatabasePath } from '../support/test-store.js';

const GUILD = '100000000000000001';
let databases: LightstickDatabase[] = [];
afterEach(() => {
  for (const db of databases) db.$client.close();
  databases = [];
});

function openStore() {
  const db = openDatabase(temporaryDatabasePath());
  databases.push(db);
  return createTriviaStore(db);
}

function playedRound(trivia: ReturnType<typeof createTriviaStore>, channelId: string, at: number) {
  const roundId = trivia.startRound({
    guildId: GUILD,
    channelId,
    startedBy: 'u1',
    questionCount: 2,
    secondsPerQuestion: 20,
    artistId: null,
    createdAt: at,
  })!;
  const questions = [0, 1].map((position) =>
    trivia.addQuestion({ roundId, position, questionKey: `q${position}`, question: '{}', openedAt: at, closesAt: at + 20_000 }),
  );
  return { roundId, questions };
}

const answer = (questionId: number, userId: string, userName: string, correct: boolean, elapsedMs: number, answeredAt: number) => ({
  questionId,
  userId,
  userName,
  guildId: GUILD,
  choice: 0,
  correct,
  elapsedMs,
  points: correct ? 100 : 0,
  answeredAt,
});

describe('the trivia store', () => {
  it('keeps one active round per channel, and ends a round once', () => {
    const trivia = openStore();
    const { roundId } = playedRound(trivia, 'c1', 1_000);
    expect(trivia.startRound({ guildId: GUILD, channelId: 'c1', startedBy: 'u2', questionCount: 1, secondsPerQuestion: 20, artistId: null, createdAt: 2_000 })).toBeNull();
    expect(trivia.activeRoundIn('c1')).toMatchObject({ id: roundId, status: 'active', endedAt: null });
    expect(trivia.endRound(roundId, 'interrupted', 3_000)).toBe(true);
    expect(trivia.endRound(roundId, 'finished', 4_000)).toBe(false);
    expect(trivia.round(roundId)).toMatchObject({ status: 'interrupted', endedAt: 3_000 });
    expect(trivia.activeRounds()).toEqual([]);
  });

  it('sums points and right answers per person, ordered by points, right answers, then who answered first', () => {
    const trivia = openStore();
    const first = playedRound(trivia, 'c1', 1_000);
    expect(trivia.recordAnswer(answer(first.questions[0]!, 'a', 'Ann', true, 900, 1_900))).toBe(true);
    expect(trivia.recordAnswer(answer(first.questions[0]!, 'a', 'Ann', false, 950, 1_950))).toBe(false);
    trivia.recordAnswer(answer(first.questions[0]!, 'b', 'Bo', true, 400, 1_400));
    trivia.recordAnswer(answer(first.questions[1]!, 'a', 'Ann', false, 700, 2_700));
    trivia.recordAnswer(answer(first.questions[1]!, 'c', 'Cy', false, 300, 2_300));
    expect(trivia.answer(first.questions[0]!, 'a')).toMatchObject({ correct: true, points: 100 });
    expect(trivia.roundStandings(first.roundId, 10)).toEqual([
      { userId: 'b', userName: 'Bo', points: 100, correct: 1, answers: 1 },
      { userId: 'a', userName: 'Ann', points: 100, correct: 1, answers: 2 },
      { userId: 'c', userName: 'Cy', points: 0, correct: 0, answers: 1 },
    ]);
    // Nobody with no points is on the board; a tie goes by id.
    expect(trivia.leaderboard(GUILD, 0, 10).map((row) => row.userId)).toEqual(['a', 'b']);
    expect(trivia.leaderboard(GUILD, 2_000, 10)).toEqual([]);
  });

  it("reads a player's stats over rounds: the latest name given, the rounds played, the fastest right answer", () => {
    const trivia = openStore();
    const first = playedRound(trivia, 'c1', 1_000);
    trivia.recordAnswer(answer(first.questions[0]!, 'a', 'Ann', true, 900, 1_900));
    trivia.recordAnswer(answer(first.questions[1]!, 'a', 'Ann', false, 200, 2_200));
    trivia.endRound(first.roundId, 'finished', 3_000);
    const second = playedRound(trivia, 'c1', 10_000);
    trivia.recordAnswer(answer(second.questions[0]!, 'a', 'Annie', true, 600, 10_600));
    expect(trivia.playerStats(GUILD, 'a')).toEqual({
      userId: 'a',
      userName: 'Annie',
      points: 200,
      correct: 2,
      answers: 3,
      rounds: 2,
      fastestCorrectMs: 600,
    });
    expect(trivia.playerStats(GUILD, 'nobody')).toBeUndefined();
  });
});
