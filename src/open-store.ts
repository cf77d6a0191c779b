// Opens, migrates and seeds the database; the one place start-up gets its store from.
import { openDatabase, type LightstickDatabase } from '../db/database.js';
import { createAnniversaryStore, type AnniversaryStore } from '../db/queries/anniversary-store.js';
import { createAwardsStore, type AwardsStore } from '../db/queries/awards-store.js';
import { createTriviaStore, type TriviaStore } from '../db/queries/trivia-store.js';
import { seedStore } from '../db/seed/seed-store.js';

export interface OpenedStore {
  db: LightstickDatabase;
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  trivia: TriviaStore;
  /** True when this start loaded new or changed seed files. */
  seeded: boolean;
  close(): void;
}

export interface OpenStoreOptions {
  seedDirectory?: string;
  /** The file was migrated and seeded already (by the cluster manager, before it started this process). */
  prepared?: boolean;
}

export function openStore(databasePath: string, options: OpenStoreOptions = {}): OpenedStore {
  const db = openDatabase(databasePath, { migrate: !options.prepared });
  try {
    const { loaded } = options.prepared
      ? { loaded: false }
      : seedStore(db, options.seedDirectory ? { directory: options.seedDirectory } : {});
    return {
      db,
      store: createAwardsStore(db),
      anniversaries: createAnniversaryStore(db),
      trivia: createTriviaStore(db),
      seeded: loaded,
      close: () => db.$client.close(),
    };
  } catch (error) {
    db.$client.close();
    throw error;
  }
}
