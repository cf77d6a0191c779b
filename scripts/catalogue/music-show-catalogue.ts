// Converts the music-show compilation (every weekly win on the six trophy shows, as scraped from
// Wikipedia's yearly winner lists), its debut dates and kpopnet.json's girl groups into Lightstick's
// own seed format. Pure: files in, seed files and a report out; convert-music-show-wins.ts does the
// reading and writing.
import { normalizeName } from '../../src/core/names.js';
import { deriveMilestones, type DerivedMilestone, type RecordedWin } from '../../src/core/derived-milestones.js';
import type { ArtistRecord, MilestoneRecord, NominationRecord, SeedFile, SourceRecord, WorkRecord, EditionRecord } from '../../db/seed/seed-file-schema.js';
import { editorial, type ActEditorial } from './music-show-editorial.js';
import { compareWinners, type CrossCheckResult, type TableWinner } from './music-show-cross-check.js';

// ---- The compilation's shapes ----

export interface Bootstrap {
  shows: { slug: string; name: string }[];
  artists: { name: string }[];
  songs: { artist: string; title: string }[];
  wins: { show: string; artist: string; title: string; date: string }[];
  /** The compilation's own list of one act under two names. */
  aliases?: { alias: string; artist: string }[];
}

export interface DebutRow {
  artist: string;
  debut: string;
  source: string;
  solo?: boolean;
}

export interface Kpopnet {
  groups: { id: string; name: string; name_alias: string | null; name_original: string | null; debut_date: string | null; members: { idol_id: string; current: boolean }[] }[];
  idols: { id: string; name: string; name_original: string | null; groups: string[] }[];
}

export interface ConversionInput {
  bootstrap: Bootstrap;
  debuts: DebutRow[];
  kpopnet: Kpopnet;
  /** Artists and works already in the other seed files: reused, never redefined. */
  existing: { artists: ArtistRecord[]; works: WorkRecord[]; milestones: MilestoneRecord[] };
  /** The day the compilation was read, YYYY-MM-DD. */
  readOn: string;
  editorial?: ActEditorial;
  /** The independent compilation's winners and the years it covers: disagreements are left out. */
  crossCheck?: { winners: TableWinner[]; years: number[] };
}

// ---- The shows and their pages ----

/** The six trophy shows, in the compilation's slugs, as the store names them. */
export const musicShows = [
  { compilation: 'inkigayo', slug: 'inkigayo', name: 'Inkigayo', shortName: 'Inkigayo', aliases: ['Ingigayo', 'SBS Inkigayo'] },
  { compilation: 'm-countdown', slug: 'm-countdown', name: 'M Countdown', shortName: 'M Countdown', aliases: ['MCountdown', 'M! Countdown', 'MCD'] },
  { compilation: 'music-bank', slug: 'music-bank', name: 'Music Bank', shortName: 'Music Bank', aliases: ['KBS Music Bank', 'Mubank'] },
  { compilation: 'music-core', slug: 'show-music-core', name: 'Show! Music Core', shortName: 'Music Core', aliases: ['Show Music Core', 'Music Core', 'MBC Music Core'] },
  { compilation: 'show-champion', slug: 'show-champion', name: 'Show Champion', shortName: 'Show Champion', aliases: ['MBC M Show Champion'] },
  { compilation: 'the-show', slug: 'the-show', name: 'The Show', shortName: 'The Show', aliases: ['SBS M The Show'] },
] as const;

export const firstYear = 2014;
export const lastYear = 2025;
export const winCategory = { slug: 'first-place', name: 'First place' };

/**
 * The Wikipedia page that holds a show's winners for a year: the yearly list where there is one,
 * else the show's own article (how the compilation records where each year came from). Music
 * Core's 2016 winners are not published as a dated table: the compilation lists that year as a
 * known gap, and so do we.
 */
