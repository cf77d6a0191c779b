// 2. Interactions end to end through the local Discord-compatible server: the real bot in its own
// process, a steady stream of slash commands and autocompletes, the time from INTERACTION_CREATE
// to the callback body, and the bot's event-loop delay.
import { performance } from 'node:perf_hooks';
import { FakeDiscordServer } from '../test/discord-server/index.js';
import { startBotChild } from './bot-child.js';
import { distribution, type Distribution } from './measure.js';

export interface InteractionsResult {
  sent: number;
  answered: number;
  /** Each answered interaction's latency, in ms. */
  latencies: number[];
  latency: Distribution;
  overOneSecond: number;
  eventLoop: { p50: number; p99: number; max: number };
}

export const BENCH_TOKEN = 'lightstick-bench-token.0123456789abcdef';

/**
 * Lightstick as it runs; Lightstick making every answer afresh (REPLY_CACHE_SIZE=0: the bench's
 * six questions repeat, as a fan server's popular ones do, so the kept answers serve most of
 * them); and the bare discord.js client.
 */
export type InteractionsClient = 'lightstick' | 'lightstick-fresh' | 'bare';

export async function measureInteractions(options: {
  seconds: number;
  perSecond: number;
  databasePath: string;
  kind?: InteractionsClient;
}): Promise<InteractionsResult> {
  const server = new FakeDiscordServer({ guilds: [{ name: 'Bench Server', channels: [{ name: 'general' }] }] });
  await server.start();
  const kind = options.kind ?? 'lightstick';
  const bot = await startBotChild(kind === 'bare' ? 'bare' : 'lightstick', {
    ...(kind === 'lightstick-fresh' ? { REPLY_CACHE_SIZE: '0' } : {}),
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_API_URL: server.apiBaseUrl,
    DATABASE_PATH: options.databasePath,
    LOG_LEVEL: 'warn',
  });
  const requests = [
    () => server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'blackpink' } }),
    () => server.chatInputInteraction({ commandName: 'awards', options: { artist: 'Rosé' } }),
    () => server.chatInputInteraction({ commandName: 'onthisday', options: { date: '09-12' } }),
    () => server.chatInputInteraction({ commandName: 'artist', options: { name: 'jk' } }),
    () => server.chatInputInteraction({ commandName: 'ceremony', options: { name: 'vmas', year: 2023 } }),
    () => server.autocompleteInteraction({ commandName: 'firsts', focused: { name: 'artist', value: 'st' } }),
  ];
  try {
    await bot.ask('delay-reset');
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    let sent = 0;
    const total = options.seconds * options.perSecond;
    const started = Date.now();
    // Ten at a time every 50 ms is 200 a second with a steady rhythm.
    const batch = Math.max(1, Math.round(options.perSecond / 20));
    while (sent < total) {
      const due = started + (sent / options.perSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      for (let i = 0; i < batch && sent < total; i++, sent++) {
        const raw = requests[sent % requests.length]!();
        // The server stamps arrivals the same way, in this process, to a fraction of a millisecond.
        const dispatchedAt = performance.timeOrigin + performance.now();
        const interaction = server.sendInteraction(raw);
        pending.push(
          server
            .waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`), 5000)
            .then((request) => void latencies.push(request.at - dispatchedAt))
            .catch(() => undefined),
        );
      }
      // Keeps the recorded lists short: a wait registered already does not need them.
      if (sent % (options.perSecond * 2) === 0) {
        server.clearRequests();
        server.clearGatewayFrames();
      }
    }
    await Promise.all(pending);
    const eventLoop = await bot.ask<{ p50: number; p99: number; max: number }>('delay');
    return {
      sent,
      answered: latencies.length,
      latencies,
      latency: distribution(latencies),
      overOneSecond: latencies.filter((l) => l > 1000).length,
      eventLoop,
    };
  } finally {
    await bot.stop();
    await server.stop();
  }
}

/**
 * Lightstick, Lightstick making every answer afresh, and a bare discord.js client, in turns of `seconds / rounds` each, so that both see
 * the same machine: on shared cores, the load other work puts on them changes from minute to minute.
 */
export async function measureInteractionsSideBySide(options: { seconds: number; perSecond: number; databasePath: string; rounds: number }) {
  const runs: Record<InteractionsClient, InteractionsResult[]> = { lightstick: [], 'lightstick-fresh': [], bare: [] };
  const seconds = Math.max(5, Math.round(options.seconds / options.rounds));
  for (let round = 0; round < options.rounds; round++) {
    for (const kind of ['lightstick', 'lightstick-fresh', 'bare'] as const) {
      runs[kind].push(await measureInteractions({ seconds, perSecond: options.perSecond, databasePath: options.databasePath, kind }));
    }
  }
  const combined = (results: InteractionsResult[]) => {
    const latencies = results.flatMap((result) => result.latencies);
    return {
      sent: results.reduce((sum, result) => sum + result.sent, 0),
      answered: latencies.length,
      latency: distribution(latencies),
      overOneSecond: results.reduce((sum, result) => sum + result.overOneSecond, 0),
      // The worst turn's: a delay is not averaged away by a quiet turn.
      eventLoopP99: Math.max(...results.map((result) => result.eventLoop.p99)),
      eventLoopMax: Math.max(...results.map((result) => result.eventLoop.max)),
    };
  };
  return {
    secondsEach: seconds,
    rounds: options.rounds,
    lightstick: combined(runs.lightstick),
    fresh: combined(runs['lightstick-fresh']),
    bare: combined(runs.bare),
  };
}
