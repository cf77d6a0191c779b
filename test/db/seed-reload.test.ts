// Reloading an unchanged seed set (a forced re-seed, or files that changed only in bytes) reads the
// store's ids once per table, not once per row: counted by statement, on the project's own catalogue.
import { describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { seedStore } from '../../db/seed/seed-store.js';

/** Counts every execution of every statement the client prepares from now on, by its SQL. */
function countStatements(db: LightstickDatabase): Map<string, number> {
  const runs = new Map<string, number>();
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = (statement[method] as (...args: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        runs.set(source, (runs.get(source) ?? 0) + 1);
        return original(...args);
      };
    }
    return statement;
  }) as typeof client.prepare;
  return runs;
}

const total = (runs: Map<string, number>, keep: (sql: string) => boolean = () => true) =>
  [...runs].filter(([sql]) => keep(sql)).reduce((sum, [, n]) => sum + n, 0);

describe('reloading unchanged seeds', () => {
  it('reads each table once, whatever the number of rows, and changes nothing', () => {
    const db = openDatabase(':memory:');
    const runs = countStatements(db);
    seedStore(db);
    const revision = () => (db.$client.prepare('select revision from facts_revision').get() as { revision: number }).revision;
    const before = revision();
    const firstLoad = new Map([...runs].filter(([sql]) => !/^\s*select/i.test(sql)));
    runs.clear();

    expect(seedStore(db, { force: true }).loaded).toBe(true);
    const isRead = (sql: string) => /^\s*select/i.test(sql);
    // Every read ran a handful of times at most: no look-up per row.
    const reads = [...runs].filter(([sql]) => isRead(sql));
    for (const [sql, n] of reads) expect({ sql, n }).toEqual({ sql, n: 1 });
    expect(reads.length).toBeLessThanOrEqual(12);
    // The rest are the writes, each row's upsert and its children's: no more than the first load's and
    // one clean-up of old children per parent row (and the bookkeeping).
    const parents = (db.$client.prepare(
      `select (select count(*) from artists) * 2 + (select count(*) from ceremonies) + (select count(*) from works)
         + (select count(*) from nominations) * 2 + (select count(*) from milestones) * 2 as n`,
    ).get() as { n: number }).n;
    expect(total(runs, (sql) => !isRead(sql))).toBeLessThanOrEqual(total(firstLoad) + parents + 5);
    expect(revision()).toBe(before);
    db.$client.close();
  });
});
