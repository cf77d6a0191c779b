// `npm run bench`: measures what users feel and what hosting costs, and writes a short report to
// bench/results/report.md. Figures are ratios and percentiles from one run on one machine.
//   BENCH_QUICK=1       a small store and a 10-second interaction run, to try the benchmarks out
//   BENCH_SECONDS=60    how long the interaction stream runs
//   BENCH_ONLY=ticker,posting   only these parts (seeds, core, ticker, posting, interactions, memory, trivia, cards, import)
//   npm run bench -- --cards   only the milestone-card render (section 6), written to bench/results/cards.md
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCardRender } from './card-render.js';
import { measureCoreQueries } from './core-queries.js';
import { measureImportPlanning } from './import-planning.js';
import { measureInteractionsSideBySide } from './interactions.js';
import { ms, ratio, verdict } from './measure.js';
import { measureMemory } from './memory.js';
import { measurePosting } from './posting.js';
import { buildSyntheticStore, FULL_SIZE, type SyntheticSize } from './synthetic-store.js';
import { measureTicker } from './ticker.js';
import { measureSeedLoading } from './seed-loading.js';
import { measureTriviaClicks } from './trivia-clicks.js';

const quick = process.env.BENCH_QUICK === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 10 : 60));
const size: SyntheticSize = quick ? { artists: 2000, nominations: 50_000, milestones: 10_000, servers: 10_000 } : FULL_SIZE;
const SEED = 2026;
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((part) => part.trim())) : null;
const runs = (part: string) => only === null || only.has(part);

const resultsDirectory = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(resultsDirectory, { recursive: true });
const storePath = join(resultsDirectory, quick ? 'synthetic-quick.sqlite' : 'synthetic.sqlite');
const scratch = mkdtempSync(join(tmpdir(), 'lightstick-bench-'));
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

say(`# Lightstick benchmarks`);
say();
say(`Run ${new Date().toISOString()} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${quick ? ', QUICK mode (small store, short run)' : ''}.`);
say();