export function winnersPageTitle(show: string, year: number): string | null {
  switch (show) {
    case 'music-core':
      if (year === 2016) return null;
      return year >= 2015 ? `List of Show! Music Core Chart winners (${year})` : 'Show! Music Core';
    case 'inkigayo':
      return `List of Inkigayo Chart winners (${year})`;
    case 'm-countdown':
      return `List of M Countdown Chart winners (${year})`;
    case 'the-show':
      return year > 2020 ? `List of The Show Chart winners (${year})` : 'The Show (South Korean TV program)';
    case 'show-champion':
      return year > 2020 ? `List of Show Champion Chart winners (${year})` : 'Show Champion';
    case 'music-bank':
      return `List of Music Bank Chart winners (${year})`;
    default:
      return null;
  }
}

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURI(title.replaceAll(' ', '_')).replaceAll('?', '%3F')}`;
}

// ---- Names ----

/** What scraping left on a name: footnote marks ("Aespa[a]"), an unclosed bracket ("Jungkook ("), stray spaces. */
export function cleanScrapedName(raw: string): string {
  let name = raw.normalize('NFC').replace(/\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
  // An opening bracket never closed: the rest was a cut annotation.
  const open = name.lastIndexOf('(');
  if (open >= 0 && name.indexOf(')', open) < 0) name = name.slice(0, open).trim();
  return name;
}

/** The compilation's own slug for a name, to find its row in the debuts file. */
export function compilationSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

/** A store slug: lowercase letters and digits, any run of anything else one hyphen. */
export function storeSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const collaborationSeparators = [' & ', ' and ', ' X ', ' x ', ' with ', ', '];

function splitCollaboration(name: string): string[] | null {
  for (const separator of collaborationSeparators) {
    if (name.includes(separator)) return name.split(separator).flatMap((part) => splitCollaboration(part.trim()) ?? [part.trim()]);
  }
  return null;
}

/** A debut row's Wikipedia title and Wikidata id: "Wikipedia: Exo / Wikidata: Q494717; manual review ...". */
export function parseDebutSource(source: string): { title: string | null; wikidata: string | null } {
  const title = /Wikipedia:\s*([^/;]+?)\s*(?:\/|;|$)/.exec(source)?.[1]?.trim() ?? null;
  const wikidata = /Wikidata:\s*(Q\d+)/.exec(source)?.[1] ?? null;
  return { title, wikidata };
}

/** Group or soloist, from a Wikipedia title's disambiguation, when it has one. */
export function kindFromTitle(title: string): 'group' | 'soloist' | null {
  const qualifier = /\(([^)]+)\)\s*$/.exec(title)?.[1]?.toLowerCase();
  if (!qualifier) return null;
  if (/\b(band|group|duo|trio)\b/.test(qualifier)) return 'group';
  if (/\b(singer|rapper|entertainer|musician)\b/.test(qualifier)) return 'soloist';
  return null;
}

// ---- The conversion ----

export interface Act {
  slug: string;
  name: string;
  /** Every cleaned compilation name that means this act. */
  names: Set<string>;
  kind: 'group' | 'soloist' | null;
  kindFrom: string | null;
  hangul: string | null;
  debut: DebutRow | null;
  wikidata: string | null;
  wikipediaTitle: string | null;
  existing: boolean;
  /** Known here only as a collaborator on a win. */
  collaboratorOnly: boolean;
  kpopnetGroupId: string | null;
}

export interface ConversionReport {
  wins: { read: number; kept: number; outOfRange: number; gap: number; duplicates: number };
  acts: number;
  newActs: number;
  merged: { names: string[]; into: string; why: string }[];
  collaborations: { name: string; credits: string[] }[];
  kindUnknown: string[];
  hangul: number;
  debuts: { kept: number; leftOut: { artist: string; why: string }[]; settled: { artist: string; date: string; by: string }[] };
  derived: number;
  statedOverDerived: { key: string; stated: string | null; derived: string }[];
  crossCheck: CrossCheckResult | null;
  /** Wins left out because the two compilations disagree and no third source settled it. */
  leftOutByCrossCheck: number;
  /** Wins left out because no source read says whether an act credited with them is a group or a soloist. */
  leftOutForKind: { show: string; date: string; credits: string; title: string }[];
  coverage: { show: string; years: number[]; gaps: number[] }[];
}

export interface ConversionOutput {
  files: Record<string, SeedFile>;
  report: ConversionReport;
  acts: Act[];
}

export function convertMusicShowWins(input: ConversionInput): ConversionOutput {
  const notes = input.editorial ?? editorial;
  const report: ConversionReport = {
    wins: { read: input.bootstrap.wins.length, kept: 0, outOfRange: 0, gap: 0, duplicates: 0 },
    acts: 0,
    newActs: 0,
    merged: [],
    collaborations: [],
    kindUnknown: [],
    hangul: 0,
    debuts: { kept: 0, leftOut: [], settled: [] },
    derived: 0,
    statedOverDerived: [],
    crossCheck: null,
    leftOutByCrossCheck: 0,
    leftOutForKind: [],
    coverage: [],
  };

  // Debut rows by the compilation's slug, and by Wikidata id for merging one act's two names.
  const debutBySlug = new Map(input.debuts.map((row) => [row.artist, row]));

  // 1. Every name the wins use, cleaned, each resolved to one act or a collaboration of acts.
  const acts = new Map<string, Act>(); // by store slug
  const actByFoldedName = new Map<string, Act>();
  const existingByFolded = new Map<string, ArtistRecord>();
  for (const artist of input.existing.artists) {
    for (const name of [artist.name, ...(artist.aliases ?? []).map((a) => a.alias)]) existingByFolded.set(normalizeName(name), artist);
  }
  const kpopnetGroupByFolded = new Map<string, Kpopnet['groups'][number]>();
  for (const group of input.kpopnet.groups) {
    for (const name of [group.name, group.name_alias].filter((n): n is string => !!n)) {
      const folded = normalizeName(name);
      // A name two groups share identifies neither.
      kpopnetGroupByFolded.set(folded, kpopnetGroupByFolded.has(folded) ? (null as never) : group);
    }
  }

  const sameAct: Record<string, string> = { ...Object.fromEntries((input.bootstrap.aliases ?? []).map((a) => [a.alias, a.artist])), ...notes.sameAct };
  const canonicalName = (cleaned: string) => sameAct[cleaned] ?? cleaned;

  const reportedSameAct = new Set<string>();
  const actFor = (cleaned: string, collaboratorOnly: boolean): Act => {
    const name = canonicalName(cleaned);
    if (name !== cleaned && !reportedSameAct.has(cleaned)) {
      reportedSameAct.add(cleaned);
      const why = notes.sameAct[cleaned] ? 'the editorial list (see its note)' : "the compilation's own list of aliases";
      report.merged.push({ names: [cleaned], into: name, why });
    }
    const folded = normalizeName(name);
    const known = actByFoldedName.get(folded);
    if (known) {
      known.names.add(cleaned);
      if (!collaboratorOnly) known.collaboratorOnly = false;
      return known;
    }
    const debut = debutBySlug.get(notes.debutRow[name] ?? compilationSlug(name)) ?? null;
    const parsed = debut ? parseDebutSource(debut.source) : { title: null, wikidata: null };
    // An artist the other seeds already hold, by this name or by the name of the act's article
    // ("Somi" is the article "Jeon Somi").
    const articleName = parsed.title?.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const existing =
      existingByFolded.get(folded) ??
      existingByFolded.get(normalizeName(cleaned)) ??
      (articleName && !notes.keptApart.includes(name) ? existingByFolded.get(normalizeName(articleName)) : undefined) ??
      null;
    if (existing && acts.has(existing.slug)) {
      const known = acts.get(existing.slug)!;
      known.names.add(cleaned);
      actByFoldedName.set(folded, known);
      if (!collaboratorOnly) known.collaboratorOnly = false;
      return known;
    }
    // Two names whose debut rows cite one Wikidata item are one act, unless it is a subunit the
    // compilation filed under its parent's article.
    const sameItem =
      parsed.wikidata && !notes.keptApart.includes(name)
        ? [...acts.values()].find((a) => a.wikidata === parsed.wikidata && !notes.keptApart.includes(a.name))
        : undefined;
    if (sameItem) {
      sameItem.names.add(cleaned);
      actByFoldedName.set(folded, sameItem);
      report.merged.push({ names: [name], into: sameItem.name, why: `both debut rows cite Wikidata ${parsed.wikidata}` });
      if (!collaboratorOnly) sameItem.collaboratorOnly = false;
      return sameItem;
    }
    const group = kpopnetGroupByFolded.get(folded) ?? null;
    // Two names kpopnet.json gives one group ("WJSN", alias "Cosmic Girls") are one act too.
    const sameGroup = group ? [...acts.values()].find((a) => a.kpopnetGroupId === group.id) : undefined;
    if (sameGroup) {
      sameGroup.names.add(cleaned);
      actByFoldedName.set(folded, sameGroup);
      report.merged.push({ names: [name], into: sameGroup.name, why: `kpopnet.json names both as one group` });
      if (!collaboratorOnly) sameGroup.collaboratorOnly = false;
      return sameGroup;
    }
    const slug = existing?.slug ?? notes.slug[name] ?? storeSlug(name);
    const act: Act = {
      slug,
      // kpopnet.json writes a group's name as the group does ("TWICE", "aespa"); the lists do not.
      name: existing?.name ?? notes.displayName[name] ?? group?.name ?? name,
      names: new Set([cleaned]),
      kind: existing?.kind ?? null,
      kindFrom: existing ? 'seeds' : null,
      hangul: group?.name_original ?? null,
      debut,
      wikidata: parsed.wikidata,
      wikipediaTitle: parsed.title,
      existing: existing !== null,
      collaboratorOnly,
      kpopnetGroupId: group?.id ?? null,
    };
    if (acts.has(slug)) throw new Error(`two acts would share the slug "${slug}": ${acts.get(slug)!.name} and ${name}`);
    acts.set(slug, act);
    actByFoldedName.set(folded, act);
    return act;
  };

  const creditsFor = new Map<string, Act[]>();
  const credit = (raw: string): Act[] => {
    const cached = creditsFor.get(raw);
    if (cached) return cached;
    const scraped = cleanScrapedName(raw);
    const cleaned = canonicalName(scraped);
    let result: Act[];
    const listed = notes.collaborations[cleaned];
    const isAct =
      !listed &&
      (notes.acts.includes(cleaned) ||
        debutBySlug.has(notes.debutRow[cleaned] ?? compilationSlug(cleaned)) ||
        existingByFolded.has(normalizeName(cleaned)) ||
        kpopnetGroupByFolded.has(normalizeName(cleaned)));
    const parts = listed ?? (isAct ? null : splitCollaboration(cleaned));
    if (parts && parts.length > 1) {
      result = parts.map((part) => actFor(cleanScrapedName(part), true));
      report.collaborations.push({ name: cleaned, credits: result.map((a) => a.slug) });
    } else {
      result = [actFor(scraped, false)];
    }
    creditsFor.set(raw, result);
    return result;
  };

  // 2. The wins inside the years and pages the catalogue covers.
  const showByCompilation = new Map<string, (typeof musicShows)[number]>(musicShows.map((s) => [s.compilation, s]));
  interface Win {
    show: (typeof musicShows)[number];
    date: string;
    year: number;
    credits: Act[];
    title: string;
  }
  const wins: Win[] = [];
  const seen = new Set<string>();
  for (const row of input.bootstrap.wins) {
    const show = showByCompilation.get(row.show);
    const year = Number(row.date.slice(0, 4));
    if (!show || year < firstYear || year > lastYear) {
      report.wins.outOfRange++;
      continue;
    }
    if (winnersPageTitle(row.show, year) === null) {
      report.wins.gap++;
      continue;
    }
    const credits = credit(row.artist);
    const title = cleanScrapedName(row.title);
    const key = `${show.slug}|${row.date}|${credits.map((a) => a.slug).join('+')}|${normalizeName(title)}`;
    if (seen.has(key)) {
      report.wins.duplicates++;
      continue;
    }
    seen.add(key);
    wins.push({ show, date: row.date, year, credits, title });
  }
  // A win the independent compilation contradicts stays out unless a third source settled it.
  if (input.crossCheck) {
    const checked = compareWinners(
      wins.map((w) => ({ show: w.show.slug, date: w.date, artists: w.credits.map((a) => a.name), song: w.title })),
      input.crossCheck.winners,
      input.crossCheck.years,
      notes.settled,
    );
    report.crossCheck = checked;
    const contradicted = new Set(
      checked.disagreements.filter((d) => !(notes.settled[`${d.show}|${d.date}`] ?? '').startsWith('Kept')).map((d) => `${d.show}|${d.date}`),
    );
    const before = wins.length;
    wins.splice(0, wins.length, ...wins.filter((w) => !contradicted.has(`${w.show.slug}|${w.date}`)));
    report.leftOutByCrossCheck = before - wins.length;
  }
  report.wins.kept = wins.length;

  // 3. Kinds, Hangul names and members, each from a source that states it.
  const idolsById = new Map(input.kpopnet.idols.map((idol) => [idol.id, idol]));
  for (const act of acts.values()) {
    const researched = notes.kind[act.name] ?? notes.actKinds.find((k) => [act.name, ...act.names].some((n) => normalizeName(n) === normalizeName(k.name)));
    if (act.kind === null && researched) {
      act.kind = researched.kind;
      act.kindFrom = 'source' in researched ? researched.source : researched.url;
    }
    if (act.kind === null && act.kpopnetGroupId) {
      act.kind = 'group';
      act.kindFrom = 'kpopnet.json';
    }
    if (act.kind === null && act.debut?.solo) {
      act.kind = 'soloist';
      act.kindFrom = 'debut row (solo debut)';
    }
    if (act.kind === null && act.wikipediaTitle) {
      const kind = kindFromTitle(act.wikipediaTitle);
      if (kind) {
        act.kind = kind;
        act.kindFrom = `Wikipedia title "${act.wikipediaTitle}"`;
      }
    }
    if (act.kind === null) report.kindUnknown.push(act.name);
  }
  // An act whose kind no source gives is left out, with its wins; their episodes are then
  // missing from the records, so their show-years are not counted as complete.
  const unknownKind = new Set([...acts.values()].filter((a) => a.kind === null).map((a) => a.slug));
  const withoutKind = wins.filter((w) => w.credits.some((a) => unknownKind.has(a.slug)));
  report.leftOutForKind = withoutKind.map((w) => ({ show: w.show.slug, date: w.date, credits: w.credits.map((a) => a.name).join(' & '), title: w.title }));
  wins.splice(0, wins.length, ...wins.filter((w) => !withoutKind.includes(w)));
  for (const slug of unknownKind) acts.delete(slug);
  const membersOf = new Map<string, string[]>();
  for (const act of acts.values()) {
    if (!act.kpopnetGroupId) continue;
    const group = input.kpopnet.groups.find((g) => g.id === act.kpopnetGroupId)!;
    const members: string[] = [];
    for (const member of group.members) {
      const idol = idolsById.get(member.idol_id);
      const soloAct = idol ? actByFoldedName.get(normalizeName(idol.name)) : undefined;
      // Only an act the debut rows call a solo debut is taken to be this idol: a bare name match
      // could be anyone.
      if (idol && soloAct && soloAct.debut?.solo && soloAct.kind === 'soloist') {
        members.push(soloAct.slug);
        if (!soloAct.hangul && idol.name_original) soloAct.hangul = idol.name_original;
      }
    }
    if (members.length > 0) membersOf.set(act.slug, members);
  }

  // 4. Works: one per song and credits; a title two different songs share gets its act's slug.
  const existingWorks = new Map<string, WorkRecord>();
  for (const work of input.existing.works) {
    for (const c of work.credits) existingWorks.set(`${normalizeName(work.title)}|${c.artist}`, work);
  }
  const works = new Map<string, WorkRecord>(); // by identity
  const workSlugs = new Set(input.existing.works.map((w) => w.slug));
  const workFor = (win: Win): string => {
    const identity = `${normalizeName(win.title)}|${win.credits.map((a) => a.slug).join('+')}`;
    const made = works.get(identity);
    if (made) return made.slug;
    const reused = win.credits.map((a) => existingWorks.get(`${normalizeName(win.title)}|${a.slug}`)).find(Boolean);
    if (reused) {
      works.set(identity, reused);
      return reused.slug;
    }
    let slug = storeSlug(win.title) || 'song';
    if (workSlugs.has(slug)) slug = `${slug}-${win.credits[0]!.slug}`;
    for (let n = 2; workSlugs.has(slug); n++) slug = `${storeSlug(win.title)}-${win.credits[0]!.slug}-${n}`;
    workSlugs.add(slug);
    const work: WorkRecord = { slug, title: win.title, kind: 'song', credits: win.credits.map((a) => ({ artist: a.slug, role: 'primary' as const })) };
    works.set(identity, work);
    return slug;
  };

  // 5. Sources: each show's page for each year, each act's Wikipedia article.
  const sources = new Map<string, SourceRecord>();
  const pageSource = (title: string): string => {
    const url = wikipediaUrl(title);
    if (!sources.has(url)) sources.set(url, { id: url, url, headline: title, outlet: 'Wikipedia', readOn: input.readOn });
    return url;
  };

  // 6. Editions (one per episode) and the wins as nominations, a file a year.
  const files: Record<string, SeedFile> = {};
  const coverage = new Map<string, Set<number>>();
  for (const show of musicShows) {
    const years = new Set<number>();
    for (let year = firstYear; year <= lastYear; year++) if (winnersPageTitle(show.compilation, year) !== null) years.add(year);
    coverage.set(show.slug, years);
  }
  const recorded: RecordedWin[] = [];
  const nominationKeys = new Set<string>();
  const winSourceOf = new Map<RecordedWin, string>();
  for (let year = firstYear; year <= lastYear; year++) {
    const editions = new Map<string, EditionRecord>();
    const nominations: NominationRecord[] = [];
    for (const win of wins.filter((w) => w.year === year).sort((a, b) => a.date.localeCompare(b.date) || a.show.slug.localeCompare(b.show.slug))) {
      const source = pageSource(winnersPageTitle(win.show.compilation, year)!);
      const editionKey = `${win.show.slug}/${win.date}`;
      if (!editions.has(editionKey)) editions.set(editionKey, { ceremony: win.show.slug, year, heldOn: win.date, venue: null, city: null, timeZone: 'Asia/Seoul', notes: null, source });
      const work = workFor(win);
      // Two rows for one song on one episode (an act, and the act with its featured guest): one win.
      const nominationKey = `${editionKey}|${work}`;
      if (nominationKeys.has(nominationKey)) {
        report.wins.duplicates++;
        continue;
      }
      nominationKeys.add(nominationKey);
      nominations.push({ ceremony: win.show.slug, year, date: win.date, category: winCategory.slug, work, result: 'won', sources: [source] });
      const recordedWin = { show: win.show.slug, date: win.date, artists: win.credits.map((a) => a.slug), work };
      recorded.push(recordedWin);
      winSourceOf.set(recordedWin, source);
    }
    // A year is covered only when the records go on past it (a year cut short is not complete),
    // the second compilation knows no episode of it that the first lacks, and no note says otherwise.
    for (const show of musicShows) {
      const recordsGoOn = wins.some((w) => w.show.slug === show.slug && w.year > year);
      const inYear = (episode: { show: string; date: string }) => episode.show === show.slug && Number(episode.date.slice(0, 4)) === year;
      const missing =
        (report.crossCheck?.missingHere.some(inYear) || report.crossCheck?.disagreements.some(inYear)) ?? false;
      if (!recordsGoOn || missing || notes.notCovered[show.slug]?.years.includes(year)) coverage.get(show.slug)!.delete(year);
    }
    files[`music-show-wins-${year}.json`] = { editions: [...editions.values()], nominations };
  }
  report.wins.kept = recorded.length;
  report.coverage = musicShows.map((show) => {
    const years = [...coverage.get(show.slug)!].sort();
    const gaps: number[] = [];
    for (let year = firstYear; year <= lastYear; year++) if (!coverage.get(show.slug)!.has(year)) gaps.push(year);
    return { show: show.slug, years, gaps };
  });

  // 7. Debuts: a milestone each, cited to the act's article; left out where kpopnet disagrees.
  const milestones: MilestoneRecord[] = [];
  const debutDates = new Map<string, string>();
  const existingMilestoneKeys = new Set(input.existing.milestones.map((m) => m.key));
  for (const act of acts.values()) {
    const row = act.debut;
    if (!row || !act.wikipediaTitle) continue;
    const kpopnetDate = act.kpopnetGroupId ? input.kpopnet.groups.find((g) => g.id === act.kpopnetGroupId)!.debut_date : null;
    const actNames = new Set([act.name, ...act.names].map(normalizeName));
    const third = notes.debutThirdSources.find((d) => actNames.has(normalizeName(d.name)));
    if (kpopnetDate && row.debut !== kpopnetDate && third && (third.date === row.debut || third.date === kpopnetDate)) {
      // Two sources disagree and a third settles it: the date two of them give stands, cited to both.
      const thirdId = third.url;
      if (!sources.has(thirdId)) {
        sources.set(thirdId, { id: thirdId, url: third.url, headline: third.title, outlet: third.outlet, ...(third.publishedOn ? { publishedOn: third.publishedOn } : {}), readOn: input.readOn });
      }
      const cited = third.date === row.debut ? [pageSource(act.wikipediaTitle), thirdId] : ['kpopnet.json', thirdId];
      const key = `${act.slug}-${row.solo ? 'solo-debut' : 'debut'}`;
      milestones.push({ key, kind: 'debut', artists: [act.slug], statement: row.solo ? 'Solo debut' : 'Debut', occurredOn: third.date, sources: cited });
      debutDates.set(act.slug, third.date);
      report.debuts.kept++;
      report.debuts.settled.push({ artist: act.name, date: third.date, by: third.url });
      continue;
    }
    if (kpopnetDate && row.debut.length === 10 && kpopnetDate !== row.debut) {
      report.debuts.leftOut.push({ artist: act.name, why: `the compilation gives ${row.debut}, kpopnet.json ${kpopnetDate}` });
      // The day is in doubt, not the year both give: the records are read from that year.
      if (kpopnetDate.slice(0, 4) === row.debut.slice(0, 4)) debutDates.set(act.slug, row.debut.slice(0, 4));
      continue;
    }
    if (kpopnetDate && row.debut.length < 10 && !kpopnetDate.startsWith(row.debut)) {
      report.debuts.leftOut.push({ artist: act.name, why: `the compilation gives ${row.debut}, kpopnet.json ${kpopnetDate}` });
      continue;
    }
    const key = `${act.slug}-${row.solo ? 'solo-debut' : 'debut'}`;
    if (existingMilestoneKeys.has(key)) continue;
    // A debut the other seeds already state stands; a different date is noted, never added beside it.
    const statedDebut = input.existing.milestones.find((m) => m.kind === 'debut' && m.artists.length === 1 && m.artists[0] === act.slug);
    if (statedDebut) {
      if (statedDebut.occurredOn !== row.debut) {
        report.debuts.leftOut.push({ artist: act.name, why: `the seeds state ${statedDebut.occurredOn}, the compilation ${row.debut}; the stated one stands` });
      }
      continue;
    }
    const source = pageSource(act.wikipediaTitle);
    const cited = kpopnetDate && kpopnetDate.startsWith(row.debut) ? [source, 'kpopnet.json'] : [source];
    milestones.push({ key, kind: 'debut', artists: [act.slug], statement: row.solo ? 'Solo debut' : 'Debut', occurredOn: row.debut, sources: cited });
    debutDates.set(act.slug, row.debut);
    report.debuts.kept++;
  }
  // An act whose debut the other seeds state (Jungkook's solo debut, for one) counts from that date.
  for (const m of input.existing.milestones) {
    if (m.kind === 'debut' && m.occurredOn && m.artists.length === 1 && !debutDates.has(m.artists[0]!)) debutDates.set(m.artists[0]!, m.occurredOn);
  }

  // 8. Milestones the records prove; a stated one of the same kind wins over a derived one.
  const stated = new Map(input.existing.milestones.map((m) => [m.key, m]));
  const showName = new Map<string, string>(musicShows.map((s) => [s.slug, s.name]));
  const workTitle = new Map([...works.values()].map((w) => [w.slug, w.title]));
  const derivedMilestones: MilestoneRecord[] = [];
  // The wins left out for want of an act's kind still decide what came first for the others.
  const unstored: RecordedWin[] = withoutKind.map((w) => ({
    show: w.show.slug,
    date: w.date,
    artists: w.credits.map((a) => a.slug),
    work: `unstored:${normalizeName(w.title)}`,
    unstored: true,
  }));
  for (const derived of deriveMilestones({ wins: [...recorded, ...unstored], coverage }, debutDates)) {
    const record = derivedMilestone(derived, showName, workTitle, winSourceOf.get(derived.win)!, debutDates.get(derived.artist)!);
    const statedOne = stated.get(record.key);
    if (statedOne) {
      report.statedOverDerived.push({ key: record.key, stated: statedOne.occurredOn ?? null, derived: derived.win.date });
      continue;
    }
    derivedMilestones.push(record);
  }
  report.derived = derivedMilestones.length;

  // 9. The artists, new ones only: the others' records stay where they are.
  const artists: ArtistRecord[] = [];
  // Who answers to which folded name, so that an alias never makes two acts share one.
  const nameOwner = new Map<string, string>();
  for (const artist of input.existing.artists) for (const name of [artist.name, ...(artist.aliases ?? []).map((a) => a.alias)]) nameOwner.set(normalizeName(name), artist.slug);
  for (const act of acts.values()) for (const name of [act.name, ...act.names]) nameOwner.set(normalizeName(name), act.slug);
  for (const act of [...acts.values()].sort((a, b) => a.slug.localeCompare(b.slug))) {
    if (act.existing) continue;
    const aliases = new Map<string, { alias: string; kind: 'name' | 'hangul' }>();
    for (const name of act.names) if (name !== act.name) aliases.set(normalizeName(name), { alias: name, kind: 'name' });
    // The act's article is named for it ("I-dle", "BB Girls", "Cho Kyu-hyun"): another name fans type.
    const articleName = act.wikipediaTitle?.replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (articleName && (nameOwner.get(normalizeName(articleName)) ?? act.slug) === act.slug) {
      aliases.set(normalizeName(articleName), { alias: articleName, kind: 'name' });
      nameOwner.set(normalizeName(articleName), act.slug);
    }
    if (act.hangul) {
      aliases.set(normalizeName(act.hangul), { alias: act.hangul, kind: 'hangul' });
      report.hangul++;
    }
    aliases.delete(normalizeName(act.name));
    const record: ArtistRecord = {
      slug: act.slug,
      name: act.name,
      kind: act.kind ?? 'soloist',
      kpop: !act.collaboratorOnly,
      ...(act.collaboratorOnly ? { kpopNote: 'Known here only as a collaborator on a weekly music-show win; the sources read do not say more.' } : {}),
      ...(membersOf.has(act.slug) ? { members: membersOf.get(act.slug) } : {}),
      ...(aliases.size > 0 ? { aliases: [...aliases.values()] } : {}),
    };
    artists.push(record);
    report.newActs++;
  }
  report.acts = acts.size;

  const kpopnetCited = milestones.some((m) => m.sources.includes('kpopnet.json'));
  files['music-shows.json'] = {
    sources: [
      ...[...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
      ...(kpopnetCited ? [{ id: 'kpopnet.json', headline: 'kpopnet.json: K-pop open data (girl groups and idols)', outlet: 'kpopnet.json (npm package)', url: 'https://www.npmjs.com/package/kpopnet.json', readOn: input.readOn }] : []),
    ],
    ceremonies: musicShows.map((show) => ({
      slug: show.slug,
      name: show.name,
      shortName: show.shortName,
      kind: 'music_show' as const,
      aliases: [...show.aliases],
      categories: [winCategory],
    })),
  };
  files['music-show-artists.json'] = { artists };
  files['music-show-works.json'] = { works: [...works.values()].filter((w) => !input.existing.works.includes(w)).sort((a, b) => a.slug.localeCompare(b.slug)) };
  files['debuts.json'] = { milestones };
  files['music-show-milestones.json'] = { milestones: derivedMilestones };
  return { files, report, acts: [...acts.values()] };
}

function derivedMilestone(
  derived: DerivedMilestone,
  showName: Map<string, string>,
  workTitle: Map<string, string>,
  source: string,
  debut: string,
): MilestoneRecord {
  const show = showName.get(derived.win.show)!;
  const song = workTitle.get(derived.win.work) ?? derived.win.work;
  const artist = derived.artist;
  // What the milestone rests on, briefly: the records and the span they are complete over.
  const basis =
    derived.kind === 'first-win' || derived.kind === 'tenth-win' || derived.kind === 'hundredth-win'
      ? `Shown by the six shows' winner lists, complete since the debut (${debut})`
      : `Shown by ${show}'s winner lists, complete since the debut (${debut})`;
  const base = {
    kind: 'first' as const,
    artists: [artist],
    occurredOn: derived.win.date,
    edition: { ceremony: derived.win.show, year: Number(derived.win.date.slice(0, 4)), date: derived.win.date },
    nomination: { category: winCategory.slug, work: derived.win.work },
    work: derived.win.work,
    note: basis,
    sources: [source],
  };
  switch (derived.kind) {
    case 'first-win':
      return { ...base, key: `${artist}-first-music-show-win`, statement: `First win on a weekly music show: ${show}, with "${song}"` };
    case 'first-win-on-show':
      return { ...base, key: `${artist}-first-win-${derived.win.show}`, statement: `First win on ${show}, with "${song}"` };
    case 'triple-crown':
      return { ...base, kind: 'record', key: `${artist}-triple-crown-${derived.win.show}-${derived.win.work}`, statement: `Triple crown on ${show}: a third win with "${song}"` };
    case 'tenth-win':
      return { ...base, kind: 'record', key: `${artist}-10th-music-show-win`, statement: `10th win on the weekly music shows, on ${show} with "${song}"` };
    case 'hundredth-win':
      return { ...base, kind: 'record', key: `${artist}-100th-music-show-win`, statement: `100th win on the weekly music shows, on ${show} with "${song}"` };
  }
}
