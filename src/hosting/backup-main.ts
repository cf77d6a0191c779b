// `npm run backup -- <file>`: a consistent copy of DATABASE_PATH, safe while the bot runs.
import 'dotenv/config';
import { readConfig } from '../config.js';
import { runEntryPoint } from '../run-entry-point.js';
import { backupDatabaseFile } from './backup.js';

await runEntryPoint(async () => {
  const destination = process.argv[2];
  if (!destination || process.argv.length > 3) {
    process.stderr.write('Usage: npm run backup -- <file>   (copies DATABASE_PATH to <file>, safe while the bot runs)\n');
    return 2;
  }
  const config = readConfig();
  await backupDatabaseFile(config.databasePath, destination);
  process.stdout.write(`Backed up ${config.databasePath} to ${destination}.\n`);
  return 0;
});
