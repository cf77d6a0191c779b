// The terminal's import and export, and the console, with careless arguments: an export never
// overwrites a file unless told to and says in one line why it wrote nothing; an import of a
// device that never ends is refused after the cap; a malformed console command opens no store.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startConsole } from '../../src/console/start-console.js';
import { runExport } from '../../src/import/run-export.js';
import { runImport } from '../../src/import/run-import.js';
import { openTestStore } from '../support/test-store.js';

function written(stream: 'stdout' | 'stderr') {
  const lines: string[] = [];
  vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('the terminal commands', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lightstick-terminal-'));
  afterEach(() => vi.restoreAllMocks());

  function storeAt(name: string) {
    const path = join(folder, name);
    openTestStore({ path }).close();
    return { DATABASE_PATH: path, LOG_LEVEL: 'silent' };
  }

  it('export refuses to overwrite a file unless --force is given', async () => {
    const environment = storeAt('export.sqlite');
    const file = join(folder, 'facts.json');
    writeFileSync(file, 'keep me');
    const errors = written('stderr');
    expect(await runExport([file], environment)).toBe(1);
    expect(errors).toEqual([`${file} already exists: nothing was written. Give another name, or add --force to overwrite it.\n`]);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    written('stdout');
    expect(await runExport([file, '--force'], environment)).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({});
  });

  it('export names a missing folder in one line', async () => {
    const environment = storeAt('export-missing.sqlite');
    const errors = written('stderr');
    const file = join(folder, 'no-such-folder', 'facts.json');
    expect(await runExport([file], environment)).toBe(1);
    expect(errors).toEqual([`${file}: the folder ${join(folder, 'no-such-folder')} does not exist: nothing was written.\n`]);
  });

  it('import reads a device that never ends only up to the cap, and says so', async () => {
    const environment = storeAt('import-zero.sqlite');
    const errors = written('stderr');
    expect(await runImport(['/dev/zero'], environment)).toBe(2);
    expect(errors.join('')).toBe('/dev/zero: larger than 8 MiB, more than one import takes: split it into smaller files. Nothing was changed.\n');
  });

  it('import answers in the language --locale names, and refuses one it does not have', async () => {
    const environment = storeAt('import-locale.sqlite');
    const errors = written('stderr');
    expect(await runImport(['/dev/zero', '--locale', 'ko'], environment)).toBe(2);
    expect(errors.join('')).toBe('/dev/zero: 8 MiB보다 커서 한 번에 가져올 수 없어요. 더 작은 파일로 나눠 주세요. 아무것도 바뀌지 않았어요.\n');
    errors.length = 0;
    expect(await runImport(['/dev/zero', '--locale', 'klingon'], environment)).toBe(2);
    expect(errors.join('')).toMatch(/^--locale needs one of en-US, ko, .*, not "klingon"\.\n$/);
  });

  it('the console refuses a malformed command without creating or seeding a database', async () => {
    const path = join(folder, 'never.sqlite');
    const errors = written('stderr');
    expect(await startConsole(['/firsts', 'artist'], { DATABASE_PATH: path, LOG_LEVEL: 'silent' })).toBe(2);
    expect(await startConsole(['/nosuchcommand'], { DATABASE_PATH: path, LOG_LEVEL: 'silent' })).toBe(2);
    expect(errors.join('')).toContain('/firsts');
    expect(existsSync(path)).toBe(false);
  });
});
