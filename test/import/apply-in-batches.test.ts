// Apply writes a plan a batch of facts to a transaction: interrupted midway (a crash), it keeps
// the batches it wrote, none half-written, and the same file imported again writes the rest and
// nothing twice. Also: a CSV whose lines end in CRLF, LF and lone CR mixed imports every row.
import { afterEach, describe, expect, it } from 'vitest';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { applyImportPlan, applyImportPlanInTurns } from '../../src/import/apply-import.js';
import { planImport, type ImportPlanning } from '../../src/import/plan-import.js';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore } from '../support/test-store.js';

const now = new Date('2026-11-21T12:00:00Z');
const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,ceremony_kind';
const rows = (count: number) =>
  Array.from({ length: count }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(index / 28) % 12) + 1).padStart(2, '0');
    const year = 2010 + Math.floor(index / (28 * 12));
    return `Stray Kids,Show Champion,${year}-${month}-${day},1st Place,won,,https://news.example.com/${index},Win ${index},Example News,2024-01-01,music_show`;
  });

let opened: OpenedStore | undefined;
afterEach(() => opened?.close());

function plan(store: OpenedStore, text: string): ImportPlanning {
  return planImport({ store: store.store, lookups: createContributionLookups(store.db) }, { bytes: Buffer.from(text), fileName: 'wins.csv', by: 'curator', now });
}

function counts(store: OpenedStore) {
  const count = (table: string) => (store.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { nominations: count('nominations'), sources: count('nomination_sources'), editions: count('editions'), ceremonies: count('ceremonies') };
}

describe('an apply interrupted midway', () => {
  it('keeps whole batches only, and the same file imported again writes the rest, nothing twice', async () => {
    opened = openTestStore();
    const before = counts(opened);
    const csv = [header, ...rows(95)].join('\n');
    const first = plan(opened, csv);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.plan.added).toHaveLength(95);
    // The process dies as the fourth batch (of 20) starts.
    expect(() =>
      applyImportPlan(opened!.db, opened!.store, first.plan, now, {
        beforeBatch: (batch) => {
          if (batch === 3) throw new Error('killed');
        },
      }),
    ).toThrow('killed');
    expect(counts(opened).nominations - before.nominations).toBe(60);

    const again = plan(opened, csv);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.plan.added).toHaveLength(35);
    expect(again.plan.newCeremonies).toEqual([]);
    expect(await applyImportPlanInTurns(opened.db, opened.store, again.plan, now)).toMatchObject({ status: 'applied', added: 35 });
    const after = counts(opened);
    expect(after.nominations - before.nominations).toBe(95);
    expect(after.sources - before.sources).toBe(95);
    expect(after.ceremonies - before.ceremonies).toBe(1);

    const third = plan(opened, csv);
    if (!third.ok) throw new Error(JSON.stringify(third.problems));
    expect(third.plan.added).toEqual([]);
    expect(counts(opened)).toEqual(after);
  });
});

describe('a CSV with mixed line endings', () => {
  it('reads CRLF, LF and lone CR each as the end of a row', () => {
    opened = openTestStore();
    const [a, b, c, d] = rows(4);
    const planning = plan(opened, `${header}\r\n${a}\n${b}\r${c}\r\n${d}\r`);
    if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
    expect(planning.plan.added.map((p) => p.row)).toEqual(['row 2', 'row 3', 'row 4', 'row 5']);
    expect(planning.plan.added.map((p) => p.fact.sources[0]!.url)).toEqual([0, 1, 2, 3].map((i) => `https://news.example.com/${i}`));
  });
});
