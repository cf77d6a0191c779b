// The live bot: store, logger, client and interaction handling put together, with a clean stop.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Events, Status, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandContext } from '../../commands/command.js';
import type { Clock, Timers } from '../core/clock.js';
import { renderAnniversaryPost } from '../presentation/anniversary-post.js';
import { COUNTDOWN_ROOM, scheduledEventText, withCountdowns } from '../presentation/countdown-messages.js';
import { cardContent } from '../presentation/milestone-card-message.js';
import { createCountdownDays } from '../anniversaries/countdown-days.js';
import { createEventSync, type EventSync } from '../anniversaries/event-sync.js';
import { createDiscordScheduledEvents } from './discord-scheduled-events.js';
import { roundMessages } from '../presentation/trivia-messages.js';
import { createDailyQuestionPosts } from '../daily/daily-question-posts.js';
import { dailyQuestionPost } from '../presentation/daily-question-messages.js';
import { ConfigError, type Config } from '../config.js';
import { createCommandContext } from '../command-context.js';
import { createLogger } from '../logger.js';
import { openStore, type OpenedStore } from '../open-store.js';
import { createAnniversaryTicker, type AnniversaryTicker } from '../anniversaries/anniversary-ticker.js';
import { clientShards, createDiscordClient, shardPlanFor, type ShardPlan } from './create-client.js';
import { createTriviaGame } from '../trivia/trivia-game.js';
import { createDiscordPoster, createGuildInspector } from './discord-anniversaries.js';
import { createChannelPoster, createDiscordRoles } from './discord-bias-roles.js';
import { createAnniversaryPings } from './anniversary-pings.js';
import { withRoleMentions } from '../presentation/post-mentions.js';
import { createDiscordRoundChannel } from './discord-round-channel.js';
import { createCardPainter } from '../cards/card-painter.js';
import { downloadAttachment } from './download-attachment.js';
import { handleInteraction } from './interaction-adapter.js';
import type { Health } from '../hosting/health-server.js';
import { noMetrics, type BotMetrics } from '../hosting/metrics.js';
import { stopWithin } from '../hosting/process-lifecycle.js';

export interface BotOptions {
  logger?: Logger;
  clock?: Clock;
  /** How often the anniversary ticker looks for due servers (default 30 s). */
  anniversaryTickMs?: number;
  /** How often the servers' scheduled events are brought in line with their round anniversaries (default 10 min). */
  eventSyncMs?: number;
  /** The waits of trivia rounds, on the clock's time (default: the system's timers; a test fires its own). */
  timers?: Timers;
  /** Seed files other than the project's own (tests). */
  seedDirectory?: string;
  /** The shards this process runs (a cluster process is handed its own); default from SHARD_COUNT, else Discord's recommendation. */
  shards?: ShardPlan;
  /** This process's share of the bot's 50 REST requests a second. */
  requestsPerSecond?: number;
  /** The cluster manager migrated and seeded the database before starting this process. */
  storePrepared?: boolean;
  /** Where interactions, posts and ticks are counted (default: nowhere). */
  metrics?: BotMetrics;
}

