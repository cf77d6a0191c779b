// Two processes of two shards each, started by `npm start` with CLUSTER_PROCESSES=2 against the
// local Discord-compatible server recommending four shards: every server's commands are answered
// by the process that holds its shard, every server's anniversary post goes out once, and a
// kill -9 of one process (restarted by the cluster manager) neither loses nor repeats a post. The
// manager serves /healthz and /metrics for both processes, and says which one is down meanwhile.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableAnniversaryPosts } from '../../src/anniversaries/enable-posts.js';
import { FakeDiscordServer, type GatewayFrame } from '../discord-server/index.js';
import { shardOf } from '../discord-server/server.js';
import { openTestStore, temporaryDatabasePath } from '../support/test-store.js';
import { TEST_TOKEN } from './bot-harness.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHARDS = 4;
/** Two servers on each shard: ids a multiple of 2^22 apart land on consecutive shards. */
const guildIds = Array.from({ length: 8 }, (_, i) => String(300000000000000000n + BigInt(i) * 4194304n));
/** The processes' clock: just past 09:00 UTC on September 12, a day with anniversaries. */
const CLOCK_START = Date.parse('2026-09-12T09:00:05Z');

/** The bot processes the manager started (not, say, the TypeScript loader's helper). */
function childPids(parent: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('cluster-process'))
      .map((line) => Number.parseInt(line.trim(), 10))
      .filter((pid) => pid > 0);
  } catch {
    return [];
  }
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two processes of two shards each', () => {
  let server: FakeDiscordServer;
  let manager: ChildProcess;
  const output: string[] = [];

  beforeAll(async () => {
    server = new FakeDiscordServer({
      shards: SHARDS,
      maxConcurrency: 16,
      guilds: guildIds.map((id, i) => ({ id, name: `Fan Server ${i}`, channels: [{ name: 'general' }, { name: 'anniversaries' }] })),
    });
    await server.start();
    const databasePath = temporaryDatabasePath();
    // The servers turned posts on the day before, for 09:00 UTC.
    const store = openTestStore({ path: databasePath });
    for (const guild of server.guilds) {
      enableAnniversaryPosts(
        store.anniversaries,
        { guildId: guild.id, channelId: guild.channels[1]!.id, postTime: '09:00', timeZone: 'UTC' },
        new Date('2026-09-11T12:00:00Z'),
      );
    }
    store.close();
    manager = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', fileURLToPath(new URL('../support/shifted-clock.ts', import.meta.url)), 'src/main.ts'],
      {
        cwd: projectRoot,
        env: {
          PATH: process.env.PATH ?? '',
          DISCORD_TOKEN: TEST_TOKEN,
          DISCORD_API_URL: server.apiBaseUrl,
          DATABASE_PATH: databasePath,
          CLUSTER_PROCESSES: '2',
          HEALTH_PORT: '0',
          LOG_LEVEL: 'info',
          LIGHTSTICK_TEST_CLOCK_OFFSET_MS: String(CLOCK_START - Date.now()),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    manager.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    manager.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  }, 60_000);

  afterAll(async () => {
    if (manager.exitCode === null) {
      const exited = new Promise((resolve) => manager.once('exit', resolve));
      manager.kill('SIGTERM');
      await exited;
    }
    await server.stop();
  }, 30_000);

  const identifies = () =>
    server.gatewayFrames.filter((frame: GatewayFrame) => frame.direction === 'received' && frame.op === 2).map((frame) => (frame.d as { shard: [number, number] }).shard);
  const postsIn = (channelId: string) =>
    server.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && r.status === 200);

  /** The manager's JSON log lines with this message. */
  const logLines = (message: string) =>
    output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{') && line.includes(`"msg":"${message}"`))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  let healthBase: string | undefined;
  async function get(path: string): Promise<{ status: number; body: string }> {
    healthBase ??= await eventually('the health server listening', () => {
      const [listening] = logLines('health and metrics server listening');
      return listening ? `http://127.0.0.1:${listening.port as number}` : undefined;
    });
    // A scrape waits at most 2 s for a process; this only catches a hang.
    const response = await fetch(`${healthBase}${path}`, { signal: AbortSignal.timeout(15_000) });
    return { status: response.status, body: await response.text() };
  }

  async function answered(guildId: string, timeoutMs = 1500): Promise<boolean> {
    const guild = server.guild(guildId);
    const sent = server.sendInteraction(
      server.chatInputInteraction({ guildId, channelId: guild.channels[0]!.id, commandName: 'artist', options: { name: 'blackpink' } }),
    );
    try {
      const callback = await sent.callback(timeoutMs);
      return callback.type === 4;
    } catch {
      return false;
    }
  }

  it('identifies each of the four shards once, from two processes', async () => {
    await eventually('four shards identified', () => (identifies().length >= SHARDS ? true : undefined));
    expect(identifies().map(([id, count]) => `${id}/${count}`).sort()).toEqual(['0/4', '1/4', '2/4', '3/4']);
    expect(await eventually('two bot processes', () => (childPids(manager.pid!).length === 2 ? true : undefined))).toBe(true);
  }, 60_000);

  it("answers every server's commands, each from the process holding its shard", async () => {
    for (const guildId of guildIds) {
      expect(await eventually(`an answer in ${guildId}`, async () => ((await answered(guildId)) ? true : undefined))).toBe(true);
    }
    expect(new Set(guildIds.map((id) => shardOf(id, SHARDS)))).toEqual(new Set([0, 1, 2, 3]));
  }, 60_000);

  it("serves one /healthz and one /metrics for both processes, from the manager's port", async () => {
    const health = await eventually('/healthz 200', async () => {
      const answer = await get('/healthz');
      return answer.status === 200 ? answer : undefined;
    });
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });

    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    for (const [cluster, shards] of [
      [0, [0, 1]],
      [1, [2, 3]],
    ] as const) {
      expect(metrics.body).toContain(`lightstick_cluster_process_up{cluster="${cluster}"} 1`);
      for (const shard of shards) expect(metrics.body).toContain(`lightstick_gateway_status{cluster="${cluster}",shard="${shard}",status="Ready"} 1`);
      // Each process counted the commands its own servers sent.
      expect(metrics.body).toMatch(new RegExp(`lightstick_interactions_total\\{cluster="${cluster}",kind="command",command="artist",outcome="ok"\\} [1-9]`));
    }
    expect(metrics.body).toMatch(/lightstick_process_cpu_seconds_total\{cluster="manager"\} /);
  }, 60_000);

  it("posts every server's anniversary once, and a kill -9 and restart of one process repeats none", async () => {
    const channels = server.guilds.map((guild) => guild.channels[1]!.id);
    await eventually('a post in every server', () => (channels.every((id) => postsIn(id).length >= 1) ? true : undefined));

    const [victim] = childPids(manager.pid!);
    const victimCluster = logLines('cluster process started').find((line) => line.pid === victim)?.cluster;
    expect([0, 1]).toContain(victimCluster);
    process.kill(victim!, 'SIGKILL');
    // Every /healthz from the kill until the process is back says 503 and names it, then 200.
    let unhealthy = 0;
    await eventually(
      '/healthz 200 again',
      async () => {
        const health = await get('/healthz');
        if (health.status === 200) return true;
        expect(health.status).toBe(503);
        const body = JSON.parse(health.body) as { status: string; reason: string; notReady: { cluster: number; shards: number[] }[] };
        expect(body).toMatchObject({ status: 'unavailable', reason: expect.stringContaining(`cluster ${victimCluster}: `) });
        expect(body.notReady.map((process) => process.cluster)).toEqual([victimCluster]);
        unhealthy += 1;
        return undefined;
      },
      60_000,
    );
    expect(unhealthy).toBeGreaterThan(0);
    // The manager starts it again; its shards identify anew and its first tick runs.
    await eventually('the process restarted', () => {
      const pids = childPids(manager.pid!);
      return pids.length === 2 && !pids.includes(victim!) ? true : undefined;
    });
    await eventually('six identifies', () => (identifies().length >= SHARDS + 2 ? true : undefined));
    for (const guildId of guildIds) {
      expect(await eventually(`an answer in ${guildId} after the restart`, async () => ((await answered(guildId)) ? true : undefined))).toBe(true);
    }
    // Time for the restarted process's ticks to run (its first tick runs when it is ready).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const channelId of channels) expect(postsIn(channelId)).toHaveLength(1);
    const nonces = channels.map((id) => (postsIn(id)[0]!.body as { nonce: string }).nonce);
    expect(new Set(nonces).size).toBe(channels.length);
    expect(output.join('')).not.toMatch(/"level":50/);
    expect((await get('/metrics')).body).toContain(`lightstick_cluster_process_up{cluster="${victimCluster}"} 1`);
  }, 120_000);

  it('stops on SIGTERM with its processes, and the health server with them', async () => {
    const exited = new Promise<number | null>((resolve) => manager.once('exit', resolve));
    manager.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.join('')).toContain('"msg":"cluster stopped"');
    await expect(fetch(`${healthBase}/healthz`)).rejects.toThrow();
  }, 30_000);
});
