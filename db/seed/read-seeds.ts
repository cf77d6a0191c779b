// Reads the data files in seeds/, validates each record and every reference between records, and
// fails with a message that names the file, the record and the field.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  seedFile,
  type ArtistRecord,
  type CeremonyRecord,
  type EditionRecord,
  type MilestoneRecord,
  type NominationRecord,
  type NomineeListRecord,
  type SourceRecord,
  type WorkRecord,
} from './seed-file-schema.js';

export class SeedError extends Error {
  override name = 'SeedError';
}

/** Where a record came from, for error messages. */
export interface RecordOrigin {
  file: string;
  /** e.g. `nominations[3]` */
  path: string;
}

export type Located<T> = T & { origin: RecordOrigin };

export interface SeedSet {
  sources: Located<SourceRecord>[];
  artists: Located<ArtistRecord>[];
  ceremonies: Located<CeremonyRecord>[];
  editions: Located<EditionRecord>[];
  works: Located<WorkRecord>[];
  nomineeLists: Located<NomineeListRecord>[];
  nominations: Located<NominationRecord>[];
  milestones: Located<MilestoneRecord>[];
  /** A digest of every file's bytes: equal digests mean nothing to load. */
  digest: string;
}

const listNames = [
  'sources',
  'artists',
  'ceremonies',
  'editions',
  'works',
  'nomineeLists',
  'nominations',
  'milestones',
] as const;

export function readSeedDirectory(directory: string): SeedSet {
  return readSeedFiles(readSeedTexts(directory));
}

/** The seed files' names and texts, in name order: what the digest is taken over. */
export function readSeedTexts(directory: string): SeedText[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new SeedError(`No seed files (*.json) found in ${directory}.`);
  return files.map((file) => ({ file, text: readFileSync(join(directory, file), 'utf8') }));
}

export interface SeedText {
  file: string;
  text: string;
}

/** The digest of a seed set's files, as the store records it after loading them. */
export function seedDigest(files: SeedText[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

export function readSeedFiles(files: SeedText[]): SeedSet {
  const set: SeedSet = {
    sources: [],
    artists: [],
    ceremonies: [],
    editions: [],
    works: [],
    nomineeLists: [],
    nominations: [],
    milestones: [],
    digest: '',
  };
  for (const { file, text } of files) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new SeedError(`seeds/${file}: not valid JSON: ${(error as Error).message}`);
    }
    const parsed = seedFile.safeParse(json);
    if (!parsed.success) throw new SeedError(describeIssue(file, json, parsed.error));
    for (const list of listNames) {
      const records = parsed.data[list] ?? [];
      records.forEach((record, index) => {
        (set[list] as Located<typeof record>[]).push({ ...record, origin: { file, path: `${list}[${index}]` } });
      });
    }
  }
  set.digest = seedDigest(files);
  checkReferences(set);
  return set;
}

function describeIssue(file: string, json: unknown, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const [list, index, ...field] = issue.path;
  if (typeof list === 'string' && typeof index === 'number') {
    const record = (json as Record<string, unknown[]>)[list]?.[index];
    const label = recordLabel(record);
    const fieldName = field.length > 0 ? field.join('.') : '(record)';
    return `seeds/${file}: ${list}[${index}]${label ? ` (${label})` : ''}, field "${fieldName}": ${issue.message}`;
  }
  return `seeds/${file}: ${issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : ''}${issue.message}`;
}

/** A short, human name for a raw record so that an error points at it even after edits shift indexes. */
function recordLabel(record: unknown): string {
  if (typeof record !== 'object' || record === null) return '';
  const r = record as Record<string, unknown>;
  const parts = [r.key, r.slug, r.id, r.ceremony, r.year, r.category, r.work].filter(
    (part) => typeof part === 'string' || typeof part === 'number',
  );
  return parts.join(' ');
}

function fail(origin: RecordOrigin, field: string, message: string): never {
  throw new SeedError(`seeds/${origin.file}: ${origin.path}, field "${field}": ${message}`);
}

