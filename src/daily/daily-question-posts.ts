// The daily question, as a kind of post of the engine (src/anniversaries/post-engine.ts): for each
// due server it chooses the day's question and claims it (with the question, so that a retry or a
// takeover sends the same one) before anything is sent; the post also reveals the previous
// question's answer, which closes it. Due days, DST and lateness follow the anniversary schedule's
// pure decisions (src/core/anniversary-schedule.ts).
import type { Logger } from 'pino';
import type { AnniversaryStore, ShardSelection } from '../core/anniversary-records.js';
import { decideCheck, isLate, nextCheckTime, scheduleAsOf, type AnniversarySchedule } from '../core/anniversary-schedule.js';
import type { AwardsStore } from '../core/awards-facts.js';
import { calendarDateIn } from '../core/calendar.js';
import type { Clock } from '../core/clock.js';
import { chooseDailyQuestion, noRepeatSince, questionActs } from '../core/daily-question-choice.js';
import type { DailyDueServer, DailyQuestionRow, DailyQuestionStore } from '../core/daily-question-records.js';
import type { TriviaQuestion } from '../core/trivia-questions.js';
import { zonedInstant } from '../core/zoned-time.js';
import type { MessagePayload } from '../presentation/message-payload.js';
import { MAX_ATTEMPTS, PostFailure, postNonce, STALE_CLAIM_MS, type PostKind } from '../anniversaries/post-engine.js';
import type { AnniversaryPoster } from '../anniversaries/anniversary-ticker.js';

/** What a day's post says: the question, and the answer to the one before it. */
export interface DailyPostContent {
  localDate: string;
  question: TriviaQuestion;
  late: boolean;
  previous: { localDate: string; question: TriviaQuestion; answers: number; right: number } | null;
}

export interface DailyQuestionPostsDependencies {
  store: AwardsStore;
  daily: DailyQuestionStore;
  /** For the artists each server follows (the anniversary follows). */
  anniversaries: Pick<AnniversaryStore, 'followsOf'>;
  clock: Clock;
  logger: Logger;
  poster: AnniversaryPoster;
  languageOf(guildId: string): string;
  /** Renders the day's post in a language: handed in, so that the engine makes no text of its own. */
  renderPost(content: DailyPostContent, language: string): MessagePayload;
  holdsGuild(guildId: string): boolean;
  shards?: ShardSelection;
  processId: string;
  random: () => number;
}

interface ClaimedQuestion {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  attempts: number;
  scheduledAt: number;
  question: TriviaQuestion;
}

/** Servers decided and claimed in one transaction: each chooses a question, so a small batch keeps it short. */
const DUE_BATCH = 50;
export const DAILY_NONCE_KIND = 'daily-question';

function scheduleOf(server: DailyDueServer, lastPostDate: string | null = null): AnniversarySchedule {
  return { postTime: server.postTime, timeZone: server.timeZone, activeFrom: server.activeFrom, lastPostDate };
}

export function parseStoredQuestion(row: Pick<DailyQuestionRow, 'question'>): TriviaQuestion {
  return JSON.parse(row.question) as TriviaQuestion;
}

