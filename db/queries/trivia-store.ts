// Trivia rounds, questions and answers. Answers are recorded as they arrive, one per person per
// question (the first click counts); points live on the answer row, so standings, leaderboards
// and stats are sums over answers and a restart loses nothing already won. Every statement is
// written with Drizzle's query builder and prepared once per store.
import { and, count, countDistinct, desc, eq, gt, gte, isNotNull, isNull, min, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { NewAnswer, PlayerScore, PlayerStats, RoundStatus, StoredAnswer, StoredQuestion, TriviaRound, TriviaStore } from '../../src/core/trivia-records.js';
import type { LightstickDatabase } from '../database.js';
import { triviaAnswers, triviaQuestions, triviaRounds } from '../schema.js';

export type { NewAnswer, PlayerScore, PlayerStats, RoundStatus, StoredAnswer, StoredQuestion, TriviaRound, TriviaStore };

const p = (name: string) => sql.placeholder(name);

const roundFields = {
  id: triviaRounds.id,
  guildId: triviaRounds.guildId,
  channelId: triviaRounds.channelId,
  startedBy: triviaRounds.startedBy,
  status: triviaRounds.status,
  questionCount: triviaRounds.questionCount,
  secondsPerQuestion: triviaRounds.secondsPerQuestion,
  artistId: triviaRounds.artistId,
  createdAt: triviaRounds.createdAt,
  endedAt: triviaRounds.endedAt,
};
const questionFields = {
  id: triviaQuestions.id,
  roundId: triviaQuestions.roundId,
  position: triviaQuestions.position,
  questionKey: triviaQuestions.questionKey,
  question: triviaQuestions.question,
  messageId: triviaQuestions.messageId,
  openedAt: triviaQuestions.openedAt,
  closesAt: triviaQuestions.closesAt,
  revealedAt: triviaQuestions.revealedAt,
};
const answerFields = {
  questionId: triviaAnswers.questionId,
  userId: triviaAnswers.userId,
  userName: triviaAnswers.userName,
  guildId: triviaAnswers.guildId,
  choice: triviaAnswers.choice,
  correct: triviaAnswers.correct,
  elapsedMs: triviaAnswers.elapsedMs,
  points: triviaAnswers.points,
  answeredAt: triviaAnswers.answeredAt,
};

export function createTriviaStore(db: LightstickDatabase): TriviaStore {
  // The name shown is the one given with the person's latest answer: no member look-ups.
  const latest = alias(triviaAnswers, 'latest');
  const latestName = sql<string>`(${db
    .select({ userName: latest.userName })
    .from(latest)
    .where(eq(latest.userId, triviaAnswers.userId))
    .orderBy(desc(latest.answeredAt))
    .limit(1)})`;
  // Sums over a person's answers; a sum over at least one row is never null.
  const scoreFields = {
    userId: triviaAnswers.userId,
    userName: latestName,
    points: sql<number>`${sum(triviaAnswers.points)}`.mapWith(Number),
    correct: sql<number>`${sum(triviaAnswers.correct)}`.mapWith(Number),
    answers: count(),
  };
  // Ordered by the sums themselves: the builder selects them unnamed.
  const points = sum(triviaAnswers.points);
  const correct = sum(triviaAnswers.correct);

  const statements = {
    startRound: db
      .insert(triviaRounds)
      .values({
        guildId: p('guildId'),
        channelId: p('channelId'),
        startedBy: p('startedBy'),
        status: 'active',
        questionCount: p('questionCount'),
        secondsPerQuestion: p('secondsPerQuestion'),
        artistId: p('artistId'),
        createdAt: p('createdAt'),
      })
      .onConflictDoNothing()
      .prepare(),
    round: db.select(roundFields).from(triviaRounds).where(eq(triviaRounds.id, p('id'))).prepare(),
    activeRoundIn: db
      .select(roundFields)
      .from(triviaRounds)
      .where(and(eq(triviaRounds.channelId, p('channelId')), eq(triviaRounds.status, 'active')))
      .prepare(),
    activeRounds: db.select(roundFields).from(triviaRounds).where(eq(triviaRounds.status, 'active')).orderBy(triviaRounds.id).prepare(),
    endRound: db
      .update(triviaRounds)
      .set({ status: sql`${p('status')}`, endedAt: sql`${p('at')}` })
      .where(and(eq(triviaRounds.id, p('id')), eq(triviaRounds.status, 'active')))
      .prepare(),
    addQuestion: db
      .insert(triviaQuestions)
      .values({
        roundId: p('roundId'),
        position: p('position'),
        questionKey: p('questionKey'),
        question: p('question'),
        openedAt: p('openedAt'),
        closesAt: p('closesAt'),
      })
      .prepare(),
    question: db.select(questionFields).from(triviaQuestions).where(eq(triviaQuestions.id, p('id'))).prepare(),
    latestPostedQuestion: db
      .select(questionFields)
      .from(triviaQuestions)
      .where(and(eq(triviaQuestions.roundId, p('roundId')), isNotNull(triviaQuestions.messageId)))
      .orderBy(desc(triviaQuestions.position))
      .limit(1)
      .prepare(),
    setQuestionMessage: db
      .update(triviaQuestions)
      .set({ messageId: sql`${p('messageId')}` })
      .where(eq(triviaQuestions.id, p('questionId')))
      .prepare(),
    markRevealed: db
      .update(triviaQuestions)
      .set({ revealedAt: sql`${p('at')}` })
      .where(and(eq(triviaQuestions.id, p('questionId')), isNull(triviaQuestions.revealedAt)))
      .prepare(),
    recordAnswer: db
      .insert(triviaAnswers)
      .values({
        questionId: p('questionId'),
        userId: p('userId'),
        userName: p('userName'),
        guildId: p('guildId'),
        choice: p('choice'),
        correct: p('correct'),
        elapsedMs: p('elapsedMs'),
        points: p('points'),
        answeredAt: p('answeredAt'),
      })
      .onConflictDoNothing()
      .prepare(),
    answer: db
      .select(answerFields)
      .from(triviaAnswers)
      .where(and(eq(triviaAnswers.questionId, p('questionId')), eq(triviaAnswers.userId, p('userId'))))
      .prepare(),
    answers: db
      .select(answerFields)
      .from(triviaAnswers)
      .where(eq(triviaAnswers.questionId, p('questionId')))
      .orderBy(triviaAnswers.answeredAt, triviaAnswers.userId)
      .prepare(),
    roundStandings: db
      .select(scoreFields)
      .from(triviaAnswers)
      .innerJoin(triviaQuestions, eq(triviaQuestions.id, triviaAnswers.questionId))
      .where(eq(triviaQuestions.roundId, p('roundId')))
      .groupBy(triviaAnswers.userId)
      .orderBy(desc(points), desc(correct), min(triviaAnswers.answeredAt))
      .limit(p('limit'))
      .prepare(),
    leaderboard: db
      .select(scoreFields)
      .from(triviaAnswers)
      .where(and(eq(triviaAnswers.guildId, p('guildId')), gte(triviaAnswers.answeredAt, p('since'))))
      .groupBy(triviaAnswers.userId)
      .having(gt(points, 0))
      .orderBy(desc(points), desc(correct), triviaAnswers.userId)
      .limit(p('limit'))
      .prepare(),
    playerStats: db
      .select({
        ...scoreFields,
        rounds: countDistinct(triviaQuestions.roundId),
        fastestCorrectMs: sql<number | null>`min(case when ${triviaAnswers.correct} = 1 then ${triviaAnswers.elapsedMs} end)`,
      })
      .from(triviaAnswers)
      .innerJoin(triviaQuestions, eq(triviaQuestions.id, triviaAnswers.questionId))
      .where(and(eq(triviaAnswers.guildId, p('guildId')), eq(triviaAnswers.userId, p('userId'))))
      .groupBy(triviaAnswers.userId)
      .prepare(),
  };

  return {
    startRound: (round) => {
      const result = statements.startRound.run(round);
      return result.changes === 1 ? Number(result.lastInsertRowid) : null;
    },
    round: (id) => statements.round.get({ id }),
    activeRoundIn: (channelId) => statements.activeRoundIn.get({ channelId }),
    activeRounds: () => statements.activeRounds.all(),
    endRound: (id, status, at) => statements.endRound.run({ status, at, id }).changes === 1,
    addQuestion: (question) => Number(statements.addQuestion.run(question).lastInsertRowid),
    question: (id) => statements.question.get({ id }),
    latestPostedQuestion: (roundId) => statements.latestPostedQuestion.get({ roundId }),
    setQuestionMessage: (questionId, messageId) => {
      statements.setQuestionMessage.run({ messageId, questionId });
    },
    markRevealed: (questionId, at) => {
      statements.markRevealed.run({ at, questionId });
    },
    recordAnswer: (answer) => statements.recordAnswer.run({ ...answer }).changes === 1,
    answer: (questionId, userId) => statements.answer.get({ questionId, userId }),
    answers: (questionId) => statements.answers.all({ questionId }),
    roundStandings: (roundId, limit) => statements.roundStandings.all({ roundId, limit }),
    leaderboard: (guildId, since, limit) => statements.leaderboard.all({ guildId, since, limit }),
    playerStats: (guildId, userId) => statements.playerStats.get({ guildId, userId }),
  };
}
