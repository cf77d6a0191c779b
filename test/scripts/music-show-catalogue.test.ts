// The music-show conversion on a small fixture in the compilation's format: what scraping left on
// names, one act under two names, collaborations, duplicates, years without a page, debut dates
// that two sources give differently, and milestones derived only inside recorded coverage.
import { describe, expect, it } from 'vitest';
import { readSeedFiles } from '../../db/seed/read-seeds.js';
import type { ArtistRecord, MilestoneRecord, SeedFile } from '../../db/seed/seed-file-schema.js';
import {
  cleanScrapedName,
  compilationSlug,
  convertMusicShowWins,
  kindFromTitle,
  parseDebutSource,
  storeSlug,
  winnersPageTitle,
  type Bootstrap,
  type ConversionInput,
  type DebutRow,
  type Kpopnet,
} from '../../scripts/catalogue/music-show-catalogue.js';
import { editorial } from '../../scripts/catalogue/music-show-editorial.js';
import { comparableTitle } from '../../scripts/catalogue/music-show-cross-check.js';

const win = (show: string, artist: string, title: string, date: string) => ({ show, artist, title, date });

/** One win a year on every show, so that every show-year of the fixture is covered. */
function backgroundWins(): Bootstrap['wins'] {
  const wins: Bootstrap['wins'] = [];
  for (let year = 2014; year <= 2025; year++) {
    for (const show of ['inkigayo', 'm-countdown', 'music-bank', 'music-core', 'show-champion', 'the-show']) {
      wins.push(win(show, 'Filler', `Filler ${year}`, `${year}-01-0${show.length % 7 + 1}`));
    }
  }
  return wins;
}

const existingArtists: ArtistRecord[] = [
  { slug: 'rose', name: 'Rosé', kind: 'soloist', kpop: true, aliases: [{ alias: 'Rose', kind: 'romanisation' }] },
  { slug: 'bruno-mars', name: 'Bruno Mars', kind: 'soloist', kpop: false },
  { slug: 'txt', name: 'TOMORROW X TOGETHER', kind: 'group', kpop: true, aliases: [{ alias: 'TXT', kind: 'short' }] },
];

const debuts: DebutRow[] = [
  { artist: 'aespa', debut: '2020-11-17', source: 'Wikipedia: Aespa / Wikidata: Q100877982' },
  { artist: 'big-bang', debut: '2006', source: 'Wikipedia: BigBang (South Korean band) / Wikidata: Q282104' },
  { artist: 'exo', debut: '2012', source: 'Wikipedia: Exo / Wikidata: Q494717' },
  { artist: 'exo-k', debut: '2012', source: 'Wikipedia: Exo / Wikidata: Q494717' },
  { artist: 'newjeans', debut: '2022-07-22', source: 'Wikipedia: NewJeans / Wikidata: Q113189277' },
  { artist: 'tomorrow-x-together', debut: '2019-03-04', source: 'Wikipedia: Tomorrow X Together / Wikidata: Q60550265' },
  { artist: 'gd-top', debut: '2010', source: 'Wikipedia: GD & TOP / Wikidata: Q21575485' },
  { artist: 'rose', debut: '2021-03-12', source: 'Wikipedia: Rosé (singer) / Wikidata: Q27655344', solo: true },
];

const kpopnet: Kpopnet = {
  groups: [
    { id: 'g1', name: 'aespa', name_alias: null, name_original: '에스파', debut_date: '2020-11-17', members: [] },
    { id: 'g2', name: 'NewJeans', name_alias: null, name_original: '뉴진스', debut_date: '2022-08-01', members: [] },
  ],
  idols: [],
};

/** The fixture's acts no rule gives a kind to, as the editorial file would name them with a page. */
const fixtureKinds = Object.fromEntries(['Filler', 'Exo', 'Exo-K', 'GD & TOP'].map((name) => [name, { kind: 'group' as const, source: 'https://example.com/kind' }]));
const fixtureEditorial = { ...editorial, kind: fixtureKinds };

function input(wins: Bootstrap['wins'], extra: Partial<ConversionInput> = {}): ConversionInput {
  return {
    editorial: fixtureEditorial,
    bootstrap: { shows: [], artists: [], songs: [], wins: [...backgroundWins(), ...wins] },
    debuts,
    kpopnet,
    existing: { artists: existingArtists, works: [], milestones: [] },
    readOn: '2026-12-03',
    ...extra,
  };
}