function benchCards(): void {
  say('## 6. Milestone cards (target: one 1200x630 card drawn and encoded as PNG with p99 under 50 ms)');
  say();
  const cards = measureCardRender(quick ? 100 : 300);
  say(`- ${cards.render.count} renders of the sample cards (ten languages and one far too long): p50 ${ms(cards.render.p50)}, p99 ${ms(cards.render.p99)}, max ${ms(cards.render.max)}: ${verdict(cards.render.p99 < 50)}`);
  say(`- CPU time per render (user + system, ${cards.cpu.count} renders): p50 ${ms(cards.cpu.p50)}, p99 ${ms(cards.cpu.p99)}; a gap to the times above is time spent waiting for a core (load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
  say(`- the process's first card, registering its font slices: ${ms(cards.firstMs)}`);
  say(`- PNG size: typical ${(cards.bytes.p50 / 1024).toFixed(0)} KiB, largest ${(cards.bytes.max / 1024).toFixed(0)} KiB (Discord's default upload limit is 10 MiB)`);
  say();
}

if (process.argv.includes('--cards')) {
  benchCards();
  writeFileSync(join(resultsDirectory, 'cards.md'), `${lines.join('\n')}\n`);
  process.stdout.write(`\nReport written to bench/results/cards.md\n`);
  process.exit(0);
}

if (runs('seeds')) {
say('## 0. Seed loader with the founding catalogue (target: a fresh load in under 3 s; an unchanged set rewrites nothing)');
say();
const seeds = measureSeedLoading(quick ? 3 : 7);
const { rows } = seeds;
say(`- ${rows.artists} artists, ${rows.editions} music-show episodes, ${rows.nominations} nominations, ${rows.works} works, ${rows.milestones} milestones`);
say(`- fresh in-memory database, ${seeds.fresh.count} loads: p50 ${ms(seeds.fresh.p50)}, max ${ms(seeds.fresh.max)}`);
say(`- the same set again (forced past its digest): p50 ${ms(seeds.unchanged.p50)}, max ${ms(seeds.unchanged.max)}; facts revision moved by ${seeds.revisionMovedByUnchanged}`);
say(`- target: ${verdict(seeds.fresh.max < 3000 && seeds.revisionMovedByUnchanged === 0)}`);
say();
}

buildSyntheticStore(storePath, size, SEED, (line) => say(`- store: ${line}`));
say(`- store: ${size.artists} artists, ${size.nominations} nominations, ${size.milestones} milestones, ${size.servers} servers (seed ${SEED})`);
say();

if (runs('core')) {
say('## 1. Core queries on the large store (target: within 1.5x of direct better-sqlite3, p99 under 2 ms)');
say();
say('| query | ours p50 | ours p99 | direct p50 | direct p99 | p50 ratio | p99 ratio | target |');
say('|---|---|---|---|---|---|---|---|');
for (const result of measureCoreQueries(storePath, quick ? 400 : 1000)) {
  const p50Ratio = result.ours.p50 / result.direct.p50;
  const p99Ratio = result.ours.p99 / result.direct.p99;
  say(
    `| ${result.name} | ${ms(result.ours.p50)} | ${ms(result.ours.p99)} | ${ms(result.direct.p50)} | ${ms(result.direct.p99)} | ${ratio(p50Ratio)} | ${ratio(p99Ratio)} | ${verdict(p50Ratio <= 1.5 && result.ours.p99 < 2)} |`,
  );
}
say();
}

if (runs('ticker')) {
say('## 3. Anniversary ticker (target: find and claim one tick\'s due servers in under 50 ms)');
say();
const ticker = await measureTicker(storePath, join(scratch, 'ticker.sqlite'));
const busiest = [...ticker.ticks].sort((a, b) => b.due - a.due)[0]!;
say(`- ${ticker.servers} configured servers; 48 ticks, one per half hour of a day, each with the servers just due`);
say(`- at start-up, reading the anniversaries of the local dates current somewhere (then kept between ticks): ${ms(ticker.prepareMs)}`);
say(`- find and claim, per tick: p50 ${ms(ticker.claimPerTick.p50)}, p99 ${ms(ticker.claimPerTick.p99)}, max ${ms(ticker.claimPerTick.max)}`);
say(`- then moving the checked servers' next checks, in transactions of 250 with the event loop free between them: p50 ${ms(ticker.nextCheckPerTick.p50)}, p99 ${ms(ticker.nextCheckPerTick.p99)} per tick`);
say(`- whole tick with sending stubbed out: p50 ${ms(ticker.perTick.p50)}, p99 ${ms(ticker.perTick.p99)}; busiest tick: ${busiest.due} due, ${busiest.claimed} claimed, claimed in ${ms(busiest.claimMs)}, ${ms(busiest.ms)} in all`);
say(`- a tick with nothing due: p50 ${ms(ticker.emptyTick.p50)}, p99 ${ms(ticker.emptyTick.p99)}`);
say(`- target: ${verdict(ticker.claimPerTick.p99 < 50)}`);
say();
}

if (runs('posting')) {
say('## 3b. Posting at Discord\'s pace (target: 2,200 posts due in one tick all delivered within 60 s, none twice, none lost, interactions answered meanwhile)');
say();
const posting = await measurePosting(quick ? 500 : 2200, join(scratch, 'posting.sqlite'));
say(`- ${posting.servers} servers due at once, the local server enforcing 50 requests a second with real 429s`);
say(`- delivered ${posting.delivered}; twice ${posting.twice}; lost ${posting.lost}; marked late ${posting.late}; all delivered ${(posting.allDeliveredMs / 1000).toFixed(1)} s after the bot was ready`);
say(`- 429 answers: ${posting.rejected.global} global, ${posting.rejected.route} per route`);
say(`- meanwhile ${posting.interactions.sent} interactions at 20 a second, ${posting.interactions.answered} answered: p50 ${ms(posting.interactions.latency.p50)}, p99 ${ms(posting.interactions.latency.p99)}, max ${ms(posting.interactions.latency.max)}`);
say(`- the bot's event-loop delay meanwhile: p50 ${ms(posting.botEventLoop.p50)}, p99 ${ms(posting.botEventLoop.p99)}, max ${ms(posting.botEventLoop.max)}`);
say(`- target: ${verdict(posting.allDeliveredMs < 60_000 && posting.twice === 0 && posting.lost === 0 && posting.interactions.answered === posting.interactions.sent)}`);
say();
}

const botDatabase = join(scratch, 'bot.sqlite');
if (runs('interactions')) {
say(`## 2. Interactions end to end (target: p99 under 20 ms, none over 1 s, event-loop delay p99 under 20 ms)`);
say();
const sideBySide = await measureInteractionsSideBySide({ seconds, perSecond: 200, databasePath: botDatabase, rounds: 3 });
const { lightstick: ours, fresh, bare } = sideBySide;
say(`- Lightstick, Lightstick making every answer afresh (REPLY_CACHE_SIZE=0) and a bare discord.js client (answering every interaction at once with a fixed reply) in turns: ${sideBySide.rounds} turns of ${sideBySide.secondsEach} s each at 200 a second`);
say();
say('| client | sent | answered | p50 | p99 | max | over 1 s | event-loop delay p99 (worst turn) |');
say('|---|---|---|---|---|---|---|---|');
for (const [label, result] of [['Lightstick', ours], ['Lightstick, every answer afresh', fresh], ['bare discord.js', bare]] as const) {
  say(`| ${label} | ${result.sent} | ${result.answered} | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${ms(result.latency.max)} | ${result.overOneSecond} | ${ms(result.eventLoopP99)} |`);
}
say();
const p99Ratio = ours.latency.p99 / bare.latency.p99;
say(`- p99 ratio to the bare client: ${ratio(p99Ratio)} (target: within 1.2x): ${verdict(p99Ratio <= 1.2)}; every answer afresh: ${ratio(fresh.latency.p99 / bare.latency.p99)}`);
say(`- absolute target (p99 under 20 ms, none over 1 s, event-loop delay p99 under 20 ms, all answered): ${verdict(ours.latency.p99 < 20 && ours.overOneSecond === 0 && ours.eventLoopP99 < 20 && ours.answered === ours.sent)}`);
say();
}

if (runs('memory')) {
say('## 4. Memory (target: idle within 1.15x of a bare discord.js client, under 40 KiB per server)');
say();
const memory = await measureMemory(quick ? 500 : 2500, join(scratch, 'memory.sqlite'));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const perServer = (m: { idle: number; joined: number }) => (m.joined - m.idle) / memory.servers / 1024;
say(`| process | idle RSS | RSS with ${memory.servers} servers | per server |`);
say('|---|---|---|---|');
say(`| bare discord.js client | ${mib(memory.bare.idle)} | ${mib(memory.bare.joined)} | ${perServer(memory.bare).toFixed(1)} KiB |`);
say(`| Lightstick | ${mib(memory.lightstick.idle)} | ${mib(memory.lightstick.joined)} | ${perServer(memory.lightstick).toFixed(1)} KiB |`);
const idleRatio = memory.lightstick.idle / memory.bare.idle;
say();
say(`- idle ratio ${ratio(idleRatio)}: ${verdict(idleRatio <= 1.15)}; per server ${perServer(memory.lightstick).toFixed(1)} KiB: ${verdict(perServer(memory.lightstick) < 40)}`);
say();
}

if (runs('trivia')) {
say('## 5. Trivia: fifty clicks on one question in the same second (target: p99 acknowledgement under 50 ms)');
say();
const trivia = await measureTriviaClicks(quick ? 3 : 10, join(scratch, 'trivia.sqlite'));
say(`- ${trivia.clicks} clicks: p50 ${ms(trivia.acknowledged.p50)}, p99 ${ms(trivia.acknowledged.p99)}, max ${ms(trivia.acknowledged.max)}: ${verdict(trivia.acknowledged.p99 < 50)}`);
}
say();

if (runs('cards')) benchCards();

if (runs('import')) {
say('## 7. Planning an import (target: linear in the rows; the event loop held under 50 ms at a time meanwhile; a file at the size cap planned within 30 s)');
say();
const sizes = [1000, 10_000, 100_000];
const bench = await measureImportPlanning(storePath, join(scratch, 'import.sqlite'), sizes);
say('the issue\'s row (`SKZ,VMA,1995,<new category>,won,,http://e.co,T,P,2024-01-01`), planned in one go and then in turns of 8 ms, on a fresh store (a founding catalogue) and on the large one');
say();
say('| rows | file | store | in one go | per row | in turns | turns | turn p99 / max | turn CPU time p99 / max | event-loop delay p99 / max |');
say('|---|---|---|---|---|---|---|---|---|---|');
for (const p of bench.planning) {
  say(`| ${p.rows.toLocaleString('en-US')} | ${(p.bytes / 2 ** 20).toFixed(2)} MiB | ${p.store} | ${ms(p.oneGoMs)} | ${ms(p.oneGoMs / p.rows)} | ${ms(p.inTurnsMs)} | ${p.turns.count} | ${ms(p.turns.p99)} / ${ms(p.turns.max)} | ${ms(p.turnsCpu.p99)} / ${ms(p.turnsCpu.max)} | ${ms(p.delayP99Ms)} / ${ms(p.delayMaxMs)} |`);
}
say();
for (const store of ['fresh', 'large'] as const) {
  const figures = bench.planning.filter((p) => p.store === store);
  const first = figures[0]!;
  const last = figures.at(-1)!;
  say(`- ${store} store: per-row time at ${last.rows.toLocaleString('en-US')} rows over per-row time at ${first.rows.toLocaleString('en-US')}: ${ratio(last.oneGoMs / last.rows / (first.oneGoMs / first.rows))} (1.00x is linear)`);
}
const worstTurn = Math.max(...bench.planning.map((p) => p.turns.max));
const worstTurnCpu = Math.max(...bench.planning.map((p) => p.turnsCpu.max));
const largest = bench.planning.filter((p) => p.rows === sizes.at(-1)).sort((a, b) => b.inTurnsMs - a.inTurnsMs)[0]!;
const atCap = (largest.inTurnsMs / largest.bytes) * bench.capBytes;
say(`- writing each plan in its one transaction (a new ceremony's categories, fresh store): ${bench.applying.map((a) => `${a.rows.toLocaleString('en-US')} rows ${ms(a.ms)}`).join(', ')}`);
say(`- a file at /import's size cap (${(bench.capBytes / 1024).toFixed(0)} KiB) of such rows, planned in turns, from the slowest run above: about ${(atCap / 1000).toFixed(1)} s`);
say(`- the longest turn of all: ${ms(worstTurn)} on the clock, ${ms(worstTurnCpu)} of CPU time (the difference is waiting for a core: load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
say(`- target: ${verdict(worstTurn < 50 && atCap < 30_000)}; on CPU time: ${verdict(worstTurnCpu < 50 && atCap < 30_000)}`);
say();
}

writeFileSync(join(resultsDirectory, 'report.md'), `${lines.join('\n')}\n`);
process.stdout.write(`\nReport written to bench/results/report.md\n`);
