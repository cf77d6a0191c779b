// The founding catalogue's size through the one writer of facts, on a real database with the real
// migrations: a fresh load holds every row, an unchanged set loaded again rewrites nothing (the facts
// revision stays), and a changed fact is updated in place with only its own rows touched.
// (How long a load takes is measured by `npm run bench`, not here.)
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { createAwardsStore } from '../../db/queries/awards-store.js';
import { applySeeds } from '../../db/seed/apply-seeds.js';
import { FOUNDING_SIZE, foundingCatalogue } from '../support/founding-catalogue.js';

let db: LightstickDatabase | undefined;
afterEach(() => db?.$client.close());

const count = (table: string) => (db!.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** Every row of the fact tables. */
function dump() {
  const tables = ['sources', 'artists', 'artist_aliases', 'memberships', 'ceremonies', 'ceremony_aliases', 'categories', 'editions', 'works', 'work_credits',
    'nominations', 'nomination_artists', 'nomination_sources', 'milestones', 'milestone_artists', 'milestone_sources'] as const;
  return Object.fromEntries(tables.map((table) => [table, db!.$client.prepare(`select * from ${table} order by rowid`).all()])) as Record<
    (typeof tables)[number],
    unknown[]
  >;
}

describe('the founding catalogue through the seed loader', () => {
  it('loads whole on a fresh database', () => {
    db = openDatabase(':memory:');
    expect(applySeeds(db, foundingCatalogue())).toEqual({ loaded: true });
    expect(count('artists')).toBe(FOUNDING_SIZE.artists);
    expect(count('editions')).toBe(FOUNDING_SIZE.episodes);
    expect(count(`editions where episode = 1`)).toBe(FOUNDING_SIZE.episodes);
    expect(count('nominations')).toBe(FOUNDING_SIZE.episodes);
    expect(count('works')).toBe(FOUNDING_SIZE.works);
    expect(count('milestones')).toBe(FOUNDING_SIZE.milestones);
    // Each artist's own name and its Hangul name: "ACT0" folds to the same form as "Act 0", written once.
    expect(count('artist_aliases')).toBe(FOUNDING_SIZE.artists * 2);
    expect(count('milestones where nomination_id is not null')).toBe(FOUNDING_SIZE.milestones);
  });

  it('an unchanged set loaded again rewrites nothing: the facts revision stays', () => {
    db = openDatabase(':memory:');
    const store = createAwardsStore(db);
    applySeeds(db, foundingCatalogue());
    const revision = store.revision();
    const before = dump();
    expect(applySeeds(db, foundingCatalogue(), { force: true })).toEqual({ loaded: true });
    expect(store.revision()).toBe(revision);
    expect(dump()).toEqual(before);
    // Without force, the same digest is not even read.
    expect(applySeeds(db, foundingCatalogue())).toEqual({ loaded: false });
  });

  it('a changed fact is updated in place; its award day is kept; the rest stays as it was', () => {
    db = openDatabase(':memory:');
    const store = createAwardsStore(db);
    applySeeds(db, foundingCatalogue());
    const revision = store.revision();
    const before = dump();
    const changed = foundingCatalogue(FOUNDING_SIZE, 'founding-catalogue-2');
    changed.nominations[5]!.awardedOn = changed.nominations[5]!.date!;
    changed.works[7]!.title = 'Song 7 (Remastered)';
    changed.artists[0]!.aliases = [{ alias: 'ACT0', kind: 'short' }];
    applySeeds(db, changed);
    // One nomination, one work, one alias removed.
    expect(store.revision()).toBe(revision + 3);
    const after = dump();
    expect(after.nominations.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before.nominations[i]))).toEqual([
      expect.objectContaining({ id: (before.nominations[5] as { id: number }).id, awarded_on: changed.nominations[5]!.date }),
    ]);
    expect(after.works.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before.works[i]))).toEqual([expect.objectContaining({ title: 'Song 7 (Remastered)' })]);
    expect(after.artist_aliases).toHaveLength(before.artist_aliases.length - 1);
    expect(after.editions).toEqual(before.editions);
    expect(after.milestones).toEqual(before.milestones);
  });
});
