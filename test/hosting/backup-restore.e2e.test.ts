// A backup taken while the bot runs (`npm run backup`), restored the way the README says, starts
// and answers with the same facts, settings and scores. And the daily backups keep BACKUP_KEEP.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { startDailyBackups } from '../../src/hosting/backup.js';
import { openStore } from '../../src/open-store.js';
import { FakeDiscordServer } from '../discord-server/index.js';
import { roundTrip, TEST_TOKEN } from '../e2e/bot-harness.js';
import { temporaryDatabasePath } from '../support/test-store.js';
import { projectRoot } from './bot-process.js';

const NOW = new Date('2026-09-10T12:00:00Z');
const silent = pino({ level: 'silent' });
const fan = { id: '300000000000000001', username: 'moa_forever' };

let server: FakeDiscordServer;
const bots: Bot[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await server?.stop();
});

async function startBot(databasePath: string): Promise<Bot> {
  const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: databasePath });
  const bot = createBot(config, { logger: silent, clock: { now: () => NOW } });
  bots.push(bot);
  await bot.start();
  return bot;
}

/** The answers that show facts, settings and scores. */
async function answers(): Promise<unknown[]> {
  const guild = server.guilds[0]!;
  const ask = async (commandName: string, subcommand: string | undefined, options: Record<string, unknown>) =>
    (
      await roundTrip(
        server,
        server.chatInputInteraction({ commandName, ...(subcommand ? { subcommand } : {}), options: options as never, channelId: guild.channels[0]!.id, memberPermissions: PermissionFlagsBits.ManageGuild }),
      )
    ).callback.data;
  return [
    await ask('firsts', undefined, { artist: 'rose' }),
    await ask('anniversaries', 'status', {}),
    await ask('trivia', 'leaderboard', { period: 'all' }),
    await ask('trivia', 'stats', { user: { type: 6, value: fan.id } }),
  ];
}

describe('backups', () => {
  it('a backup taken while the bot runs restores and answers the same', async () => {
    server = new FakeDiscordServer({ guilds: [{ name: 'Fan Server', channels: [{ name: 'general' }, { name: 'anniversaries' }] }] });
    await server.start();
    const databasePath = temporaryDatabasePath();
    const bot = await startBot(databasePath);
    const guild = server.guilds[0]!;
    // Settings, through the command a server admin uses.
    const setup = await roundTrip(
      server,
      server.chatInputInteraction({ commandName: 'anniversaries', subcommand: 'setup', options: { channel: { type: 7, value: guild.channels[1]!.id }, time: '18:30', timezone: 'Asia/Seoul' } as never, memberPermissions: PermissionFlagsBits.ManageGuild }),
    );
    expect((setup.callback.data as { content: string }).content).toContain('Anniversary posts are on');
    // Scores: a round with one right answer.
    const trivia = bot.context.trivia;
    const roundId = trivia.startRound({ guildId: guild.id, channelId: guild.channels[0]!.id, startedBy: fan.id, questionCount: 1, secondsPerQuestion: 20, artistId: null, createdAt: NOW.getTime() - 60_000 })!;
    const question = trivia.addQuestion({ roundId, position: 1, questionKey: 'backup-test', question: '{}', openedAt: NOW.getTime() - 50_000, closesAt: NOW.getTime() - 30_000 });
    trivia.recordAnswer({ questionId: question, userId: fan.id, userName: fan.username, guildId: guild.id, choice: 0, correct: true, elapsedMs: 2000, points: 145, answeredAt: NOW.getTime() - 48_000 });
    trivia.endRound(roundId, 'finished', NOW.getTime() - 20_000);
    const before = await answers();
    expect(JSON.stringify(before)).toContain('145');

    // `npm run backup -- <file>` while the bot runs (the compiled script, without npm in between).
    const backup = join(mkdtempSync(join(tmpdir(), 'lightstick-backup-')), 'lightstick-backup.sqlite');
    const result = await promisify(execFile)(process.execPath, ['dist/src/hosting/backup-main.js', backup], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: 'utf8',
    });
    expect(result.stdout).toBe(`Backed up ${databasePath} to ${backup}.\n`);
    expect(readdirSync(dirname(backup))).toEqual(['lightstick-backup.sqlite']);
    // A second backup to the same file is refused rather than overwriting it.
    await expect(
      promisify(execFile)(process.execPath, ['dist/src/hosting/backup-main.js', backup], { cwd: projectRoot, env: { ...process.env, DATABASE_PATH: databasePath } }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    await bot.stop();

    // Restore as the README says: the bot stopped, the backup copied over DATABASE_PATH, and the
    // old -wal and -shm files removed. Here, into a new place.
    const restoredPath = temporaryDatabasePath();
    copyFileSync(backup, restoredPath);
    expect(existsSync(`${restoredPath}-wal`)).toBe(false);
    await startBot(restoredPath);
    expect(await answers()).toEqual(before);
  });

  it('a daily backup a day, keeping the newest BACKUP_KEEP', async () => {
    const opened = openStore(temporaryDatabasePath());
    const directory = mkdtempSync(join(tmpdir(), 'lightstick-daily-'));
    const clock = { now: () => new Date('2026-09-10T23:00:00Z') };
    const backups = startDailyBackups({ db: opened.db.$client, directory, keep: 2, clock, logger: silent, checkEveryMs: 60_000 });
    try {
      await backups.runOnce();
      expect(await backups.runOnce()).toBeNull();
      for (const day of ['2026-09-11', '2026-09-12']) {
        clock.now = () => new Date(`${day}T01:00:00Z`);
        expect(await backups.runOnce()).toBe(join(directory, `lightstick-${day}.sqlite`));
      }
      expect(readdirSync(directory).sort()).toEqual(['lightstick-2026-09-11.sqlite', 'lightstick-2026-09-12.sqlite']);
      const restored = openStore(join(directory, 'lightstick-2026-09-12.sqlite'));
      expect(restored.store.ceremonies()).toEqual(opened.store.ceremonies());
      restored.close();
    } finally {
      await backups.stop();
      opened.close();
    }
  });
});
