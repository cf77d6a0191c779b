// The engine every daily post runs on: at each tick it asks each kind of post (the anniversary
// post, the daily question) for its due servers, which the kind claims before anything is sent;
// then it sends every claimed post, a bounded number at a time, and the kind records how each went.
// Claim phases never overlap; a tick's sending may overlap the next tick's claims.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { BotMetrics } from '../hosting/metrics.js';

export interface TickReport {
  checked: number;
  sent: number;
  failed: number;
  /** How long finding and claiming the due servers took, before any sending. */
  claimMs: number;
  /** How long moving the checked servers' next checks took, in small transactions after the claims. */
  nextCheckMs: number;
}

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

/** A claim not marked sent after this long is taken to belong to a process that died. */
export const STALE_CLAIM_MS = 2 * 60_000;
/** Transient send failures are retried this many times, within the same local day. */
export const MAX_ATTEMPTS = 5;

/** The same for every attempt at one server's post of one day (and kind): Discord drops the duplicates. */
export function postNonce(guildId: string, localDate: string, kind?: string): string {
  const subject = kind === undefined ? `${guildId}:${localDate}` : `${kind}:${guildId}:${localDate}`;
  return createHash('sha256').update(subject).digest('base64url').slice(0, 25);
}

/** One tick of one kind of post: what it decides and renders once is kept for the tick only. */
export interface PostKindTick<Post> {
  /**
   * Takes over stale claims and claims the posts due at `now`. `isSending` tells a post this
   * process is sending already, never to be taken over as stale.
   */
  claim(now: Date, report: TickReport, isSending: (key: string) => boolean): Promise<Post[]>;
  /** After every kind's claims, before sending (to read ahead what the next day needs). */
  afterClaims?(): void;
  /** Sends one claimed post and records how it went; never throws. */
  send(post: Post, report: TickReport): Promise<void>;
}

export interface PostKind<Post> {
  /** Names the kind in logs. */
  readonly name: string;
  /** Identifies a claimed post (its server and day) while it is being sent. */
  keyOf(post: Post): string;
  startTick(): PostKindTick<Post>;
}

export interface PostEngine {
  tick(): Promise<TickReport>;
  start(intervalMs: number): void;
  /** Stops the loop and waits for ticks and sends in progress. */
  stop(): Promise<void>;
}

const DEFAULT_SEND_CONCURRENCY = 25;

export function createPostEngine(deps: {
  // Heterogeneous kinds: each one's posts go back to it alone.
  kinds: readonly PostKind<unknown>[];
  clock: Clock;
  logger: Logger;
  /**
   * Posts in flight at once. The REST client keeps to Discord's limits (50 requests a second per
   * bot, and each channel's own); this only keeps its queue short, so that a post's "late" label,
   * decided just before it is sent, is true when it arrives.
   */
  sendConcurrency?: number;
  metrics?: Pick<BotMetrics, 'tickerRan'>;
}): PostEngine {
  const { logger } = deps;
  const sendConcurrency = deps.sendConcurrency ?? DEFAULT_SEND_CONCURRENCY;
  let claimPhase: Promise<unknown> = Promise.resolve();
  let claiming = false;
  const ticks = new Set<Promise<TickReport>>();
  /** Posts this process is sending or about to, by kind and key. */
  const sending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  interface Claimed {
    kind: PostKind<unknown>;
    tick: PostKindTick<unknown>;
    post: unknown;
    key: string;
  }

  async function claimAll(now: Date, report: TickReport, kindTicks: [PostKind<unknown>, PostKindTick<unknown>][]): Promise<Claimed[]> {
    const claimed: Claimed[] = [];
    for (const [kind, tick] of kindTicks) {
      try {
        const isSending = (key: string) => sending.has(`${kind.name}|${key}`);
        for (const post of await tick.claim(now, report, isSending)) claimed.push({ kind, tick, post, key: `${kind.name}|${kind.keyOf(post)}` });
      } catch (error) {
        // One kind's trouble never stops another's posts.
        logger.error({ err: error, kind: kind.name }, 'claiming posts failed');
      }
    }
    for (const entry of claimed) sending.add(entry.key);
    return claimed;
  }

  /** Sends concurrently, a bounded number in flight; the REST client paces them to Discord's limits. */
  async function sendAll(posts: Claimed[], report: TickReport) {
    let next = 0;
    const worker = async () => {
      while (next < posts.length) {
        const entry = posts[next++]!;
        try {
          await entry.tick.send(entry.post, report);
        } finally {
          sending.delete(entry.key);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(sendConcurrency, posts.length) }, worker));
  }

  async function tick(): Promise<TickReport> {
    const report: TickReport = { checked: 0, sent: 0, failed: 0, claimMs: 0, nextCheckMs: 0 };
    const kindTicks = deps.kinds.map((kind) => [kind, kind.startTick()] as [PostKind<unknown>, PostKindTick<unknown>]);
    const claimed = claimPhase.then(async () => {
      claiming = true;
      try {
        return await claimAll(deps.clock.now(), report, kindTicks);
      } finally {
        claiming = false;
      }
    });
    claimPhase = claimed.then(() => kindTicks.forEach(([, kindTick]) => kindTick.afterClaims?.())).catch(() => undefined);
    await sendAll(await claimed, report);
    return report;
  }

  return {
    tick() {
      const started = performance.now();
      const running = tick();
      ticks.add(running);
      void running.then(
        () => {
          ticks.delete(running);
          deps.metrics?.tickerRan((performance.now() - started) / 1000);
        },
        () => ticks.delete(running),
      );
      return running;
    },
    start(intervalMs) {
      timer ??= setInterval(() => {
        // A tick still finding its servers makes this one unnecessary.
        if (claiming) return;
        this.tick().catch((error: unknown) => logger.error({ err: error }, 'anniversary tick failed'));
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...ticks]);
    },
  };
}
