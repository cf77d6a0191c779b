// The Dockerfile's steps without Docker or the network, read from the Dockerfile itself (the same
// reader as .ci/dockerfile-steps.ts, which runs them in CI with `npm ci` from the registry): in a clean
// temporary folder, the build stage (what each COPY copies, then its RUN steps as written), and in
// another, the run stage (what it copies, production dependencies only) started with its CMD,
// answering /healthz and a command, and stopping on SIGTERM.
// One deviation: `npm ci` would fetch packages, which a test must not do, so the build stage copies
// this checkout's node_modules in its place, and npm runs offline (npm_config_offline) for the rest.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from '../discord-server/index.js';
import { copyStep, readDockerfile, type DockerfileStage, type DockerfileStep } from '../support/dockerfile.js';
import { getText, projectRoot, spawnBot } from './bot-process.js';

const folders: string[] = [];
// Two copies of node_modules take a while to remove on a busy machine.
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
}, 120_000);

const runs = (stage: DockerfileStage) => stage.steps.filter((step): step is Extract<DockerfileStep, { kind: 'run' }> => step.kind === 'run').map((step) => step.command);
const copies = (stage: DockerfileStage) => stage.steps.filter((step): step is Extract<DockerfileStep, { kind: 'copy' }> => step.kind === 'copy');

describe('the container steps in a clean folder', () => {
  const [buildStage, runStage] = readDockerfile(join(projectRoot, 'Dockerfile'));

  it('are the steps this test and CI stand in for', () => {
    expect(readDockerfile(join(projectRoot, 'Dockerfile')).map((stage) => stage.name)).toEqual(['build', 'run']);
    expect(buildStage!.base).toBe('node:24-bookworm-slim');
    expect(runs(buildStage!)).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npm run build -- --clean && npm prune --omit=dev --no-audit --no-fund']);
    // Works on the image's filesystem as root: skipped here and in CI.
    expect(runs(runStage!)).toEqual(['mkdir -p /data && chown node:node /data']);
    expect(runStage!.cmd).toEqual(['node', '--enable-source-maps', 'dist/src/main.js']);
    expect(runStage!.env.DATABASE_PATH).toBe('/data/lightstick.sqlite');
  });

  it('builds, runs with production dependencies only, answers /healthz, and stops', async () => {
    const offline = { ...process.env, npm_config_offline: 'true' };
    const sh = (cwd: string, command: string) => execFileSync('sh', ['-c', command], { cwd, stdio: 'pipe', encoding: 'utf8', env: offline });

    // Build stage: its COPY steps, node_modules for `npm ci`, then its other RUN step as written.
    const build = mkdtempSync(join(tmpdir(), 'lightstick-build-'));
    folders.push(build);
    const [install, buildAndPrune] = runs(buildStage!);
    for (const step of buildStage!.steps) {
      if (step.kind === 'copy') copyStep(step, { folder: build, workdir: buildStage!.workdir }, { contextRoot: projectRoot });
      else if (step.kind === 'run' && step.command === install) cpSync(join(projectRoot, 'node_modules'), join(build, 'node_modules'), { recursive: true, verbatimSymlinks: true });
      else if (step.kind === 'run' && step.command === buildAndPrune) sh(build, step.command);
    }
    expect(existsSync(join(build, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(build, 'dist', 'src', 'main.js.map'))).toBe(true);
    const installed = readdirSync(join(build, 'node_modules'));
    // typescript stays: npm keeps it as i18next's optional peer dependency (typed keys); nothing runs it.
    for (const devOnly of ['tsx', 'vitest', 'vite', 'drizzle-kit']) expect(installed).not.toContain(devOnly);
    for (const needed of ['better-sqlite3', 'discord.js', 'prom-client', 'pino']) expect(installed).toContain(needed);
    // Never stale: an edited source is recompiled, and a deleted compiled file is made again.
    appendFileSync(join(build, 'src', 'hosting', 'metrics.ts'), '\n// edited after the first build\n');
    rmSync(join(build, 'dist', 'src', 'main.js'));
    sh(build, 'npm run --silent build');
    expect(existsSync(join(build, 'dist', 'src', 'main.js'))).toBe(true);
    expect(readFileSync(join(build, 'dist', 'src', 'hosting', 'metrics.js'), 'utf8')).toContain('// edited after the first build');

    // Run stage: what it copies, from the build stage and from the context.
    const run = mkdtempSync(join(tmpdir(), 'lightstick-run-'));
    folders.push(run);
    for (const step of copies(runStage!)) {
      copyStep(step, { folder: run, workdir: runStage!.workdir }, step.from === 'build' ? { folder: build, workdir: buildStage!.workdir } : { contextRoot: projectRoot });
    }
    expect(readdirSync(run).sort()).toEqual(['db', 'dist', 'node_modules', 'package-lock.json', 'package.json', 'seeds']);

    const server = new FakeDiscordServer();
    await server.start();
    mkdirSync(join(run, 'data'));
    // The run stage's ENV, with the /data volume in the folder and any free port.
    const env = { ...runStage!.env, DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: join(run, 'data', 'lightstick.sqlite'), HEALTH_PORT: '0' };
    const bot = spawnBot({ cwd: run, env });
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
