// `npm run import -- <file> [--dry-run] [--by <name>]`
import 'dotenv/config';
import { runEntryPoint } from '../run-entry-point.js';
import { runImport } from './run-import.js';

await runEntryPoint(() => runImport(process.argv.slice(2)));
