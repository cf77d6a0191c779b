// Builds the console's context from the environment: the store (opened, migrated, seeded), a
// logger on standard error, and the system clock unless --now pins it.
import { readConfig } from '../config.js';
import { createCommandContext } from '../command-context.js';
import { createLogger } from '../logger.js';
import { openStore } from '../open-store.js';
import { runConsole } from './run-console.js';

export async function startConsole(argv: string[], environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = readConfig(environment);
  // The console's standard output is for answers; logs below warnings would only get in the way.
  const logger = createLogger(environment.LOG_LEVEL ? config.logLevel : 'warn');
  const opened = openStore(config.databasePath);
  try {
    return await runConsole(
      argv,
      (now) => createCommandContext(opened, now ? { now: () => new Date(now) } : { now: () => new Date() }, logger),
      { input: process.stdin, output: process.stdout, errors: process.stderr },
    );
  } finally {
    opened.close();
  }
}
