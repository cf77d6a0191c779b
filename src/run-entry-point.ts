// Runs a command-line entry point: its number becomes the exit code, and a configuration or seed
// file problem, or a database or seed folder the bot cannot use, is printed as the plain message it is, without a stack trace.
import { SeedError } from '../db/seed/read-seeds.js';
import { ConfigError } from './config.js';
import { StartupError } from './startup-errors.js';

export async function runEntryPoint(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SeedError || error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
