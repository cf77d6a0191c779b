// The anniversary ticker: a light loop that asks the store which servers are due (an indexed
// range), decides with the pure schedule, claims the day's post before sending it, and sends it
// with a nonce that Discord uses to drop a retried duplicate.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { AnniversaryPost, AnniversarySettings, AnniversaryStore, ShardSelection } from '../../db/queries/anniversary-store.js';
import type { AwardsStore } from '../../db/queries/awards-store.js';
import type { Clock, MessagePayload } from '../../commands/command.js';
import { renderAnniversaryPost } from '../../commands/presentation/anniversary-post.js';
import {
  anniversariesForServer,
  anniversariesOn,
  dueAnniversaryPost,
  nextCheckTime,
  type AnniversarySchedule,
} from '../core/anniversary-schedule.js';
import { calendarDateIn } from '../core/calendar.js';
import type { BotMetrics } from '../hosting/metrics.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';

/** Sending failed; `permanent` when retrying cannot help (deleted channel, lost permission). */
export class PostFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'PostFailure';
  }
}

export interface AnniversaryPoster {
  /** Sends the message; resolves with its id. Throws PostFailure. */
  send(channelId: string, payload: MessagePayload, nonce: string): Promise<string>;
}

export interface AnniversaryTickerDependencies {
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  clock: Clock;
  logger: Logger;
  poster: AnniversaryPoster;
  /** The shards this process runs: it looks only at their servers, so that shards never post twice. */
  shards?: ShardSelection;
  /** Whether this process's client holds the server (it may have left it). */
  holdsGuild(guildId: string): boolean;
  /** Identifies this process in its claims. */
  processId: string;
  /** Counts posts and times ticks (the metrics). */
  metrics?: Pick<BotMetrics, 'anniversaryPost' | 'tickerRan'>;
}

export interface TickReport {
  checked: number;
  sent: number;
  failed: number;
  /** How long finding and claiming the due servers took, before any sending. */
  claimMs: number;
}

interface TickCache {
  days: Map<string, OnThisDayEntry[]>;
  posts: Map<string, MessagePayload>;
}

/** A claim not marked sent after this long is taken to belong to a process that died. */
export const STALE_CLAIM_MS = 2 * 60_000;
/** Transient send failures are retried this many times, within the same local day. */
export const MAX_ATTEMPTS = 5;
/** Small enough that one batch holds the event loop for a few milliseconds only. */
const DUE_BATCH = 100;

/** The same for every attempt at one server's post of one day: Discord drops the duplicates. */
export function postNonce(guildId: string, localDate: string): string {
  return createHash('sha256').update(`${guildId}:${localDate}`).digest('base64url').slice(0, 25);
}

function scheduleOf(settings: AnniversarySettings): AnniversarySchedule {
  return {
    postTime: settings.postTime,
    timeZone: settings.timeZone,
    activeFrom: settings.activeFrom,
    lastPostDate: settings.lastPostDate,
  };
}

export interface AnniversaryTicker {
  tick(): Promise<TickReport>;
  start(intervalMs: number): void;
  /** Stops the loop and waits for a tick in progress. */
  stop(): Promise<void>;
}

