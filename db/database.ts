// Opens the SQLite store: WAL, foreign keys on, migrations applied.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectRoot } from './project-root.js';
import * as schema from './schema.js';

export type LightstickDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = join(projectRoot, 'db', 'migrations');

/**
 * Opens (creating if needed) and migrates the database at `path`; `:memory:` gives a private
 * in-memory store. `migrate: false` for a process whose manager migrated the file before starting it.
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): LightstickDatabase {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (a second shard, the console) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Reads of a large store go through memory-mapped pages rather than a read() per page.
  sqlite.pragma('mmap_size = 268435456');
  const db = drizzle({ client: sqlite, schema });
  if (options.migrate ?? true) {
    // A migration that rebuilds a table (SQLite's way to change a column) must run with foreign
    // keys off, or dropping the old table would trip the references to it; they are checked after.
    sqlite.pragma('foreign_keys = OFF');
    try {
      migrate(db, { migrationsFolder });
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`the migrated database has ${broken.length} broken references`);
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
  }
  return db;
}