/** An edition's natural key: `<ceremony>/<year>` for an annual show, `<ceremony>/<air date>` for an episode. */
export function editionKey(ceremony: string, year: number, date?: string | null): string {
  return `${ceremony}/${date ?? year}`;
}

/** The key of an edition record: an episode of a music show is known by its air date. */
export function editionRecordKey(edition: EditionRecord, ceremonyKind: CeremonyKind): string {
  return editionKey(edition.ceremony, edition.year, ceremonyKind === 'music_show' ? edition.heldOn : null);
}

export type CeremonyKind = 'award_show' | 'music_show';

export function nomineeKey(nominee: { work?: string | undefined; artists?: string[] | undefined }): string {
  if (nominee.work !== undefined) return `work:${nominee.work}`;
  return `artists:${[...(nominee.artists ?? [])].sort().join('+')}`;
}

export function nominationKey(edition: string, category: string, key: string): string {
  return `${edition}/${category}/${key}`;
}

function checkReferences(set: SeedSet): void {
  const sources = uniqueIndex(set.sources, (s) => s.id, 'id', 'source');
  const artists = uniqueIndex(set.artists, (a) => a.slug, 'slug', 'artist');
  const ceremonies = uniqueIndex(set.ceremonies, (c) => c.slug, 'slug', 'ceremony');
  const works = uniqueIndex(set.works, (w) => w.slug, 'slug', 'work');
  const kindOf = (ceremony: string): CeremonyKind => set.ceremonies.find((c) => c.slug === ceremony)?.kind ?? 'award_show';
  for (const edition of set.editions) {
    if (kindOf(edition.ceremony) === 'music_show' && !edition.heldOn) {
      fail(edition.origin, 'heldOn', `an episode of a music show needs its air date`);
    }
  }
  const editions = uniqueIndex(set.editions, (e) => editionRecordKey(e, kindOf(e.ceremony)), 'year', 'edition');
  uniqueIndex(set.milestones, (m) => m.key, 'key', 'milestone');

  const requireSource = (origin: RecordOrigin, field: string, id: string) => {
    if (!sources.has(id)) fail(origin, field, `unknown source "${id}"; add it to seeds/sources.json`);
  };
  const requireArtist = (origin: RecordOrigin, field: string, slug: string) => {
    if (!artists.has(slug)) fail(origin, field, `unknown artist "${slug}"; add it to seeds/artists.json`);
  };
  const requireEdition = (origin: RecordOrigin, ceremony: string, year: number, date: string | undefined) => {
    if (!ceremonies.has(ceremony)) fail(origin, 'ceremony', `unknown ceremony "${ceremony}"`);
    const episodic = kindOf(ceremony) === 'music_show';
    if (episodic && date === undefined) fail(origin, 'date', `${ceremony} is a music show: give the episode's air date`);
    if (!episodic && date !== undefined) fail(origin, 'date', `${ceremony} is an annual show: its editions are known by year alone`);
    if (date !== undefined && Number(date.slice(0, 4)) !== year) fail(origin, 'date', `${date} is not in ${year}`);
    if (!editions.has(editionKey(ceremony, year, date))) {
      fail(origin, episodic ? 'date' : 'year', `no edition ${ceremony} ${date ?? year} is defined`);
    }
  };
  const requireCategory = (origin: RecordOrigin, ceremony: string, category: string) => {
    if (!ceremonies.get(ceremony)?.categories.some((c) => c.slug === category)) {
      fail(origin, 'category', `unknown category "${category}" of ceremony "${ceremony}"`);
    }
  };
  const requireWork = (origin: RecordOrigin, field: string, slug: string) => {
    if (!works.has(slug)) fail(origin, field, `unknown work "${slug}"`);
  };

  for (const artist of set.artists) {
    for (const member of artist.members ?? []) {
      requireArtist(artist.origin, 'members', member);
      if (artist.kind !== 'group') fail(artist.origin, 'members', 'only a group has members');
    }
  }
  for (const ceremony of set.ceremonies) {
    const seen = new Set<string>();
    for (const category of ceremony.categories) {
      if (seen.has(category.slug)) fail(ceremony.origin, 'categories', `category "${category.slug}" is listed twice`);
      seen.add(category.slug);
    }
  }
  for (const edition of set.editions) {
    if (!ceremonies.has(edition.ceremony)) fail(edition.origin, 'ceremony', `unknown ceremony "${edition.ceremony}"`);
    requireSource(edition.origin, 'source', edition.source);
    if (edition.heldOn && Number(edition.heldOn.slice(0, 4)) !== edition.year) {
      fail(edition.origin, 'heldOn', `${edition.heldOn} is not in ${edition.year}`);
    }
  }
  for (const work of set.works) {
    work.credits.forEach((credit) => requireArtist(work.origin, 'credits', credit.artist));
    if (work.releaseSource !== undefined) requireSource(work.origin, 'releaseSource', work.releaseSource);
    if (work.noteSource !== undefined) requireSource(work.origin, 'noteSource', work.noteSource);
    if (work.note !== undefined && work.noteSource === undefined) fail(work.origin, 'noteSource', 'a note needs the source that says it');
    if (work.releasedOn && work.releaseSource === undefined) {
      fail(work.origin, 'releaseSource', 'a release date needs the source that gives it');
    }
  }
  for (const list of set.nomineeLists) {
    requireEdition(list.origin, list.ceremony, list.year, list.date);
    requireCategory(list.origin, list.ceremony, list.category);
    requireSource(list.origin, 'source', list.source);
  }
  const nominationKeys = new Set<string>();
  for (const nomination of set.nominations) {
    requireEdition(nomination.origin, nomination.ceremony, nomination.year, nomination.date);
    requireCategory(nomination.origin, nomination.ceremony, nomination.category);
    if (nomination.work !== undefined) requireWork(nomination.origin, 'work', nomination.work);
    nomination.artists?.forEach((slug) => requireArtist(nomination.origin, 'artists', slug));
    nomination.sources.forEach((id) => requireSource(nomination.origin, 'sources', id));
    const key = nominationKey(
      editionKey(nomination.ceremony, nomination.year, nomination.date),
      nomination.category,
      nomineeKey(nomination),
    );
    if (nominationKeys.has(key)) fail(nomination.origin, 'category', `the same nominee is listed twice (${key})`);
    nominationKeys.add(key);
  }
  for (const milestone of set.milestones) {
    milestone.artists.forEach((slug) => requireArtist(milestone.origin, 'artists', slug));
    milestone.sources.forEach((id) => requireSource(milestone.origin, 'sources', id));
    if (milestone.work !== undefined) requireWork(milestone.origin, 'work', milestone.work);
    if (milestone.edition) {
      requireEdition(milestone.origin, milestone.edition.ceremony, milestone.edition.year, milestone.edition.date);
      if (milestone.occurredOn && Number(milestone.occurredOn.slice(0, 4)) !== milestone.edition.year) {
        fail(milestone.origin, 'occurredOn', `${milestone.occurredOn} is not in the edition's year ${milestone.edition.year}`);
      }
    }
    if (milestone.nomination && milestone.edition) {
      const key = nominationKey(
        editionKey(milestone.edition.ceremony, milestone.edition.year, milestone.edition.date),
        milestone.nomination.category,
        nomineeKey(milestone.nomination),
      );
      if (!nominationKeys.has(key)) fail(milestone.origin, 'nomination', `no nomination ${key} is defined`);
    }
  }
}

function uniqueIndex<T extends { origin: RecordOrigin }>(
  records: T[],
  keyOf: (record: T) => string,
  field: string,
  what: string,
): Map<string, T> {
  const index = new Map<string, T>();
  for (const record of records) {
    const key = keyOf(record);
    const earlier = index.get(key);
    if (earlier) {
      fail(record.origin, field, `${what} "${key}" is already defined in seeds/${earlier.origin.file} ${earlier.origin.path}`);
    }
    index.set(key, record);
  }
  return index;
}