export interface Bot {
  client: Client;
  /** The SQLite connection (for online backups). */
  database: Database.Database;
  context: CommandContext;
  ticker: AnniversaryTicker;
  /** Keeps the servers' event lists in line with their round anniversaries. */
  eventSync: EventSync;
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
  const opened: OpenedStore = openStore(config.databasePath, {
    ...(options.seedDirectory ? { seedDirectory: options.seedDirectory } : {}),
    ...(options.storePrepared ? { prepared: true } : {}),
  });
  const client = createDiscordClient(config.discordApiUrl, {
    shards: options.shards ?? shardPlanFor(config.shardCount),
    ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
  });
  const clock = options.clock ?? { now: () => new Date() };
  const triviaGame = createTriviaGame({
    store: opened.store,
    trivia: opened.trivia,
    clock,
    logger,
    channel: createDiscordRoundChannel(client),
    // A round's messages are read by the whole channel: in the server's language.
    messagesFor: (guildId) => roundMessages(context.translator.forServer(guildId)),
    random: Math.random,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const cards = createCardPainter();
  const scheduledEvents = createDiscordScheduledEvents(client);
  // Curators: CURATOR_USER_IDS, and the application's owner (or its team's members) once known.
  const curators = new Set(config.curatorUserIds);
  const roles = createDiscordRoles(client);
  const pingsFor = createAnniversaryPings({ biasRoles: opened.biasRoles, store: opened.store, roles, logger });
  // Built once, with everything the runtime can do: the game reads the context's translator only when a round starts.
  const context: CommandContext = createCommandContext(opened, clock, logger, {
    preferredLocale: (guildId) => client.guilds.cache.get(guildId)?.preferredLocale,
    replyCacheSize: config.replyCacheSize,
    capabilities: {
      trivia: triviaGame,
      guilds: createGuildInspector(client),
      roles,
      postToChannel: createChannelPoster(client),
      singlePlayer: false,
      forms: true,
      isCurator: (userId) => curators.has(userId),
      fetchAttachment: (attachment, maxBytes) => downloadAttachment(attachment.url, maxBytes),
      cards,
      scheduledEvents: { api: scheduledEvents, changed: () => eventSync.nudge() },
    },
  });
  const countdownDays = createCountdownDays(opened.store, opened.countdowns);
  const processId = randomUUID();
  // Another kind of daily post, run by the anniversary ticker's engine.
  const dailyQuestions = createDailyQuestionPosts({
    store: opened.store,
    daily: opened.daily,
    anniversaries: opened.anniversaries,
    clock,
    logger,
    poster: createDiscordPoster(client),
    languageOf: (guildId) => context.translator.forServer(guildId).locale,
    renderPost: (content, language) => dailyQuestionPost(content, context.translator.forReader(language)),
    holdsGuild: (guildId) => client.guilds.cache.has(guildId),
    shards: clientShards(client),
    processId,
    random: Math.random,
  });
  const ticker = createAnniversaryTicker({
    store: opened.store,
    anniversaries: opened.anniversaries,
    clock,
    logger,
    poster: createDiscordPoster(client),
    languageOf: (guildId) => context.translator.forServer(guildId).locale,
    renderPost: (entries, localDate, language, late, countdowns) => {
      const translation = context.translator.forReader(language);
      const post = () => renderAnniversaryPost(entries, localDate, translation, { late, cards, reserve: countdowns.length > 0 ? COUNTDOWN_ROOM : 0 });
      // A day with countdowns and no anniversaries of its own is the countdowns alone.
      return withCountdowns(entries.length > 0 ? post() : null, countdowns, translation) ?? post();
    },
    countdowns: countdownDays,
    withPings: (guildId, entries, payload) => withRoleMentions(payload, pingsFor(guildId, entries)),
    holdsGuild: (guildId) => client.guilds.cache.has(guildId),
    // Read at each tick: with 'auto', the client learns its shards when it logs in.
    shards: {
      get ids() {
        const ids = client.options.shards;
        return Array.isArray(ids) ? ids : [0];
      },
      get count() {
        return client.options.shardCount ?? 1;
      },
    },
    processId,
    metrics,
    otherPosts: [dailyQuestions],
  });
  const eventSync = createEventSync({
    store: opened.store,
    anniversaries: opened.anniversaries,
    countdowns: opened.countdowns,
    days: countdownDays,
    events: scheduledEvents,
    clock,
    logger,
    processId,
    holdsGuild: (guildId) => client.guilds.cache.has(guildId),
    contentOf: (anniversary, guildId) => {
      // The server's event list is read by everyone there: in the server's language.
      const translation = context.translator.forServer(guildId);
      const card = cards.paint(cardContent({ kind: 'milestone', milestone: anniversary.milestone }, translation, anniversary.years));
      return { ...scheduledEventText(anniversary, translation), image: card.png };
    },
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
    ready.application
      .fetch()
      .then((application) => {
        const owner = application.owner;
        if (!owner) return;
        if ('members' in owner) for (const member of owner.members.keys()) curators.add(member);
        else curators.add(owner.id);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not read the application owner: only CURATOR_USER_IDS are curators'));
    // The first tick at once: it sends a post that fell due while the bot was down, marked late.
    ticker.prepare();
    ticker.tick().catch((error: unknown) => logger.error({ err: error }, 'anniversary tick failed'));
    ticker.start(options.anniversaryTickMs ?? 30_000);
    // Beside the ticker: a pass now, then on its own slower interval.
    eventSync.nudge();
    eventSync.start(options.eventSyncMs ?? 10 * 60_000);
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
    eventSync,
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
        await step('scheduled events', () => eventSync.stop());
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

/** One process of a cluster: runs until SIGINT or SIGTERM, then stops within the deadline (0 when clean, else 1). */
export async function startBot(config: Config, options: BotOptions = {}, onCreated?: (bot: Bot) => void): Promise<number> {
  const bot = createBot(config, options);
  onCreated?.(bot);
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      bot.context.logger.info({ signal }, 'signal received');
      void stopWithin(bot, config.shutdownDeadlineMs, bot.context.logger).then(resolve);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    if ((error as { code?: string }).code === 'TokenInvalid') {
      throw new ConfigError('Discord rejected DISCORD_TOKEN. Reset it in the Developer Portal (Bot > Reset Token) and put the new one in .env.');
    }
    throw error;
  }
  return stopped;
}
