// The compiled bot as a supervisor runs it: /healthz and /metrics, a stop after the gateway has
// gone away, the shutdown deadline, and a crash.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from '../discord-server/index.js';
import { temporaryDatabasePath } from '../support/test-store.js';
import { getText, spawnBot, type BotProcess } from './bot-process.js';

let server: FakeDiscordServer;
let bot: BotProcess | undefined;

async function startLive(env: Record<string, string> = {}, nodeArgs: string[] = [], logRelay = false) {
  server = new FakeDiscordServer();
  await server.start();
  bot = spawnBot({ env: { DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: temporaryDatabasePath(), HEALTH_PORT: '0', ...env }, nodeArgs, logRelay });
  const listening = await bot.waitForLog('health and metrics server listening');
  const base = `http://127.0.0.1:${listening.port as number}`;
  return { bot, base };
}

afterEach(async () => {
  bot?.kill();
  bot = undefined;
  await server?.stop().catch(() => undefined);
});

describe('the health and metrics server', () => {
  it('says 503 with the reason until the gateway is ready, then 200; counts interactions; 404 elsewhere; exits 0 on SIGTERM', async () => {
    const { bot, base } = await startLive();
    const early = await getText(`${base}/healthz`);
    if (early.status === 503) expect(JSON.parse(early.body)).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
    await bot.waitForLog('on Discord');
    const healthy = await getText(`${base}/healthz`);
    expect(healthy).toMatchObject({ status: 200, contentType: 'application/json' });
    expect(JSON.parse(healthy.body)).toEqual({ status: 'ok' });

    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
    await sent.callback(3000);
    const typo = server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'zzzzqqq' } }));
    await typo.callback(3000);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const metrics = await getText(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toContain('text/plain');
    expect(metrics.body).toMatch(/lightstick_interactions_total\{kind="command",command="artist",outcome="ok"\} 1/);
    expect(metrics.body).toMatch(/lightstick_interactions_total\{kind="command",command="artist",outcome="user_error"\} 1/);
    expect(metrics.body).toMatch(/lightstick_interaction_duration_seconds_count\{kind="command",command="artist"\} 2/);
    expect(metrics.body).toMatch(/lightstick_gateway_status\{shard="0",status="Ready"\} 1/);
    expect(metrics.body).toMatch(/lightstick_gateway_ping_seconds\{shard="0"\} /);
    expect(metrics.body).toMatch(/lightstick_trivia_active_rounds 0/);
    expect(metrics.body).toMatch(/lightstick_anniversary_tick_duration_seconds_count [1-9]/);
    expect(metrics.body).toContain('lightstick_anniversary_posts_total');
    expect(metrics.body).toContain('lightstick_process_cpu_seconds_total');
    expect(metrics.body).toContain('lightstick_nodejs_eventloop_lag_seconds');

    expect((await getText(`${base}/`)).status).toBe(404);
    expect((await getText(`${base}/healthz/extra`)).status).toBe(404);

    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});

describe('stopping', () => {
  it('exits 0 at once after a stop when the gateway has gone away, and /healthz says why it is unwell meanwhile', async () => {
    const { bot, base } = await startLive();
    await bot.waitForLog('on Discord');
    await server.stop();
    // discord.js notices the closed socket and starts reconnecting.
    let health = await getText(`${base}/healthz`);
    for (let attempt = 0; attempt < 50 && health.status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await getText(`${base}/healthz`);
    }
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body).reason).toMatch(/^gateway: shard 0 /);

    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited(5000)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3000);
  });

  it('past the shutdown deadline, logs what was still running and exits 1', async () => {
    const { bot } = await startLive({ SHUTDOWN_DEADLINE_MS: '1000' });
    await bot.waitForLog('on Discord');
    // The answer's callback is rate limited for 30 seconds: the answer stays in flight.
    server.overrideRoute({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
      times: 10,
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
    await server.waitForRequest((request) => request.path.endsWith('/callback'));
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited(6000)).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(4000);
    const line = await bot.waitForLog('shutdown took longer than 1000 ms');
    expect(line.stillRunning).toEqual(['answers in flight (1)']);
  });
});

describe('stopping once the log has nowhere to go', () => {
  /** Kills the process reading the bot's log, and waits until the bot's next line fails to be written. */
  async function takeTheLogReaderAway(bot: BotProcess, base: string) {
    const relay = bot.logRelay!;
    relay.kill('SIGKILL');
    await new Promise((resolve) => relay.once('exit', resolve));
    // An answer logs a line, which meets the broken pipe.
    await getText(`${base}/healthz`);
    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
    await sent.callback(3000);
  }

  it('exits 0 at once on SIGTERM after the process reading its log was killed, and keeps answering until then', async () => {
    const { bot, base } = await startLive({}, [], true);
    await bot.waitForLog('on Discord');
    await takeTheLogReaderAway(bot, base);
    const stillAnswering = server.sendInteraction(server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'blackpink' } }));
    expect(await stillAnswering.callback(3000)).toMatchObject({ type: 4 });

    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited(10_000)).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3000);
  });

  it('still exits 1 at the shutdown deadline when an answer hangs and the log reader is gone', async () => {
    const { bot, base } = await startLive({ SHUTDOWN_DEADLINE_MS: '1000' }, [], true);
    await bot.waitForLog('on Discord');
    await takeTheLogReaderAway(bot, base);
    server.clearRequests();
    server.overrideRoute({
      method: 'POST',
      path: /^\/interactions\/\d+\/[^/]+\/callback$/,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 30, global: false },
      headers: { 'retry-after': '30', 'x-ratelimit-scope': 'user' },
      times: 10,
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
    await server.waitForRequest((request) => request.path.endsWith('/callback'));
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited(10_000)).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(4000);
  });
});

describe('a crash', () => {
  it('logs an unhandled rejection with its context and exits 1', async () => {
    const preload = fileURLToPath(new URL('../support/crash-on-signal.mjs', import.meta.url));
    const { bot } = await startLive({}, ['--import', preload]);
    await bot.waitForLog('on Discord');
    bot.child.kill('SIGUSR2');
    expect(await bot.exited()).toBe(1);
    const line = await bot.waitForLog('crashed: a promise was rejected');
    expect(line).toMatchObject({ level: 60, origin: 'unhandledRejection', health: { healthy: true } });
    expect((line.err as { message: string }).message).toBe('a bug nobody caught');
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});
