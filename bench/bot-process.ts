// A bot in its own process for the benchmarks: the real Lightstick bot (the same createBot that
// `npm start` uses), or a bare discord.js client to compare with (for interactions, one that answers
// every interaction at once with a fixed reply: the floor that discord.js and the test server set). It answers the parent's
// questions over IPC: memory after a garbage collection, its event-loop delay, and which native
// better-sqlite3 it loaded. BENCH_GC_INTERVAL_MS forces a full garbage collection that often
// (bench/soak.ts), so finished statements are collected while the bot works.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import pino from 'pino';
import { readConfig } from '../src/config.js';
import { createBot } from '../src/discord/bot.js';
import { fastTime } from './fast-time.js';

const kind = process.argv[2] === 'bare' ? 'bare' : 'lightstick';
// The histogram records whole timer intervals; the delay is what exceeds the resolution.
const RESOLUTION_MS = 1;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
const excess = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);
let stop: () => Promise<void>;
let guildCount: () => number;

if (kind === 'bare') {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL! } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  client.on(Events.InteractionCreate, (interaction) => {
    const answer = interaction.isAutocomplete()
      ? interaction.respond([])
      : interaction.isRepliable()
        ? interaction.reply({ content: 'ok' })
        : Promise.resolve();
    answer.catch(() => undefined);
  });
  await client.login(process.env.DISCORD_TOKEN);
  await ready;
  stop = () => client.destroy();
  guildCount = () => client.guilds.cache.size;
} else {
  const config = readConfig(process.env);
  const bot = createBot(config, {
    logger: pino({ level: 'warn' }),
    // Rounds in a fraction of their real length: the bot's whole clock runs faster.
    ...(process.env.TRIVIA_TIME_SCALE ? fastTime(Number(process.env.TRIVIA_TIME_SCALE)) : {}),
  });
  await bot.start();
  stop = () => bot.stop();
  guildCount = () => bot.client.guilds.cache.size;
}

let collections = 0;
let collectingMs = 0;
const gcInterval = Number(process.env.BENCH_GC_INTERVAL_MS ?? 0);
if (gcInterval > 0) {
  setInterval(() => {
    const started = performance.now();
    globalThis.gc?.();
    collectingMs += performance.now() - started;
    collections++;
  }, gcInterval);
}

process.on('message', async (message: { type: string }) => {
  if (message.type === 'memory') {
    // Twice, so that objects freed by finalisers are gone too.
    globalThis.gc?.();
    globalThis.gc?.();
    const usage = process.memoryUsage();
    process.send!({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
  } else if (message.type === 'delay-reset') {
    delay.reset();
    delay.enable();
    process.send!({ type: 'delay-reset' });
  } else if (message.type === 'delay') {
    process.send!({ type: 'delay', p50: excess(delay.percentile(50)), p99: excess(delay.percentile(99)), max: excess(delay.max) });
  } else if (message.type === 'native') {
    // The shared objects this process has loaded, from Node's diagnostic report: which addon really runs.
    const report = process.report.getReport() as { sharedObjects?: string[] };
    const addons = (report.sharedObjects ?? []).filter((path) => path.endsWith('.node'));
    process.send!({ type: 'native', addons, collections, collectingMs, rss: process.memoryUsage().rss });
  } else if (message.type === 'guilds') {
    process.send!({ type: 'guilds', count: guildCount() });
  } else if (message.type === 'stop') {
    await stop();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
