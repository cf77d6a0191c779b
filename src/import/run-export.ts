// The export command behind `npm run export -- <file>`: every fact that did not come from seeds/
// (imported or approved, not withdrawn), with its provenance, as JSON in the import format.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportContributedFacts } from '../../db/queries/export-store.js';
import { readConfig } from '../config.js';
import { openStore } from '../open-store.js';

export async function runExport(argv: string[], environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  const force = argv.includes('--force');
  const [file, ...rest] = argv.filter((arg) => arg !== '--force');
  if (!file || file.startsWith('--') || rest.length > 0) {
    process.stderr.write('usage: npm run export -- <file.json> [--force]\n');
    return 2;
  }
  // Checked before the store is opened: a refusal changes nothing anywhere.
  if (existsSync(file) && !force) {
    process.stderr.write(`${file} already exists: nothing was written. Give another name, or add --force to overwrite it.\n`);
    return 1;
  }
  if (!existsSync(dirname(file))) {
    process.stderr.write(`${file}: the folder ${dirname(file)} does not exist: nothing was written.\n`);
    return 1;
  }
  const opened = openStore(readConfig(environment).databasePath);
  try {
    const exported = exportContributedFacts(opened.db);
    // Written beside it first, then renamed: a full disk leaves neither half a file nor an overwritten one.
    const partial = `${file}.${process.pid}.partial`;
    try {
      writeFileSync(partial, `${JSON.stringify(exported, null, 2)}\n`, { flag: 'wx' });
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'no permission to write there' : (error as Error).message;
      process.stderr.write(`${file}: ${why}: nothing was written.\n`);
      return 1;
    }
    process.stdout.write(
      `Wrote ${exported.nominations?.length ?? 0} nominations and ${exported.milestones?.length ?? 0} milestones to ${file}.\n`,
    );
    return 0;
  } finally {
    opened.close();
  }
}
