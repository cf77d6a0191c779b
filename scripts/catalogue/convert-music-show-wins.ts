// Rerunnable conversion of the music-show compilation into seeds/. Fetch the files named in
// compilation-sources.ts (at their recorded commits) into one folder, then:
//
//   npx tsx scripts/catalogue/convert-music-show-wins.ts <folder> [--cross-check <tables folder>]
//
// <folder> holds bootstrap.json and artist_debuts.json from badmagick329/musicshowwins and
// kpopnet.json from the npm package; <tables folder> the per-show CSV tables of
// ccaban6/love-dive-into-kpop-music-show-winners. Writes the generated seed files and
// docs/music-show-conversion.md (what was merged, split, left out, and the cross-check).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root.js';
import type { SeedFile } from '../../db/seed/seed-file-schema.js';
import { artistDebutsFile, crossCheckFiles, kpopnetPackage, musicShowWinsFile } from './compilation-sources.js';
import { readCrossCheckTables, type CrossCheckResult } from './music-show-cross-check.js';
import { convertMusicShowWins, type ConversionOutput } from './music-show-catalogue.js';

/** The files this script writes: never read back as input. */
export const generatedSeedFile = (name: string) => /^(music-show-|debuts\.json$)/.test(name);

function main(argv: string[]) {
  const folder = argv[0];
  if (!folder) {
    console.error('usage: convert-music-show-wins.ts <folder with bootstrap.json, artist_debuts.json, kpopnet.json> [--cross-check <tables folder>]');
    process.exit(2);
  }
  const crossCheckAt = argv.indexOf('--cross-check');
  const tablesFolder = crossCheckAt >= 0 ? argv[crossCheckAt + 1] : undefined;
  const readJson = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8'));

  const seedsFolder = join(projectRoot, 'seeds');
  const existing = { artists: [] as NonNullable<SeedFile['artists']>, works: [] as NonNullable<SeedFile['works']>, milestones: [] as NonNullable<SeedFile['milestones']> };
  for (const name of readdirSync(seedsFolder).filter((n) => n.endsWith('.json') && !generatedSeedFile(n)).sort()) {
    const file = JSON.parse(readFileSync(join(seedsFolder, name), 'utf8')) as SeedFile;
    existing.artists.push(...(file.artists ?? []));
    existing.works.push(...(file.works ?? []));
    existing.milestones.push(...(file.milestones ?? []));
  }

  const output = convertMusicShowWins({
    bootstrap: readJson('bootstrap.json'),
    debuts: readJson('artist_debuts.json').debuts,
    kpopnet: readJson(kpopnetPackage.file),
    existing,
    readOn: process.env.CATALOGUE_READ_ON ?? new Date().toISOString().slice(0, 10),
    ...(tablesFolder ? { crossCheck: { winners: readCrossCheckTables(tablesFolder), years: crossCheckFiles.years } } : {}),
  });
  for (const [name, file] of Object.entries(output.files)) writeFileSync(join(seedsFolder, name), `${JSON.stringify(file, null, 2)}\n`);

  const checked = output.report.crossCheck;
  writeFileSync(join(projectRoot, 'docs', 'music-show-conversion.md'), conversionReport(output, checked));
  const r = output.report;
  console.log(`${r.wins.kept} wins, ${r.acts} acts (${r.newActs} new), ${r.debuts.kept} debuts, ${r.derived} derived milestones`);
  if (checked) console.log(`cross-check: ${checked.agreed} agree, ${checked.disagreements.length} disagree, ${checked.onlyHere} only here, ${checked.onlyThere} only there`);
}

