// Plans an import: reads a CSV or JSON file (its bytes, so that a Discord attachment and a file on
// disk go the same way), resolves every row against the store, and returns what would be created,
// added, changed and left as it is, or every problem with its file, row and field. Planning reads
// and never writes; `applyImportPlan` writes a plan in small transactions.
//
// Every step costs about the same per row, however many rows came before (what the file creates
// is indexed, what it reads of the store is remembered), and planning is a generator that may
// pause between rows: the bot plans in turns of a few milliseconds, so that fans' commands are
// answered while a curator's large file is checked.
import { createHash } from 'node:crypto';
import type { FactChange, ImportPlan, ImportProblem, PlannedFact } from '../core/import-plan.js';
import { parse } from 'csv-parse/sync';
import type { ContributionFacts } from '../core/awards-facts.js';
import type { ContributionLookups, ImportRecord } from '../../db/queries/contribution-store.js';
import { z } from 'zod';
import { seedFile, type SeedFile } from '../../db/seed/seed-file-schema.js';
import { calendarDateIn } from '../core/calendar.js';
import {
  editionKeyOf,
  type CitedLinkProblem,
  factKey,
  nomineeKeyOf,
  type EditionSpec,
  type FactSpec,
  type MilestoneSpec,
  type NewArtist,
  type NewCategory,
  type NewCeremony,
  type NewWork,
  type NominationSpec,
  type SourceSpec,
} from '../core/contributed-facts.js';
import {
  emptyCreations,
  futureDateProblems,
  newResolutionBatch,
  resolveContributedWin,
  type FactProblem,
  type PendingCreations,
  type TypedWin,
} from '../core/resolve-contributed-win.js';
import { inOneGo, inTurns, type Steps, type Turn } from './planning-steps.js';

export type { FactChange, ImportPlan, ImportProblem, PlannedFact };

export const csvColumns = [
  'artist',
  'ceremony',
  'date',
  'category',
  'result',
  'work',
  'source_url',
  'source_title',
  'source_publisher',
  'source_published',
] as const;
export const optionalCsvColumns = ['artist_kind', 'ceremony_kind'] as const;

export interface ImportInput {
  bytes: Buffer;
  /** The file's name as given (a path's last part, or an attachment's name): shown and recorded. */
  fileName: string;
  /** Who imports it: a Discord user id, or a name at the terminal. Recorded with every fact. */
  by: string;
  now: Date;
}

export type ImportPlanning = { ok: true; plan: ImportPlan } | { ok: false; fileName: string; problems: ImportProblem[] };

export interface ImportContext {
  store: ContributionFacts;
  lookups: ContributionLookups;
}

/** True when applying the plan would change nothing. */
export function isNoOp(plan: ImportPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0;
}

/** Plans in one go: for the terminal and for tests, where nothing else is waiting. */
export function planImport(context: ImportContext, input: ImportInput): ImportPlanning {
  return inOneGo(planning(context, input));
}

/**
 * Plans in turns of about `turnMs` of work, giving the event loop a turn between them: for the
 * bot, where other people's commands wait while a curator's file is checked.
 */
export function planImportInTurns(context: ImportContext, input: ImportInput, turnMs?: number, turns?: Turn[]): Promise<ImportPlanning> {
  return inTurns(planning(context, input), turnMs, turns);
}

