// The anniversary post, as a kind of post of the engine (post-engine.ts): it asks the store which
// servers are due (an indexed range), claims the day's post before sending it, sends it with a
// nonce that Discord uses to drop a retried duplicate, and records how it went. What is due and
// when to look again are decided by the pure schedule (src/core/anniversary-schedule.ts); the day's
// entries come from a reader kept under the facts revision (anniversary-days.ts).
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { AnniversaryPost, AnniversaryStore, DueServer, NextCheckMove, ServerFollows, ShardSelection } from '../core/anniversary-records.js';
import type { TickerFacts } from '../core/awards-facts.js';
import type { Clock } from '../core/clock.js';
import type { MessagePayload } from '../presentation/message-payload.js';
import { decideCheck, isLate, nextCheckTime, scheduleAsOf, type AnniversarySchedule, type CheckDecision } from '../core/anniversary-schedule.js';
import { calendarDateIn } from '../core/calendar.js';
import { addDays, zonedInstant } from '../core/zoned-time.js';
import type { BotMetrics } from '../hosting/metrics.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';
import { createAnniversaryDays } from './anniversary-days.js';
import type { Countdown } from '../core/countdowns.js';
import type { CountdownDays } from './countdown-days.js';
import { createPostEngine, MAX_ATTEMPTS, PostFailure, postNonce, STALE_CLAIM_MS, type PostKind, type TickReport } from './post-engine.js';

export { MAX_ATTEMPTS, PostFailure, postNonce, STALE_CLAIM_MS, type TickReport };

export interface AnniversaryPoster {
  /** Sends the message; resolves with its id. Throws PostFailure. */
  send(channelId: string, payload: MessagePayload, nonce: string): Promise<string>;
}

export interface AnniversaryTickerDependencies {
  store: TickerFacts;
  anniversaries: AnniversaryStore;
  clock: Clock;
  logger: Logger;
  poster: AnniversaryPoster;
  /** The language a server's channel reads. */
  languageOf(guildId: string): string;
  /** Renders a day's post in a language: handed in, so that the ticker makes no text of its own. */
  renderPost(entries: OnThisDayEntry[], localDate: string, language: string, late: boolean, countdowns: Countdown[]): MessagePayload;
  /** The round anniversaries a server's post announces ahead, on the reminder days it chose. */
  countdowns?: CountdownDays;
  /** Adds a server's pings (its bias roles of the day's artists) to its rendered post; none when unset. */
  withPings?(guildId: string, entries: OnThisDayEntry[], payload: MessagePayload): MessagePayload;
  /**
   * The shards this process runs: it looks only at their servers, so that shards never post twice.
   * Read at every tick (a client learns its shards when it logs in).
   */
  shards?: ShardSelection;
  /** Whether this process's client holds the server (it may have left it). */
  holdsGuild(guildId: string): boolean;
  /** Identifies this process in its claims. */
  processId: string;
  /**
   * Posts in flight at once. The REST client keeps to Discord's limits (50 requests a second per
   * bot, and each channel's own); this only keeps its queue short, so that a post's "late" label,
   * decided just before it is sent, is true when it arrives.
   */
  sendConcurrency?: number;
  /** Counts posts and times ticks (the metrics). */
  metrics?: Pick<BotMetrics, 'anniversaryPost' | 'tickerRan'>;
  /** The other kinds of daily post the same engine runs (the daily question). */
  otherPosts?: readonly PostKind<unknown>[];
}

interface TickCache {
  posts: Map<string, MessagePayload>;
  /** Each time zone's local date at the tick's `now`. */
  today: Map<string, string>;
  /** The schedule's verdict for every server that shares a time, zone and state. */
  decisions: Map<string, CheckDecision>;
}

/** Servers read, decided and claimed in one transaction: a few milliseconds of work at most. */
const DUE_BATCH = 1000;
/** Next checks moved in one small transaction, so that interactions get their turn between them. */
const NEXT_CHECK_SLICE = 250;

