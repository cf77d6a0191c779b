// The live bot: store, logger, client and interaction handling put together, with a clean stop.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Events, Status, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Clock, CommandContext } from '../../commands/command.js';
import type { Config } from '../config.js';
import { createCommandContext } from '../command-context.js';
import { createLogger } from '../logger.js';
import { openStore, type OpenedStore } from '../open-store.js';
import { createAnniversaryTicker, type AnniversaryTicker } from '../anniversaries/anniversary-ticker.js';
import { createDiscordClient } from './create-client.js';
import { createTriviaGame } from '../trivia/trivia-game.js';
import { createDiscordPoster, createGuildInspector } from './discord-anniversaries.js';
import { createDiscordRoundChannel } from './discord-round-channel.js';
import { handleInteraction } from './interaction-adapter.js';
import type { Health } from '../hosting/health-server.js';
import { noMetrics, type BotMetrics } from '../hosting/metrics.js';

export interface BotOptions {
  logger?: Logger;
  clock?: Clock;
  /** How often the anniversary ticker looks for due servers (default 30 s). */
  anniversaryTickMs?: number;
  /** Scales trivia timers (tests play a 10-second question in a fraction of a second). */
  triviaTimeScale?: number;
  /** Seed files other than the project's own (tests). */
  seedDirectory?: string;
  /** Where interactions, posts and ticks are counted (default: nowhere). */
  metrics?: BotMetrics;
}

export interface Bot {
  client: Client;
  /** The SQLite connection (for online backups). */
  database: Database.Database;
  context: CommandContext;
  ticker: AnniversaryTicker;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  /** Stops taking work, lets what is in flight finish, closes the gateway and the database. */
  stop(): Promise<void>;
  /** Serving: the store open and every shard's gateway session ready; else why not. */
  health(): Health;
  /** While stopping: the steps not finished yet (for the log when a stop takes too long). */
  stillRunning(): string[];
  /** Each shard's id, heartbeat round trip (ms, -1 before the first) and gateway status. */
  shards(): { id: number; ping: number; status: string }[];
}

export function createBot(config: Config, options: BotOptions = {}): Bot {
  if (!config.discordToken) throw new Error('createBot needs a DISCORD_TOKEN');
  const token = config.discordToken;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = options.metrics ?? noMetrics;
  const opened: OpenedStore = openStore(config.databasePath, options.seedDirectory ? { seedDirectory: options.seedDirectory } : {});
  const context: CommandContext = createCommandContext(opened, options.clock ?? { now: () => new Date() }, logger);
  const client = createDiscordClient(config.discordApiUrl);
  context.guilds = createGuildInspector(client);
  const triviaGame = createTriviaGame({
    store: opened.store,
    trivia: opened.trivia,
    clock: context.clock,
    logger,
    channel: createDiscordRoundChannel(client),
    random: Math.random,
    ...(options.triviaTimeScale ? { timeScale: options.triviaTimeScale } : {}),
  });
  context.triviaGame = triviaGame;
  const ticker = createAnniversaryTicker({
    store: opened.store,
    anniversaries: opened.anniversaries,
    clock: context.clock,
    logger,
    poster: createDiscordPoster(client),
    holdsGuild: (guildId) => client.guilds.cache.has(guildId),
    // Without a sharding manager this process is shard 0 of 1.
    shards: { ids: client.shard?.ids ?? [0], count: client.shard?.count ?? 1 },
    processId: randomUUID(),
    metrics,
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  let stopping: Promise<void> | null = null;
  let phase: 'starting' | 'running' | 'stopping' | 'stopped' = 'starting';
  const stopSteps = new Set<string>();
  async function step<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    stopSteps.add(name);
    try {
      return await work();
    } finally {
      stopSteps.delete(name);
    }
  }
  const shards = () => client.ws.shards.map((shard) => ({ id: shard.id, ping: shard.ping, status: Status[shard.status] ?? String(shard.status) }));

  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    const work = handleInteraction(interaction, context, metrics).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'on Discord');
    // The first tick at once: it sends a post that fell due while the bot was down, marked late.
    ticker.tick().catch((error: unknown) => logger.error({ err: error }, 'anniversary tick failed'));
    ticker.start(options.anniversaryTickMs ?? 30_000);
    // Rounds a crash or restart cut short end cleanly, keeping the points already won.
    triviaGame
      .interruptLeftoverRounds((channelId, guildId) => guildId !== null && client.guilds.cache.has(guildId))
      .then((count) => count > 0 && logger.info({ count }, 'interrupted trivia rounds ended'))
      .catch((error: unknown) => logger.error({ err: error }, 'could not end interrupted trivia rounds'));
  });

  return {
    client,
    database: opened.db.$client,
    context,
    ticker,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      if (phase === 'starting') phase = 'running';
    },
    stop() {
      stopping ??= (async () => {
        phase = 'stopping';
        accepting = false;
        logger.info({ inFlight: inFlight.size }, 'shutting down');
        await step('anniversary ticker', () => ticker.stop());
        await step(`answers in flight`, () => Promise.allSettled([...inFlight]));
        await step('trivia rounds', () => triviaGame.shutdown());
        await step('gateway', () => client.destroy());
        await step('database', () => opened.close());
        phase = 'stopped';
        logger.info('stopped');
      })();
      return stopping;
    },
    health() {
      if (phase !== 'running') return { healthy: false, reason: phase };
      if (!opened.db.$client.open) return { healthy: false, reason: 'database closed' };
      const current = shards();
      if (current.length === 0) return { healthy: false, reason: 'gateway: no shard connected' };
      const notReady = current.filter((shard) => shard.status !== 'Ready');
      if (notReady.length > 0) return { healthy: false, reason: `gateway: ${notReady.map((shard) => `shard ${shard.id} ${shard.status.toLowerCase()}`).join(', ')}` };
      return { healthy: true };
    },
    stillRunning() {
      return [...stopSteps].map((name) => (name === 'answers in flight' ? `${name} (${inFlight.size})` : name));
    },
    shards,
  };
}
