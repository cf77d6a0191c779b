// Each start-up fault with DATABASE_PATH or the seed folder: one short message naming the path and
// the fix, exit status 1, no stack trace, and nothing written beside a file the bot could not use.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/open-store.js';
import { databaseError, StartupError } from '../../src/startup-errors.js';
import { TEST_TOKEN } from '../e2e/bot-harness.js';
import { projectRoot } from './bot-process.js';

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'lightstick-startup-'));
  folders.push(made);
  return made;
}

afterAll(() => {
  for (const made of folders) {
    // Read-only folders made by a test are made writable again so they can be removed.
    spawnSync('chmod', ['-R', 'u+w', made]);
    spawnSync('rm', ['-rf', made]);
  }
});

/** `npm start` with a token and an unreachable Discord: it must stop at the database, before any connection. */
function start(databasePath: string) {
  const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
    cwd: projectRoot,
    env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9/api', DATABASE_PATH: databasePath },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

function expectPlainFailure(result: ReturnType<typeof start>, path: string, ...phrases: RegExp[]) {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toContain(path);
  for (const phrase of phrases) expect(result.stderr).toMatch(phrase);
}

/** A real, seeded database with some of its pages overwritten. */
function damagedDatabase(path: string) {
  const opened = openStore(path);
  opened.close();
  const bytes = readFileSync(path);
  // Keep the header (first page), scramble a run of later pages (tables and indexes).
  for (let offset = 4096; offset < Math.min(bytes.length, 4096 * 40); offset++) bytes[offset] = (offset * 7919) % 256;
  writeFileSync(path, bytes);
}

describe('DATABASE_PATH problems at start-up', () => {
  it('a folder', () => {
    const path = folder();
    expectPlainFailure(start(path), path, /is a folder, not a database file/, /lightstick\.sqlite/);
    expect(readdirSync(path)).toEqual([]);
  });

  it('a file that is not a database, left untouched', () => {
    const where = folder();
    const path = join(where, 'notes.sqlite');
    writeFileSync(path, 'shopping list: lightsticks, batteries\n');
    expectPlainFailure(start(path), path, /is not a SQLite database/, /move this file away/);
    expect(readdirSync(where)).toEqual(['notes.sqlite']);
    expect(readFileSync(path, 'utf8')).toBe('shopping list: lightsticks, batteries\n');
  });

  it('a damaged database, with nothing written beside it', () => {
    const where = folder();
    const path = join(where, 'lightstick.sqlite');
    damagedDatabase(path);
    const before = readFileSync(path);
    expectPlainFailure(start(path), path, /is damaged/, /restore the latest backup/);
    expect(readdirSync(where)).toEqual(['lightstick.sqlite']);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a read-only database refuses to start', () => {
    const where = folder();
    const path = join(where, 'lightstick.sqlite');
    openStore(path).close();
    chmodSync(path, 0o444);
    expectPlainFailure(start(path), path, /is read-only/, /chmod u\+w/);
    expect(readdirSync(where)).toEqual(['lightstick.sqlite']);
  });

  it('a database in a read-only folder refuses to start', () => {
    const where = folder();
    const path = join(where, 'lightstick.sqlite');
    openStore(path).close();
    chmodSync(where, 0o555);
    expectPlainFailure(start(path), path, /is read-only, and SQLite keeps its journal beside/);
    expect(readdirSync(where)).toEqual(['lightstick.sqlite']);
  });

  it('a place where the file cannot be created', () => {
    const where = folder();
    writeFileSync(join(where, 'data'), 'a file, not a folder');
    const path = join(where, 'data', 'lightstick.sqlite');
    expectPlainFailure(start(path), path, /cannot be created/, /is a file, not a folder/);
    expect(readdirSync(where)).toEqual(['data']);
  });

  it('a full disk (a real SQLITE_FULL) gets its own message', () => {
    const where = folder();
    const path = join(where, 'full.sqlite');
    const db = new Database(path);
    db.exec('create table filler (text)');
    db.pragma('max_page_count = 3');
    let caught: unknown;
    try {
      for (let i = 0; i < 100; i++) db.prepare('insert into filler values (?)').run('x'.repeat(4000));
    } catch (error) {
      caught = error;
    }
    db.close();
    expect((caught as { code: string }).code).toBe('SQLITE_FULL');
    const plain = databaseError(path, caught);
    expect(plain).toBeInstanceOf(StartupError);
    expect(plain!.message).toBe(`The disk holding DATABASE_PATH ${path} is full. Free some space on it (or point DATABASE_PATH at another disk) and start again.`);
    expect(databaseError(path, Object.assign(new Error('write failed'), { code: 'ENOSPC' }))!.message).toContain('is full');
  });

  it('a missing seed folder', () => {
    const where = folder();
    const seeds = join(where, 'seeds');
    expect(() => openStore(join(where, 'lightstick.sqlite'), { seedDirectory: seeds })).toThrow(StartupError);
    expect(() => openStore(join(where, 'lightstick.sqlite'), { seedDirectory: seeds })).toThrow(
      `The seed folder ${seeds} is missing; it holds the facts the bot answers from. Restore it from the release or with git (git checkout -- seeds), beside package.json.`,
    );
    // Checked before the database is touched.
    expect(readdirSync(where)).toEqual([]);
  });

  it('still creates a new database, folders included, where it can', () => {
    const where = folder();
    const path = join(where, 'new', 'deeper', 'lightstick.sqlite');
    mkdirSync(join(where, 'new'));
    const opened = openStore(path);
    expect(opened.store.ceremonies().length).toBeGreaterThan(0);
    opened.close();
  });
});
