// The compiled bot killed with kill -9 after posting the day's question, and started again the
// same day: the question is not posted twice. The processes' wall clock is shifted to the day.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { enableDailyQuestion } from '../../src/daily/enable-daily-question.js';
import { FakeDiscordServer } from '../discord-server/index.js';
import { spawnBot, type BotProcess } from '../hosting/bot-process.js';
import { openTestStore, temporaryDatabasePath } from '../support/test-store.js';

const GUILD = '300000000000000001';
/** The processes' clock: just past 09:00 UTC on March 2. */
const CLOCK_AT = Date.parse('2026-03-02T09:00:05Z');

describe('the daily question across a kill -9', () => {
  const server = new FakeDiscordServer({ guilds: [{ id: GUILD, name: 'Fan Server', channels: [{ name: 'general' }, { name: 'daily' }] }] });
  const databasePath = temporaryDatabasePath();
  const processes: BotProcess[] = [];
  afterAll(async () => {
    for (const bot of processes) bot.kill();
    await server.stop();
  });

  function start(clockAt = CLOCK_AT): BotProcess {
    const bot = spawnBot({
      nodeArgs: ['--import', 'tsx', '--import', fileURLToPath(new URL('../support/shifted-clock.ts', import.meta.url))],
      env: {
        DISCORD_API_URL: server.apiBaseUrl,
        DATABASE_PATH: databasePath,
        LOG_LEVEL: 'info',
        LIGHTSTICK_TEST_CLOCK_OFFSET_MS: String(clockAt - Date.now()),
      },
    });
    processes.push(bot);
    return bot;
  }

  const sends = () => server.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${server.guild(GUILD).channels[1]!.id}/messages`);
  const posts = () => sends().filter((r) => r.status === 200);

  it('posts the question once, and a process started again after a kill -9 posts nothing more', async () => {
    await server.start();
    // Set up the day before, for 09:00 UTC.
    const store = openTestStore({ path: databasePath });
    enableDailyQuestion(store.daily, { guildId: GUILD, channelId: server.guild(GUILD).channels[1]!.id, postTime: '09:00', timeZone: 'UTC' }, new Date('2026-03-01T12:00:00Z'));
    store.close();

    const first = start();
    await first.waitForLog('daily question sent', 60_000);
    expect(posts()).toHaveLength(1);
    first.child.kill('SIGKILL');
    expect(await first.exited()).toBeNull();

    const second = start();
    await second.waitForLog('on Discord', 60_000);
    // Its first tick runs when it is ready.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(posts()).toHaveLength(1);
    expect(second.output()).not.toContain('daily question sent');
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  }, 120_000);

  it('a kill -9 while the send is failing leaves a claim that the next process takes over once stale: the same question, the same nonce, once', async () => {
    const path = `/channels/${server.guild(GUILD).channels[1]!.id}/messages`;
    // Discord is unwell: the send and the REST client's three retries of it get 503.
    server.overrideRoute({ method: 'POST', path, status: 503, body: { message: 'Service Unavailable', code: 0 }, times: 4 });
    const dayAt = Date.parse('2026-03-03T09:00:05Z');
    const first = start(dayAt);
    await first.waitForLog('daily question will be retried', 60_000);
    first.child.kill('SIGKILL');
    await first.exited();
    const failed = sends().filter((r) => r.status === 503);
    expect(failed).toHaveLength(4);

    // Started again three minutes later: the claim is stale, and this process sends it.
    const second = start(dayAt + 3 * 60_000);
    await second.waitForLog('daily question sent', 60_000);
    const sent = posts().at(-1)!;
    expect(posts()).toHaveLength(2);
    const body = (request: (typeof failed)[number]) => request.body as { nonce: string; embeds: { title: string; description: string }[] };
    expect(body(sent).nonce).toBe(body(failed[0]!).nonce);
    expect(body(sent).embeds.at(-1)).toEqual(body(failed[0]!).embeds.at(-1));
    expect(body(sent).embeds.at(-1)!.title).toBe('❓ Question of the day: March 3');
    // With it, the answer to March 2.
    expect(body(sent).embeds[0]!.title).toBe('✅ The answer to the question of March 2');
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  }, 120_000);
});