const fixtureWins = [
  win('inkigayo', 'Aespa[a]', 'Next Level', '2021-06-06'),
  win('music-bank', 'aespa', 'Next Level', '2021-06-04'),
  win('music-bank', 'aespa', 'Next Level', '2021-06-04'), // an exact duplicate row
  win('m-countdown', 'Aespa', 'Next Level', '2021-06-10'),
  win('inkigayo', 'Aespa', 'Next Level', '2021-06-13'),
  win('inkigayo', 'Aespa', 'Next Level', '2021-06-20'),
  win('inkigayo', 'Big Bang', 'Loser', '2015-05-10'),
  win('music-bank', 'BigBang', 'Bang Bang Bang', '2015-06-05'),
  win('music-bank', 'Exo', 'Call Me Baby', '2015-04-10'),
  win('show-champion', 'Exo-K', 'Overdose', '2014-05-14'),
  win('inkigayo', 'Rosé & Bruno Mars', 'APT.', '2024-11-03'),
  win('music-bank', 'Tomorrow X Together', 'Sugar Rush Ride', '2023-02-03'),
  win('the-show', 'TXT', 'Sugar Rush Ride', '2023-01-31'),
  win('m-countdown', 'GD & TOP', 'Zutter', '2017-01-05'),
  win('music-core', 'Exo', 'Monster', '2016-06-18'), // Music Core 2016 has no winners page
  win('inkigayo', 'Jungkook (', 'Seven', '2013-07-30'), // before the catalogue's years
  win('m-countdown', 'NewJeans', 'Attention', '2022-08-11'),
];

function artistsOf(files: Record<string, SeedFile>) {
  return files['music-show-artists.json']!.artists!;
}

