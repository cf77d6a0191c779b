// `npm start` with a token: the bot, with its health and metrics server and daily backups, until a
// signal or a crash; then a stop within the deadline and an explicit exit (see hosting/process-lifecycle.ts).
import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { createBot } from './discord/bot.js';
import { checkRegisteredCommands } from './discord/command-registration.js';
import { createLogger } from './logger.js';
import { startDailyBackups, type DailyBackups } from './hosting/backup.js';
import { portInUseError, startHealthServer, type HealthServer } from './hosting/health-server.js';
import { createPrometheusMetrics } from './hosting/metrics.js';
import { runUntilStopped, stopWithin } from './hosting/process-lifecycle.js';

/** Resolves with the exit status once the bot has stopped. */
export async function runBot(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  // The metric sources read the bot, made just below (they are read only when /metrics is scraped).
  let readShards: () => { id: number; ping: number; status: string }[] = () => [];
  let readActiveRounds: () => number = () => 0;
  const prometheus = createPrometheusMetrics({ shards: () => readShards(), activeTriviaRounds: () => readActiveRounds() });
  const bot = createBot(config, { logger, metrics: prometheus.metrics });
  readShards = () => bot.shards();
  readActiveRounds = () => (bot.health().healthy ? bot.context.trivia.activeRounds().length : 0);

  let health: HealthServer | null = null;
  let backups: DailyBackups | null = null;
  const running = {
    async stop() {
      await bot.stop();
      await backups?.stop();
      await health?.close();
    },
    stillRunning: () => bot.stillRunning(),
  };
  const stopped = runUntilStopped(running, {
    deadlineMs: config.shutdownDeadlineMs,
    logger,
    context: () => ({ health: bot.health(), stillRunning: bot.stillRunning() }),
  });

  try {
    if (config.healthPort !== undefined) {
      health = await startHealthServer({ host: config.healthHost, port: config.healthPort, health: () => bot.health(), registry: prometheus.registry });
      logger.info({ host: config.healthHost, port: health.port }, 'health and metrics server listening');
    }
    await bot.start();
  } catch (error) {
    await stopWithin(running, config.shutdownDeadlineMs, logger);
    if ((error as { code?: string }).code === 'TokenInvalid') {
      throw new ConfigError('Discord rejected DISCORD_TOKEN. Reset it in the Developer Portal (Bot > Reset Token) and put the new one in .env.');
    }
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw portInUseError(config.healthHost, config.healthPort);
    }
    logger.fatal({ err: error }, 'could not start');
    return 1;
  }

  if (config.backupDirectory) {
    backups = startDailyBackups({ db: bot.database, directory: config.backupDirectory, keep: config.backupKeep, clock: bot.context.clock, logger });
  }
  const applicationId = bot.client.application?.id;
  // The comparison also learns the commands' ids, so that replies can mention them.
  if (applicationId) {
    void checkRegisteredCommands({ rest: bot.client.rest, applicationId, guildId: config.discordGuildId, logger, ...(bot.context.commandIds ? { ids: bot.context.commandIds } : {}) });
  }
  return stopped;
}
