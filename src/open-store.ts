// Opens, migrates and seeds the database; the one place start-up gets its store from.
import { openDatabase, type LightstickDatabase } from '../db/database.js';
import { createAnniversaryStore, type AnniversaryStore } from '../db/queries/anniversary-store.js';
import { createAwardsStore, type AwardsStore } from '../db/queries/awards-store.js';
import { createBiasRoleStore, type BiasRoleStore } from '../db/queries/bias-role-store.js';
import { createCatalogueSummaryStore } from '../db/queries/catalogue-summary-store.js';
import { createCountdownStore, type CountdownStore } from '../db/queries/countdown-store.js';
import { createDailyQuestionStore, type DailyQuestionStore } from '../db/queries/daily-question-store.js';
import type { CatalogueSummaryStore } from './core/catalogue-summary.js';
import type { Contributions } from '../commands/command.js';
import { createContributionLookups } from '../db/queries/contribution-store.js';
import { createSuggestionStore } from '../db/queries/suggestion-store.js';
import { MAX_WAITING_PER_SUGGESTER } from './core/suggestions.js';
import { applyImportPlanInTurns } from './import/apply-import.js';
import { planImportInTurns } from './import/plan-import.js';
import { createServerSettingsStore, type ServerSettingsStore } from '../db/queries/server-settings-store.js';
import { createTriviaStore, type TriviaStore } from '../db/queries/trivia-store.js';
import { defaultSeedDirectory, seedStore } from '../db/seed/seed-store.js';
import { checkSeedDirectory, databaseError, prepareDatabasePath } from './startup-errors.js';

export interface OpenedStore {
  db: LightstickDatabase;
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  countdowns: CountdownStore;
  trivia: TriviaStore;
  daily: DailyQuestionStore;
  serverSettings: ServerSettingsStore;
  biasRoles: BiasRoleStore;
  catalogue: CatalogueSummaryStore;
  contributions: Contributions;
  /** True when this start loaded new or changed seed files. */
  seeded: boolean;
  close(): void;
}

export interface OpenStoreOptions {
  seedDirectory?: string;
  /** The file was migrated and seeded already (by the cluster manager, before it started this process). */
  prepared?: boolean;
}

/** Throws StartupError, with the path and the fix, when the database or the seed folder cannot be used. */
export function openStore(databasePath: string, options: OpenStoreOptions = {}): OpenedStore {
  if (!options.prepared) checkSeedDirectory(options.seedDirectory ?? defaultSeedDirectory);
  const preparedPath = prepareDatabasePath(databasePath);
  let db: LightstickDatabase;
  try {
    db = openDatabase(databasePath, { migrate: !options.prepared });
  } catch (error) {
    preparedPath.undo();
    throw databaseError(databasePath, error) ?? error;
  }
  try {
    const { loaded } = options.prepared
      ? { loaded: false }
      : seedStore(db, options.seedDirectory ? { directory: options.seedDirectory } : {});
    const store = createAwardsStore(db);
    const lookups = createContributionLookups(db);
    return {
      db,
      store,
      contributions: {
        suggestions: createSuggestionStore(db, store, { maxWaitingPerSuggester: MAX_WAITING_PER_SUGGESTER }),
        lookups,
        planImport: (input) => planImportInTurns({ store, lookups }, input),
        applyImport: (plan, now) => applyImportPlanInTurns(db, store, plan, now),
      },
      anniversaries: createAnniversaryStore(db),
      countdowns: createCountdownStore(db),
      trivia: createTriviaStore(db),
      daily: createDailyQuestionStore(db),
      serverSettings: createServerSettingsStore(db),
      biasRoles: createBiasRoleStore(db),
      catalogue: createCatalogueSummaryStore(db),
      seeded: loaded,
      close: () => db.$client.close(),
    };
  } catch (error) {
    db.$client.close();
    const plain = databaseError(databasePath, error);
    if (plain) preparedPath.undo();
    throw plain ?? error;
  }
}
