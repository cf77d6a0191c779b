// The export command behind `npm run export -- <file>`: every fact that did not come from seeds/
// (imported or approved, not withdrawn), with its provenance, as JSON in the import format.
import { writeFileSync } from 'node:fs';
import { exportContributedFacts } from '../../db/queries/export-store.js';
import { readConfig } from '../config.js';
import { openStore } from '../open-store.js';

export async function runExport(argv: string[], environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file.startsWith('--') || rest.length > 0) {
    process.stderr.write('usage: npm run export -- <file.json>\n');
    return 2;
  }
  const opened = openStore(readConfig(environment).databasePath);
  try {
    const exported = exportContributedFacts(opened.db);
    writeFileSync(file, `${JSON.stringify(exported, null, 2)}\n`);
    process.stdout.write(
      `Wrote ${exported.nominations?.length ?? 0} nominations and ${exported.milestones?.length ?? 0} milestones to ${file}.\n`,
    );
    return 0;
  } finally {
    opened.close();
  }
}
