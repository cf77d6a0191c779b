// 3. The anniversary ticker with 100,000 configured servers: the time to find and claim the
// servers due in one tick (sending itself stubbed out, it is Discord's time, not ours).
import { copyFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openDatabase } from '../db/database.js';
import { createAnniversaryStore } from '../db/queries/anniversary-store.js';
import { createAwardsStore } from '../db/queries/awards-store.js';
import { createAnniversaryTicker } from '../src/anniversaries/anniversary-ticker.js';
import { renderAnniversaryPost } from '../src/presentation/anniversary-post.js';
import { translationFor } from '../src/presentation/translation.js';
import { distribution, type Distribution } from './measure.js';

export interface TickerResult {
  servers: number;
  ticks: { due: number; claimed: number; claimMs: number; nextCheckMs: number; ms: number }[];
  /** Finding and claiming the due servers: the target. */
  claimPerTick: Distribution;
  /** Moving the checked servers' next checks, in slices after the claims. */
  nextCheckPerTick: Distribution;
  /** The whole tick, with sending stubbed out. */
  perTick: Distribution;
  emptyTick: Distribution;
  /** Reading the anniversaries of the local dates current somewhere, once at start-up. */
  prepareMs: number;
}

export async function measureTicker(path: string, scratchPath: string): Promise<TickerResult> {
  // Ticks write claims: work on a copy so that every run starts from the same state.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchPath}${suffix}`, { force: true });
  copyFileSync(path, scratchPath);
  const db = openDatabase(scratchPath);
  const anniversaries = createAnniversaryStore(db);
  const servers = (db.$client.prepare('select count(*) as n from anniversary_settings').get() as { n: number }).n;
  let now = new Date('2026-09-12T00:00:00Z');
  const ticker = createAnniversaryTicker({
    store: createAwardsStore(db),
    anniversaries,
    clock: { now: () => now },
    logger: pino({ level: 'silent' }),
    poster: { send: async () => '1' },
    languageOf: () => 'en-US',
    renderPost: (entries, localDate, language, late) => renderAnniversaryPost(entries, localDate, translationFor(language), { late }),
    holdsGuild: () => true,
    processId: 'bench',
  });
  // What the bot does when it starts, before its first tick: read the day's anniversaries.
  const prepareStarted = performance.now();
  ticker.prepare();
  const prepareMs = performance.now() - prepareStarted;
  const dueCount = db.$client.prepare('select count(*) as n from anniversary_checks where next_check_at <= ?');
  const claims = db.$client.prepare('select count(*) as n from anniversary_posts');
  const ticks: TickerResult['ticks'] = [];
  const empty: number[] = [];
  // Every half hour of one day: each tick finds the servers whose post time just came.
  for (let step = 0; step < 48; step++) {
    now = new Date(Date.parse('2026-09-12T00:00:00Z') + step * 30 * 60_000 + 20_000);
    const due = (dueCount.get(now.getTime()) as { n: number }).n;
    const claimedBefore = (claims.get() as { n: number }).n;
    const started = performance.now();
    const report = await ticker.tick();
    const elapsed = performance.now() - started;
    ticks.push({ due, claimed: (claims.get() as { n: number }).n - claimedBefore, claimMs: report.claimMs, nextCheckMs: report.nextCheckMs, ms: elapsed });
    // A tick 30 seconds later, when nothing new is due: what most ticks cost.
    now = new Date(now.getTime() + 30_000);
    const emptyStarted = performance.now();
    await ticker.tick();
    empty.push(performance.now() - emptyStarted);
  }
  db.$client.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchPath}${suffix}`, { force: true });
  return {
    servers,
    ticks,
    claimPerTick: distribution(ticks.map((t) => t.claimMs)),
    nextCheckPerTick: distribution(ticks.map((t) => t.nextCheckMs)),
    perTick: distribution(ticks.map((t) => t.ms)),
    emptyTick: distribution(empty),
    prepareMs,
  };
}
