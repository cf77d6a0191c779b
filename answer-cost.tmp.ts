import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from './db/project-root.js';
import { runAutocomplete, runSlashCommand } from './src/command-router.js';
import { invocation } from './test/support/invocations.js';
import { openTestStore, testContext } from './test/support/test-store.js';

const opened = openTestStore({ seedDirectory: join(projectRoot, 'seeds') });
import { createCommandContext } from './src/command-context.js';
import { silentLogger } from './test/support/test-store.js';
const context = createCommandContext(opened, { now: () => new Date('2026-09-12T12:00:00Z') }, silentLogger, { capabilities: { singlePlayer: false, forms: false, isCurator: () => false }, replyCacheSize: 0 });
const cases: [string, Record<string, string | number>][] = [
  ['firsts', { artist: 'blackpink' }],
  ['awards', { artist: 'Rosé' }],
  ['onthisday', { date: '09-12' }],
  ['artist', { name: 'jk' }],
  ['ceremony', { name: 'vmas', year: 2023 }],
];
for (let round = 0; round < 3; round++) {
  for (const [name, options] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await runSlashCommand(invocation(name, options), context, 'x');
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(round, name, 'p50', times[100]!.toFixed(2), 'p99', times[198]!.toFixed(2));
  }
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await runAutocomplete({ name: 'artist', value: 'st' }, invocation('firsts'), context, 'x');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(round, 'autocomplete', 'p50', times[100]!.toFixed(2), 'p99', times[198]!.toFixed(2));
}
