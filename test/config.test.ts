import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('needs nothing to run the console, with the documented defaults', () => {
    expect(readConfig({})).toEqual({
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      discordApiUrl: undefined,
      databasePath: './data/lightstick.sqlite',
      curatorUserIds: [],
      shardCount: undefined,
      clusterProcesses: 1,
      logLevel: 'info',
      healthPort: undefined,
      healthHost: '127.0.0.1',
      shutdownDeadlineMs: 8000,
      backupDirectory: undefined,
      backupKeep: 7,
      replyCacheSize: 1000,
    });
  });

  it('keeps as many answers as REPLY_CACHE_SIZE says, none for 0', () => {
    expect(readConfig({ REPLY_CACHE_SIZE: '0' }).replyCacheSize).toBe(0);
    expect(readConfig({ REPLY_CACHE_SIZE: '250' }).replyCacheSize).toBe(250);
  });

  it('reads the hosting settings', () => {
    expect(readConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0', SHUTDOWN_DEADLINE_MS: '2000', BACKUP_DIR: '/backups', BACKUP_KEEP: '3' })).toMatchObject({
      healthPort: 9464,
      healthHost: '0.0.0.0',
      shutdownDeadlineMs: 2000,
      backupDirectory: '/backups',
      backupKeep: 3,
    });
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    expect(readConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '  ', LOG_LEVEL: '' }).discordToken).toBeUndefined();
  });

  it.each([
    [{ DISCORD_TOKEN: 'short' }, 'DISCORD_TOKEN: does not look like a bot token'],
    [{ DISCORD_CLIENT_ID: 'my-bot' }, 'DISCORD_CLIENT_ID: must be a Discord id'],
    [{ DISCORD_GUILD_ID: '123' }, 'DISCORD_GUILD_ID: must be a Discord id'],
    [{ DISCORD_API_URL: 'discord.com/api' }, 'DISCORD_API_URL: must be an http(s) URL'],
    [{ HEALTH_PORT: 'eighty' }, 'HEALTH_PORT: must be a port number'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT: must be a port number from 1 to 65535'],
    [{ SHUTDOWN_DEADLINE_MS: '-5' }, 'SHUTDOWN_DEADLINE_MS: must be a positive number'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP: must keep at least 1 backup'],
    [{ REPLY_CACHE_SIZE: '-1' }, 'REPLY_CACHE_SIZE: must be how many answers to keep'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT: must be a whole number of shards, 1 or more'],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT: must be a whole number of shards, 1 or more'],
    [{ CLUSTER_PROCESSES: '1.5' }, 'CLUSTER_PROCESSES: must be a whole number of processes, 1 or more'],
  ])('names the variable and the fix for %j', (environment, message) => {
    expect(() => readConfig(environment)).toThrow(ConfigError);
    expect(() => readConfig(environment)).toThrow(message);
  });

  it('reads a complete live configuration', () => {
    const config = readConfig({
      DISCORD_TOKEN: 'abcdefghijklmnopqrstuvwxyz.0123456789',
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      DATABASE_PATH: '/var/lib/lightstick.sqlite',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({ discordApiUrl: 'http://127.0.0.1:8080/api', logLevel: 'warn' });
  });

  it('reads a pinned shard count and the processes to spread them over', () => {
    expect(readConfig({ SHARD_COUNT: '4', CLUSTER_PROCESSES: '2' })).toMatchObject({ shardCount: 4, clusterProcesses: 2 });
  });
});
