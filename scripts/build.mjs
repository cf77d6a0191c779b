// `npm run build`: compiles src/, commands/ and db/ to dist/ (tsconfig.build.json), incrementally.
// TypeScript's incremental build recompiles edited sources but does not notice a compiled file
// that was deleted, so when any source lacks its compiled file, the build starts over from scratch.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const sourceFolders = ['src', 'commands', 'db'];

function compile() {
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

function* sources(folder) {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

function missingOutputs() {
  return sourceFolders.flatMap((folder) => [...sources(folder)]).filter((path) => !existsSync(join(root, 'dist', path.replace(/\.ts$/, '.js'))));
}

try {
  if (process.argv.includes('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });
  compile();
  if (missingOutputs().length > 0) {
    rmSync(join(root, 'dist', '.tsbuildinfo'), { force: true });
    compile();
  }
} catch {
  // tsc has printed the errors.
  process.exit(1);
}
