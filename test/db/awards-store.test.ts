// The store's typed SQL fragments (`sql<T>`), each where the query builder cannot say it: checked
// here on their own and through the store queries that use them.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { idsInJson, likeEscaped } from '../../db/queries/awards-store.js';
import { artistAliases, artists, nominations } from '../../db/schema.js';
import { minimalSeedFiles, openTestStore, writeSeedDirectory } from '../support/test-store.js';

function seedFiles() {
  const files = minimalSeedFiles();
  files['artists.json'].artists[1]!.aliases = [
    { alias: 'SB', kind: 'short' },
    { alias: '솔로비', kind: 'hangul' },
    { alias: '에스비', kind: 'hangul' },
    { alias: 'Solo B the Soloist', kind: 'stage' },
  ];
  return files;
}

const opened = openTestStore({ seedDirectory: writeSeedDirectory(seedFiles()) });
const { store, db } = opened;
afterAll(() => opened.close());
const soloB = store.artistsByNormalizedAlias('solob')[0]!;
const groupA = store.artistsByNormalizedAlias('groupa')[0]!;

describe('likeEscaped', () => {
  const raw = openDatabase(':memory:');
  raw.insert(artists).values({ id: 1, slug: 'x', name: 'X', kind: 'soloist', isKpop: true }).run();
  for (const normalized of ['a%b', 'axb', 'a_b', 'ayb', 'a\\b', 'azb']) {
    raw.insert(artistAliases).values({ artistId: 1, alias: normalized, normalized, kind: 'stage' }).run();
  }
  const matching = raw
    .select({ normalized: artistAliases.normalized })
    .from(artistAliases)
    .where(likeEscaped(artistAliases.normalized, sql.placeholder('pattern')))
    .orderBy(artistAliases.normalized)
    .prepare();

  it('matches %, _ and the escape character only as themselves once escaped', () => {
    expect(matching.all({ pattern: 'a\\%%' }).map((row) => row.normalized)).toEqual(['a%b']);
    expect(matching.all({ pattern: 'a\\_b' }).map((row) => row.normalized)).toEqual(['a_b']);
    expect(matching.all({ pattern: 'a\\\\b' }).map((row) => row.normalized)).toEqual(['a\\b']);
  });

  it('keeps % and _ as wildcards where they are not escaped', () => {
    expect(matching.all({ pattern: 'a_b' }).length).toBe(6);
    expect(matching.all({ pattern: 'a%' }).length).toBe(6);
  });
});

describe('idsInJson', () => {
  const byIds = db
    .select({ id: artists.id })
    .from(artists)
    .where(inArray(artists.id, idsInJson(sql.placeholder('ids'))))
    .orderBy(artists.id)
    .prepare();

  it('selects the rows whose ids a JSON array holds, and none for an empty one', () => {
    expect(byIds.all({ ids: JSON.stringify([groupA.id, soloB.id, 9999]) }).map((row) => row.id)).toEqual(
      [groupA.id, soloB.id].sort((a, b) => a - b),
    );
    expect(byIds.all({ ids: '[]' })).toEqual([]);
  });
});

describe('the fragments inside the store', () => {
  it("gives an artist's first Hangul alias as its Hangul name, and null without one", () => {
    expect(store.artistById(soloB.id)!.hangulName).toBe('솔로비');
    expect(store.artistById(groupA.id)!.hangulName).toBeNull();
    expect(store.membersOf(groupA.id).map((member) => member.hangulName)).toEqual(['솔로비']);
  });

  it('carries the Hangul name onto the artists of nominations and milestones, with no role on a milestone', () => {
    const [win] = store.nominationsOf(soloB.id);
    expect(win!.artists).toEqual([{ id: soloB.id, slug: 'solo-b', name: 'Solo B', isKpop: true, role: 'primary', hangulName: '솔로비' }]);
    const [milestone] = store.milestonesOf(soloB.id);
    expect(milestone!.artists).toEqual([{ id: soloB.id, slug: 'solo-b', name: 'Solo B', isKpop: true, role: null, hangulName: '솔로비' }]);
    expect(milestone!.sources.map((source) => source.identifier)).toEqual(['article-a.txt']);
  });

  it('lists aliases in the order they were recorded, and orders prefix matches exact, name, then shortest', () => {
    expect(store.aliasesOf(soloB.id).map((a) => a.alias)).toEqual(['SB', '솔로비', '에스비', 'Solo B the Soloist']);
    expect(store.aliasesStartingWith('solob', 5).map((a) => a.alias)).toEqual(['Solo B', 'Solo B the Soloist']);
    expect(store.aliasesStartingWith('s', 5).map((a) => a.alias)).toEqual(['Solo B', 'SB', 'Solo B the Soloist']);
    expect(store.aliasesContaining('b', 5).map((a) => a.alias)).toEqual(['Solo B', 'SB', 'Solo B the Soloist']);
  });

  it('lists each live nomination once, none for an artist with none, and none that are withdrawn', () => {
    expect(store.nominationsOf(soloB.id).map((n) => n.result)).toEqual(['won']);
    expect(store.nominationsOf(groupA.id)).toEqual([]);
    const [win] = store.nominationsOf(soloB.id);
    db.update(nominations).set({ withdrawnAt: 1 }).where(eq(nominations.id, win!.id)).run();
    try {
      expect(store.nominationsOf(soloB.id)).toEqual([]);
      expect(store.nominationById(win!.id)).toBeUndefined();
    } finally {
      db.update(nominations).set({ withdrawnAt: null }).where(eq(nominations.id, win!.id)).run();
    }
  });

  it('gives the lowest alias of each ceremony matching a prefix', () => {
    expect(store.ceremoniesStartingWith('test', 5)).toEqual([
      { id: expect.any(Number), slug: 'test-awards', name: 'Test Awards', shortName: 'TAs', kind: 'award_show', alias: expect.any(String) },
    ]);
  });
});

describe('the wins trivia checks its options against', () => {
  const real = openTestStore();
  afterAll(() => real.close());
  const artist = (name: string) => real.store.artistsByNormalizedAlias(name)[0]!;
  const vmas2023 = real.store.editions().find((edition) => edition.ceremonySlug === 'mtv-vmas' && edition.year === 2023)!;

  it("reads a category's wins at an edition with every credited artist and the work", () => {
    const wins = real.store.categoryWins(vmas2023.id, 'Song of Summer');
    expect(wins).toEqual([{ artistIds: [artist('jungkook').id, artist('latto').id], workTitle: 'Seven' }]);
    expect(real.store.categoryWins(vmas2023.id, 'No Such Category')).toEqual([]);
  });

  it('reads the editions an artist won a category at, with the work when one is given', () => {
    expect(real.store.editionsWonBy(artist('straykids').id, 'Best K-Pop', null)).toEqual([vmas2023.id]);
    expect(real.store.editionsWonBy(artist('straykids').id, 'Best K-Pop', 'S-Class')).toEqual([vmas2023.id]);
    expect(real.store.editionsWonBy(artist('straykids').id, 'Best K-Pop', 'Another Song')).toEqual([]);
  });
});
