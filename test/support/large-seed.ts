// Seed files far bigger than the articles', to push every list past Discord's limits.
import { minimalSeedFiles } from './test-store.js';

/** One prolific artist ("Mega Group") with many wins, nominations and milestones over many years. */
export function largeSeedFiles(options: { editions?: number; categoriesPerEdition?: number; milestones?: number } = {}) {
  const editionCount = options.editions ?? 40;
  const categoryCount = options.categoriesPerEdition ?? 12;
  const milestoneCount = options.milestones ?? 150;
  const files = minimalSeedFiles();
  const longTitle = (i: number) => `A Very Long Song Title Number ${i} ${'with a longer tail '.repeat(4)}`.trim();

  files['artists.json'].artists.push(
    {
      slug: 'mega-group',
      name: 'Mega Group',
      kind: 'group',
      kpop: true,
      members: ['solo-b'],
      aliases: Array.from({ length: 120 }, (_, i) => ({ alias: `Mega Alias Number ${i}`, kind: 'short' })),
    } as never,
  );
  files['ceremonies.json'].ceremonies[0]!.categories = Array.from({ length: categoryCount }, (_, i) => ({
    slug: `category-${i}`,
    name: `Category ${i} ${'for the longest name '.repeat(3)}`.trim(),
  }));
  const sources = Array.from({ length: 30 }, (_, i) => ({
    id: `generated-${i}.txt`,
    publishedOn: '2020-01-01',
    headline: `A generated article, number ${i}, with a long headline ${'about many things '.repeat(4)}`.trim(),
    outlet: null,
  }));
  files['sources.json'].sources.push(...sources);
  const facts = files['facts.json'];
  facts.editions = [];
  facts.works = [];
  facts.nominations = [];
  facts.milestones = [];
  for (let e = 0; e < editionCount; e++) {
    const year = 1980 + e;
    facts.editions.push({ ceremony: 'test-awards', year, heldOn: `${year}-09-12`, timeZone: 'UTC', source: sources[e % 30]!.id });
    for (let c = 0; c < categoryCount; c++) {
      const slug = `song-${e}-${c}`;
      facts.works.push({ slug, title: longTitle(e * 100 + c), kind: 'song', credits: [{ artist: 'mega-group', role: 'primary' }] });
      facts.nominations.push({
        ceremony: 'test-awards',
        year,
        category: `category-${c}`,
        work: slug,
        result: c % 3 === 0 ? 'won' : 'nominated',
        sources: [sources[(e + c) % 30]!.id, sources[(e + c + 1) % 30]!.id],
      });
    }
  }
  for (let m = 0; m < milestoneCount; m++) {
    const year = 1980 + (m % editionCount);
    facts.milestones.push({
      key: `mega-milestone-${m}`,
      kind: 'record',
      artists: ['mega-group'],
      statement: `Generated milestone ${m}: ${'a remarkably long statement of scope '.repeat(6)}`.trim(),
      occurredOn: `${year}-09-12`,
      edition: { ceremony: 'test-awards', year },
      sources: [sources[m % 30]!.id],
    } as never);
  }
  return files;
}
