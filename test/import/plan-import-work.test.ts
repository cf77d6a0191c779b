// Planning an import is linear: the work per row (look-ups of the store and names normalised or
// turned into slugs) is the same for a file of 500 rows as for one of 4,000, whatever the rows
// create. Counted, not timed: `npm run bench` measures the time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import type { OpenedStore } from '../../src/open-store.js';
import { planImport } from '../../src/import/plan-import.js';
import { openTestStore } from '../support/test-store.js';

const work = vi.hoisted(() => ({ names: 0, slugs: 0 }));
vi.mock('../../src/core/names.js', async (importOriginal) => {
  const names = await importOriginal<typeof import('../../src/core/names.js')>();
  return { ...names, normalizeName: (name: string) => (work.names++, names.normalizeName(name)) };
});
vi.mock('../../src/core/contributed-facts.js', async (importOriginal) => {
  const facts = await importOriginal<typeof import('../../src/core/contributed-facts.js')>();
  return { ...facts, slugFor: (name: string) => (work.slugs++, facts.slugFor(name)) };
});

const now = new Date('2026-11-21T12:00:00Z');
const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,artist_kind,ceremony_kind';

/** Every row distinct in one way, the others shared: what each kind of file makes the planner keep. */
const files: Record<string, (i: number) => string> = {
  // The file: a new category on every row.
  'new categories': (i) => `SKZ,VMA,1995,${i.toString(36)}uv,won,,http://e.co,T,P,2024-01-01,,`,
  'new works of one artist': (i) => `Stray Kids,MTV VMAs,2023,Best K-Pop,nominated,Song ${i},https://e.example.com/${i},T,P,2024-01-01,,`,
  'new artists': (i) => `Act ${i},MTV VMAs,2023,Best New Artist,nominated,,https://e.example.com/a,T,P,2024-01-01,group,`,
  // Names that all make the same slug: each new one takes the next number.
  'new artists with one slug': (i) => `Act ${'가나다라마바사아자차카타파하'.charAt(i % 14)}${i},MTV VMAs,2023,Best New Artist,nominated,,https://e.example.com/a,T,P,2024-01-01,group,`,
  'episodes of a new music show': (i) => `BLACKPINK,Show Z,${new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10)},1st Place,won,,https://e.example.com/${i},T,P,2024-01-01,,music_show`,
  'the same fact with new sources': (i) => `Stray Kids,MTV VMAs,2023,Best K-Pop,won,,https://e.example.com/${i},T,P,2024-01-01,,`,
  // Refused, each row naming an artist nobody knows: "did you mean" scans every name, so only the first few get it.
  'unknown artists': (i) => `Nobody ${i},MTV VMAs,2023,Best K-Pop,won,,https://e.example.com/a,T,P,2024-01-01,,`,
};

let opened: OpenedStore | undefined;
afterEach(() => opened?.close());

/** Counts the rows every method of `target` reads: a list's length, else one. */
function counted<T extends object>(target: T, count: { rows: number }): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args);
        count.rows += Array.isArray(result) ? Math.max(1, result.length) : 1;
        return result;
      };
    },
  });
}

function workPerRow(store: OpenedStore, row: (i: number) => string, rows: number) {
  const reads = { rows: 0 };
  const context = { store: counted(store.store, reads), lookups: counted(createContributionLookups(store.db), reads) };
  const text = [header, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n');
  work.names = 0;
  work.slugs = 0;
  const planning = planImport(context, { bytes: Buffer.from(text), fileName: 'rows.csv', by: 'curator-1', now });
  const refused = planning.ok ? 0 : planning.problems.length;
  if (!planning.ok && !planning.problems.every((p) => p.code === 'unknown-artist')) throw new Error(JSON.stringify(planning.problems.slice(0, 3)));
  return { reads: reads.rows / rows, names: work.names / rows, slugs: work.slugs / rows, refused };
}

describe('planning an import does the same work per row for 500 rows as for 4,000', () => {
  for (const [name, row] of Object.entries(files)) {
    it(name, () => {
      opened = openTestStore();
      const small = workPerRow(opened, row, 500);
      const large = workPerRow(opened, row, 4000);
      expect(large.refused).toBe(name === 'unknown artists' ? 4000 : 0);
      // A few rows of the store read per row: no scan of the store's names, nor of what the file created before.
      expect(large.reads).toBeLessThan(8);
      for (const measure of ['reads', 'names', 'slugs'] as const) expect(large[measure]).toBeLessThanOrEqual(small[measure] * 1.05 + 0.01);
    });
  }
});
