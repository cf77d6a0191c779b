// 7. Planning an import: the issue's CSV row with a new category on every row, 1,000, 10,000 and
// 100,000 rows, planned in one go (what it costs) and in turns (what the event loop feels meanwhile),
// on a fresh store (a founding catalogue) and on the large one; then written, on the fresh store.
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDatabase } from '../db/database.js';
import { createAwardsStore } from '../db/queries/awards-store.js';
import { createContributionLookups } from '../db/queries/contribution-store.js';
import { IMPORT_MAX_BYTES } from '../commands/import.js';
import { applyImportPlan } from '../src/import/apply-import.js';
import { planImport, planImportInTurns, type ImportContext, type ImportInput } from '../src/import/plan-import.js';
import { openStore } from '../src/open-store.js';
import type { Turn } from '../src/import/planning-steps.js';
import { distribution, type Distribution } from './measure.js';

export interface PlanningFigures {
  rows: number;
  bytes: number;
  store: 'fresh' | 'large';
  /** Planned in one go. */
  oneGoMs: number;
  /** Planned in turns, from start to plan. */
  inTurnsMs: number;
  /** Each turn's length: how long the event loop was held at a time, on the clock and in CPU time. */
  turns: Distribution;
  turnsCpu: Distribution;
  /** The event loop's delay while planning in turns, waiting for a core included. */
  delayP99Ms: number;
  delayMaxMs: number;
}

export interface ImportBench {
  planning: PlanningFigures[];
  /** Writing each plan in its one transaction, on the fresh store (the event loop held throughout). */
  applying: { rows: number; ms: number }[];
  capBytes: number;
}

const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published';
const now = new Date('2026-11-21T12:00:00Z');

/** The issue's row, distinct on every row; on the large store, with one of its artists and award shows. */
export function issueCsv(rows: number, artist = 'SKZ', ceremony = 'VMA'): Buffer {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(`${artist},${ceremony},1995,${i.toString(36)}uv,won,,http://e.co,T,P,2024-01-01`);
  return Buffer.from(lines.join('\n'));
}

async function measure(context: ImportContext, input: ImportInput, store: 'fresh' | 'large', rows: number): Promise<PlanningFigures> {
  let started = performance.now();
  const planned = planImport(context, input);
  const oneGoMs = performance.now() - started;
  if (!planned.ok) throw new Error(`the bench file was refused: ${JSON.stringify(planned.problems.slice(0, 2))}`);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const turns: Turn[] = [];
  started = performance.now();
  await planImportInTurns(context, input, undefined, turns);
  const inTurnsMs = performance.now() - started;
  delay.disable();
  return { rows, bytes: input.bytes.length, store, oneGoMs, inTurnsMs, turns: distribution(turns.map((t) => t.ms)), turnsCpu: distribution(turns.map((t) => t.cpuMs)), delayP99Ms: delay.percentile(99) / 1e6, delayMaxMs: delay.max / 1e6 };
}

export async function measureImportPlanning(largeStorePath: string, freshStorePath: string, sizes: number[]): Promise<ImportBench> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${freshStorePath}${suffix}`, { force: true });
  const fresh = openStore(freshStorePath);
  // The large store is only read: opened as the store's connection, without seeding it.
  const largeDb = openDatabase(largeStorePath);
  const large: ImportContext = { store: createAwardsStore(largeDb), lookups: createContributionLookups(largeDb) };
  const named = largeDb.$client
    .prepare(`select (select name from artists order by id limit 1) as artist, (select short_name from ceremonies where kind = 'award_show' order by id limit 1) as ceremony`)
    .get() as { artist: string; ceremony: string };
  const freshContext: ImportContext = { store: fresh.store, lookups: fresh.contributions.lookups };
  const planning: PlanningFigures[] = [];
  const applying: { rows: number; ms: number }[] = [];
  try {
    // Warmed up first, so that the smallest file's figure is not the compiler's.
    planImport(freshContext, { bytes: issueCsv(2000), fileName: 'warm-up.csv', by: 'bench', now });
    planImport(large, { bytes: issueCsv(2000, named.artist, named.ceremony), fileName: 'warm-up.csv', by: 'bench', now });
    for (const rows of sizes) {
      const input: ImportInput = { bytes: issueCsv(rows), fileName: `rows-${rows}.csv`, by: 'bench', now };
      planning.push(await measure(freshContext, input, 'fresh', rows));
      planning.push(await measure(large, { ...input, bytes: issueCsv(rows, named.artist, named.ceremony) }, 'large', rows));
    }
    for (const rows of sizes) {
      // Each file on its own: a new ceremony's categories each time, so nothing is already there.
      const bytes = Buffer.from(issueCsv(rows).toString('utf8').replaceAll(',VMA,', `,Bench Show ${rows},`).replace(header, `${header},ceremony_kind`).replaceAll(',2024-01-01', ',2024-01-01,award_show'));
      const planned = planImport(freshContext, { bytes, fileName: `apply-${rows}.csv`, by: 'bench', now });
      if (!planned.ok) throw new Error(`the bench file was refused: ${JSON.stringify(planned.problems.slice(0, 2))}`);
      const started = performance.now();
      applyImportPlan(fresh.db, fresh.store, planned.plan, now);
      applying.push({ rows, ms: performance.now() - started });
    }
  } finally {
    fresh.close();
    largeDb.$client.close();
  }
  return { planning, applying, capBytes: IMPORT_MAX_BYTES };
}
