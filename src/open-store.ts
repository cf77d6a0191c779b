// Opens, migrates and seeds the database; the one place start-up gets its store from.
import { openDatabase, type LightstickDatabase } from '../db/database.js';
import { createAnniversaryStore, type AnniversaryStore } from '../db/queries/anniversary-store.js';
import { createAwardsStore, type AwardsStore } from '../db/queries/awards-store.js';
import { createTriviaStore, type TriviaStore } from '../db/queries/trivia-store.js';
import { defaultSeedDirectory, seedStore } from '../db/seed/seed-store.js';
import { checkSeedDirectory, databaseError, prepareDatabasePath } from './startup-errors.js';

export interface OpenedStore {
  db: LightstickDatabase;
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  trivia: TriviaStore;
  /** True when this start loaded new or changed seed files. */
  seeded: boolean;
  close(): void;
}

/** Throws StartupError, with the path and the fix, when the database or the seed folder cannot be used. */
export function openStore(databasePath: string, options: { seedDirectory?: string } = {}): OpenedStore {
  checkSeedDirectory(options.seedDirectory ?? defaultSeedDirectory);
  const prepared = prepareDatabasePath(databasePath);
  let db: LightstickDatabase;
  try {
    db = openDatabase(databasePath);
  } catch (error) {
    prepared.undo();
    throw databaseError(databasePath, error) ?? error;
  }
  try {
    const { loaded } = seedStore(db, options.seedDirectory ? { directory: options.seedDirectory } : {});
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
    const plain = databaseError(databasePath, error);
    if (plain) prepared.undo();
    throw plain ?? error;
  }
}
