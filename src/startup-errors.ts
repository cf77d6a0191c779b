// Plain start-up errors: what is wrong with DATABASE_PATH or the seed folder, said in one short
// message that names the path and the fix, instead of a stack trace. The checks run before SQLite
// touches anything, so a file the bot cannot use is left exactly as it was, with nothing beside it.
import { accessSync, constants, existsSync, mkdirSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A problem with the machine the bot starts on: printed as it is, exit status 1. */
export class StartupError extends Error {
  override name = 'StartupError';
}

const SQLITE_HEADER = 'SQLite format 3\0';

function code(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  // Root may write anywhere, but a file without any write bit was made read-only on purpose.
  return (statSync(path).mode & 0o222) !== 0;
}

function firstBytes(path: string, count: number): string {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const read = readSync(descriptor, buffer, 0, count, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(descriptor);
  }
}

export interface PreparedDatabasePath {
  /** Removes what the failed start created (the folders, the new file, its journal files). */
  undo(): void;
}

/**
 * Checks DATABASE_PATH before it is opened and creates its folder if needed. Throws StartupError
 * for a folder, a read-only file or folder, a file that is not a SQLite database, or a place the
 * file cannot be created.
 */
export function prepareDatabasePath(databasePath: string): PreparedDatabasePath {
  const nothing: PreparedDatabasePath = { undo: () => undefined };
  if (databasePath === ':memory:' || databasePath.startsWith('file:')) return nothing;
  const path = resolve(databasePath);
  const folder = dirname(path);
  const companions = ['-wal', '-shm', '-journal'].map((suffix) => `${path}${suffix}`);
  const existedBefore = new Set([path, ...companions].filter((file) => existsSync(file)));

  if (existsSync(path)) {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      throw new StartupError(`DATABASE_PATH ${path} is a folder, not a database file. Point DATABASE_PATH at a file inside it, such as ${join(path, 'lightstick.sqlite')}.`);
    }
    if (!stats.isFile()) throw new StartupError(`DATABASE_PATH ${path} is not a regular file. Point DATABASE_PATH at a database file, such as ./data/lightstick.sqlite.`);
    if (!writable(path)) {
      throw new StartupError(
        `DATABASE_PATH ${path} is read-only, and the bot writes to its database (settings, scores, posts). Make it writable by the user running the bot (chmod u+w "${path}"), or point DATABASE_PATH at a writable copy.`,
      );
    }
    if (!writable(folder)) {
      throw new StartupError(
        `The folder ${folder} is read-only, and SQLite keeps its journal beside DATABASE_PATH ${path}. Make the folder writable by the user running the bot, or move the database to a writable folder.`,
      );
    }
    if (stats.size > 0) {
      let header: string;
      try {
        header = firstBytes(path, SQLITE_HEADER.length);
      } catch (error) {
        throw new StartupError(`DATABASE_PATH ${path} cannot be read (${code(error) || (error as Error).message}). Check its owner and permissions.`);
      }
      if (header !== SQLITE_HEADER) {
        throw new StartupError(
          `DATABASE_PATH ${path} is not a SQLite database. Point DATABASE_PATH at the bot's database, or move this file away and the bot will create a new one.`,
        );
      }
    }
    return { undo: () => removeNew(companions, existedBefore) };
  }

  // A new database: find the nearest folder that exists and create the rest.
  let existing = folder;
  while (!existsSync(existing)) existing = dirname(existing);
  if (!statSync(existing).isDirectory()) {
    throw new StartupError(`DATABASE_PATH ${path} cannot be created: ${existing} is a file, not a folder. Point DATABASE_PATH somewhere else, such as ./data/lightstick.sqlite.`);
  }
  if (!writable(existing)) {
    throw new StartupError(`DATABASE_PATH ${path} cannot be created: ${existing} is not writable by the user running the bot. Make it writable, or point DATABASE_PATH at a writable folder.`);
  }
  let firstCreated: string | undefined;
  try {
    firstCreated = mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw databaseError(path, error) ?? error;
  }
  return {
    undo() {
      removeNew([path, ...companions], existedBefore);
      if (firstCreated) rmSync(firstCreated, { recursive: true, force: true });
    },
  };
}

function removeNew(files: string[], existedBefore: Set<string>) {
  for (const file of files) if (!existedBefore.has(file)) rmSync(file, { force: true });
}

/** The StartupError for a SQLite or file system error met while opening the database, if it is one. */
export function databaseError(databasePath: string, error: unknown): StartupError | null {
  const path = resolve(databasePath);
  const errorCode = code(error);
  if (errorCode === 'SQLITE_FULL' || errorCode === 'ENOSPC') {
    return new StartupError(`The disk holding DATABASE_PATH ${path} is full. Free some space on it (or point DATABASE_PATH at another disk) and start again.`);
  }
  if (errorCode === 'SQLITE_NOTADB') {
    return new StartupError(`DATABASE_PATH ${path} is not a SQLite database. Point DATABASE_PATH at the bot's database, or move this file away and the bot will create a new one.`);
  }
  if (errorCode.startsWith('SQLITE_CORRUPT')) {
    return new StartupError(
      `DATABASE_PATH ${path} is damaged (SQLite reports ${errorCode}). Stop the bot and restore the latest backup over it (README: "Backups and restore"), or move it away and the bot will start with a new one.`,
    );
  }
  if (errorCode.startsWith('SQLITE_READONLY') || errorCode === 'EROFS') {
    return new StartupError(`DATABASE_PATH ${path} is read-only, and the bot writes to its database. Make it and its folder writable by the user running the bot.`);
  }
  if (errorCode.startsWith('SQLITE_CANTOPEN') || errorCode === 'EACCES' || errorCode === 'EPERM' || errorCode === 'ENOTDIR') {
    return new StartupError(`DATABASE_PATH ${path} cannot be opened (${errorCode}). Check that its folder exists and that the user running the bot may read and write there.`);
  }
  if (errorCode.startsWith('SQLITE_BUSY') || errorCode.startsWith('SQLITE_LOCKED')) {
    return new StartupError(`DATABASE_PATH ${path} is locked by another program. Stop whatever holds it (another copy of the bot?) and start again.`);
  }
  return null;
}

/** The seed folder must exist: it holds the facts the store is built from. */
export function checkSeedDirectory(directory: string): void {
  const path = resolve(directory);
  if (!existsSync(path)) {
    throw new StartupError(
      `The seed folder ${path} is missing; it holds the facts the bot answers from. Restore it from the release or with git (git checkout -- seeds), beside package.json.`,
    );
  }
  if (!statSync(path).isDirectory()) throw new StartupError(`The seed folder ${path} is a file, not a folder. Restore the seeds/ folder from the release or with git.`);
}
