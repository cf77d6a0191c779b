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
  // Opened only once the arguments (and a one-shot command) are understood: a typo creates no database.
  let opened: ReturnType<typeof openStore> | null = null;
  try {
    return await runConsole(
      argv,
      (now) => {
        opened = openStore(config.databasePath);
        return createCommandContext(opened, now ? { now: () => new Date(now) } : { now: () => new Date() }, logger);
      },
      { input: process.stdin, output: process.stdout, errors: process.stderr },
    );
  } finally {
    (opened as ReturnType<typeof openStore> | null)?.close();
  }
}
