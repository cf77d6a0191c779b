// Two processes of two shards each, started by `npm start` with CLUSTER_PROCESSES=2 against the
// local Discord-compatible server recommending four shards: every server's commands are answered
// by the process that holds its shard, every server's anniversary post goes out once, and a
// kill -9 of one process (restarted by the cluster manager) neither loses nor repeats a post.
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

  it("posts every server's anniversary once, and a kill -9 and restart of one process repeats none", async () => {
    const channels = server.guilds.map((guild) => guild.channels[1]!.id);
    await eventually('a post in every server', () => (channels.every((id) => postsIn(id).length >= 1) ? true : undefined));

    const [victim] = childPids(manager.pid!);
    process.kill(victim!, 'SIGKILL');
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
  }, 90_000);
});
