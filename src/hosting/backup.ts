// Backups through SQLite's online backup (better-sqlite3's `backup()`): a consistent copy taken
// while the bot goes on reading and writing. `npm run backup -- <file>` takes one on demand;
// BACKUP_DIR takes one a day and keeps BACKUP_KEEP of them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import { StartupError } from '../startup-errors.js';

/** Copies the open database to `destination`, whole or not at all (written beside it, then renamed). */
export async function backupDatabase(db: Database.Database, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  try {
    await db.backup(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** `npm run backup`: copies the database at `databasePath` (which a running bot may be using). */
export async function backupDatabaseFile(databasePath: string, destination: string): Promise<void> {
  const source = resolve(databasePath);
  const target = resolve(destination);
  if (!existsSync(source)) throw new StartupError(`There is no database at DATABASE_PATH ${source} to back up. Check DATABASE_PATH (in .env).`);
  if (target === source) throw new StartupError('The backup must go to another file than the database itself.');
  if (existsSync(target)) throw new StartupError(`${target} already exists. Give the backup a new name, or delete the old file first.`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await backupDatabase(db, target);
  } finally {
    db.close();
  }
}

const DAILY_NAME = /^lightstick-\d{4}-\d{2}-\d{2}\.sqlite$/;

export function dailyBackupName(now: Date): string {
  return `lightstick-${now.toISOString().slice(0, 10)}.sqlite`;
}

export interface DailyBackups {
  /** Takes today's backup (UTC day) unless it exists, then deletes all but the newest `keep`; resolves with the new file, if any. */
  runOnce(): Promise<string | null>;
  stop(): Promise<void>;
}

/** How often the bot looks whether today's backup is still to be taken. */
export const DAILY_BACKUP_CHECK_MS = 60 * 60_000;

export function startDailyBackups(options: {
  db: Database.Database;
  directory: string;
  keep: number;
  clock: Clock;
  logger: Logger;
  checkEveryMs?: number;
}): DailyBackups {
  const directory = resolve(options.directory);
  let running: Promise<string | null> | null = null;

  async function takeBackup(): Promise<string | null> {
    mkdirSync(directory, { recursive: true });
    const file = join(directory, dailyBackupName(options.clock.now()));
    let created: string | null = null;
    if (!existsSync(file)) {
      const started = Date.now();
      await backupDatabase(options.db, file);
      created = file;
      options.logger.info({ file, ms: Date.now() - started }, 'daily backup written');
    }
    const old = readdirSync(directory).filter((name) => DAILY_NAME.test(name)).sort().reverse().slice(options.keep);
    for (const name of old) {
      rmSync(join(directory, name), { force: true });
      options.logger.info({ file: join(directory, name) }, 'old backup deleted');
    }
    return created;
  }

  function runOnce(): Promise<string | null> {
    running ??= takeBackup().finally(() => {
      running = null;
    });
    return running;
  }

  const check = () => {
    runOnce().catch((error: unknown) => options.logger.error({ err: error, directory }, 'daily backup failed'));
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? DAILY_BACKUP_CHECK_MS);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