export function createAnniversaryTicker(deps: AnniversaryTickerDependencies): AnniversaryTicker {
  const { anniversaries, logger } = deps;
  let running: Promise<TickReport> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Within one tick, each local date's anniversaries are read once, however many servers share it. */
  function dayEntriesFor(cache: TickCache, localDate: string): OnThisDayEntry[] {
    let entries = cache.days.get(localDate);
    if (!entries) {
      entries = anniversariesOn(deps.store, localDate);
      cache.days.set(localDate, entries);
    }
    return entries;
  }

  /** And each distinct post (same day, same follows, same lateness) is rendered once. */
  function postFor(cache: TickCache, post: ClaimedPost, followed: number[]): MessagePayload {
    const key = `${post.localDate}|${post.late}|${followed.join(',')}`;
    let payload = cache.posts.get(key);
    if (!payload) {
      const entries = anniversariesForServer(deps.store, post.localDate, followed, dayEntriesFor(cache, post.localDate));
      payload = renderAnniversaryPost(entries, post.localDate, { late: post.late });
      cache.posts.set(key, payload);
    }
    return payload;
  }

  async function send(
    post: ClaimedPost,
    report: TickReport,
    cache: TickCache,
  ) {
    const settings = anniversaries.settings(post.guildId);
    const payload = postFor(cache, post, anniversaries.followedArtistIds(post.guildId));
    try {
      const messageId = await deps.poster.send(post.channelId, payload, post.nonce);
      anniversaries.markSent(post.guildId, post.localDate, messageId, deps.clock.now().getTime());
      if (settings?.lastProblem) anniversaries.recordProblem(post.guildId, null, 0);
      report.sent++;
      deps.metrics?.anniversaryPost('sent', post.late);
      logger.info({ guildId: post.guildId, localDate: post.localDate, messageId, late: post.late }, 'anniversary post sent');
    } catch (error) {
      const failure = error instanceof PostFailure ? error : new PostFailure((error as Error).message, false);
      const attempts = post.attempts + 1;
      if (failure.permanent || attempts >= MAX_ATTEMPTS) {
        anniversaries.markFailed(post.guildId, post.localDate, failure.message);
        anniversaries.recordProblem(post.guildId, failure.message, deps.clock.now().getTime());
        report.failed++;
        deps.metrics?.anniversaryPost('failed', post.late);
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'anniversary post failed');
      } else {
        // Left claimed: retried once the claim is stale, with the same nonce.
        anniversaries.recordAttempt(post.guildId, post.localDate, failure.message);
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'anniversary post will be retried');
      }
    }
  }

  /** Posts claimed but never marked sent: retried today (same nonce), given up for past days. */
  async function recoverStaleClaims(now: Date, report: TickReport, cache: TickCache) {
    for (const post of anniversaries.staleClaims(now.getTime() - STALE_CLAIM_MS)) {
      if (!deps.holdsGuild(post.guildId)) continue;
      const settings = anniversaries.settings(post.guildId);
      const today = settings ? calendarDateIn(now, settings.timeZone) : null;
      if (!anniversaries.takeOverClaim(post, deps.processId, now.getTime())) continue;
      if (post.localDate !== today) {
        anniversaries.markFailed(post.guildId, post.localDate, 'Not sent before its day ended.');
        continue;
      }
      await send(post, report, cache);
    }
  }

  type ClaimedPost = Pick<AnniversaryPost, 'guildId' | 'localDate' | 'channelId' | 'nonce' | 'late' | 'attempts'>;

  /** Decides one server and claims its post when one is due: synchronous, inside the batch's transaction. */
  function checkServer(settings: AnniversarySettings, now: Date, cache: TickCache): ClaimedPost | null {
    let claimedPost: ClaimedPost | null = null;
    const schedule = scheduleOf(settings);
    const due = dueAnniversaryPost(schedule, now);
    if (due) {
      const entries = anniversariesForServer(
        deps.store,
        due.localDate,
        anniversaries.followedArtistIds(settings.guildId),
        dayEntriesFor(cache, due.localDate),
      );
      if (entries.length > 0) {
        const post = {
          guildId: settings.guildId,
          localDate: due.localDate,
          channelId: settings.channelId,
          nonce: postNonce(settings.guildId, due.localDate),
          late: due.late,
          attempts: 0,
        };
        if (anniversaries.claimPost({ ...post, claimedBy: deps.processId, claimedAt: now.getTime() })) claimedPost = post;
      }
      // Posted, claimed elsewhere, or nothing to remember: this day is done either way.
      schedule.lastPostDate = due.localDate;
    }
    anniversaries.setNextCheck(settings.guildId, nextCheckTime(schedule, now).getTime());
    return claimedPost;
  }

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { checked: 0, sent: 0, failed: 0, claimMs: 0 };
    const cache: TickCache = { days: new Map(), posts: new Map() };
    await recoverStaleClaims(now, report, cache);
    // First find and claim, in one transaction per batch, until no server is due (each one checked
    // moves its next check past `now`); then send what this process claimed.
    const claimed: ClaimedPost[] = [];
    const claimStarted = performance.now();
    for (let batch = anniversaries.dueSettings(now.getTime(), DUE_BATCH, deps.shards); batch.length > 0; ) {
      claimed.push(...anniversaries.inTransaction(() => checkBatch(batch, now, report, cache)));
      if (batch.length < DUE_BATCH) break;
      // Between batches, interactions waiting on the event loop get their turn.
      await new Promise((resolve) => setImmediate(resolve));
      batch = anniversaries.dueSettings(now.getTime(), DUE_BATCH, deps.shards);
    }
    report.claimMs = performance.now() - claimStarted;
    for (const post of claimed) await send(post, report, cache);
    return report;
  }

  function checkBatch(batch: AnniversarySettings[], now: Date, report: TickReport, cache: TickCache): ClaimedPost[] {
    const claimed: ClaimedPost[] = [];
    for (const settings of batch) {
      report.checked++;
      if (!deps.holdsGuild(settings.guildId)) {
        // On our shard but no longer joined: look again tomorrow rather than every tick.
        anniversaries.setNextCheck(settings.guildId, nextCheckTime({ ...scheduleOf(settings), lastPostDate: calendarDateIn(now, settings.timeZone) }, now).getTime());
        continue;
      }
      try {
        const post = checkServer(settings, now, cache);
        if (post) claimed.push(post);
      } catch (error) {
        // One server's trouble never stops the others' posts; it is looked at again tomorrow.
        logger.error({ err: error, guildId: settings.guildId }, 'anniversary check failed');
        const schedule = { ...scheduleOf(settings), lastPostDate: calendarDateIn(now, settings.timeZone) };
        anniversaries.setNextCheck(settings.guildId, nextCheckTime(schedule, now).getTime());
      }
    }
    return claimed;
  }

  return {
    tick() {
      // Ticks never overlap: a slow one makes the next wait.
      const started = performance.now();
      running ??= tick().finally(() => {
        running = null;
        deps.metrics?.tickerRan((performance.now() - started) / 1000);
      });
      return running;
    },
    start(intervalMs) {
      timer ??= setInterval(() => {
        this.tick().catch((error: unknown) => logger.error({ err: error }, 'anniversary tick failed'));
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
