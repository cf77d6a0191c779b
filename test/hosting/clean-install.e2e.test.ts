// The Dockerfile's steps without Docker (no engine or image registry is reachable here): in a clean
// temporary folder, the build stage (the sources it copies, then `npm run build -- --clean`), and in
// another, the run stage (what it copies, production dependencies only) started with `node` as its
// CMD does, answering /healthz and a command, and stopping on SIGTERM.
// One deviation: `npm ci` would fetch packages and compile better-sqlite3, which a test must not
// do, so the build stage borrows this checkout's node_modules and the run stage prunes a copy of
// it with `npm prune --omit=dev --offline`, as the Dockerfile prunes.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from '../discord-server/index.js';
import { getText, projectRoot, spawnBot } from './bot-process.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function copyInto(folder: string, paths: string[]) {
  for (const path of paths) cpSync(join(projectRoot, path), join(folder, path), { recursive: true });
}

describe('the container steps in a clean folder', () => {
  it('builds, runs with production dependencies only, answers /healthz, and stops', async () => {
    const npm = (cwd: string, args: string[]) => execFileSync('npm', args, { cwd, stdio: 'pipe', encoding: 'utf8' });

    // Build stage.
    const build = mkdtempSync(join(tmpdir(), 'lightstick-build-'));
    folders.push(build);
    copyInto(build, ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src', 'commands', 'db']);
    symlinkSync(join(projectRoot, 'node_modules'), join(build, 'node_modules'), 'dir');
    npm(build, ['run', '--silent', 'build', '--', '--clean']);
    expect(existsSync(join(build, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(build, 'dist', 'src', 'main.js.map'))).toBe(true);
    // Never stale: an edited source is recompiled, and a deleted compiled file is made again.
    appendFileSync(join(build, 'src', 'hosting', 'metrics.ts'), '\n// edited after the first build\n');
    rmSync(join(build, 'dist', 'src', 'main.js'));
    npm(build, ['run', '--silent', 'build']);
    expect(existsSync(join(build, 'dist', 'src', 'main.js'))).toBe(true);
    expect(readFileSync(join(build, 'dist', 'src', 'hosting', 'metrics.js'), 'utf8')).toContain('// edited after the first build');

    // Run stage.
    const run = mkdtempSync(join(tmpdir(), 'lightstick-run-'));
    folders.push(run);
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(build, file), join(run, file));
    cpSync(join(build, 'dist'), join(run, 'dist'), { recursive: true });
    copyInto(run, ['db/migrations', 'seeds']);
    cpSync(join(projectRoot, 'node_modules'), join(run, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    npm(run, ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund']);
    const installed = readdirSync(join(run, 'node_modules'));
    // typescript stays: npm keeps it as i18next's optional peer dependency (typed keys); nothing runs it.
    for (const devOnly of ['tsx', 'vitest', 'vite', 'drizzle-kit']) expect(installed).not.toContain(devOnly);
    for (const needed of ['better-sqlite3', 'discord.js', 'prom-client', 'pino']) expect(installed).toContain(needed);
    expect(readdirSync(run).sort()).toEqual(['db', 'dist', 'node_modules', 'package-lock.json', 'package.json', 'seeds']);

    const server = new FakeDiscordServer();
    await server.start();
    mkdirSync(join(run, 'data'));
    const bot = spawnBot({ cwd: run, env: { DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: join(run, 'data', 'lightstick.sqlite'), HEALTH_PORT: '0', NODE_ENV: 'production' } });
    try {
      const listening = await bot.waitForLog('health and metrics server listening');
      await bot.waitForLog('on Discord');
      const health = await getText(`http://127.0.0.1:${listening.port as number}/healthz`);
      expect(health.status).toBe(200);
      const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'jungkook' } }));
      expect(((await sent.callback(3000)).data as { embeds: { title: string }[] }).embeds[0]!.title).toBe('Jungkook');
      bot.child.kill('SIGTERM');
      expect(await bot.exited()).toBe(0);
    } finally {
      bot.kill();
      await server.stop();
    }
  }, 180_000);
});