function* planning(context: ImportContext, input: ImportInput): Steps<ImportPlanning> {
  const { fileName } = input;
  const digest = createHash('sha256').update(input.bytes).digest('hex');
  const fail = (problems: ImportProblem[]): ImportPlanning => ({ ok: false, fileName, problems });
  let text: string;
  try {
    // A byte-order mark is dropped; any byte sequence that is not UTF-8 is refused.
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch {
    return fail([{ file: fileName, row: null, field: '(file)', code: 'not-utf8' }]);
  }
  const today = calendarDateIn(input.now, 'UTC');
  const format = /\.json$/i.test(fileName) || /^\s*[{[]/.test(text) ? 'json' : 'csv';
  const rows = format === 'json' ? yield* jsonFacts(context, fileName, text, today) : yield* csvFacts(context, fileName, text, today);
  if (!rows.ok) return fail(rows.problems);

  // The same checks of dates for every fact, whichever format it came in.
  const problems: ImportProblem[] = [];
  for (const { row, fact } of rows.facts) {
    for (const problem of futureDateProblems(fact, today)) problems.push({ ...problem, file: fileName, row });
    yield;
  }
  if (problems.length > 0) return fail(problems);

  // The same fact twice in one file is one fact, citing every source its rows give.
  const merged = new Map<string, { row: string; fact: FactSpec; cited: Set<string> }>();
  for (const entry of rows.facts) {
    const key = factKey(entry.fact);
    const earlier = merged.get(key);
    if (!earlier) {
      const sources = [...entry.fact.sources];
      merged.set(key, { row: entry.row, fact: { ...entry.fact, sources }, cited: new Set(sources.map((s) => s.identifier)) });
      yield;
      continue;
    }
    if (earlier.fact.type === 'nomination' && entry.fact.type === 'nomination' && earlier.fact.result !== entry.fact.result) {
      problems.push({ file: fileName, row: entry.row, field: 'result', code: 'conflicting-rows', value: entry.fact.result, stored: earlier.row });
      continue;
    }
    for (const source of entry.fact.sources) {
      if (earlier.cited.has(source.identifier)) continue;
      earlier.cited.add(source.identifier);
      earlier.fact.sources.push(source);
    }
    yield;
  }

  const plan: ImportPlan = {
    fileName,
    digest,
    format,
    by: input.by,
    previousImports: context.lookups.importsWithDigest(digest),
    newArtists: rows.creations.artists,
    newCeremonies: rows.creations.ceremonies,
    newCategories: rows.creations.categories,
    newWorks: rows.creations.works,
    added: [],
    changed: [],
    unchanged: [],
  };
  const ceremonies = new Map<string, ReturnType<ContributionLookups['ceremonyBySlug']>>();
  for (const { row, fact } of merged.values()) {
    yield;
    const existing = existingFact(context.lookups, ceremonies, fact);
    if (!existing) {
      plan.added.push({ row, fact, existingId: null, changes: [] });
      continue;
    }
    const problem = (code: FactProblem['code'], field: string, stored?: string) =>
      problems.push({ file: fileName, row, field, code, ...(stored !== undefined ? { stored } : {}) });
    if (existing.withdrawn) {
      problem('withdrawn-fact', fact.type === 'nomination' ? 'category' : 'key', existing.withdrawalReason ?? undefined);
      continue;
    }
    const changes: FactChange[] = [];
    if (fact.type === 'nomination' && fact.result === 'won' && existing.result === 'nominated') {
      changes.push({ field: 'result', from: 'nominated', to: 'won' });
    }
    if (fact.type === 'milestone' && existing.statement !== fact.statement) {
      problem(existing.origin === 'seed' ? 'seed-fact-differs' : 'fact-differs', 'statement', existing.statement ?? undefined);
      continue;
    }
    if (existing.origin === 'seed') {
      // Seed facts are corrected in seeds/, never by an import.
      if (changes.length > 0) problem('seed-fact-differs', 'result', existing.seedFile ?? undefined);
      else plan.unchanged.push({ row, fact, existingId: existing.id, changes: [] });
      continue;
    }
    const newSources = fact.sources.map((s) => s.identifier).filter((id) => !existing.sourceIdentifiers.includes(id));
    if (newSources.length > 0) changes.push({ field: 'sources', added: newSources });
    (changes.length > 0 ? plan.changed : plan.unchanged).push({ row, fact, existingId: existing.id, changes });
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, plan };
}

function existingFact(lookups: ContributionLookups, ceremonies: Map<string, ReturnType<ContributionLookups['ceremonyBySlug']>>, fact: FactSpec) {
  if (fact.type === 'milestone') return lookups.milestone(fact.key);
  const slug = fact.edition.ceremonySlug;
  if (!ceremonies.has(slug)) ceremonies.set(slug, lookups.ceremonyBySlug(slug));
  const ceremony = ceremonies.get(slug);
  if (!ceremony) return undefined;
  return lookups.nomination(ceremony.id, editionKeyOf(fact.edition), fact.categorySlug, nomineeKeyOf(fact.workSlug, fact.artistSlugs));
}

type RowFacts =
  | { ok: true; facts: { row: string; fact: FactSpec }[]; creations: PendingCreations }
  | { ok: false; problems: ImportProblem[] };

/** Characters of a CSV file parsed at a time: about a millisecond of csv-parse's work. */
const CSV_PIECE_CHARS = 16 * 1024;

/**
 * Where the piece of CSV that starts at `start` ends: after the first line break past `start +
 * CSV_PIECE_CHARS` that is outside quotes (a doubled quote inside a field turns twice), so that
 * every piece holds whole records.
 */
function csvPieceEnd(text: string, start: number): number {
  const wanted = start + CSV_PIECE_CHARS;
  if (wanted >= text.length) return text.length;
  let quoted = false;
  for (let index = start; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (character === 0x22) quoted = !quoted;
    else if (character === 0x0a && !quoted && index >= wanted) return index + 1;
  }
  return text.length;
}

type CsvRecords = { ok: true; records: { record: string[]; line: number }[] } | { ok: false; problems: ImportProblem[] };

/** Parses a CSV file a piece at a time, so that a large file never holds the event loop for long. */
function* csvRecords(file: string, text: string): Steps<CsvRecords> {
  const records: { record: string[]; line: number }[] = [];
  let linesBefore = 0;
  for (let start = 0; start < text.length; ) {
    const end = csvPieceEnd(text, start);
    const piece = text.slice(start, end);
    try {
      const parsed = parse(piece, { bom: start === 0, info: true, skip_empty_lines: true, relax_quotes: false }) as { record: string[]; info: { lines: number } }[];
      for (const { record, info } of parsed) records.push({ record, line: info.lines + linesBefore });
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      const message = (error as Error).message.replace(/\bline (\d+)/g, (_, n: string) => `line ${Number(n) + linesBefore}`);
      return { ok: false, problems: [{ file, row: line ? `row ${line + linesBefore}` : null, field: '(file)', code: 'malformed', value: message }] };
    }
    for (let index = start; index < end; index++) if (text.charCodeAt(index) === 0x0a) linesBefore++;
    start = end;
    yield;
  }
  // Each piece is parsed apart, so the rows' lengths are checked against the header here.
  const width = records[0]?.record.length ?? 0;
  const uneven = records.find((r) => r.record.length !== width);
  if (uneven) {
    const value = `Invalid Record Length: expect ${width}, got ${uneven.record.length} on line ${uneven.line}`;
    return { ok: false, problems: [{ file, row: `row ${uneven.line}`, field: '(file)', code: 'malformed', value }] };
  }
  return { ok: true, records };
}

function* csvFacts(context: ImportContext, file: string, text: string, today: string): Steps<RowFacts> {
  // A file edited on several systems mixes CRLF, LF and lone CR: each ends a line. (Inside a
  // quoted field a line break is text, and stored names and titles make it a space anyway.)
  const parsed = yield* csvRecords(file, text.replace(/\r\n?/g, '\n'));
  if (!parsed.ok) return parsed;
  const { records } = parsed;
  const header = records[0]?.record.map((name) => name.trim().toLowerCase()) ?? [];
  const headerProblems: ImportProblem[] = [];
  const known = new Set<string>([...csvColumns, ...optionalCsvColumns]);
  for (const column of csvColumns) {
    if (!header.includes(column)) headerProblems.push({ file, row: 'row 1', field: column, code: 'bad-header' });
  }
  header.forEach((name, index) => {
    if (!known.has(name) || header.indexOf(name) !== index) headerProblems.push({ file, row: 'row 1', field: name || `(column ${index + 1})`, code: 'bad-header', value: name });
  });
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };

  const batch = newResolutionBatch();
  const facts: { row: string; fact: FactSpec }[] = [];
  const problems: ImportProblem[] = [];
  const resolveContext = { ...context, today };
  const columnIndex = new Map(header.map((name, index) => [name, index]));
  for (const { record, line } of records.slice(1)) {
    yield;
    const row = `row ${line}`;
    const cell = (column: string) => {
      const index = columnIndex.get(column);
      return index !== undefined ? (record[index] ?? '') : '';
    };
    const typed: TypedWin = {
      artist: cell('artist'),
      ceremony: cell('ceremony'),
      date: cell('date'),
      category: cell('category'),
      result: cell('result'),
      work: cell('work'),
      sourceUrl: cell('source_url'),
      sourceTitle: cell('source_title'),
      sourcePublisher: cell('source_publisher'),
      sourcePublished: cell('source_published'),
      artistKind: cell('artist_kind'),
      ceremonyKind: cell('ceremony_kind'),
    };
    // In a file, result is required: an empty one is a mistake, not "won".
    if (typed.result.trim() === '') {
      problems.push({ file, row, field: 'result', code: 'bad-result', value: '' });
      continue;
    }
    const resolved = resolveContributedWin(resolveContext, typed, batch);
    if (resolved.ok) facts.push({ row, fact: resolved.fact });
    else problems.push(...resolved.problems.map((p) => ({ ...p, file, row })));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts, creations: batch.creations };
}

/**
 * A file in the seeds/ format: its records may name artists, ceremonies, works and sources by
 * slug, defined in the file itself or already in the store.
 */
function* jsonFacts(context: ImportContext, file: string, text: string, today: string): Steps<RowFacts> {
  const { lookups } = context;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file, row: null, field: '(file)', code: 'malformed', value: (error as Error).message }] };
  }
  yield;
  const parsed = yield* seedFileOf(json);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.issues.map((issue): ImportProblem => {
        const [list, index, ...field] = issue.path;
        // A refused link says why in the reader's language, as it does in a CSV row.
        const link = issue.code === 'custom' ? (issue.params as { problem?: CitedLinkProblem; characters?: string[]; typed?: string } | undefined) : undefined;
        return {
          file,
          row: typeof list === 'string' && typeof index === 'number' ? `${list}[${index}]` : null,
          field: field.length > 0 ? field.join('.') : typeof list === 'string' && typeof index !== 'number' ? list : '(record)',
          ...(link?.problem
            ? { code: link.problem, value: link.typed ?? '', ...(link.characters ? { characters: link.characters } : {}) }
            : { code: 'malformed' as const, value: issue.message }),
        };
      }),
    };
  }
  const data: SeedFile = parsed.data;
  const problems: ImportProblem[] = [];
  const problem = (row: string, field: string, code: FactProblem['code'], value?: string) =>
    problems.push({ file, row, field, code, ...(value !== undefined ? { value } : {}) });
  if (data.nomineeLists?.length) problem('nomineeLists[0]', 'nomineeLists', 'not-importable');

  const creations = emptyCreations();
  const sources = new Map<string, SourceSpec>();
  (data.sources ?? []).forEach((s) => {
    sources.set(s.id, {
      identifier: s.url ?? s.id,
      url: s.url ?? null,
      title: s.headline,
      publisher: s.outlet,
      publishedOn: s.publishedOn ?? null,
      readOn: s.readOn ?? null,
    });
  });
  const source = (row: string, id: string): SourceSpec | null => {
    const found = sources.get(id) ?? storedSource(id);
    if (!found) problem(row, 'sources', 'unknown-reference', id);
    return found;
  };
  // A source already in the store is cited as it is there.
  const storedSource = (id: string): SourceSpec | null => lookups.sourceByIdentifier(id) ?? null;

  const artistNames = new Map<string, string>();
  (data.artists ?? []).forEach((a) => {
    artistNames.set(a.slug, a.name);
    if (lookups.artistBySlug(a.slug)) return;
    creations.artists.push({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      isKpop: a.kpop,
      kpopNote: a.kpopNote ?? null,
      aliases: a.aliases ?? [],
    });
  });
  const artistName = (row: string, slug: string): string | null => {
    const name = artistNames.get(slug) ?? lookups.artistBySlug(slug)?.name;
    if (name === undefined) problem(row, 'artists', 'unknown-reference', slug);
    return name ?? null;
  };
  const ceremonies = new Map<string, { name: string; kind: 'award_show' | 'music_show'; categories: Map<string, string> }>();
  (data.ceremonies ?? []).forEach((c) => {
    const stored = lookups.ceremonyBySlug(c.slug);
    const storedCategories = stored ? lookups.categoriesOf(stored.id) : [];
    const storedSlugs = new Set(storedCategories.map((k) => k.slug));
    ceremonies.set(c.slug, {
      name: stored?.name ?? c.name,
      kind: stored?.kind ?? c.kind ?? 'award_show',
      categories: new Map([...storedCategories.map((k) => [k.slug, k.name] as const), ...c.categories.map((k) => [k.slug, k.name] as const)]),
    });
    if (!stored) creations.ceremonies.push({ slug: c.slug, name: c.name, shortName: c.shortName, kind: c.kind ?? 'award_show', aliases: c.aliases ?? [] });
    for (const k of c.categories) {
      if (!storedSlugs.has(k.slug)) {
        creations.categories.push({ ceremonySlug: c.slug, slug: k.slug, name: k.name, grandPrize: k.grandPrize ?? false });
      }
    }
  });
  const ceremony = (row: string, slug: string) => {
    let found = ceremonies.get(slug);
    if (!found) {
      const stored = lookups.ceremonyBySlug(slug);
      if (stored) {
        found = { name: stored.name, kind: stored.kind, categories: new Map(lookups.categoriesOf(stored.id).map((k) => [k.slug, k.name])) };
        ceremonies.set(slug, found);
      }
    }
    if (!found) problem(row, 'ceremony', 'unknown-reference', slug);
    return found ?? null;
  };
  const editionRecords = new Map((data.editions ?? []).map((e) => [`${e.ceremony}/${e.heldOn ?? ''}/${e.year}`, e]));
  // The first record of a ceremony's year, for an annual show's nomination that gives no date.
  const yearRecords = new Map<string, NonNullable<SeedFile['editions']>[number]>();
  for (const e of data.editions ?? []) if (!yearRecords.has(`${e.ceremony}/${e.year}`)) yearRecords.set(`${e.ceremony}/${e.year}`, e);
  const edition = (row: string, ref: { ceremony: string; year: number; date?: string | undefined }): EditionSpec | null => {
    const found = ceremony(row, ref.ceremony);
    if (!found) return null;
    const episodic = found.kind === 'music_show';
    if (episodic && ref.date === undefined) problem(row, 'date', 'episode-needs-date');
    const record = editionRecords.get(`${ref.ceremony}/${ref.date ?? ''}/${ref.year}`) ?? (episodic ? undefined : yearRecords.get(`${ref.ceremony}/${ref.year}`));
    return {
      ceremonySlug: ref.ceremony,
      year: ref.year,
      airDate: episodic ? (ref.date ?? null) : null,
      heldOn: record?.heldOn ?? ref.date ?? null,
      venue: record?.venue ?? null,
      city: record?.city ?? null,
      timeZone: record?.timeZone ?? null,
      notes: record?.notes ?? null,
    };
  };
  const works = new Map<string, { title: string; credits: { artistSlug: string; role: 'primary' | 'featured' }[] }>();
  (data.works ?? []).forEach((w, index) => {
    const credits = w.credits.map((c) => ({ artistSlug: c.artist, role: c.role }));
    credits.forEach((c) => artistName(`works[${index}]`, c.artistSlug));
    works.set(w.slug, { title: w.title, credits });
    if (!lookups.workBySlug(w.slug)) creations.works.push({ slug: w.slug, title: w.title, kind: w.kind, releasedOn: w.releasedOn ?? null, credits });
  });
  const work = (row: string, slug: string) => {
    const found = works.get(slug) ?? lookups.workBySlug(slug);
    if (!found) problem(row, 'work', 'unknown-reference', slug);
    return found ?? null;
  };

  const facts: { row: string; fact: FactSpec }[] = [];
  for (const [index, n] of (data.nominations ?? []).entries()) {
    yield;
    const row = `nominations[${index}]`;
    const spec = edition(row, n);
    const found = ceremony(row, n.ceremony);
    const categoryName = found?.categories.get(n.category);
    if (found && categoryName === undefined) problem(row, 'category', 'unknown-reference', n.category);
    const nominated = n.work !== undefined ? work(row, n.work) : null;
    const artistSlugs = nominated ? nominated.credits.map((c) => c.artistSlug) : (n.artists ?? []);
    const names = artistSlugs.map((slug) => artistName(row, slug));
    const cited = n.sources.map((id) => source(row, id));
    if (!spec || !found || categoryName === undefined || (n.work !== undefined && !nominated) || names.includes(null) || cited.includes(null)) continue;
    const fact: NominationSpec = {
      type: 'nomination',
      edition: spec,
      ceremonyName: found.name,
      categorySlug: n.category,
      categoryName,
      workSlug: n.work ?? null,
      workTitle: nominated?.title ?? null,
      artistSlugs,
      artistNames: names as string[],
      result: n.result,
      sources: cited as SourceSpec[],
    };
    facts.push({ row, fact });
  }
  for (const [index, m] of (data.milestones ?? []).entries()) {
    yield;
    const row = `milestones[${index}]`;
    const spec = m.edition ? edition(row, m.edition) : null;
    const names = m.artists.map((slug) => artistName(row, slug));
    const cited = m.sources.map((id) => source(row, id));
    if (m.work !== undefined) work(row, m.work);
    if ((m.edition && !spec) || names.includes(null) || cited.includes(null)) continue;
    const fact: MilestoneSpec = {
      type: 'milestone',
      key: m.key,
      kind: m.kind,
      artistSlugs: m.artists,
      artistNames: names as string[],
      statement: m.statement,
      occurredOn: m.occurredOn ?? null,
      edition: spec,
      nomination: m.nomination ? { categorySlug: m.nomination.category, nomineeKey: nomineeKeyOf(m.nomination.work ?? null, m.nomination.artists ?? []) } : null,
      workSlug: m.work ?? null,
      note: m.note ?? null,
      attribution: m.attribution ?? null,
      asOf: m.asOf ?? null,
      exclusive: m.exclusive ?? true,
      doubtful: m.doubtful ?? false,
      sources: cited as SourceSpec[],
    };
    facts.push({ row, fact });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts, creations };
}

