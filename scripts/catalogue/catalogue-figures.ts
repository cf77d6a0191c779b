// Prints what the store holds on a fresh install: the figures the founding catalogue is held to.
//   npm run catalogue:figures
// Loads seeds/ into a database in memory with the real migrations, as a first start would.
import { openDatabase } from '../../db/database.js';
import { createCatalogueSummaryStore } from '../../db/queries/catalogue-summary-store.js';
import { seedStore } from '../../db/seed/seed-store.js';
import { winTotals, type CatalogueSummary } from '../../src/core/catalogue-summary.js';

export function catalogueFigures(summary: CatalogueSummary): string[] {
  const totals = winTotals(summary);
  const lines = [
    `acts: ${summary.artists} (${summary.kpopArtists} K-pop), with a Hangul name: ${summary.artistsWithHangul}`,
    `weekly music-show wins: ${totals.musicShowWins}`,
    `award-show wins: ${totals.awardShowWins}, of them grand prizes: ${totals.grandPrizes}`,
    `nominations and wins in all: ${summary.nominations}; milestones: ${summary.milestones}, of them debuts: ${summary.debuts}`,
    `sources: ${summary.sources}`,
    `days of the year with something on them: ${summary.daysWithFacts} of 366`,
    `facts without a source: ${summary.factsWithoutSource}`,
    `names two artists share after folding: ${summary.collidingNames.length}${summary.collidingNames.length > 0 ? ` (${summary.collidingNames.join(', ')})` : ''}`,
    '',
    'by ceremony: wins (grand prizes), years',
  ];
  for (const c of summary.ceremonies) {
    const years = c.firstYear === null ? 'no editions' : c.firstYear === c.lastYear ? `${c.firstYear}` : `${c.firstYear}-${c.lastYear}`;
    const grand = c.grandPrizes > 0 ? ` (${c.grandPrizes}; grand prizes in ${c.grandPrizeYears.join(', ')})` : '';
    lines.push(`  ${c.name} [${c.kind === 'music_show' ? 'weekly' : 'annual'}]: ${c.wins}${grand}, ${years}`);
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = openDatabase(':memory:', { migrate: true });
  seedStore(db);
  console.log(catalogueFigures(createCatalogueSummaryStore(db).catalogueSummary()).join('\n'));
  db.$client.close();
}
