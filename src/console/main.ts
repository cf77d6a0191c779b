// `npm run console`: the offline console over the same store and commands as the bot.
import 'dotenv/config';
import { runEntryPoint } from '../run-entry-point.js';
import { startConsole } from './start-console.js';

await runEntryPoint(() => startConsole(process.argv.slice(2)));
