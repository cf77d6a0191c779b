// Vitest global setup: compiles the project once per run (incremental, so about a second when
// nothing changed), so that the tests that start `npm start`'s compiled entry points run current code.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export default function buildProject(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
}