/**
 * A due server's schedule as the ticker decides with it. The ticker does not read when each server
 * last posted (a look-up per server): its next check was set past the days that have a post, and a
 * day posted anyway (a crash before its next check moved) is told by its claim, whose insert is then
 * ignored, so nothing goes out twice and the next check moves past that day all the same.
 */
function scheduleOf(server: DueServer, lastPostDate: string | null = null): AnniversarySchedule {
  return { postTime: server.postTime, timeZone: server.timeZone, activeFrom: server.activeFrom, lastPostDate };
}

export interface AnniversaryTicker {
  /** Reads the anniversaries of every local date now current somewhere, so the first tick need not. */
  prepare(): void;
  tick(): Promise<TickReport>;
  start(intervalMs: number): void;
  /** Stops the loop and waits for ticks and sends in progress. */
  stop(): Promise<void>;
}

interface ClaimedPost {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  attempts: number;
  /** When the post was due: whether it is late is decided when it goes out. */
  scheduledAt: number;
  followed: number[];
}

function keyOf(post: { guildId: string; localDate: string }): string {
  return `${post.guildId}|${post.localDate}`;
}

function newCache(): TickCache {
  return { posts: new Map(), today: new Map(), decisions: new Map() };
}

export function createAnniversaryTicker(deps: AnniversaryTickerDependencies): AnniversaryTicker {
  const { anniversaries, logger } = deps;

  /** Each local date's entries, kept while the facts stay at the revision they were read at. */
  const days = createAnniversaryDays(deps.store);

  /** Reads the next local date ahead of time, after a tick's claims, so no claim waits for it. */
  function prepareNextDay(cache: TickCache) {
    const latest = [...cache.today.values()].sort().at(-1);
    if (latest) days.prepare(addDays(latest, 1), deps.store.revision());
  }

  /** The one place a post is rendered: each distinct post (day, language, follows, lateness) once per tick. */
  function postFor(cache: TickCache, post: ClaimedPost, late: boolean): MessagePayload {
    const language = deps.languageOf(post.guildId);
    // Read as the post goes out: a fact withdrawn since the claim is not sent.
    const revision = deps.store.revision();
    const countdowns = deps.countdowns?.countdownsFor(post.guildId, post.localDate, post.followed, revision) ?? [];
    const reminders = countdowns.map((countdown) => `${countdown.daysAhead}:${countdown.milestone.id}`).join(',');
    const key = `${revision}|${post.localDate}|${language}|${late}|${post.followed.join(',')}|${reminders}`;
    let payload = cache.posts.get(key);
    if (!payload) {
      payload = deps.renderPost(days.entriesFor(post.localDate, post.followed, revision), post.localDate, language, late, countdowns);
      cache.posts.set(key, payload);
    }
    return payload;
  }

  /** Pings are a server's own: added after the shared rendering, never kept with it. */
  function withPings(post: ClaimedPost, payload: MessagePayload): MessagePayload {
    if (!deps.withPings) return payload;
    return deps.withPings(post.guildId, days.entriesFor(post.localDate, post.followed, deps.store.revision()), payload);
  }

  async function send(post: ClaimedPost, report: TickReport, cache: TickCache) {
    const settings = anniversaries.settings(post.guildId);
    // Decided now, as the post goes out, not when it was claimed.
    const late = isLate(post.scheduledAt, deps.clock.now().getTime());
    const payload = withPings(post, postFor(cache, post, late));
    try {
      const messageId = await deps.poster.send(post.channelId, payload, post.nonce);
      anniversaries.markSent(post.guildId, post.localDate, messageId, deps.clock.now().getTime(), late);
      if (settings?.lastProblem) anniversaries.recordProblem(post.guildId, null, 0);
      report.sent++;
      deps.metrics?.anniversaryPost('sent', late);
      logger.info({ guildId: post.guildId, localDate: post.localDate, messageId, late }, 'anniversary post sent');
    } catch (error) {
      const failure = error instanceof PostFailure ? error : new PostFailure((error as Error).message, false);
      const attempts = post.attempts + 1;
      if (failure.permanent || attempts >= MAX_ATTEMPTS) {
        anniversaries.markFailed(post.guildId, post.localDate, failure.message);
        anniversaries.recordProblem(post.guildId, failure.message, deps.clock.now().getTime());
        report.failed++;
        deps.metrics?.anniversaryPost('failed', late);
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'anniversary post failed');
      } else {
        // Left claimed: retried once the claim is stale, with the same nonce.
        anniversaries.recordAttempt(post.guildId, post.localDate, failure.message);
        logger.warn({ guildId: post.guildId, localDate: post.localDate, err: failure }, 'anniversary post will be retried');
      }
    }
  }

  /** Posts claimed but never marked sent: retried today (same nonce), given up for past days. */
  function recoverStaleClaims(now: Date, isSending: (key: string) => boolean): ClaimedPost[] {
    const recovered: ClaimedPost[] = [];
    for (const post of anniversaries.staleClaims(now.getTime() - STALE_CLAIM_MS)) {
      if (isSending(keyOf(post)) || !deps.holdsGuild(post.guildId)) continue;
      const settings = anniversaries.settings(post.guildId);
      const today = settings ? calendarDateIn(now, settings.timeZone) : null;
      if (!anniversaries.takeOverClaim(post, deps.processId, now.getTime())) continue;
      if (!settings || post.localDate !== today) {
        anniversaries.markFailed(post.guildId, post.localDate, 'day-ended');
        continue;
      }
      recovered.push(claimedFrom(post, zonedInstant(post.localDate, settings.postTime, settings.timeZone).getTime()));
    }
    return recovered;
  }

  function claimedFrom(post: AnniversaryPost, scheduledAt: number): ClaimedPost {
    return {
      guildId: post.guildId,
      localDate: post.localDate,
      channelId: post.channelId,
      nonce: post.nonce,
      attempts: post.attempts,
      scheduledAt,
      followed: anniversaries.followedArtistIds(post.guildId),
    };
  }

  /** The pure schedule's verdict, once per distinct (time, zone, state) in a tick. */
  function decisionFor(cache: TickCache, serverSchedule: AnniversarySchedule, now: Date) {
    let today = cache.today.get(serverSchedule.timeZone);
    if (today === undefined) {
      today = calendarDateIn(now, serverSchedule.timeZone);
      cache.today.set(serverSchedule.timeZone, today);
    }
    const schedule = scheduleAsOf(serverSchedule, today);
    const key = `${schedule.postTime}|${schedule.timeZone}|${schedule.activeFrom}|${schedule.lastPostDate}`;
    let decision = cache.decisions.get(key);
    if (!decision) {
      decision = decideCheck(schedule, now);
      cache.decisions.set(key, decision);
    }
    return { ...decision, today };
  }

  /**
   * Decides one batch of due servers and claims their posts: one read of their follows, one insert
   * of every claim. Synchronous, inside the batch's transaction. Returns the next checks to move.
   */
  function claimBatch(
    batch: DueServer[],
    now: Date,
    report: TickReport,
    cache: TickCache,
  ): { claimed: ClaimedPost[]; nextChecks: NextCheckMove[] } {
    const held = batch.filter((server) => deps.holdsGuild(server.guildId));
    const follows = anniversaries.followsOf(held.map((server) => server.guildId));
    const followingNobody: ServerFollows = { artistIds: [], withMembers: [] };
    // Once per batch: the batch is one transaction, so the facts cannot move under it.
    const revision = deps.store.revision();
    const candidates: ClaimedPost[] = [];
    const nextChecks: NextCheckMove[] = [];
    for (const server of batch) {
      report.checked++;
      const from = server.nextCheckAt;
      try {
        const decision = decisionFor(cache, scheduleOf(server), now);
        if (!deps.holdsGuild(server.guildId)) {
          // On our shard but no longer joined: look again tomorrow rather than every tick.
          const tomorrow = decisionFor(cache, scheduleOf(server, decision.today), now);
          nextChecks.push({ guildId: server.guildId, from, at: tomorrow.nextCheckAt });
          continue;
        }
        const { due } = decision;
        if (due) {
          const { artistIds: followed, withMembers } = follows.get(server.guildId) ?? followingNobody;
          // A day with reminders of round anniversaries ahead has a post even without anniversaries of its own.
          const hasAnniversaries = days.entriesFor(due.localDate, followed, revision, withMembers).length > 0;
          if (hasAnniversaries || (deps.countdowns?.countdownsFor(server.guildId, due.localDate, followed, revision, withMembers).length ?? 0) > 0) {
            candidates.push({
              guildId: server.guildId,
              localDate: due.localDate,
              channelId: server.channelId,
              nonce: postNonce(server.guildId, due.localDate),
              attempts: 0,
              scheduledAt: due.scheduledAt.getTime(),
              followed,
            });
          }
        }
        nextChecks.push({ guildId: server.guildId, from, at: decision.nextCheckAt });
      } catch (error) {
        // One server's trouble never stops the others' posts; it is looked at again tomorrow.
        logger.error({ err: error, guildId: server.guildId }, 'anniversary check failed');
        const schedule = scheduleOf(server, calendarDateIn(now, server.timeZone));
        nextChecks.push({ guildId: server.guildId, from, at: nextCheckTime(schedule, now).getTime() });
      }
    }
    const claims = candidates.map((post) => ({
      guildId: post.guildId,
      localDate: post.localDate,
      channelId: post.channelId,
      nonce: post.nonce,
      late: isLate(post.scheduledAt, now.getTime()),
    }));
    const made = anniversaries.claimPosts(claims, deps.processId, now.getTime());
    return { claimed: candidates.filter((post) => made.has(post.guildId)), nextChecks };
  }

  /** Finds and claims every due server of this process's shards, in batches, yielding between them. */
  async function claimDue(now: Date, report: TickReport, cache: TickCache, isSending: (key: string) => boolean): Promise<ClaimedPost[]> {
    const claimed = recoverStaleClaims(now, isSending);
    const yieldToInteractions = () => new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const claimStarted = performance.now();
      const batch = anniversaries.dueServers(now.getTime(), DUE_BATCH, deps.shards);
      if (batch.length === 0) break;
      const result = anniversaries.inTransaction(() => claimBatch(batch, now, report, cache));
      claimed.push(...result.claimed);
      report.claimMs += performance.now() - claimStarted;
      // Each server checked moves its next check past `now`, so the next read starts after it.
      // A crash before this is harmless: the server is read again and its claim says it is done.
      for (let start = 0; start < result.nextChecks.length; start += NEXT_CHECK_SLICE) {
        await yieldToInteractions();
        const slice = result.nextChecks.slice(start, start + NEXT_CHECK_SLICE);
        const sliceStarted = performance.now();
        anniversaries.inTransaction(() => anniversaries.moveNextChecks(slice));
        report.nextCheckMs += performance.now() - sliceStarted;
      }
      if (batch.length < DUE_BATCH) break;
      await yieldToInteractions();
    }
    return claimed;
  }

  const anniversaryPosts: PostKind<ClaimedPost> = {
    name: 'anniversary',
    keyOf,
    startTick() {
      const cache = newCache();
      return {
        claim: (now, report, isSending) => claimDue(now, report, cache, isSending),
        afterClaims: () => prepareNextDay(cache),
        send: (post, report) => send(post, report, cache),
      };
    },
  };
  const engine = createPostEngine({
    kinds: [anniversaryPosts, ...(deps.otherPosts ?? [])],
    clock: deps.clock,
    logger,
    ...(deps.sendConcurrency ? { sendConcurrency: deps.sendConcurrency } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });

  return {
    prepare() {
      const utcToday = deps.clock.now().toISOString().slice(0, 10);
      const revision = deps.store.revision();
      // Time zones run from 12 hours behind UTC to 14 ahead: three local dates at most.
      for (const offset of [-1, 0, 1]) days.prepare(addDays(utcToday, offset), revision);
    },
    tick: () => engine.tick(),
    start: (intervalMs) => engine.start(intervalMs),
    stop: () => engine.stop(),
  };
}
