// 1. Core queries on the large store, each beside the same query written directly against
// better-sqlite3, in the same run.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, type LightstickDatabase } from '../db/database.js';
import * as schema from '../db/schema.js';
import { createAwardsStore } from '../db/queries/awards-store.js';
import { findAwards } from '../src/core/awards.js';
import { findFirsts } from '../src/core/firsts.js';
import { normalizeName } from '../src/core/names.js';
import { findOnThisDay } from '../src/core/on-this-day.js';
import { ON_THIS_DAY_FACTS_PER_PAGE } from '../src/presentation/on-this-day-message.js';
import { resolveArtist } from '../src/core/resolve-artist.js';
import { nextQuestion, seededRandom } from '../src/core/trivia-questions.js';
import { handWrittenSql } from './hand-written-sql.js';
import { distribution, timeEach, type Distribution } from './measure.js';

export interface QueryResult {
  name: string;
  ours: Distribution;
  direct: Distribution;
}

export function measureCoreQueries(path: string, iterations: number): QueryResult[] {
  const db = openDatabase(path);
  const store = createAwardsStore(db);
  const raw = new Database(path, { readonly: true });
  // The same page mapping as the store's connection (db/database.ts), so both read the file alike.
  raw.pragma('mmap_size = 268435456');
  const random = seededRandom(99);
  const artistCount = (raw.prepare('select count(*) as n from artists').get() as { n: number }).n;
  const artistId = (i: number) => 1 + ((i * 7919) % artistCount);
  const name = (i: number) => (raw.prepare('select name from artists where id = ?').get(artistId(i)) as { name: string }).name;
  const names = Array.from({ length: 1000 }, (_, i) => name(i));
  const days = Array.from({ length: 366 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });

  // The direct versions run the same SQL, written by hand, through better-sqlite3 and keep the raw
  // rows: the difference is what the store and the core add (query building, mapping, grouping,
  // sorting). A list of facts is read as the store reads it: the facts, then their artists and
  // their sources in one batch each.
  const sql = (text: string) => raw.prepare(text).raw();
  const direct = {
    resolve: sql(handWrittenSql.artistsByAlias),
    artist: raw.prepare(handWrittenSql.artistById),
    members: sql(handWrittenSql.membersOf),
    milestones: sql(handWrittenSql.milestonesOf),
    nominations: sql(handWrittenSql.nominationsOf),
    countWinsOnDay: sql(handWrittenSql.countWinsOnMonthDays),
    countMilestonesOnDay: sql(handWrittenSql.countMilestonesOnMonthDays),
    dayPage: sql(handWrittenSql.anniversaryPage),
    nominationsByIds: sql(handWrittenSql.nominationsByIds),
    milestonesByIds: sql(handWrittenSql.milestonesByIds),
    nominationArtists: sql(handWrittenSql.nominationArtists),
    nominationSources: sql(handWrittenSql.nominationSources),
    milestoneArtists: sql(handWrittenSql.milestoneArtists),
    milestoneSources: sql(handWrittenSql.milestoneSources),
  };
  type Batch = { all(ids: string): unknown[] };
  const withBatches = (rows: unknown[], artists: Batch, sources: Batch) => {
    if (rows.length === 0) return [rows];
    const ids = JSON.stringify((rows as unknown[][]).map((row) => row[0]));
    return [rows, artists.all(ids), sources.all(ids)];
  };
  const milestoneFacts = (rows: unknown[]) => withBatches(rows, direct.milestoneArtists, direct.milestoneSources);
  const nominationFacts = (rows: unknown[]) => withBatches(rows, direct.nominationArtists, direct.nominationSources);
  // The trivia question's store on a connection whose statements are recorded, to be replayed directly.
  const statementsRun: [string, unknown[]][] = [];
  const questionStatements = new Map<number, [string, unknown[]][]>();
  const recordingClient = new Database(path, { readonly: true });
  recordingClient.pragma('mmap_size = 268435456');
  const recordedStore = createAwardsStore(
    drizzle({ client: recordingClient, schema, logger: { logQuery: (text, params) => void statementsRun.push([text, params]) } }) as LightstickDatabase,
  );
  const rawStatements = new Map<string, Database.Statement>();
  const rawStatement = (text: string) => {
    let statement = rawStatements.get(text);
    if (!statement) rawStatements.set(text, (statement = raw.prepare(text).raw()));
    return statement;
  };
  const key = (d: { month: number; day: number }) => `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const now = new Date('2026-06-01T00:00:00Z');
  // Most readers stay on the first page; one in four turns to page 2 to 4.
  const dayPageOf = (i: number) => (i % 4 === 3 ? 1 + (i % 3) : 0);

  const pairs: [string, (i: number) => unknown, (i: number) => unknown][] = [
    ['resolve an artist', (i) => resolveArtist(store, names[i % names.length]!), (i) => direct.resolve.all(normalizeName(names[i % names.length]!))],
    [
      'firsts',
      (i) => findFirsts(store, store.artistById(artistId(i))!),
      (i) => {
        const artist = direct.artist.get(artistId(i)) as { id: number; kind: string };
        const own = milestoneFacts(direct.milestones.all(artist.id));
        const members =
          artist.kind === 'group' ? (direct.members.all(artist.id) as number[][]).map((m) => milestoneFacts(direct.milestones.all(m[0]))) : [];
        return [own, members];
      },
    ],
    [
      'awards',
      (i) => findAwards(store, store.artistById(artistId(i))!),
      (i) => [
        direct.artist.get(artistId(i)),
        nominationFacts(direct.nominations.all({ artistId: artistId(i), ceremonyId: null, year: null, result: null })),
      ],
    ],
    [
      // One page of a day, as /onthisday reads it: the first page mostly, sometimes a later one.
      'on this day (a page)',
      (i) => findOnThisDay(store, days[i % days.length]!, now, 'UTC', { page: dayPageOf(i), pageSize: ON_THIS_DAY_FACTS_PER_PAGE }),
      (i) => {
        const day = { monthDay: key(days[i % days.length]!), otherMonthDay: key(days[i % days.length]!), yearStart: '2026' };
        const total = (direct.countWinsOnDay.get(day) as number[])[0]! + (direct.countMilestonesOnDay.get(day) as number[])[0]!;
        const keys = direct.dayPage.all({ ...day, limit: ON_THIS_DAY_FACTS_PER_PAGE, offset: dayPageOf(i) * ON_THIS_DAY_FACTS_PER_PAGE }) as number[][];
        const ids = (kind: number) => JSON.stringify(keys.filter((row) => row[0] === kind).map((row) => row[1]));
        return [total, nominationFacts(direct.nominationsByIds.all(ids(0))), milestoneFacts(direct.milestonesByIds.all(ids(1)))];
      },
    ],
    [
      // A question picks among six kinds and checks every option against the store, so no one
      // hand-written query matches it: its direct side replays the very statements it ran.
      'a trivia question',
      (i) => {
        statementsRun.length = 0;
        const question = nextQuestion(recordedStore, { artistIds: null }, new Set(), random);
        questionStatements.set(i, [...statementsRun]);
        return question;
      },
      (i) => (questionStatements.get(i) ?? []).map(([text, params]) => rawStatement(text).all(...params)),
    ],
  ];

  const results: QueryResult[] = [];
  for (const [label, ours, byHand] of pairs) {
    // Interleaved in one run so that both see the same cache and machine state.
    const oursSamples: number[] = [];
    const directSamples: number[] = [];
    for (let round = 0; round < 4; round++) {
      oursSamples.push(...timeEach(iterations / 4, (i) => ours(i + round * iterations)));
      directSamples.push(...timeEach(iterations / 4, (i) => byHand(i + round * iterations)));
    }
    results.push({ name: label, ours: distribution(oursSamples), direct: distribution(directSamples) });
  }
  raw.close();
  recordingClient.close();
  db.$client.close();
  return results;
}
