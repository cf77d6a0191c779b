// Start-up time: from spawning the process to the bot logging that the gateway session is ready,
// against the Discord-compatible server on 127.0.0.1. The first run creates, migrates and seeds a
// new database (cold); the others reopen it (warm). Usage:
//   npx tsx bench/startup-time.ts [runs] -- <command...>
// e.g. npx tsx bench/startup-time.ts 5 -- node --enable-source-maps dist/src/main.js
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FakeDiscordServer } from '../test/discord-server/index.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const separator = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 5);
const command = separator >= 0 ? process.argv.slice(separator + 1) : ['node', '--enable-source-maps', 'dist/src/main.js'];

async function startOnce(server: FakeDiscordServer, databasePath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: projectRoot,
    env: { ...process.env, DISCORD_TOKEN: 'lightstick-bench-token.0123456789abcdef', DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"on Discord"')) resolve(performance.now() - started);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
  const elapsed = await ready;
  child.kill('SIGTERM');
  await once(child, 'exit');
  return elapsed;
}

const server = new FakeDiscordServer();
await server.start();
const directory = mkdtempSync(join(tmpdir(), 'lightstick-startup-'));
try {
  const databasePath = join(directory, 'bench.sqlite');
  const cold = await startOnce(server, databasePath);
  const warm: number[] = [];
  for (let run = 0; run < runs; run += 1) warm.push(await startOnce(server, databasePath));
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  process.stdout.write(
    `${command.join(' ')}\n  cold (new database): ${cold.toFixed(0)} ms\n  warm median of ${runs}: ${median.toFixed(0)} ms (min ${warm[0]!.toFixed(0)}, max ${warm.at(-1)!.toFixed(0)})\n`,
  );
} finally {
  await server.stop();
  rmSync(directory, { recursive: true, force: true });
}