export function createDailyQuestionPosts(deps: DailyQuestionPostsDependencies): PostKind<ClaimedQuestion> {
  const { daily, logger } = deps;
  const keyOf = (post: { guildId: string; localDate: string }) => `${post.guildId}|${post.localDate}`;

  function recoverStaleClaims(now: Date, isSending: (key: string) => boolean): ClaimedQuestion[] {
    const recovered: ClaimedQuestion[] = [];
    for (const row of daily.staleClaims(now.getTime() - STALE_CLAIM_MS)) {
      if (isSending(keyOf(row)) || !deps.holdsGuild(row.guildId)) continue;
      const settings = daily.settings(row.guildId);
      if (!daily.takeOverClaim(row, deps.processId, now.getTime())) continue;
      if (!settings || row.localDate !== calendarDateIn(now, settings.timeZone)) {
        daily.markFailed(row.guildId, row.localDate, 'day-ended');
        continue;
      }
      recovered.push({
        guildId: row.guildId,
        localDate: row.localDate,
        channelId: row.channelId,
        nonce: row.nonce,
        attempts: row.attempts,
        scheduledAt: zonedInstant(row.localDate, settings.postTime, settings.timeZone).getTime(),
        question: parseStoredQuestion(row),
      });
    }
    return recovered;
  }

  /** Decides one server at `now` and claims its question if one is due; returns when to look next. */
  function claimServer(server: DailyDueServer, now: Date, claimed: ClaimedQuestion[]): number {
    const today = calendarDateIn(now, server.timeZone);
    if (!deps.holdsGuild(server.guildId)) return nextCheckTime(scheduleOf(server, today), now).getTime();
    const decision = decideCheck(scheduleAsOf(scheduleOf(server), today), now);
    const { due } = decision;
    if (!due || daily.question(server.guildId, due.localDate)) return decision.nextCheckAt;
    const followed = deps.anniversaries.followsOf([server.guildId]).get(server.guildId)?.withMembers ?? [];
    const asked = daily.askedSince(server.guildId, noRepeatSince(due.localDate));
    const question = chooseDailyQuestion(deps.store, { followed, asked }, deps.random);
    if (!question) {
      logger.warn({ guildId: server.guildId }, 'no daily question: the store has none');
      return decision.nextCheckAt;
    }
    const post: ClaimedQuestion = {
      guildId: server.guildId,
      localDate: due.localDate,
      channelId: server.channelId,
      nonce: postNonce(server.guildId, due.localDate, DAILY_NONCE_KIND),
      attempts: 0,
      scheduledAt: due.scheduledAt.getTime(),
      question,
    };
    const made = daily.claim(
      {
        guildId: post.guildId,
        localDate: post.localDate,
        channelId: post.channelId,
        nonce: post.nonce,
        late: isLate(post.scheduledAt, now.getTime()),
        questionKey: question.key,
        kind: question.kind,
        acts: questionActs(question),
        question: JSON.stringify(question),
      },
      deps.processId,
      now.getTime(),
    );
    if (made) claimed.push(post);
    return decision.nextCheckAt;
  }

  async function claimDue(now: Date, report: { checked: number }, isSending: (key: string) => boolean): Promise<ClaimedQuestion[]> {
    const claimed = recoverStaleClaims(now, isSending);
    for (;;) {
      const batch = daily.dueServers(now.getTime(), DUE_BATCH, deps.shards);
      if (batch.length === 0) break;
      daily.inTransaction(() => {
        for (const server of batch) {
          report.checked++;
          let at: number;
          try {
            at = claimServer(server, now, claimed);
          } catch (error) {
            // One server's trouble never stops the others' questions; it is looked at again tomorrow.
            logger.error({ err: error, guildId: server.guildId }, 'daily question check failed');
            at = nextCheckTime(scheduleOf(server, calendarDateIn(now, server.timeZone)), now).getTime();
          }
          // Moved from the time it was read at: a server set up again meanwhile keeps its new check.
          daily.moveNextCheck(server.guildId, server.nextCheckAt, at);
        }
      });
      if (batch.length < DUE_BATCH) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return claimed;
  }

  function previousOf(post: ClaimedQuestion): DailyPostContent['previous'] {
    const row = daily.latestSentBefore(post.guildId, post.localDate);
    if (!row) return null;
    return { localDate: row.localDate, question: parseStoredQuestion(row), ...daily.answerCounts(post.guildId, row.localDate) };
  }

  async function send(post: ClaimedQuestion, report: { sent: number; failed: number }) {
    // Decided now, as the post goes out, not when it was claimed.
    const late = isLate(post.scheduledAt, deps.clock.now().getTime());
    const previous = previousOf(post);
    const payload = deps.renderPost({ localDate: post.localDate, question: post.question, late, previous }, deps.languageOf(post.guildId));
    try {
      const messageId = await deps.poster.send(post.channelId, payload, post.nonce);
      const sentAt = deps.clock.now().getTime();
      daily.inTransaction(() => {
        daily.markSent(post.guildId, post.localDate, messageId, sentAt, late);
        if (previous) daily.markRevealed(post.guildId, previous.localDate, sentAt);
      });
      report.sent++;
      logger.info({ guildId: post.guildId, localDate: post.localDate, messageId, late }, 'daily question sent');
    } catch (error) {
      const failure = error instanceof PostFailure ? error : new PostFailure((error as Error).message, false);
      if (failure.permanent || post.attempts + 1 >= MAX_ATTEMPTS) {
        daily.markFailed(post.guildId, post.localDate, failure.message);
        report.failed++;
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'daily question failed');
      } else {
        // Left claimed: retried once the claim is stale, with the same question and nonce.
        daily.recordAttempt(post.guildId, post.localDate, failure.message);
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'daily question will be retried');
      }
    }
  }

  return {
    name: 'daily-question',
    keyOf,
    startTick: () => ({
      claim: (now, report, isSending) => claimDue(now, report, isSending),
      send: (post, report) => send(post, report),
    }),
  };
}
