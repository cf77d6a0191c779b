// Configuration from the environment, validated at start-up with messages that say how to fix it.
import { z } from 'zod';
import { logLevels } from './logger.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits (Developer Portal > your application)');
const empty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const environmentSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    empty,
    z
      .string()
      .regex(/^[\w.-]{20,}$/, 'does not look like a bot token: copy it from Developer Portal > Bot > Reset Token')
      .optional(),
  ),
  DISCORD_CLIENT_ID: z.preprocess(empty, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(empty, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(
    empty,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional(),
  ),
  DATABASE_PATH: z.preprocess(empty, z.string().default('./data/lightstick.sqlite')),
  CURATOR_USER_IDS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value),
    z.array(snowflake).default([]),
  ),
  SHARD_COUNT: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be a whole number of shards, 1 or more' }).int('must be a whole number of shards, 1 or more').min(1, 'must be a whole number of shards, 1 or more').optional(),
  ),
  CLUSTER_PROCESSES: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be a whole number of processes, 1 or more' }).int('must be a whole number of processes, 1 or more').min(1, 'must be a whole number of processes, 1 or more').default(1),
  ),
  HEALTH_PORT: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be a port number from 1 to 65535 (0: any free port)' }).int('must be a whole port number').min(0, 'must be a port number from 1 to 65535 (0: any free port)').max(65535, 'must be a port number from 1 to 65535 (0: any free port)').optional(),
  ),
  HEALTH_HOST: z.preprocess(empty, z.string().default('127.0.0.1')),
  SHUTDOWN_DEADLINE_MS: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be a number of milliseconds, such as 8000' }).int('must be a whole number of milliseconds').positive('must be a positive number of milliseconds').default(8000),
  ),
  BACKUP_DIR: z.preprocess(empty, z.string().optional()),
  BACKUP_KEEP: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be how many daily backups to keep, such as 7' }).int('must be a whole number of backups').min(1, 'must keep at least 1 backup').default(7),
  ),
  REPLY_CACHE_SIZE: z.preprocess(
    empty,
    z.coerce.number({ error: 'must be how many answers to keep, such as 1000 (0: none)' }).int('must be a whole number of answers').min(0, 'must be how many answers to keep, such as 1000 (0: none)').default(1000),
  ),
  LOG_LEVEL: z.preprocess(
    empty,
    z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  ),
});

export interface Config {
  discordToken: string | undefined;
  discordClientId: string | undefined;
  discordGuildId: string | undefined;
  discordApiUrl: string | undefined;
  databasePath: string;
  /** Who reviews suggestions and imports facts, besides the application's owner or team. */
  curatorUserIds: string[];
  /** Pinned shard count; without it, as many as Discord recommends. */
  shardCount: number | undefined;
  /** Processes the shards are spread over on this machine. */
  clusterProcesses: number;
  logLevel: (typeof logLevels)[number];
  /** The health and metrics server's port; none when unset. */
  healthPort: number | undefined;
  healthHost: string;
  /** How long a stop may take before the process gives up and exits non-zero. */
  shutdownDeadlineMs: number;
  /** Where daily backups go; none when unset. */
  backupDirectory: string | undefined;
  backupKeep: number;
  /** How many answers to read-only commands are kept for reuse until a fact changes; 0 keeps none. */
  replyCacheSize: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Configuration problem (check .env; .env.example documents each variable):\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  return {
    discordToken: env.DISCORD_TOKEN,
    discordClientId: env.DISCORD_CLIENT_ID,
    discordGuildId: env.DISCORD_GUILD_ID,
    discordApiUrl: env.DISCORD_API_URL,
    databasePath: env.DATABASE_PATH,
    curatorUserIds: env.CURATOR_USER_IDS,
    shardCount: env.SHARD_COUNT,
    clusterProcesses: env.CLUSTER_PROCESSES,
    logLevel: env.LOG_LEVEL,
    healthPort: env.HEALTH_PORT,
    healthHost: env.HEALTH_HOST,
    shutdownDeadlineMs: env.SHUTDOWN_DEADLINE_MS,
    backupDirectory: env.BACKUP_DIR,
    backupKeep: env.BACKUP_KEEP,
    replyCacheSize: env.REPLY_CACHE_SIZE,
  };
}
