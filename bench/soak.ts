// `npm run soak`: the real bot, on the Node that runs this, under a long stream of work through the
// local Discord-compatible server, with a full garbage collection forced every 100 ms so that
// finished statements are collected while it works: slash commands and autocompletes, anniversary
// posts going out minute after minute, and trivia rounds with many clicks. It watches for the abort
// better-sqlite3 12 can hit on Node 24.19 and later (`Assertion failed: (env) != nullptr` in
// `Statement::~Statement`, a SIGABRT), while running and at each stop. Exits 1 if a bot process
// ended any other way than a clean stop. Nothing here is timed against a target.
//   SOAK_MINUTES=10          how long the stream runs
//   SOAK_PER_SECOND=40       slash commands and autocompletes a second
//   SOAK_GC_INTERVAL_MS=100  how often the bot forces a full garbage collection
//   SOAK_RESTART_SECONDS=0   stop and start the bot this often (each stop is an exit, where the
//                            abort was seen most); 0: one process for the whole run
//   SOAK_SERVERS=300         servers with anniversary posts, due a few each minute
//   BENCH_BETTER_SQLITE3=<package folder>   run the bot on that copy of better-sqlite3 (see bench/README.md)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIMessage } from 'discord.js';
import { enableAnniversaryPosts } from '../src/anniversaries/enable-posts.js';
import { openStore } from '../src/open-store.js';
import { FakeDiscordServer, type RawInteraction } from '../test/discord-server/index.js';
import { startBotChild, type BotChild } from './bot-child.js';
import { BENCH_TOKEN } from './interactions.js';
import { distribution } from './measure.js';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const perSecond = Number(process.env.SOAK_PER_SECOND ?? 40);
const gcIntervalMs = Number(process.env.SOAK_GC_INTERVAL_MS ?? 100);
const restartSeconds = Number(process.env.SOAK_RESTART_SECONDS ?? 0);
const serverCount = Number(process.env.SOAK_SERVERS ?? 300);

/** The bot's clock at the start: just before 09:00 UTC on September 12, a day with anniversaries. */
const BOT_START = Date.parse('2026-09-12T08:59:40Z');
const FIRST_POST_MINUTE = 9 * 60;
const postMinutes = Math.max(1, Math.ceil(minutes));

const sqliteFolder = process.env.BENCH_BETTER_SQLITE3
  ? resolve(process.env.BENCH_BETTER_SQLITE3)
  : fileURLToPath(new URL('../node_modules/better-sqlite3', import.meta.url));
const sqliteVersion = (JSON.parse(readFileSync(join(sqliteFolder, 'package.json'), 'utf8')) as { version: string }).version;

const scratch = mkdtempSync(join(tmpdir(), 'lightstick-soak-'));
const databasePath = join(scratch, 'soak.sqlite');
const server = new FakeDiscordServer({
  guilds: Array.from({ length: serverCount }, (_, i) => ({
    name: `Fan Server ${i}`,
    channels: i === 0 ? [{ name: 'anniversaries' }, { name: 'general' }, { name: 'quiz' }] : [{ name: 'anniversaries' }, { name: 'general' }],
  })),
  // Restarts and forced collections can hold an answer up; the soak counts late answers itself.
  interactionResponseDeadlineMs: Infinity,
});
await server.start();

