// Loaded with `node --import` into a bench bot when BENCH_BETTER_SQLITE3 names a better-sqlite3
// package folder: every `better-sqlite3` import and require resolves to that copy instead of the
// project's, so the same bot can be run on another version (bench/soak.ts, better-sqlite3 12).
import { registerHooks } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const folder = process.env.BENCH_BETTER_SQLITE3;
if (folder) {
  const entry = pathToFileURL(join(resolve(folder), 'lib', 'index.js')).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      return specifier === 'better-sqlite3' ? { url: entry, format: 'commonjs', shortCircuit: true } : nextResolve(specifier, context);
    },
  });
}
