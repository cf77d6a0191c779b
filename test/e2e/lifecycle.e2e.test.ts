// Going live with `npm start`, and stopping cleanly.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { firstsCommand } from '../../commands/firsts.js';
import { FakeDiscordServer } from '../discord-server/index.js';
import { temporaryDatabasePath } from '../support/test-store.js';
import { startHarness, TEST_TOKEN } from './bot-harness.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('npm start with a token', () => {
  it('goes live, answers, and on SIGTERM closes the gateway and exits 0, never logging the token', async () => {
    const server = new FakeDiscordServer();
    await server.start();
    const databasePath = temporaryDatabasePath();
    // What `npm start` runs, without npm's own process in between, so the signal reaches the bot
    // the way a process manager delivers it.
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
      cwd: projectRoot,
      env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'debug' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      await server.waitForGatewayFrame((frame) => frame.direction === 'received' && frame.op === 2, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
      expect(((await sent.callback(3000)).data as { embeds: { title: string }[] }).embeds[0]!.title).toBe('Lisa');

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output).toContain('"msg":"stopped"');
      expect(output).not.toContain(TEST_TOKEN);
      // The database was closed cleanly: it opens and holds the seeded store.
      const db = new Database(databasePath, { readonly: true });
      expect(db.prepare('select count(*) as n from artists').get()).toMatchObject({ n: expect.any(Number) });
      db.close();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await server.stop();
    }
  }, 40_000);

  it('through npm itself: a SIGTERM that reaches npm alone stops the bot too, leaving no orphan', async () => {
    const server = new FakeDiscordServer();
    await server.start();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot,
      env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: temporaryDatabasePath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      while (!output.includes('"msg":"on Discord"')) {
        if (child.exitCode !== null) throw new Error(output);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      // The bot itself got the signal (npm's shell gave way to it with exec) and stopped.
      expect(output).toContain('"signal":"SIGTERM"');
      expect(output).toContain('"msg":"stopped"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await server.stop();
    }
  }, 60_000);

  it('stops with a message naming the variable when the configuration is wrong', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: projectRoot,
      env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: 'ftp://example', DATABASE_PATH: temporaryDatabasePath() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(errors).toContain('DISCORD_API_URL: must be an http(s) URL');
  }, 20_000);
});

describe('stopping', () => {
  it('finishes an answer in flight before closing the gateway and the database', async () => {
    const harness = await startHarness();
    const original = firstsCommand.execute;
    firstsCommand.execute = async (invocation, context) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return original(invocation, context);
    };
    try {
      const sent = harness.server.sendInteraction(
        harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'rose' } }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopping = harness.bot.stop();
      // Work that arrives after the stop began is not taken.
      const late = harness.server.sendInteraction(
        harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'lisa' } }),
      );
      await stopping;
      const callback = await sent.callback(2000);
      expect((callback.data as { embeds: { title: string }[] }).embeds[0]!.title).toBe('Rosé: firsts and milestones');
      expect(harness.server.requests.some((r) => r.path.includes(`/interactions/${late.id}/`))).toBe(false);
      expect(harness.bot.client.isReady()).toBe(false);
      expect(() => harness.bot.context.store.ceremonies()).toThrow(/not open/);
    } finally {
      firstsCommand.execute = original;
      await harness.server.stop();
    }
  });
});
