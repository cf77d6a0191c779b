// The founding catalogue as a fresh install loads it: seeds/ through the real migrations and the
// seed loader, held to the figures it promises and to the rules every fact keeps.
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueSummaryStore } from '../../db/queries/catalogue-summary-store.js';
import { sources } from '../../db/schema.js';
import { winTotals, type CatalogueSummary } from '../../src/core/catalogue-summary.js';
import { openTestStore } from '../support/test-store.js';
import { projectRoot } from '../../db/project-root.js';
import { join } from 'node:path';
import type { OpenedStore } from '../../src/open-store.js';

const koreanYearEnd = ['mama', 'melon-music-awards', 'golden-disc-awards', 'seoul-music-awards', 'circle-chart-music-awards', 'korean-music-awards'];

let opened: OpenedStore;
let summary: CatalogueSummary;
beforeAll(() => {
  opened = openTestStore({ seedDirectory: join(projectRoot, 'seeds') });
  summary = createCatalogueSummaryStore(opened.db).catalogueSummary();
}, 60_000);
afterAll(() => opened.close());

describe('the founding catalogue', () => {
  it('holds the weekly wins of the six trophy shows, 2014 to 2025', () => {
    expect(winTotals(summary).musicShowWins).toBeGreaterThanOrEqual(2800);
    const shows = summary.ceremonies.filter((c) => c.kind === 'music_show');
    expect(shows.map((c) => c.slug).sort()).toEqual(['inkigayo', 'm-countdown', 'music-bank', 'show-champion', 'show-music-core', 'the-show']);
    for (const show of shows) expect([show.slug, show.firstYear, show.lastYear]).toEqual([show.slug, 2014, 2025]);
  });

  it('knows at least 250 acts and 200 debuts, and something on at least 330 days of the year', () => {
    expect(summary.artists).toBeGreaterThanOrEqual(250);
    expect(summary.debuts).toBeGreaterThanOrEqual(200);
    expect(summary.daysWithFacts).toBeGreaterThanOrEqual(330);
  });

  it('holds at least 400 year-end awards over six Korean ceremonies, with every grand prize of MAMA and the Melon Music Awards from 2015 to 2025', () => {
    const korean = summary.ceremonies.filter((c) => koreanYearEnd.includes(c.slug));
    expect(korean.map((c) => c.slug).sort()).toEqual([...koreanYearEnd].sort());
    expect(korean.reduce((sum, c) => sum + c.wins, 0)).toBeGreaterThanOrEqual(400);
    const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
    for (const slug of ['mama', 'melon-music-awards']) expect(summary.ceremonies.find((c) => c.slug === slug)!.grandPrizeYears).toEqual(expect.arrayContaining(years));
  });

  it('cites a source for every fact, every source by its address or as a founding article, and lets no two artists share a name', () => {
    expect(summary.factsWithoutSource).toBe(0);
    expect(summary.collidingNames).toEqual([]);
    const unlinked = opened.db.select({ identifier: sources.identifier }).from(sources).where(isNull(sources.url)).all();
    expect(unlinked).toEqual([]);
  });

  it('answers the questions a new fan asks first', () => {
    for (const name of ['twice', 'newjeans', 'iu', 'aespa', '트와이스', 'gidle']) {
      expect(opened.store.artistsByNormalizedAlias(name.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')), name).toHaveLength(1);
    }
  });
});
