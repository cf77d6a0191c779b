// Plans an import: reads a CSV or JSON file (its bytes, so that a Discord attachment and a file on
// disk go the same way), resolves every row against the store, and returns what would be created,
// added, changed and left as it is, or every problem with its file, row and field. Planning reads
// and never writes; `applyImportPlan` writes a plan in one transaction.
import { createHash } from 'node:crypto';
import type { FactChange, ImportPlan, ImportProblem, PlannedFact } from '../core/import-plan.js';
import { parse } from 'csv-parse/sync';
import type { AwardsStore } from '../../db/queries/awards-store.js';
import type { ContributionLookups, ImportRecord } from '../../db/queries/contribution-store.js';
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
  resolveContributedWin,
  type FactProblem,
  type PendingCreations,
  type TypedWin,
} from '../core/resolve-contributed-win.js';

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
  store: AwardsStore;
  lookups: ContributionLookups;
}

/** True when applying the plan would change nothing. */
export function isNoOp(plan: ImportPlan): boolean {
  return plan.added.length === 0 && plan.changed.length === 0;
}

export function planImport(context: ImportContext, input: ImportInput): ImportPlanning {
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
  const rows = format === 'json' ? jsonFacts(context, fileName, text, today) : csvFacts(context, fileName, text, today);
  if (!rows.ok) return fail(rows.problems);

  // The same fact twice in one file is one fact, citing every source its rows give.
  const merged = new Map<string, { row: string; fact: FactSpec }>();
  const problems: ImportProblem[] = [];
  for (const entry of rows.facts) {
    const key = factKey(entry.fact);
    const earlier = merged.get(key);
    if (!earlier) {
      merged.set(key, { row: entry.row, fact: { ...entry.fact, sources: [...entry.fact.sources] } });
      continue;
    }
    if (earlier.fact.type === 'nomination' && entry.fact.type === 'nomination' && earlier.fact.result !== entry.fact.result) {
      problems.push({ file: fileName, row: entry.row, field: 'result', code: 'conflicting-rows', value: entry.fact.result, stored: earlier.row });
      continue;
    }
    for (const source of entry.fact.sources) {
      if (!earlier.fact.sources.some((s) => s.identifier === source.identifier)) earlier.fact.sources.push(source);
    }
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
  for (const { row, fact } of merged.values()) {
    const existing = existingFact(context.lookups, fact);
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

function existingFact(lookups: ContributionLookups, fact: FactSpec) {
  if (fact.type === 'milestone') return lookups.milestone(fact.key);
  const ceremony = lookups.ceremonyBySlug(fact.edition.ceremonySlug);
  if (!ceremony) return undefined;
  return lookups.nomination(ceremony.id, editionKeyOf(fact.edition), fact.categorySlug, nomineeKeyOf(fact.workSlug, fact.artistSlugs));
}

type RowFacts =
  | { ok: true; facts: { row: string; fact: FactSpec }[]; creations: PendingCreations }
  | { ok: false; problems: ImportProblem[] };

function csvFacts(context: ImportContext, file: string, text: string, today: string): RowFacts {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_quotes: false }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problems: [{ file, row: line ? `row ${line}` : null, field: '(file)', code: 'malformed', value: (error as Error).message }] };
  }
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

  const creations = emptyCreations();
  const facts: { row: string; fact: FactSpec }[] = [];
  const problems: ImportProblem[] = [];
  const resolveContext = { ...context, today };
  for (const { record, info } of records.slice(1)) {
    const row = `row ${info.lines}`;
    const cell = (column: string) => {
      const index = header.indexOf(column);
      return index >= 0 ? (record[index] ?? '') : '';
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
    const resolved = resolveContributedWin(resolveContext, typed, creations);
    if (resolved.ok) facts.push({ row, fact: resolved.fact });
    else problems.push(...resolved.problems.map((p) => ({ ...p, file, row })));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts, creations };
}

/**
 * A file in the seeds/ format: its records may name artists, ceremonies, works and sources by
 * slug, defined in the file itself or already in the store.
 */
function jsonFacts(context: ImportContext, file: string, text: string, today: string): RowFacts {
  const { lookups } = context;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ file, row: null, field: '(file)', code: 'malformed', value: (error as Error).message }] };
  }
  const parsed = seedFile.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue): ImportProblem => {
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
  (data.sources ?? []).forEach((s, index) => {
    if (s.publishedOn > today) problem(`sources[${index}]`, 'publishedOn', 'future-date', s.publishedOn);
    sources.set(s.id, {
      identifier: s.url ?? s.id,
      url: s.url ?? null,
      title: s.headline,
      publisher: s.outlet,
      publishedOn: s.publishedOn,
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
    ceremonies.set(c.slug, {
      name: stored?.name ?? c.name,
      kind: stored?.kind ?? c.kind ?? 'award_show',
      categories: new Map([...storedCategories.map((k) => [k.slug, k.name] as const), ...c.categories.map((k) => [k.slug, k.name] as const)]),
    });
    if (!stored) creations.ceremonies.push({ slug: c.slug, name: c.name, shortName: c.shortName, kind: c.kind ?? 'award_show', aliases: c.aliases ?? [] });
    for (const k of c.categories) {
      if (!storedCategories.some((s) => s.slug === k.slug)) {
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
  const edition = (row: string, ref: { ceremony: string; year: number; date?: string | undefined }): EditionSpec | null => {
    const found = ceremony(row, ref.ceremony);
    if (!found) return null;
    const episodic = found.kind === 'music_show';
    if (episodic && ref.date === undefined) problem(row, 'date', 'episode-needs-date');
    if (ref.date !== undefined && ref.date > today) problem(row, 'date', 'future-date', ref.date);
    const record =
      editionRecords.get(`${ref.ceremony}/${ref.date ?? ''}/${ref.year}`) ??
      (data.editions ?? []).find((e) => e.ceremony === ref.ceremony && e.year === ref.year && !episodic);
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
  (data.nominations ?? []).forEach((n, index) => {
    const row = `nominations[${index}]`;
    const spec = edition(row, n);
    const found = ceremony(row, n.ceremony);
    const categoryName = found?.categories.get(n.category);
    if (found && categoryName === undefined) problem(row, 'category', 'unknown-reference', n.category);
    const nominated = n.work !== undefined ? work(row, n.work) : null;
    const artistSlugs = nominated ? nominated.credits.map((c) => c.artistSlug) : (n.artists ?? []);
    const names = artistSlugs.map((slug) => artistName(row, slug));
    const cited = n.sources.map((id) => source(row, id));
    if (!spec || !found || categoryName === undefined || (n.work !== undefined && !nominated) || names.includes(null) || cited.includes(null)) return;
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
  });
  (data.milestones ?? []).forEach((m, index) => {
    const row = `milestones[${index}]`;
    const spec = m.edition ? edition(row, m.edition) : null;
    const names = m.artists.map((slug) => artistName(row, slug));
    const cited = m.sources.map((id) => source(row, id));
    if (m.work !== undefined) work(row, m.work);
    if (m.occurredOn && m.occurredOn > today) problem(row, 'occurredOn', 'future-date', m.occurredOn);
    if ((m.edition && !spec) || names.includes(null) || cited.includes(null)) return;
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
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts, creations };
}
