// The import command behind `npm run import -- <file> [--dry-run] [--by <name>] [--locale <language>]`: imports a CSV or JSON file of facts into
// the store. Exit status: 0 done (or nothing to do), 2 a malformed file or bad usage (nothing changed).
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { readConfig } from '../config.js';
import { openStore } from '../open-store.js';
import { applyImportPlanInTurns } from './apply-import.js';
import { importAppliedText, importPlanText, importProblemText, importRunText } from '../presentation/import-plan-text.js';
import { supportedLocaleOf, supportedLocales, translationFor } from '../presentation/translation.js';
import { planImportInTurns } from './plan-import.js';
import { readCappedFile } from './read-capped-file.js';

/** The largest file `npm run import` reads: some 170,000 rows of a plain CSV (100,000 are about 4.9 MB). */
export const TERMINAL_IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export async function runImport(argv: string[], environment: NodeJS.ProcessEnv = process.env, now = new Date()): Promise<number> {
  let dryRun = false;
  let by: string | undefined;
  let locale: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--by') by = argv[++index];
    else if (arg === '--locale') locale = argv[++index] ?? '';
    else files.push(arg);
  }
  // As the console: --locale names one of the catalogues' languages; English when not given.
  if (locale !== undefined && !supportedLocaleOf(locale)) {
    process.stderr.write(`${translationFor(null).t('console.badLocale', { text: locale, locales: supportedLocales.join(', ') })}\n`);
    return 2;
  }
  const translation = translationFor(locale ?? null);
  const words = importRunText(translation);
  const file = files[0];
  if (files.length !== 1 || file!.startsWith('--') || by === '') {
    process.stderr.write(`${words.usage}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    const read = readCappedFile(file!, TERMINAL_IMPORT_MAX_BYTES);
    if (!read.ok) {
      process.stderr.write(`${words.tooLarge(file!, TERMINAL_IMPORT_MAX_BYTES / 1024 / 1024)}\n`);
      return 2;
    }
    bytes = read.bytes;
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const opened = openStore(readConfig(environment).databasePath);
  try {
    // In turns, so that a signal is handled while a large file is checked.
    const planning = await planImportInTurns(
      { store: opened.store, lookups: opened.contributions.lookups },
      { bytes, fileName: basename(file!), by: by ?? `terminal:${userInfo().username}`, now },
    );
    if (!planning.ok) {
      for (const problem of planning.problems) process.stderr.write(`${importProblemText(problem, translation)}\n`);
      process.stderr.write(`${words.nothingChanged}\n`);
      return 2;
    }
    process.stdout.write(`${importPlanText(planning.plan, { dryRun }, translation)}\n`);
    if (!dryRun) process.stdout.write(`${importAppliedText(await applyImportPlanInTurns(opened.db, opened.store, planning.plan, now), translation)}\n`);
    return 0;
  } finally {
    opened.close();
  }
}
