// Trivia rounds, questions and answers. Answers are recorded as they arrive, one per person per
// question (the first click counts); points live on the answer row, so standings, leaderboards
// and stats are sums over answers and a restart loses nothing already won.
import type { NewAnswer, PlayerScore, PlayerStats, RoundStatus, StoredAnswer, StoredQuestion, TriviaRound, TriviaStore } from '../../src/core/trivia-records.js';
import type { LightstickDatabase } from '../database.js';

export type { NewAnswer, PlayerScore, PlayerStats, RoundStatus, StoredAnswer, StoredQuestion, TriviaRound, TriviaStore };

interface RawAnswer extends Omit<StoredAnswer, 'correct'> {
  correct: number;
}

const roundColumns = `id, guild_id as guildId, channel_id as channelId, started_by as startedBy, status,
  question_count as questionCount, seconds_per_question as secondsPerQuestion, artist_id as artistId,
  created_at as createdAt, ended_at as endedAt`;
const questionColumns = `id, round_id as roundId, position, question_key as questionKey, question,
  message_id as messageId, opened_at as openedAt, closes_at as closesAt, revealed_at as revealedAt`;
const answerColumns = `question_id as questionId, user_id as userId, user_name as userName, guild_id as guildId,
  choice, correct, elapsed_ms as elapsedMs, points, answered_at as answeredAt`;
// The name shown is the one given with the person's latest answer: no member look-ups.
const scoreColumns = `a.user_id as userId,
  (select a2.user_name from trivia_answers a2 where a2.user_id = a.user_id order by a2.answered_at desc limit 1) as userName,
  sum(a.points) as points, sum(a.correct) as correct, count(*) as answers`;

export function createTriviaStore(db: LightstickDatabase): TriviaStore {
  const client = db.$client;
  const statements = {
    startRound: client.prepare(
      `insert into trivia_rounds (guild_id, channel_id, started_by, status, question_count, seconds_per_question, artist_id, created_at)
       values (@guildId, @channelId, @startedBy, 'active', @questionCount, @secondsPerQuestion, @artistId, @createdAt)
       on conflict do nothing`,
    ),
    round: client.prepare(`select ${roundColumns} from trivia_rounds where id = ?`),
    activeRoundIn: client.prepare(`select ${roundColumns} from trivia_rounds where channel_id = ? and status = 'active'`),
    activeRounds: client.prepare(`select ${roundColumns} from trivia_rounds where status = 'active' order by id`),
    endRound: client.prepare(`update trivia_rounds set status = ?, ended_at = ? where id = ? and status = 'active'`),
    addQuestion: client.prepare(
      `insert into trivia_questions (round_id, position, question_key, question, opened_at, closes_at)
       values (@roundId, @position, @questionKey, @question, @openedAt, @closesAt)`,
    ),
    question: client.prepare(`select ${questionColumns} from trivia_questions where id = ?`),
    latestPostedQuestion: client.prepare(
      `select ${questionColumns} from trivia_questions where round_id = ? and message_id is not null order by position desc limit 1`,
    ),
    setQuestionMessage: client.prepare(`update trivia_questions set message_id = ? where id = ?`),
    markRevealed: client.prepare(`update trivia_questions set revealed_at = ? where id = ? and revealed_at is null`),
    recordAnswer: client.prepare(
      `insert or ignore into trivia_answers (question_id, user_id, user_name, guild_id, choice, correct, elapsed_ms, points, answered_at)
       values (@questionId, @userId, @userName, @guildId, @choice, @correct, @elapsedMs, @points, @answeredAt)`,
    ),
    answer: client.prepare(`select ${answerColumns} from trivia_answers where question_id = ? and user_id = ?`),
    answers: client.prepare(`select ${answerColumns} from trivia_answers where question_id = ? order by answered_at, user_id`),
    roundStandings: client.prepare(
      `select ${scoreColumns} from trivia_answers a join trivia_questions q on q.id = a.question_id
       where q.round_id = ? group by a.user_id order by points desc, correct desc, min(a.answered_at) limit ?`,
    ),
    leaderboard: client.prepare(
      `select ${scoreColumns} from trivia_answers a where a.guild_id = ? and a.answered_at >= ?
       group by a.user_id having sum(a.points) > 0 order by points desc, correct desc, userId limit ?`,
    ),
    playerStats: client.prepare(
      `select ${scoreColumns}, count(distinct q.round_id) as rounds,
         min(case when a.correct = 1 then a.elapsed_ms end) as fastestCorrectMs
       from trivia_answers a join trivia_questions q on q.id = a.question_id
       where a.guild_id = ? and a.user_id = ? group by a.user_id`,
    ),
  };
  const toAnswer = (row: RawAnswer): StoredAnswer => ({ ...row, correct: row.correct === 1 });

  return {
    startRound: (round) => {
      const result = statements.startRound.run(round);
      return result.changes === 1 ? Number(result.lastInsertRowid) : null;
    },
    round: (id) => statements.round.get(id) as TriviaRound | undefined,
    activeRoundIn: (channelId) => statements.activeRoundIn.get(channelId) as TriviaRound | undefined,
    activeRounds: () => statements.activeRounds.all() as TriviaRound[],
    endRound: (id, status, at) => statements.endRound.run(status, at, id).changes === 1,
    addQuestion: (question) => Number(statements.addQuestion.run(question).lastInsertRowid),
    question: (id) => statements.question.get(id) as StoredQuestion | undefined,
    latestPostedQuestion: (roundId) => statements.latestPostedQuestion.get(roundId) as StoredQuestion | undefined,
    setQuestionMessage: (questionId, messageId) => {
      statements.setQuestionMessage.run(messageId, questionId);
    },
    markRevealed: (questionId, at) => {
      statements.markRevealed.run(at, questionId);
    },
    recordAnswer: (answer) => statements.recordAnswer.run({ ...answer, correct: answer.correct ? 1 : 0 }).changes === 1,
    answer: (questionId, userId) => {
      const row = statements.answer.get(questionId, userId) as RawAnswer | undefined;
      return row && toAnswer(row);
    },
    answers: (questionId) => (statements.answers.all(questionId) as RawAnswer[]).map(toAnswer),
    roundStandings: (roundId, limit) => statements.roundStandings.all(roundId, limit) as PlayerScore[],
    leaderboard: (guildId, since, limit) => statements.leaderboard.all(guildId, since, limit) as PlayerScore[],
    playerStats: (guildId, userId) => statements.playerStats.get(guildId, userId) as PlayerStats | undefined,
  };
}
