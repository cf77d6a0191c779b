// `fastRows` maps a prepared select's raw values itself: its rows must be exactly Drizzle's, for
// every kind of field the store selects (integers, text, booleans, nullable left-joined columns,
// SQL with and without a decoder).
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { fastRows } from '../../db/queries/fast-rows.js';
import { artists, categories, milestones, nominations, works } from '../../db/schema.js';
import { openTestStore } from '../support/test-store.js';

describe('fastRows', () => {
  const opened = openTestStore();
  afterAll(() => opened.close());

  it('gives the rows Drizzle gives, field for field', () => {
    const fields = {
      id: nominations.id,
      result: nominations.result,
      grandPrize: categories.grandPrize,
      workTitle: works.title,
      awardedOn: nominations.awardedOn,
      nothing: sql<null>`null`,
      doubled: sql<number>`${nominations.id} * 2`.mapWith(Number),
      asText: sql<string>`'#' || ${nominations.id}`,
    };
    const prepared = opened.db
      .select(fields)
      .from(nominations)
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .leftJoin(works, eq(works.id, nominations.workId))
      .orderBy(nominations.id)
      .prepare();
    const drizzleRows = prepared.all();
    expect(drizzleRows.length).toBeGreaterThan(10);
    expect(drizzleRows.some((row) => row.workTitle === null)).toBe(true);
    expect(fastRows(fields, prepared)()).toEqual(drizzleRows);
  });

  it('decodes booleans and takes placeholders', () => {
    const fields = { id: artists.id, isKpop: artists.isKpop, kind: artists.kind };
    const prepared = opened.db.select(fields).from(artists).where(eq(artists.kind, sql.placeholder('kind'))).prepare();
    for (const kind of ['group', 'soloist']) {
      const rows = fastRows(fields, prepared)({ kind });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(prepared.all({ kind }));
      expect(rows.every((row) => row.kind === kind && typeof row.isKpop === 'boolean')).toBe(true);
    }
  });

  it('keeps milestone rows with their doubtful and exclusive flags', () => {
    const fields = { id: milestones.id, doubtful: milestones.doubtful, exclusive: milestones.exclusive, editionId: milestones.editionId };
    const prepared = opened.db.select(fields).from(milestones).prepare();
    const rows = fastRows(fields, prepared)();
    expect(rows).toEqual(prepared.all());
    expect(typeof rows[0]!.doubtful).toBe('boolean');
  });
});