function conversionReport(output: ConversionOutput, checked: CrossCheckResult | null): string {
  const r = output.report;
  const lines = [
    '# The music-show conversion, as last run',
    '',
    'Written by `scripts/catalogue/convert-music-show-wins.ts`; do not edit by hand. See docs/data.md for what the sources are.',
    '',
    `- Compilation: ${musicShowWinsFile.repository}, \`${musicShowWinsFile.path}\` at ${musicShowWinsFile.commit}`,
    `- Debut dates: ${artistDebutsFile.repository}, \`${artistDebutsFile.path}\` at ${artistDebutsFile.commit}`,
    `- Girl groups: npm ${kpopnetPackage.name}@${kpopnetPackage.version} (${kpopnetPackage.licence})`,
    ...(checked ? [`- Cross-check: ${crossCheckFiles.repository}, \`${crossCheckFiles.folder}\` at ${crossCheckFiles.commit}`] : []),
    '',
    '## Counts',
    '',
    `- Wins read: ${r.wins.read}; kept: ${r.wins.kept}; outside 2014 to 2025 or the six shows: ${r.wins.outOfRange}; in a year without a winners page (Show! Music Core 2016): ${r.wins.gap}; exact duplicates: ${r.wins.duplicates}`,
    `- Acts: ${r.acts} (${r.newActs} new to the store); with a Hangul name from kpopnet.json: ${r.hangul}`,
    `- Debut milestones: ${r.debuts.kept}; derived milestones: ${r.derived}`,
    '',
    '## Coverage (years whose winners are all in the records)',
    '',
    'A year counts only when the records go on past it, the second compilation knows no episode of it that the first lacks, and no note in the editorial file sets it aside. Milestones are derived only across covered years.',
    '',
    ...r.coverage.map((c) => `- ${c.show}: ${c.years.length > 0 ? c.years.join(', ') : 'none'}${c.gaps.length > 0 ? ` (not: ${c.gaps.join(', ')})` : ''}`),
    '',
    '## One act under two names',
    '',
    ...r.merged.map((m) => `- ${m.names.join(', ')} -> ${m.into} (${m.why})`),
    '',
    '## Collaborations, credited to each act',
    '',
    ...r.collaborations.map((c) => `- ${c.name} -> ${c.credits.join(', ')}`),
    '',
    '## Debut dates left out',
    '',
    ...(r.debuts.leftOut.length > 0 ? r.debuts.leftOut.map((d) => `- ${d.artist}: ${d.why}`) : ['- none']),
    '',
    '## Stated milestones kept over derived ones',
    '',
    ...(r.statedOverDerived.length > 0 ? r.statedOverDerived.map((s) => `- ${s.key}: stated ${s.stated ?? '(no date)'}, derived ${s.derived}`) : ['- none']),
    '',
    '## Acts whose kind (group or soloist) no source read gives, left out with their wins',
    '',
    ...(r.kindUnknown.length > 0 ? r.kindUnknown.map((name) => `- ${name}`) : ['- none']),
    '',
    `Their wins (${r.leftOutForKind.length}); each one's show-year is not counted as complete:`,
    '',
    ...r.leftOutForKind.map((w) => `- ${w.show} ${w.date}: ${w.credits}, "${w.title}"`),
    '',
    '## Debut dates a third source settled',
    '',
    ...(r.debuts.settled.length > 0 ? r.debuts.settled.map((d) => `- ${d.artist}: ${d.date} (${d.by})`) : ['- none']),
  ];
  if (checked) {
    lines.push(
      '',
      '## Cross-check against the second compilation',
      '',
      `Over ${checked.overlap} (show, air date) pairs both compilations cover: ${checked.agreed} name the same winning song; ${checked.disagreements.length} do not, and ${r.leftOutByCrossCheck} wins of those episodes are left out. Episodes only in the first: ${checked.onlyHere}; only in the second: ${checked.onlyThere}.`,
      '',
      ...checked.disagreements.map((d) => `- ${d.show} ${d.date}: here ${d.here}; there ${d.there}. ${d.settled}`),
      '',
      `The same song spelled apart by one character or a version note, counted as agreeing (${checked.spellings.length}):`,
      '',
      ...checked.spellings.map((x) => `- ${x.show} ${x.date}: "${x.here}" / "${x.there}"`),
      '',
      `Episodes only the second compilation has (${checked.missingHere.length}); the show-year of each is not counted as complete, so nothing is derived across it:`,
      '',
      ...checked.missingHere.map((m) => `- ${m.show} ${m.date}: ${m.there}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
