// 3b. Posting at Discord's pace: 2,200 servers whose anniversary post falls due in the same tick,
// the real bot in its own process, the local server enforcing Discord's 50 requests a second with
// real 429 answers (and 5 messages per 5 seconds per channel). How long until every post is
// delivered, none twice and none lost, and how interactions fare meanwhile.
import { performance } from 'node:perf_hooks';
import { enableAnniversaryPosts } from '../src/anniversaries/enable-posts.js';
import { openStore } from '../src/open-store.js';
import { FakeDiscordServer } from '../test/discord-server/index.js';
import { startBotChild } from './bot-child.js';
import { BENCH_TOKEN } from './interactions.js';
import { distribution, type Distribution } from './measure.js';

export interface PostingResult {
  servers: number;
  delivered: number;
  /** Channels that got more than one post. */
  twice: number;
  /** Channels that got none. */
  lost: number;
  late: number;
  /** From the bot being ready (its first tick starts then) to the last post delivered. */
  allDeliveredMs: number;
  rejected: { global: number; route: number };
  interactions: { sent: number; answered: number; latency: Distribution };
  /** The bot's event-loop delay while the posts went out: how long a command could wait for it. */
  botEventLoop: { p50: number; p99: number; max: number };
}

/** The bot's clock: a few seconds past 09:00 UTC on September 12, a day with anniversaries. */
const BOT_NOW = Date.parse('2026-09-12T09:00:05Z');

export async function measurePosting(servers: number, databasePath: string, interactionsPerSecond = 20): Promise<PostingResult> {
  const server = new FakeDiscordServer({
    guilds: Array.from({ length: servers }, (_, i) => ({ name: `Fan Server ${i}`, channels: [{ name: 'anniversaries' }] })),
    rateLimits: { globalPerSecond: 50 },
  });
  await server.start();
  // Every server turned its posts on the day before, for 09:00 UTC.
  const opened = openStore(databasePath);
  opened.anniversaries.inTransaction(() => {
    for (const guild of server.guilds) {
      enableAnniversaryPosts(
        opened.anniversaries,
        { guildId: guild.id, channelId: guild.channels[0]!.id, postTime: '09:00', timeZone: 'UTC' },
        new Date('2026-09-11T12:00:00Z'),
      );
    }
  });
  opened.close();
  const channels = new Set(server.guilds.map((guild) => guild.channels[0]!.id));

  const startedAt = performance.now();
  const bot = await startBotChild(
    'lightstick',
    { DISCORD_TOKEN: BENCH_TOKEN, DISCORD_API_URL: server.apiBaseUrl, DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' },
    { clockOffsetMs: BOT_NOW - Date.now() },
  );
  const readyAt = Date.now();
  const postsDelivered = () =>
    server.requests.filter((r) => r.method === 'POST' && r.status === 200 && r.path.startsWith('/channels/') && r.path.endsWith('/messages'));
  const latencies: number[] = [];
  let sent = 0;
  try {
    await bot.ask('delay-reset');
    // Interactions at a steady rate while the posts go out, until they have all gone (or 90 s).
    const pending: Promise<void>[] = [];
    const deadline = readyAt + 90_000;
    while (Date.now() < deadline && postsDelivered().length < channels.size) {
      const guild = server.guilds[sent % server.guilds.length]!;
      const raw = server.chatInputInteraction({ guildId: guild.id, channelId: guild.channels[0]!.id, commandName: 'artist', options: { name: 'jk' } });
      const dispatchedAt = Date.now();
      const interaction = server.sendInteraction(raw);
      sent++;
      pending.push(
        server
          .waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`), 5000)
          .then((request) => void latencies.push(request.at - dispatchedAt))
          .catch(() => undefined),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000 / interactionsPerSecond));
    }
    await Promise.all(pending);
    const botEventLoop = await bot.ask<{ p50: number; p99: number; max: number }>('delay');
    const posts = postsDelivered();
    const perChannel = new Map<string, number>();
    for (const post of posts) {
      const channelId = post.path.split('/')[2]!;
      perChannel.set(channelId, (perChannel.get(channelId) ?? 0) + 1);
    }
    const last = Math.max(...posts.map((post) => post.at));
    return {
      servers,
      delivered: posts.length,
      twice: [...perChannel.values()].filter((count) => count > 1).length,
      lost: [...channels].filter((id) => !perChannel.has(id)).length,
      late: posts.filter((post) => JSON.stringify(post.body).includes('Posted late')).length,
      allDeliveredMs: last - readyAt,
      rejected: { ...server.rateLimiter!.rejected },
      interactions: { sent, answered: latencies.length, latency: distribution(latencies) },
      botEventLoop,
    };
  } finally {
    void startedAt;
    await bot.stop();
    await server.stop();
  }
}