describe('the music-show conversion', () => {
  it('cleans what scraping left on names and slugs them as the store does', () => {
    expect(cleanScrapedName('Aespa[a]')).toBe('Aespa');
    expect(cleanScrapedName('TripleS[c]')).toBe('TripleS');
    expect(cleanScrapedName('Jungkook (')).toBe('Jungkook');
    expect(cleanScrapedName('  Red  Velvet ')).toBe('Red Velvet');
    expect(compilationSlug('(G)I-dle')).toBe('gi-dle');
    expect(compilationSlug("Girl's Day")).toBe('girls-day');
    expect(compilationSlug('Red Velvet – Irene & Seulgi')).toBe('red-velvet-irene-seulgi');
    expect(storeSlug('(G)I-dle')).toBe('g-i-dle');
    expect(storeSlug('Rosé')).toBe('rose');
    expect(parseDebutSource('Wikipedia: Exo / Wikidata: Q494717; manual review 2026-09-30')).toEqual({ title: 'Exo', wikidata: 'Q494717' });
    expect(kindFromTitle('Astro (South Korean band)')).toBe('group');
    expect(kindFromTitle('Ben (South Korean singer)')).toBe('soloist');
    expect(kindFromTitle('BTS')).toBeNull();
    expect(comparableTitle('APT (with Bruno Mars)')).toBe('apt');
    expect(comparableTitle('Strategy (ft. Megan Thee Stallion)')).toBe('strategy');
  });

  it('cites the yearly list where there is one, the show article before it, and no page for Music Core 2016', () => {
    expect(winnersPageTitle('inkigayo', 2019)).toBe('List of Inkigayo Chart winners (2019)');
    expect(winnersPageTitle('the-show', 2019)).toBe('The Show (South Korean TV program)');
    expect(winnersPageTitle('the-show', 2021)).toBe('List of The Show Chart winners (2021)');
    expect(winnersPageTitle('music-core', 2014)).toBe('Show! Music Core');
    expect(winnersPageTitle('music-core', 2016)).toBeNull();
  });

  it('resolves every name to exactly one act: two spellings, two names, a subunit, collaborations', () => {
    const { files, report } = convertMusicShowWins(input(fixtureWins));
    const artists = artistsOf(files);
    const slugs = artists.map((a) => a.slug);
    expect(slugs).toContain('aespa');
    expect(slugs).toContain('big-bang');
    expect(slugs).not.toContain('bigbang');
    expect(slugs).toContain('exo');
    expect(slugs).toContain('exo-k');
    expect(slugs).toContain('gd-top');
    // Known artists are reused, never redefined; a collaboration is never an act of its own.
    expect(slugs).not.toContain('rose');
    expect(slugs).not.toContain('bruno-mars');
    expect(slugs).not.toContain('txt');
    expect(slugs.some((s) => s.includes('rose-bruno'))).toBe(false);
    expect(report.collaborations).toEqual([{ name: 'Rosé & Bruno Mars', credits: ['rose', 'bruno-mars'] }]);
    const apt = files['music-show-works.json']!.works!.find((w) => w.title === 'APT.')!;
    expect(apt.credits.map((c) => c.artist)).toEqual(['rose', 'bruno-mars']);
    // kpopnet.json writes the group's name as the group does, and gives its Hangul name.
    const aespa = artists.find((a) => a.slug === 'aespa')!;
    expect(aespa.name).toBe('aespa');
    expect(aespa.kind).toBe('group');
    expect(aespa.aliases).toContainEqual({ alias: '에스파', kind: 'hangul' });
    // Both TXT names are the existing artist.
    const txtWins = Object.values(files).flatMap((f) => f.nominations ?? []).filter((n) => n.work === 'sugar-rush-ride');
    expect(txtWins).toHaveLength(2);
    expect(files['music-show-works.json']!.works!.find((w) => w.slug === 'sugar-rush-ride')!.credits).toEqual([{ artist: 'txt', role: 'primary' }]);
  });

  it('drops duplicates, years outside the catalogue and the year without a page, and says so', () => {
    const { report, files } = convertMusicShowWins(input(fixtureWins));
    expect(report.wins.duplicates).toBe(1);
    expect(report.wins.outOfRange).toBe(1);
    // The background win of Music Core 2016 and EXO's.
    expect(report.wins.gap).toBe(2);
    const wins2016 = files['music-show-wins-2016.json']!.nominations!;
    expect(wins2016.some((n) => n.ceremony === 'show-music-core')).toBe(false);
    // 2016 has no page; 2025 is the last year, and a year counts only when the records go on past it.
    expect(report.coverage.find((c) => c.show === 'show-music-core')!.gaps).toEqual([2016, 2025]);
  });

  it('leaves out an act no source gives a kind to, with its wins, which still count for what came first', () => {
    const { report, files } = convertMusicShowWins(input([...fixtureWins, win('music-bank', 'Mystery Act', 'Unknown Song', '2019-03-01')]));
    expect(report.kindUnknown).toEqual(['Mystery Act']);
    expect(report.leftOutForKind).toEqual([{ show: 'music-bank', date: '2019-03-01', credits: 'Mystery Act', title: 'Unknown Song' }]);
    expect(artistsOf(files).some((a) => a.slug === 'mystery-act')).toBe(false);
    // The episode's winner is known, so the year stays complete.
    expect(report.coverage.find((c) => c.show === 'music-bank')!.gaps).not.toContain(2019);
  });

  it('leaves out a debut date two sources give differently, and keeps one they agree on', () => {
    const { files, report } = convertMusicShowWins(input(fixtureWins));
    const debutsFile = files['debuts.json']!.milestones!;
    expect(debutsFile.find((m) => m.key === 'aespa-debut')).toMatchObject({ occurredOn: '2020-11-17', sources: ['https://en.wikipedia.org/wiki/Aespa', 'kpopnet.json'] });
    expect(debutsFile.find((m) => m.key === 'newjeans-debut')).toBeUndefined();
    expect(report.debuts.leftOut).toContainEqual({ artist: 'NewJeans', why: 'the compilation gives 2022-07-22, kpopnet.json 2022-08-01' });
    // The day is in doubt, not the year both give: NewJeans' firsts are still derived from 2022 on.
    const firstWin = files['music-show-milestones.json']!.milestones!.find((m) => m.key === 'newjeans-first-win-m-countdown');
    expect(firstWin).toMatchObject({ occurredOn: '2022-08-11', note: "Shown by M Countdown's winner lists, complete since the debut (2022)" });
  });

  it('derives a first win only inside recorded coverage, and a stated first wins over a derived one', () => {
    const { files } = convertMusicShowWins(input(fixtureWins));
    const derived = files['music-show-milestones.json']!.milestones!;
    const keys = derived.map((m) => m.key);
    // aespa debuted in 2020, inside complete records: its first win, first win on each show and
    // triple crown on Inkigayo are proven.
    expect(derived.find((m) => m.key === 'aespa-first-music-show-win')).toMatchObject({ occurredOn: '2021-06-04', statement: 'First win on a weekly music show: Music Bank, with "Next Level"' });
    expect(keys).toContain('aespa-first-win-inkigayo');
    expect(derived.find((m) => m.key === 'aespa-triple-crown-inkigayo-next-level')).toMatchObject({ occurredOn: '2021-06-20' });
    // BIGBANG debuted in 2006, before the records begin: nothing is derived for it.
    expect(keys.some((k) => k.startsWith('big-bang-'))).toBe(false);
    // Rosé's solo debut (2021) is inside coverage, but Music Core... all six are covered from 2021.
    expect(keys).toContain('rose-first-music-show-win');
    // An act whose records cross the Music Core 2016 gap gets no first on all shows.
    const acrossGap = convertMusicShowWins(
      input([...fixtureWins, win('inkigayo', 'Aespa', 'Early', '2016-03-06')], {
        debuts: debuts.map((d) => (d.artist === 'aespa' ? { ...d, debut: '2015-01-01' } : d)),
        kpopnet: { ...kpopnet, groups: kpopnet.groups.map((g) => (g.id === 'g1' ? { ...g, debut_date: '2015-01-01' } : g)) },
      }),
    );
    const acrossKeys = acrossGap.files['music-show-milestones.json']!.milestones!.map((m) => m.key);
    expect(acrossKeys).not.toContain('aespa-first-music-show-win');
    expect(acrossKeys).toContain('aespa-first-win-inkigayo');

    const stated: MilestoneRecord = { key: 'aespa-first-music-show-win', kind: 'first', artists: ['aespa'], statement: 'First music show win', occurredOn: '2021-06-01', sources: ['x'] };
    const withStated = convertMusicShowWins(input(fixtureWins, { existing: { artists: existingArtists, works: [], milestones: [stated] } }));
    expect(withStated.files['music-show-milestones.json']!.milestones!.map((m) => m.key)).not.toContain('aespa-first-music-show-win');
    expect(withStated.report.statedOverDerived).toEqual([{ key: 'aespa-first-music-show-win', stated: '2021-06-01', derived: '2021-06-04' }]);
  });

  it('leaves out an episode the second compilation contradicts, unless a third source settled it', () => {
    const there = [
      { show: 'inkigayo', date: '2021-06-06', artist: 'aespa', song: 'Next Level' },
      { show: 'music-bank', date: '2021-06-04', artist: 'Someone Else', song: 'Other Song' },
    ];
    const { report, files } = convertMusicShowWins(input(fixtureWins, { crossCheck: { winners: there, years: [2021] } }));
    expect(report.crossCheck).toMatchObject({ overlap: 2, agreed: 1 });
    expect(report.crossCheck!.disagreements[0]).toMatchObject({ show: 'music-bank', date: '2021-06-04' });
    expect(files['music-show-wins-2021.json']!.nominations!.some((n) => n.ceremony === 'music-bank' && n.date === '2021-06-04')).toBe(false);
    const settled = convertMusicShowWins(
      input(fixtureWins, { crossCheck: { winners: there, years: [2021] }, editorial: { ...fixtureEditorial, settled: { 'music-bank|2021-06-04': 'Kept: the show article lists it.' } } }),
    );
    expect(settled.files['music-show-wins-2021.json']!.nominations!.some((n) => n.ceremony === 'music-bank' && n.date === '2021-06-04')).toBe(true);
  });

  it('writes files the seed loader accepts, with every credit a known artist and every fact cited', () => {
    const { files } = convertMusicShowWins(input(fixtureWins));
    const existingFile: SeedFile = {
      sources: [{ id: 'x', publishedOn: '2024-01-01', headline: 'x', outlet: null }],
      artists: existingArtists,
    };
    const set = readSeedFiles([
      { file: 'existing.json', text: JSON.stringify(existingFile) },
      ...Object.entries(files).map(([file, content]) => ({ file, text: JSON.stringify(content) })),
    ]);
    expect(set.nominations.length).toBeGreaterThan(60);
    for (const n of set.nominations) expect(n.sources.length).toBeGreaterThan(0);
  });
});
