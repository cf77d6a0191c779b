// `npm run export -- <file>`
import 'dotenv/config';
import { runEntryPoint } from '../run-entry-point.js';
import { runExport } from './run-export.js';

await runEntryPoint(() => runExport(process.argv.slice(2)));