// Every server turned its posts on the day before; a few servers' posts fall due each minute.
const postTimeOf = (index: number) => FIRST_POST_MINUTE + (index % postMinutes);
const opened = openStore(databasePath);
opened.anniversaries.inTransaction(() => {
  server.guilds.forEach((guild, index) => {
    const minute = postTimeOf(index);
    const postTime = `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    enableAnniversaryPosts(opened.anniversaries, { guildId: guild.id, channelId: guild.channels[0]!.id, postTime, timeZone: 'UTC' }, new Date('2026-09-11T12:00:00Z'));
  });
});
opened.close();

const clockOffsetMs = BOT_START - Date.now();
const botNow = () => Date.now() + clockOffsetMs;
const startedAt = Date.now();
const deadline = startedAt + minutes * 60_000;
let bot: BotChild | null = null;
let up = false;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const interactionAnswered = (id: string, timeoutMs: number) =>
  server.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), timeoutMs);

// Slash commands and autocompletes, in turn, across the servers; now and then a card (a PNG drawn
// and uploaded) and an anniversary preview.
const latencies: number[] = [];
const counts = { sent: 0, unanswered: 0, triviaRounds: 0, triviaClicks: 0, triviaClicksUnanswered: 0, triviaFailures: 0 };
async function interactionStream() {
  const requests: ((guildId: string, channelId: string) => RawInteraction)[] = [
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'firsts', options: { artist: 'blackpink' } }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'awards', options: { artist: 'Rosé' } }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'onthisday' }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'artist', options: { name: 'jk' } }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'ceremony', options: { name: 'vmas', year: 2023 } }),
    (guildId, channelId) => server.autocompleteInteraction({ guildId, channelId, commandName: 'firsts', focused: { name: 'artist', value: 'st' } }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'anniversaries', subcommand: 'status' }),
  ];
  const rare: ((guildId: string, channelId: string) => RawInteraction)[] = [
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'card', options: { artist: 'rose' } }),
    (guildId, channelId) => server.chatInputInteraction({ guildId, channelId, commandName: 'anniversaries', subcommand: 'preview' }),
  ];
  const batch = Math.max(1, Math.round(perSecond / 20));
  let turn = 0;
  while (Date.now() < deadline) {
    await sleep((1000 * batch) / perSecond);
    if (!up) continue;
    for (let i = 0; i < batch; i++, turn++) {
      const guild = server.guilds[turn % server.guilds.length]!;
      const make = turn % 50 === 49 ? rare[(turn / 50) % rare.length | 0]! : requests[turn % requests.length]!;
      const dispatchedAt = Date.now();
      const interaction = server.sendInteraction(make(guild.id, guild.channels[1]!.id));
      counts.sent++;
      interactionAnswered(interaction.id, 10_000).then(
        (request) => void latencies.push(request.at - dispatchedAt),
        () => void counts.unanswered++,
      );
    }
    if (turn % (perSecond * 5) < batch) {
      server.clearRequests();
      server.clearGatewayFrames();
    }
  }
}

// Trivia rounds one after another in one channel: a question, 30 fans clicking at once, then a stop.
async function triviaRounds() {
  const guild = server.guilds[0]!;
  const channelId = guild.channels[2]!.id;
  const starter = { id: '900000000000000001', username: 'host' };
  const hasButtons = (message: APIMessage) => (message.components?.length ?? 0) > 0;
  while (Date.now() < deadline) {
    if (!up) {
      await sleep(200);
      continue;
    }
    try {
      const before = server.messages(channelId).filter(hasButtons).length;
      const start = server.chatInputInteraction({ guildId: guild.id, channelId, commandName: 'trivia', subcommand: 'start', options: { questions: 1, seconds: 60 }, user: starter });
      await server.sendInteraction(start).callback(10_000);
      let question: APIMessage | undefined;
      for (let guard = 0; guard < 500 && !question; guard++) {
        question = server.messages(channelId).filter(hasButtons)[before];
        if (!question) await sleep(20);
      }
      if (!question) throw new Error('no trivia question was posted');
      const buttons = (question.components![0] as { components: { custom_id: string }[] }).components;
      const clicks = Array.from({ length: 30 }, (_, i) => {
        const user = { id: String(910000000000000000n + BigInt((counts.triviaRounds % 1000) * 100 + i)), username: `fan${i}` };
        const click = server.sendInteraction(server.buttonInteraction({ customId: buttons[i % buttons.length]!.custom_id, message: question, user }));
        counts.triviaClicks++;
        return interactionAnswered(click.id, 10_000).catch(() => void counts.triviaClicksUnanswered++);
      });
      await Promise.all(clicks);
      const stop = server.chatInputInteraction({ guildId: guild.id, channelId, commandName: 'trivia', subcommand: 'stop', user: starter });
      await server.sendInteraction(stop).callback(10_000);
      counts.triviaRounds++;
      await sleep(250);
    } catch {
      // A round cut short by a restart; the next one starts afresh.
      counts.triviaFailures++;
      await sleep(1000);
    }
  }
}

interface ProcessRun {
  seconds: number;
  end: { code: number | null; signal: NodeJS.Signals | null };
  /** How it ended: stopped as asked, or by itself while running. */
  stoppedByUs: boolean;
  collections: number;
  collectingMs: number;
  rss: number;
  addons: string[];
}
const runs: ProcessRun[] = [];

async function botProcesses() {
  while (Date.now() < deadline) {
    const started = Date.now();
    bot = await startBotChild(
      'lightstick',
      {
        DISCORD_TOKEN: BENCH_TOKEN,
        DISCORD_API_URL: server.apiBaseUrl,
        DATABASE_PATH: databasePath,
        LOG_LEVEL: 'warn',
        TRIVIA_TIME_SCALE: '0.05',
        BENCH_GC_INTERVAL_MS: String(gcIntervalMs),
      },
      { clockOffsetMs },
    );
    up = true;
    const until = restartSeconds > 0 ? Math.min(deadline, started + restartSeconds * 1000) : deadline;
    const ended = await Promise.race([sleep(until - Date.now()).then(() => 'time' as const), bot.exited.then(() => 'exited' as const)]);
    up = false;
    let native = { addons: [] as string[], collections: 0, collectingMs: 0, rss: 0 };
    if (ended === 'time') {
      native = await bot.ask<typeof native>('native');
      // Lets answers in flight arrive before the stop.
      await sleep(2000);
      await bot.stop();
    }
    runs.push({ seconds: (Date.now() - started) / 1000, end: await bot.exited, stoppedByUs: ended === 'time', ...native });
  }
}

await Promise.all([botProcesses(), interactionStream(), triviaRounds()]);
await sleep(1000);

// Posts: one per server whose post time has come, none twice.
const posts = server.guilds.map((guild) => server.messages(guild.channels[0]!.id).length);
const lastTick = botNow() - 30_000;
const due = server.guilds.filter((_, index) => Date.parse('2026-09-12T00:00:00Z') + postTimeOf(index) * 60_000 <= lastTick).length;
const delivered = posts.filter((count) => count > 0).length;
const twice = posts.filter((count) => count > 1).length;
await server.stop();
rmSync(scratch, { recursive: true, force: true });

const clean = (run: ProcessRun) => run.stoppedByUs && run.end.code === 0 && run.end.signal === null;
const aborted = runs.filter((run) => run.end.signal === 'SIGABRT').length;
const latency = distribution(latencies);
const lines = [
  `# Soak run`,
  ``,
  `Run ${new Date(startedAt).toISOString()}, ${minutes} min, Node ${process.version}, better-sqlite3 ${sqliteVersion}` +
    `${runs[0]?.addons.length ? ` (${runs[0].addons.filter((path) => path.includes('sqlite')).map((path) => path.slice(path.lastIndexOf('better-sqlite3'))).join(', ')})` : ''}.`,
  ``,
  `- bot processes: ${runs.length}, ${runs.filter(clean).length} stopped cleanly (status 0), ${aborted} aborted (SIGABRT), ` +
    `${runs.length - runs.filter(clean).length - aborted} ended otherwise${runs.some((run) => !clean(run)) ? `: ${runs.filter((run) => !clean(run)).map((run) => `after ${run.seconds.toFixed(0)} s, ${run.stoppedByUs ? 'at the stop' : 'while running'}, status ${run.end.code}, signal ${run.end.signal}`).join('; ')}` : ''}`,
  `- forced garbage collections: ${runs.reduce((sum, run) => sum + run.collections, 0)} (asked for every ${gcIntervalMs} ms), ` +
    `${(runs.reduce((sum, run) => sum + run.collectingMs, 0) / Math.max(1, runs.reduce((sum, run) => sum + run.collections, 0))).toFixed(0)} ms each on average` +
    `; resident memory at each stop: ${runs.filter((run) => run.rss > 0).map((run) => `${(run.rss / 2 ** 20).toFixed(0)} MiB`).join(', ')}`,
  `- interactions: ${counts.sent} sent (${perSecond} a second), ${latency.count} answered, ${counts.unanswered} unanswered within 10 s; ` +
    `latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(0)} ms`,
  `- anniversary posts: ${delivered} of ${due} servers due delivered, ${twice} twice`,
  `- trivia: ${counts.triviaRounds} rounds, ${counts.triviaClicks} clicks, ${counts.triviaClicksUnanswered} unanswered, ${counts.triviaFailures} rounds cut short`,
];
const resultsDirectory = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(join(resultsDirectory, 'soak.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n\nReport written to bench/results/soak.md\n`);
process.exit(runs.every(clean) ? 0 : 1);
