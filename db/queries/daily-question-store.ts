// The daily question's settings, its question rows and its answers. A day's row is claimed
// (inserted, with the question chosen) before the message is sent, and only its writer sends; an
// answer's row is the fan's first click, and a second insert is ignored.
import { and, asc, count, desc, eq, gte, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type {
  AskedQuestion,
  DailyAnswer,
  DailyDueServer,
  DailyQuestionRow,
  DailyQuestionStore,
  DailySettings,
} from '../../src/core/daily-question-records.js';
import type { QuestionKind } from '../../src/core/trivia-questions.js';
import type { LightstickDatabase } from '../database.js';
import { dailyAnswers, dailyQuestions, dailySettings } from '../schema.js';

export type { DailyQuestionStore };

const p = (name: string) => sql.placeholder(name);
/** A placeholder where an update's `set` takes a value. */
const ps = (name: string) => sql`${sql.placeholder(name)}`;

const rowFields = {
  guildId: dailyQuestions.guildId,
  localDate: dailyQuestions.localDate,
  status: dailyQuestions.status,
  channelId: dailyQuestions.channelId,
  nonce: dailyQuestions.nonce,
  claimedBy: dailyQuestions.claimedBy,
  claimedAt: dailyQuestions.claimedAt,
  attempts: dailyQuestions.attempts,
  late: dailyQuestions.late,
  questionKey: dailyQuestions.questionKey,
  question: dailyQuestions.question,
  messageId: dailyQuestions.messageId,
  sentAt: dailyQuestions.sentAt,
  revealedAt: dailyQuestions.revealedAt,
};

const answerFields = {
  userId: dailyAnswers.userId,
  userName: dailyAnswers.userName,
  localDate: dailyAnswers.localDate,
  choice: dailyAnswers.choice,
  correct: dailyAnswers.correct,
};

export function createDailyQuestionStore(db: LightstickDatabase): DailyQuestionStore {
  const ofGuildAndDate = and(eq(dailyQuestions.guildId, p('guildId')), eq(dailyQuestions.localDate, p('localDate')));
  const statements = {
    settings: db
      .select({
        guildId: dailySettings.guildId,
        channelId: dailySettings.channelId,
        postTime: dailySettings.postTime,
        timeZone: dailySettings.timeZone,
        enabled: dailySettings.enabled,
        activeFrom: dailySettings.activeFrom,
      })
      .from(dailySettings)
      .where(eq(dailySettings.guildId, p('guildId')))
      .prepare(),
    saveSettings: db
      .insert(dailySettings)
      .values({
        guildId: p('guildId'),
        channelId: p('channelId'),
        postTime: p('postTime'),
        timeZone: p('timeZone'),
        enabled: true,
        activeFrom: p('activeFrom'),
        nextCheckAt: p('nextCheckAt'),
        updatedAt: p('now'),
      })
      .onConflictDoUpdate({
        target: dailySettings.guildId,
        set: {
          channelId: sql`excluded.channel_id`,
          postTime: sql`excluded.post_time`,
          timeZone: sql`excluded.time_zone`,
          enabled: true,
          activeFrom: sql`excluded.active_from`,
          nextCheckAt: sql`excluded.next_check_at`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .prepare(),
    disable: db
      .update(dailySettings)
      .set({ enabled: false, nextCheckAt: null, updatedAt: ps('now') })
      .where(and(eq(dailySettings.guildId, p('guildId')), eq(dailySettings.enabled, true)))
      .prepare(),
    dueServers: db
      .select({
        guildId: dailySettings.guildId,
        channelId: dailySettings.channelId,
        postTime: dailySettings.postTime,
        timeZone: dailySettings.timeZone,
        activeFrom: dailySettings.activeFrom,
        nextCheckAt: sql<number>`${dailySettings.nextCheckAt}`,
      })
      .from(dailySettings)
      .where(
        and(
          isNotNull(dailySettings.nextCheckAt),
          lte(dailySettings.nextCheckAt, p('now')),
          // Discord puts a server on shard (id >> 22) % shardCount: the builder cannot say it.
          sql`((cast(${dailySettings.guildId} as integer) >> 22) % ${p('shardCount')}) in (select value from json_each(${p('shardIds')}))`,
        ),
      )
      .orderBy(asc(dailySettings.nextCheckAt))
      .limit(p('limit'))
      .prepare(),
    moveNextCheck: db
      .update(dailySettings)
      .set({ nextCheckAt: ps('at') })
      .where(and(eq(dailySettings.guildId, p('guildId')), eq(dailySettings.nextCheckAt, p('from'))))
      .prepare(),
    claim: db
      .insert(dailyQuestions)
      .values({
        guildId: p('guildId'),
        localDate: p('localDate'),
        status: 'claimed',
        channelId: p('channelId'),
        nonce: p('nonce'),
        claimedBy: p('claimedBy'),
        claimedAt: p('claimedAt'),
        attempts: 0,
        late: p('late'),
        questionKey: p('questionKey'),
        kind: p('kind'),
        acts: p('acts'),
        question: p('question'),
      })
      .onConflictDoNothing()
      .prepare(),
    askedSince: db
      .select({ localDate: dailyQuestions.localDate, questionKey: dailyQuestions.questionKey, kind: dailyQuestions.kind, acts: dailyQuestions.acts })
      .from(dailyQuestions)
      .where(and(eq(dailyQuestions.guildId, p('guildId')), gte(dailyQuestions.localDate, p('since'))))
      .orderBy(desc(dailyQuestions.localDate))
      .prepare(),
    question: db.select(rowFields).from(dailyQuestions).where(ofGuildAndDate).prepare(),
    latestSent: db
      .select(rowFields)
      .from(dailyQuestions)
      .where(and(eq(dailyQuestions.guildId, p('guildId')), eq(dailyQuestions.status, 'sent')))
      .orderBy(desc(dailyQuestions.localDate))
      .limit(1)
      .prepare(),
    latestSentBefore: db
      .select(rowFields)
      .from(dailyQuestions)
      .where(and(eq(dailyQuestions.guildId, p('guildId')), eq(dailyQuestions.status, 'sent'), lt(dailyQuestions.localDate, p('localDate'))))
      .orderBy(desc(dailyQuestions.localDate))
      .limit(1)
      .prepare(),
    staleClaims: db
      .select(rowFields)
      .from(dailyQuestions)
      .where(and(eq(dailyQuestions.status, 'claimed'), lt(dailyQuestions.claimedAt, p('staleBefore'))))
      .orderBy(asc(dailyQuestions.claimedAt))
      .prepare(),
    takeOverClaim: db
      .update(dailyQuestions)
      .set({ claimedBy: ps('claimedBy'), claimedAt: ps('now') })
      .where(
        and(
          ofGuildAndDate,
          eq(dailyQuestions.status, 'claimed'),
          eq(dailyQuestions.claimedBy, p('previousBy')),
          eq(dailyQuestions.claimedAt, p('previousAt')),
        ),
      )
      .prepare(),
    markSent: db
      .update(dailyQuestions)
      .set({
        status: 'sent',
        messageId: ps('messageId'),
        sentAt: ps('sentAt'),
        late: ps('late'),
        error: null,
        attempts: sql`${dailyQuestions.attempts} + 1`,
      })
      .where(ofGuildAndDate)
      .prepare(),
    markFailed: db
      .update(dailyQuestions)
      .set({ status: 'failed', error: ps('error'), attempts: sql`${dailyQuestions.attempts} + 1` })
      .where(ofGuildAndDate)
      .prepare(),
    recordAttempt: db
      .update(dailyQuestions)
      .set({ error: ps('error'), attempts: sql`${dailyQuestions.attempts} + 1` })
      .where(ofGuildAndDate)
      .prepare(),
    markRevealed: db
      .update(dailyQuestions)
      .set({ revealedAt: ps('at') })
      .where(and(ofGuildAndDate, sql`${dailyQuestions.revealedAt} is null`))
      .prepare(),
    recordAnswer: db
      .insert(dailyAnswers)
      .values({
        guildId: p('guildId'),
        localDate: p('localDate'),
        userId: p('userId'),
        userName: p('userName'),
        choice: p('choice'),
        correct: p('correct'),
        answeredAt: p('answeredAt'),
      })
      .onConflictDoNothing()
      .prepare(),
    answer: db
      .select(answerFields)
      .from(dailyAnswers)
      .where(and(eq(dailyAnswers.guildId, p('guildId')), eq(dailyAnswers.localDate, p('localDate')), eq(dailyAnswers.userId, p('userId'))))
      .prepare(),
    answerCounts: db
      .select({ answers: count(), right: sql<number>`coalesce(sum(${dailyAnswers.correct}), 0)` })
      .from(dailyAnswers)
      .where(and(eq(dailyAnswers.guildId, p('guildId')), eq(dailyAnswers.localDate, p('localDate'))))
      .prepare(),
    sentDates: db
      .select({ localDate: dailyQuestions.localDate })
      .from(dailyQuestions)
      .where(and(eq(dailyQuestions.guildId, p('guildId')), eq(dailyQuestions.status, 'sent')))
      .orderBy(asc(dailyQuestions.localDate))
      .prepare(),
    answers: db
      .select(answerFields)
      .from(dailyAnswers)
      .where(eq(dailyAnswers.guildId, p('guildId')))
      .orderBy(asc(dailyAnswers.localDate), asc(dailyAnswers.answeredAt))
      .prepare(),
    answersOf: db
      .select(answerFields)
      .from(dailyAnswers)
      .where(and(eq(dailyAnswers.guildId, p('guildId')), eq(dailyAnswers.userId, p('userId'))))
      .orderBy(asc(dailyAnswers.localDate))
      .prepare(),
  };
  const key = (guildId: string, localDate: string) => ({ guildId, localDate });

  return {
    settings: (guildId) => statements.settings.get({ guildId }),
    saveSettings: (settings) => {
      statements.saveSettings.run(settings);
    },
    disable: (guildId, now) => statements.disable.run({ guildId, now }).changes > 0,
    dueServers: (now, limit, shards = { ids: [0], count: 1 }) =>
      statements.dueServers.all({ now, limit, shardCount: shards.count, shardIds: JSON.stringify(shards.ids) }) as DailyDueServer[],
    moveNextCheck: (guildId, from, at) => {
      statements.moveNextCheck.run({ guildId, from, at });
    },
    claim: (claim, claimedBy, claimedAt) =>
      statements.claim.run({ ...claim, acts: JSON.stringify(claim.acts), late: claim.late ? 1 : 0, claimedBy, claimedAt }).changes === 1,
    askedSince: (guildId, since) =>
      statements.askedSince.all({ guildId, since }).map(
        (row): AskedQuestion => ({ ...row, kind: row.kind as QuestionKind, acts: JSON.parse(row.acts) as number[] }),
      ),
    question: (guildId, localDate) => statements.question.get(key(guildId, localDate)) as DailyQuestionRow | undefined,
    latestSent: (guildId) => statements.latestSent.get({ guildId }) as DailyQuestionRow | undefined,
    latestSentBefore: (guildId, localDate) => statements.latestSentBefore.get(key(guildId, localDate)) as DailyQuestionRow | undefined,
    staleClaims: (staleBefore) => statements.staleClaims.all({ staleBefore }) as DailyQuestionRow[],
    takeOverClaim: (row, claimedBy, now) =>
      statements.takeOverClaim.run({ ...key(row.guildId, row.localDate), claimedBy, now, previousBy: row.claimedBy, previousAt: row.claimedAt })
        .changes === 1,
    markSent: (guildId, localDate, messageId, sentAt, late) => {
      statements.markSent.run({ ...key(guildId, localDate), messageId, sentAt, late: late ? 1 : 0 });
    },
    markFailed: (guildId, localDate, error) => {
      statements.markFailed.run({ ...key(guildId, localDate), error });
    },
    recordAttempt: (guildId, localDate, error) => {
      statements.recordAttempt.run({ ...key(guildId, localDate), error });
    },
    markRevealed: (guildId, localDate, at) => {
      statements.markRevealed.run({ ...key(guildId, localDate), at });
    },
    recordAnswer: (guildId, answer, answeredAt) =>
      statements.recordAnswer.run({ guildId, ...answer, correct: answer.correct ? 1 : 0, answeredAt }).changes === 1,
    answer: (guildId, localDate, userId) => statements.answer.get({ guildId, localDate, userId }),
    answerCounts: (guildId, localDate) => {
      const row = statements.answerCounts.get(key(guildId, localDate));
      return { answers: row?.answers ?? 0, right: Number(row?.right ?? 0) };
    },
    sentDates: (guildId) => statements.sentDates.all({ guildId }).map((row) => row.localDate),
    answers: (guildId, userId) => (userId === undefined ? statements.answers.all({ guildId }) : statements.answersOf.all({ guildId, userId })),
    inTransaction: (work) => db.$client.transaction(work)(),
  };
}
