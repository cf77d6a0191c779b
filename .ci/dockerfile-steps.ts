// CI: the Dockerfile's steps as written, without Docker (no engine is reachable where CI runs), on
// the Node in PATH. Each stage gets a clean folder standing for its WORKDIR; each COPY copies what it
// names (from the build context less .dockerignore, or from an earlier stage's folder); each RUN runs
// as written with `sh -c` there, `npm ci` fetching from the registry. Then the last stage's CMD
// starts against the Discord-compatible test server with the stage's ENV, and must serve /healthz,
// pass its own HEALTHCHECK command, answer a command and stop with status 0 on SIGTERM.
// What cannot run without Docker is skipped and said: the base image itself (this Node stands for
// it), USER (switching to the image's `node` user), and a RUN that works on the image's filesystem
// outside WORKDIR (creating /data); the VOLUME is a scratch folder, and the exposed port a free
// one. Prints each step; exits 1 on the first that fails.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscordServer } from '../test/discord-server/index.js';
import { copyStep, readDockerfile, type DockerfileStage } from '../test/support/dockerfile.js';

const TOKEN = 'lightstick-ci-token.0123456789abcdef';
const contextRoot = fileURLToPath(new URL('..', import.meta.url));
const stages = readDockerfile(join(contextRoot, 'Dockerfile'));
const scratch = mkdtempSync(join(tmpdir(), 'lightstick-dockerfile-'));
const folders = new Map<string, { folder: string; workdir: string }>();
const say = (line: string) => process.stdout.write(`[dockerfile] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as { port: number }).port;
  probe.close();
  return port;
}

/** The environment a process in the image would have: the stage's ENV, with the VOLUME paths and port mapped. */
function imageEnvironment(stage: DockerfileStage, volumes: Map<string, string>, port: number): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? scratch };
  for (const [name, value] of Object.entries(stage.env)) {
    let mapped = value;
    for (const [volume, folder] of volumes) if (value === volume || value.startsWith(`${volume}/`)) mapped = folder + value.slice(volume.length);
    env[name] = mapped;
  }
  if ('HEALTH_PORT' in env) env.HEALTH_PORT = String(port);
  return env;
}

async function main(): Promise<void> {
  say(`Node ${process.version} in place of each stage's base image`);
  const volumes = new Map<string, string>();
  const port = await freePort();
  for (const stage of stages) {
    const folder = join(scratch, stage.name);
    mkdirSync(folder);
    folders.set(stage.name, { folder, workdir: stage.workdir });
    say(`FROM ${stage.base} AS ${stage.name}: a clean folder for ${stage.workdir} (the image itself is not pulled)`);
    for (const step of stage.steps) {
      if (step.kind === 'copy') {
        const from = step.from === null ? { contextRoot } : folders.get(step.from);
        if (!from) throw new Error(`COPY --from=${step.from}: no such stage before this one`);
        copyStep(step, { folder, workdir: stage.workdir }, from);
        say(`COPY ${step.from ? `--from=${step.from} ` : ''}${step.sources.join(' ')} ${step.destination}`);
      } else if (step.kind === 'run') {
        // An absolute path outside WORKDIR is the image's own filesystem (e.g. creating /data as root).
        const outside = step.command.split(/\s+/).filter((word) => word.startsWith('/') && !word.startsWith(stage.workdir));
        if (outside.length > 0) {
          say(`RUN ${step.command}: skipped, it works on the image's filesystem (${[...new Set(outside)].join(', ')}), which needs Docker`);
          continue;
        }
        say(`RUN ${step.command}`);
        execFileSync('sh', ['-c', step.command], { cwd: folder, stdio: 'inherit', env: { ...process.env, ...stage.env } });
      } else if (step.kind === 'volume') {
        for (const path of step.value.split(/\s+/)) {
          const standIn = join(scratch, `volume${path.replaceAll('/', '-')}`);
          mkdirSync(standIn, { recursive: true });
          volumes.set(path, standIn);
        }
        say(`VOLUME ${step.value}: a scratch folder`);
      } else if (step.kind === 'user') {
        say(`USER ${step.value}: skipped, the image's user does not exist here; runs as the CI user`);
      } else {
        say(`EXPOSE ${step.value}: HEALTH_PORT set to the free port ${port} instead`);
      }
    }
  }

  const last = stages.at(-1)!;
  const { folder } = folders.get(last.name)!;
  const installed = readdirSync(join(folder, 'node_modules'));
  for (const devOnly of ['tsx', 'vitest', 'vite', 'drizzle-kit']) {
    if (installed.includes(devOnly)) throw new Error(`the ${last.name} stage holds the dev dependency ${devOnly}`);
  }
  if (!last.cmd || !last.healthcheck) throw new Error('the last stage has no CMD or HEALTHCHECK');

  const server = new FakeDiscordServer();
  await server.start();
  const env = { ...imageEnvironment(last, volumes, port), DISCORD_TOKEN: TOKEN, DISCORD_API_URL: server.apiBaseUrl };
  say(`CMD ${JSON.stringify(last.cmd)} against the Discord-compatible test server`);
  const bot = spawn(last.cmd[0]!, last.cmd.slice(1), { cwd: folder, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = once(bot, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as string | null }));
  const healthcheck = () => {
    try {
      execFileSync(last.healthcheck![0]!, last.healthcheck!.slice(1), { cwd: folder, env, stdio: 'ignore', timeout: 5000 });
      return true;
    } catch {
      return false;
    }
  };
  try {
    let healthy = false;
    for (let attempt = 0; attempt < 120 && !healthy && bot.exitCode === null; attempt++) {
      healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
      if (!healthy) await sleep(500);
    }
    if (!healthy) throw new Error('/healthz did not answer 200 within 60 s');
    say('/healthz: 200');
    if (!healthcheck()) throw new Error('the HEALTHCHECK command failed while the bot was healthy');
    say(`HEALTHCHECK ${JSON.stringify(last.healthcheck)}: passed`);
    const reply = await server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'jungkook' } })).callback(10_000);
    const title = (reply.data as { embeds?: { title?: string }[] } | undefined)?.embeds?.[0]?.title;
    if (title !== 'Jungkook') throw new Error(`/artist name:jungkook answered ${JSON.stringify(reply)}`);
    say('/artist name:jungkook: answered');
    bot.kill('SIGTERM');
    const end = await Promise.race([exited, sleep(15_000).then(() => null)]);
    if (!end) throw new Error('still running 15 s after SIGTERM');
    if (end.code !== 0) throw new Error(`stopped with status ${end.code}, signal ${end.signal}`);
    say('SIGTERM: stopped with status 0');
    if (healthcheck()) throw new Error('the HEALTHCHECK command passed with the bot stopped');
    say('HEALTHCHECK after the stop: failed, as it should');
  } finally {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
    await server.stop();
  }
}

try {
  await main();
  say('all steps passed');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
} catch (error) {
  say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}
