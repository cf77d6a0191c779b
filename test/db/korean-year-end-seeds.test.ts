import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { readSeedDirectory } from '../../db/seed/read-seeds.js';
import { defaultSeedDirectory, seedStore } from '../../db/seed/seed-store.js';

// The Golden Disc, Seoul Music and Korean Music Awards files: checks that the validator cannot
// make, because they need the dates of the editions and of the sources together.
const ceremonies = ['golden-disc-awards', 'seoul-music-awards', 'korean-music-awards'];
const seeds = readSeedDirectory(defaultSeedDirectory);
const editions = seeds.editions.filter((e) => ceremonies.includes(e.ceremony));
const nominations = seeds.nominations.filter((n) => ceremonies.includes(n.ceremony));
const published = new Map(seeds.sources.map((s) => [s.id, s.publishedOn]));
const editionOf = (ceremony: string, year: number) => editions.find((e) => e.ceremony === ceremony && e.year === year)!;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

describe('the Korean year-end ceremony seeds', () => {
  it('define each ceremony once, with grand prizes, and an edition for most years from 2013 to 2025', () => {
    for (const slug of ceremonies) {
      const ceremony = seeds.ceremonies.filter((c) => c.slug === slug);
      expect(ceremony).toHaveLength(1);
      expect(ceremony[0]!.categories.some((c) => c.grandPrize)).toBe(true);
      const years = editions.filter((e) => e.ceremony === slug).map((e) => e.year);
      expect(years.every((y) => y >= 2013 && y <= 2025)).toBe(true);
      expect(years.length).toBeGreaterThanOrEqual(12);
    }
  });

  it('date an award of a two-day edition on its first day or the next', () => {
    const dated = nominations.filter((n) => n.awardedOn !== undefined);
    expect(dated.length).toBeGreaterThan(50);
    for (const nomination of dated) {
      const heldOn = editionOf(nomination.ceremony, nomination.year).heldOn!;
      expect([0, 1], `${nomination.ceremony} ${nomination.year} ${nomination.category}`).toContain(
        daysBetween(heldOn, nomination.awardedOn!),
      );
    }
  });

  it('cite for every win at least one page published on or after the day it was given', () => {
    for (const win of nominations.filter((n) => n.result === 'won')) {
      const day = win.awardedOn ?? editionOf(win.ceremony, win.year).heldOn;
      if (!day) continue;
      const after = win.sources.filter((id) => published.get(id)! >= day);
      expect(after, `${win.ceremony} ${win.year} ${win.category} ${win.work ?? win.artists?.join('+')}`).not.toHaveLength(0);
    }
  });

  it('load into a fresh store with every award cited', () => {
    const db = openDatabase(':memory:');
    seedStore(db);
    const rows = db.$client
      .prepare(
        `select c.slug as ceremony, count(*) as wins,
                sum(case when n.id in (select nomination_id from nomination_sources) then 1 else 0 end) as cited
         from nominations n join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
         where c.slug in (?, ?, ?) and n.result = 'won' group by c.slug order by c.slug`,
      )
      .all(...ceremonies) as { ceremony: string; wins: number; cited: number }[];
    expect(rows.map((r) => r.ceremony)).toEqual([...ceremonies].sort());
    expect(rows.reduce((sum, r) => sum + r.wins, 0)).toBeGreaterThanOrEqual(400);
    for (const row of rows) expect(row.cited).toBe(row.wins);
  });
});
