// Applies an import plan: the whole plan in one synchronous better-sqlite3 transaction (an async
// callback would silently break the rollback), recorded as one import with its file's digest.
import type { LightstickDatabase } from '../../db/database.js';
import type { FactsChanged } from '../core/awards-facts.js';
import { recordImport, writeFacts } from '../../db/queries/contribution-store.js';
import { factWriterFor } from '../../db/queries/fact-writer.js';
import type { ImportApplied } from '../core/import-plan.js';
import { isNoOp, type ImportPlan } from './plan-import.js';

export type { ImportApplied };

export function applyImportPlan(db: LightstickDatabase, store: FactsChanged, plan: ImportPlan, now: Date): ImportApplied {
  if (isNoOp(plan)) return { status: 'nothing-to-change' };
  const client = db.$client;
  const importId = client.transaction(() => {
    const id = recordImport(db, { fileName: plan.fileName, digest: plan.digest, importedAt: now.getTime(), importedBy: plan.by });
    writeFacts(
      factWriterFor(db),
      {
        newArtists: plan.newArtists,
        newCeremonies: plan.newCeremonies,
        newCategories: plan.newCategories,
        newWorks: plan.newWorks,
        facts: [...plan.added, ...plan.changed].map((planned) => planned.fact),
      },
      { importId: id },
    );
    return id;
  })();
  // New artists and aliases: the cached look-ups must see them at once.
  store.invalidate();
  return { status: 'applied', importId, added: plan.added.length, changed: plan.changed.length };
}