const seedLists = ['sources', 'artists', 'ceremonies', 'editions', 'works', 'nomineeLists', 'nominations', 'milestones'] as const;
/** The file's shape without its records: each list's records are checked one at a time. */
const seedFileOutline = z.strictObject(Object.fromEntries(seedLists.map((list) => [list, z.array(z.unknown()).optional()])));

/** A zod issue, with its path from the file's top: a refused link keeps its reason in `params`. */
type SeedFileIssue = z.core.$ZodIssue;
type SeedFileCheck = { ok: true; data: SeedFile } | { ok: false; issues: SeedFileIssue[] };

/** `seedFile.safeParse`, a record at a time, so that a large file never holds the event loop for long. */
function* seedFileOf(json: unknown): Steps<SeedFileCheck> {
  const outline = seedFileOutline.safeParse(json);
  if (!outline.success) return { ok: false, issues: outline.error.issues };
  const data: Record<string, unknown[]> = {};
  const issues: SeedFileIssue[] = [];
  for (const list of seedLists) {
    const records = outline.data[list];
    if (records === undefined) continue;
    const schema = seedFile.shape[list].unwrap().element as z.ZodType;
    data[list] = [];
    for (const [index, record] of records.entries()) {
      const checked = schema.safeParse(record);
      if (checked.success) data[list].push(checked.data);
      else for (const issue of checked.error.issues) issues.push({ ...issue, path: [list, index, ...issue.path] });
      yield;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: data as SeedFile };
}
