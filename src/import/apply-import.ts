// Applies an import plan in small transactions, so that a large file never holds the event loop
// (and fans' commands) for long: first the import's record with every artist, ceremony, category
// and work it creates, then its facts a bounded batch at a time, each batch one synchronous
// better-sqlite3 transaction (an async callback would silently break the rollback), yielding in
// between. A crash mid-apply keeps the batches written and loses none of them half-written; the
// rest goes in when the file is imported again, since planning finds what is already stored
// unchanged and the one fact writer matches every row on its natural key: nothing twice.
import type { LightstickDatabase } from '../../db/database.js';
import type { FactsChanged } from '../core/awards-facts.js';
import { recordImport, writeFacts } from '../../db/queries/contribution-store.js';
import { factWriterFor } from '../../db/queries/fact-writer.js';
import type { ImportApplied } from '../core/import-plan.js';
import { isNoOp, type ImportPlan } from './plan-import.js';
import { inOneGo, inTurns, type Steps } from './planning-steps.js';

export type { ImportApplied };

/** Facts written in one transaction: about a millisecond each (bench/README.md, section 7), so some 20 ms of writing. */
export const APPLY_BATCH_FACTS = 20;

export interface ApplyOptions {
  batchFacts?: number;
  /** Called before each batch of facts is written, with its number (from 0): tests interrupt an apply with it. */
  beforeBatch?(batch: number): void;
}

function* applySteps(db: LightstickDatabase, store: FactsChanged, plan: ImportPlan, now: Date, options: ApplyOptions): Steps<ImportApplied> {
  if (isNoOp(plan)) return { status: 'nothing-to-change' };
  const client = db.$client;
  const writer = factWriterFor(db);
  const none = { newArtists: [], newCeremonies: [], newCategories: [], newWorks: [] };
  const importId = client.transaction(() => {
    const id = recordImport(db, { fileName: plan.fileName, digest: plan.digest, importedAt: now.getTime(), importedBy: plan.by });
    writeFacts(
      writer,
      { newArtists: plan.newArtists, newCeremonies: plan.newCeremonies, newCategories: plan.newCategories, newWorks: plan.newWorks, facts: [] },
      { importId: id },
    );
    return id;
  })();
  // New artists and aliases: the cached look-ups must see them at once.
  store.invalidate();
  yield;
  const facts = [...plan.added, ...plan.changed].map((planned) => planned.fact);
  const size = Math.max(1, options.batchFacts ?? APPLY_BATCH_FACTS);
  for (let start = 0, batch = 0; start < facts.length; start += size, batch++) {
    options.beforeBatch?.(batch);
    client.transaction(() => writeFacts(writer, { ...none, facts: facts.slice(start, start + size) }, { importId }))();
    store.invalidate();
    yield;
  }
  return { status: 'applied', importId, added: plan.added.length, changed: plan.changed.length };
}

/** Applies a plan at once (the terminal, tests), still a batch of facts to a transaction. */
export function applyImportPlan(db: LightstickDatabase, store: FactsChanged, plan: ImportPlan, now: Date, options: ApplyOptions = {}): ImportApplied {
  return inOneGo(applySteps(db, store, plan, now, options));
}

/** Applies a plan in turns, so that the bot answers other commands while a large file is written. */
export function applyImportPlanInTurns(db: LightstickDatabase, store: FactsChanged, plan: ImportPlan, now: Date, options: ApplyOptions = {}): Promise<ImportApplied> {
  return inTurns(applySteps(db, store, plan, now, options));
}
