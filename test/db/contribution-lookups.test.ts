// The look-ups a contributed fact is checked against, on a real store (real migrations and seeds):
// an existing fact's origin, seed file, sources and withdrawal come back as they are stored,
// including the parts written as typed SQL fragments (origin, the sources as a JSON array).
import { afterEach, describe, expect, it } from 'vitest';
import { createContributionLookups, recordImport, withdrawFact } from '../../db/queries/contribution-store.js';
import { factWriterFor } from '../../db/queries/fact-writer.js';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore } from '../support/test-store.js';

let opened: OpenedStore;
afterEach(() => opened.close());

describe('contribution look-ups', () => {
  it('find a seed nomination with its origin, file and sources, and a seed milestone with its statement', () => {
    opened = openTestStore();
    const lookups = createContributionLookups(opened.db);
    const seeded = opened.db.$client
      .prepare(
        `select e.ceremony_id as ceremonyId, e.edition_key as editionKey, c.slug as categorySlug, n.nominee_key as nomineeKey, n.id as id,
           n.seed_file as seedFile, n.result as result,
           (select json_group_array(s.identifier) from nomination_sources ns join sources s on s.id = ns.source_id where ns.nomination_id = n.id) as sources
         from nominations n join editions e on e.id = n.edition_id join categories c on c.id = n.category_id order by n.id limit 1`,
      )
      .get() as { ceremonyId: number; editionKey: string; categorySlug: string; nomineeKey: string; id: number; seedFile: string; result: string; sources: string };
    expect(lookups.nomination(seeded.ceremonyId, seeded.editionKey, seeded.categorySlug, seeded.nomineeKey)).toEqual({
      id: seeded.id,
      origin: 'seed',
      seedFile: seeded.seedFile,
      withdrawn: false,
      withdrawalReason: null,
      result: seeded.result,
      statement: null,
      sourceIdentifiers: JSON.parse(seeded.sources),
    });
    expect(lookups.nomination(seeded.ceremonyId, seeded.editionKey, seeded.categorySlug, 'work:nothing')).toBeUndefined();
    expect(lookups.milestone('jungkook-first-kpop-soloist-ema-best-song')).toMatchObject({ origin: 'seed', result: null, withdrawn: false, statement: expect.any(String) });
    expect(lookups.slugTaken('works', 'seven')).toBe(true);
    expect(lookups.slugTaken('artists', 'nobody-at-all')).toBe(false);
    expect(lookups.workBySlug('seven')).toEqual({ slug: 'seven', title: 'Seven', credits: [{ artistSlug: 'jungkook', role: 'primary' }, { artistSlug: 'latto', role: 'featured' }] });
  });

  it('find an imported fact as the import\'s, and withdrawn once withdrawn', () => {
    opened = openTestStore();
    const { db } = opened;
    const lookups = createContributionLookups(db);
    const writer = factWriterFor(db);
    const importId = recordImport(db, { fileName: 'facts.json', digest: 'abc', importedAt: 1, importedBy: 'curator-1' });
    expect(lookups.importsWithDigest('abc')).toEqual([{ id: importId, fileName: 'facts.json', digest: 'abc', importedAt: 1, importedBy: 'curator-1' }]);
    const id = db.$client.transaction(() => {
      const sourceId = writer.source({ identifier: 'https://news.example.com/a', publishedOn: '2026-01-02', headline: 'A first', outlet: null, url: 'https://news.example.com/a', readOn: null });
      const written = writer.milestone({
        key: 'imported-first', kind: 'first', statement: 'An imported first', occurredOn: '2025-05-05', editionId: null, nominationId: null, workId: null,
        note: null, doubtful: false, attribution: null, asOf: null, exclusive: true, seedFile: null, importId, suggestionId: null,
      });
      writer.milestoneSources(written.id, [sourceId], false);
      return written.id;
    })();
    expect(lookups.milestone('imported-first')).toMatchObject({ id, origin: 'import', seedFile: null, withdrawn: false, sourceIdentifiers: ['https://news.example.com/a'] });
    expect(withdrawFact(db, { type: 'milestone', id }, 'curator-1', 'Wrong day', 5)).toBe('withdrawn');
    expect(withdrawFact(db, { type: 'milestone', id }, 'curator-1', 'Again', 6)).toBe('already-withdrawn');
    expect(lookups.milestone('imported-first')).toMatchObject({ withdrawn: true, withdrawalReason: 'Wrong day' });
    const seedMilestone = lookups.milestone('jungkook-first-kpop-soloist-ema-best-song')!;
    expect(withdrawFact(db, { type: 'milestone', id: seedMilestone.id }, 'curator-1', 'No', 7)).toBe('seed-fact');
    expect(withdrawFact(db, { type: 'nomination', id: 999_999 }, 'curator-1', 'No', 7)).toBe('not-found');
    expect(lookups.sourceByIdentifier('https://news.example.com/a')).toEqual({
      identifier: 'https://news.example.com/a', url: 'https://news.example.com/a', title: 'A first', publisher: null, publishedOn: '2026-01-02', readOn: null,
    });
  });
});
