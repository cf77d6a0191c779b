// The seed loader with the founding catalogue's size (test/support/founding-catalogue.ts): a load
// on a fresh database, and the same set loaded again (forced past the digest), which should find
// every row already holding its values and rewrite none.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/database.js';
import { applySeeds } from '../db/seed/apply-seeds.js';
import { foundingCatalogue } from '../test/support/founding-catalogue.js';
import { distribution, type Distribution } from './measure.js';

export interface SeedLoadingResult {
  rows: { artists: number; editions: number; nominations: number; works: number; milestones: number };
  fresh: Distribution;
  unchanged: Distribution;
  /** How far one unchanged reload moved the facts revision: every rewritten row moves it. */
  revisionMovedByUnchanged: number;
}

export function measureSeedLoading(runs: number): SeedLoadingResult {
  const set = foundingCatalogue();
  const fresh: number[] = [];
  const unchanged: number[] = [];
  let revisionMoved = 0;
  const revision = (db: ReturnType<typeof openDatabase>) => (db.$client.prepare('select revision from facts_revision').get() as { revision: number }).revision;
  for (let run = 0; run < runs; run++) {
    const db = openDatabase(':memory:');
    let started = performance.now();
    applySeeds(db, set);
    fresh.push(performance.now() - started);
    const before = revision(db);
    started = performance.now();
    applySeeds(db, set, { force: true });
    unchanged.push(performance.now() - started);
    revisionMoved = revision(db) - before;
    db.$client.close();
  }
  return {
    rows: { artists: set.artists.length, editions: set.editions.length, nominations: set.nominations.length, works: set.works.length, milestones: set.milestones.length },
    fresh: distribution(fresh),
    unchanged: distribution(unchanged),
    revisionMovedByUnchanged: revisionMoved,
  };
}
