// From a win or nomination as a fan types it (in a CSV row or a /suggest command) to a checked fact
// on the store's natural keys, with whatever it would create, or the problems that stop it. Names
// resolve the way every command resolves them; a new artist or ceremony is created only when the
// caller says which kind it is, so that a typo never becomes a new act. Problems are data (a code,
// the field, the value); the presentation layer words them.
import type { ContributionFacts, CeremonyKind } from './awards-facts.js';
import type { ContributionLookups } from './contribution-records.js';
import { resolveCeremony, type CeremonyResolution } from './ceremonies.js';
import {
  isNotInFuture,
  isRealPartialDate,
  citedLink,
  type CitedLink,
  nomineeKeyOf,
  slugFor,
  type NewArtist,
  type NewCategory,
  type NewCeremony,
  type NewWork,
  type EditionSpec,
  type FactSpec,
  type NominationSpec,
  type SourceSpec,
} from './contributed-facts.js';
import { editDistance, normalizeName } from './names.js';
import { matchArtist, suggestArtists, type ArtistMatch } from './resolve-artist.js';
import { cleanTypedText, confusableSkeleton, TYPED_TEXT_MAX } from './typed-text.js';

/** A win or nomination as typed: every field is the raw text (empty when not given). */
export interface TypedWin {
  artist: string;
  ceremony: string;
  /** YYYY-MM-DD (the show's local date, or an episode's air date), or YYYY for an annual show. */
  date: string;
  category: string;
  result: string;
  work: string;
  sourceUrl: string;
  sourceTitle: string;
  sourcePublisher: string;
  /** YYYY-MM-DD */
  sourcePublished: string;
  /** group | soloist: create the artist if it is not known. */
  artistKind: string;
  /** award_show | music_show: create the ceremony if it is not known. */
  ceremonyKind: string;
}

export type ProblemCode =
  | 'missing-value'
  | 'bad-date'
  | 'future-date'
  | 'bad-result'
  | 'bad-url'
  | 'link-characters'
  | 'link-credentials'
  | 'missing-source'
  | 'bad-kind'
  | 'unknown-artist'
  | 'ambiguous-artist'
  | 'unknown-ceremony'
  | 'episode-needs-date'
  | 'date-conflict'
  | 'withdrawn-fact'
  | 'seed-fact-differs'
  | 'fact-differs'
  | 'duplicate'
  | 'too-many-waiting'
  | 'conflicting-rows'
  | 'bad-header'
  | 'not-utf8'
  | 'malformed'
  | 'unknown-reference'
  | 'not-importable'
  | 'too-long';

/** One reason a fact cannot go in: the field it is about and, for names, what was meant perhaps. */
export interface FactProblem {
  field: string;
  code: ProblemCode;
  /** The text at fault, as given. */
  value?: string;
  /** What the store holds instead (e.g. the date it gives an edition). */
  stored?: string;
  suggestions?: string[];
  /** For a link: the characters it may not hold. */
  characters?: string[];
  /** For text too long: the most characters the field may hold. */
  max?: number;
}

/** What a batch (one file, or one suggestion) has created so far: later rows reuse it. */
export interface PendingCreations {
  artists: NewArtist[];
  ceremonies: NewCeremony[];
  categories: NewCategory[];
  works: NewWork[];
}

export function emptyCreations(): PendingCreations {
  return { artists: [], ceremonies: [], categories: [], works: [] };
}

/**
 * A batch being resolved (a file's rows, or one suggestion): what it has created so far, indexed
 * by what later rows look it up by, and what it has read of the store, remembered. So a row costs
 * about the same whether it is the first of the file or the hundred-thousandth.
 */
export interface ResolutionBatch {
  readonly creations: PendingCreations;
  /** New artists and ceremonies by normalised name; new artists also by slug. */
  readonly artistsByName: Map<string, NewArtist>;
  readonly artistsBySlug: Map<string, NewArtist>;
  readonly ceremoniesByName: Map<string, NewCeremony>;
  /** Each ceremony's categories, stored first and then new ones, by ceremony slug. */
  readonly categories: Map<string, CategoryIndex>;
  /** New works by `${credited artist slug}\n${normalised title}`. */
  readonly worksByArtistTitle: Map<string, NewWork>;
  /** Slugs this batch has given new things, by table. */
  readonly slugsUsed: { artists: Set<string>; ceremonies: Set<string>; works: Set<string> };
  /** The next number to try after a slug already taken, so many names with one slug cost one look-up each. */
  readonly nextSlugNumber: Map<string, number>;
  /** Reads of the store, by their arguments. */
  readonly artistByName: Map<string, ArtistMatch>;
  readonly ceremonyByName: Map<string, CeremonyResolution>;
  readonly editions: Map<string, { heldOn: string | null } | undefined>;
  readonly storedWorksByTitle: Map<number, Map<string, string>>;
  readonly storedWorks: Map<string, ReturnType<ContributionLookups['workBySlug']>>;
  readonly storedArtistNames: Map<string, string | undefined>;
  /** How many more unknown names get "did you mean" suggestions: each costs a scan of every name. */
  suggestionsLeft: number;
  /** The stored artists' names by the confusable skeleton of each name and alias, read once a batch creates an artist. */
  lookalikes: Map<string, Set<string>> | null;
}

interface CategoryIndex {
  byName: Map<string, { slug: string; name: string; position: number }>;
  bySlug: Map<string, { slug: string; name: string; position: number }>;
  size: number;
}

/** More than a message shows: a file of unknown names still gets its suggestions for the first few. */
const SUGGESTED_NAMES_PER_BATCH = 20;

export function newResolutionBatch(): ResolutionBatch {
  return {
    creations: emptyCreations(),
    artistsByName: new Map(),
    artistsBySlug: new Map(),
    ceremoniesByName: new Map(),
    categories: new Map(),
    worksByArtistTitle: new Map(),
    slugsUsed: { artists: new Set(), ceremonies: new Set(), works: new Set() },
    nextSlugNumber: new Map(),
    artistByName: new Map(),
    ceremonyByName: new Map(),
    editions: new Map(),
    storedWorksByTitle: new Map(),
    storedWorks: new Map(),
    storedArtistNames: new Map(),
    suggestionsLeft: SUGGESTED_NAMES_PER_BATCH,
    lookalikes: null,
  };
}

function remembered<K, V>(map: Map<K, V>, key: K, read: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = read();
  map.set(key, value);
  return value;
}

/** Stored artists whose name or alias looks like `name` (the same confusable skeleton), by their names. */
export function lookalikeArtists(store: ContributionFacts, batch: ResolutionBatch, name: string): string[] {
  if (batch.lookalikes === null) {
    const index = new Map<string, Set<string>>();
    for (const entry of store.allAliases()) {
      const skeleton = confusableSkeleton(entry.alias);
      if (skeleton === '') continue;
      let names = index.get(skeleton);
      if (!names) index.set(skeleton, (names = new Set()));
      names.add(entry.artistName);
    }
    batch.lookalikes = index;
  }
  return [...(batch.lookalikes.get(confusableSkeleton(name)) ?? [])].sort();
}

function addCategory(index: CategoryIndex, category: { slug: string; name: string }): void {
  const entry = { slug: category.slug, name: category.name, position: index.size++ };
  const name = normalizeName(category.name);
  // The first of several with one name or slug is the one found, as a search in order would.
  if (!index.byName.has(name)) index.byName.set(name, entry);
  if (!index.bySlug.has(category.slug)) index.bySlug.set(category.slug, entry);
}

function categoryIndexOf(context: ResolveContext, batch: ResolutionBatch, ceremony: { slug: string; id: number | null }): CategoryIndex {
  return remembered(batch.categories, ceremony.slug, () => {
    const index: CategoryIndex = { byName: new Map(), bySlug: new Map(), size: 0 };
    if (ceremony.id !== null) for (const category of context.lookups.categoriesOf(ceremony.id)) addCategory(index, category);
    return index;
  });
}

/** Records what a resolved row created, in the batch's lists and its indexes. */
function addCreations(batch: ResolutionBatch, created: PendingCreations): void {
  const { creations } = batch;
  for (const artist of created.artists) {
    creations.artists.push(artist);
    const name = normalizeName(artist.name);
    if (!batch.artistsByName.has(name)) batch.artistsByName.set(name, artist);
    batch.artistsBySlug.set(artist.slug, artist);
    batch.slugsUsed.artists.add(artist.slug);
  }
  for (const ceremony of created.ceremonies) {
    creations.ceremonies.push(ceremony);
    const name = normalizeName(ceremony.name);
    if (!batch.ceremoniesByName.has(name)) batch.ceremoniesByName.set(name, ceremony);
    batch.slugsUsed.ceremonies.add(ceremony.slug);
  }
  for (const category of created.categories) {
    creations.categories.push(category);
    const index = batch.categories.get(category.ceremonySlug);
    if (index) addCategory(index, category);
  }
  for (const work of created.works) {
    creations.works.push(work);
    const title = normalizeName(work.title);
    for (const credit of work.credits) {
      const key = `${credit.artistSlug}\n${title}`;
      if (!batch.worksByArtistTitle.has(key)) batch.worksByArtistTitle.set(key, work);
    }
    batch.slugsUsed.works.add(work.slug);
  }
}

export interface ResolveContext {
  store: ContributionFacts;
  lookups: ContributionLookups;
  /** Today's date (YYYY-MM-DD): no fact may be dated after it. */
  today: string;
}

export type WinResolution = { ok: true; fact: NominationSpec } | { ok: false; problems: FactProblem[] };

const KPOP_NOTE_NEW = 'Added with a contributed fact, which does not say whether this is a K-pop act.';

export function checkSource(typed: Pick<TypedWin, 'sourceUrl' | 'sourceTitle' | 'sourcePublisher' | 'sourcePublished'>, today: string, problems: FactProblem[]): SourceSpec | null {
  const url = typed.sourceUrl.trim();
  if (url === '') {
    problems.push({ field: 'source_url', code: 'missing-source' });
    return null;
  }
  const link = citedLink(url);
  if (!link.ok) {
    problems.push(linkProblem('source_url', url, link));
    return null;
  }
  const title = cleanTypedText(typed.sourceTitle);
  if (title === '') problems.push({ field: 'source_title', code: 'missing-source' });
  const published = typed.sourcePublished.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !isRealPartialDate(published)) {
    problems.push({ field: 'source_published', code: 'bad-date', value: published });
    return null;
  }
  if (!isNotInFuture(published, today)) {
    problems.push({ field: 'source_published', code: 'future-date', value: published });
    return null;
  }
  if (title === '') return null;
  const publisher = cleanTypedText(typed.sourcePublisher);
  return { identifier: link.url, url: link.url, title, publisher: publisher === '' ? null : publisher, publishedOn: published, readOn: today };
}

/** Why a typed link was refused, as a problem with the field it came in. */
export function linkProblem(field: string, typed: string, refused: Extract<CitedLink, { ok: false }>): FactProblem {
  return { field, code: refused.problem, value: typed, ...(refused.characters ? { characters: refused.characters } : {}) };
}

/**
 * Every date a checked fact gives that is after `today`: the edition's year and day, a milestone's
 * day and "as of" day, and its sources' publication and reading days. The one check of dates every
 * imported fact goes through, whichever format it came in (a typed win is also checked as typed).
 */
export function futureDateProblems(fact: FactSpec, today: string): FactProblem[] {
  const problems: FactProblem[] = [];
  const check = (field: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && !isNotInFuture(value, today)) problems.push({ field, code: 'future-date', value });
  };
  const edition: EditionSpec | null = fact.edition;
  if (edition) {
    check('year', String(edition.year));
    check('date', edition.airDate);
    if (edition.heldOn !== edition.airDate) check('date', edition.heldOn);
  }
  if (fact.type === 'milestone') {
    check('occurredOn', fact.occurredOn);
    check('asOf', fact.asOf);
  }
  for (const source of fact.sources) {
    check('publishedOn', source.publishedOn);
    check('readOn', source.readOn);
  }
  return problems;
}

/** A problem for each text longer than its field may hold, shown cut short. */
export function tooLongProblems(fields: readonly (readonly [field: string, text: string, max: number])[]): FactProblem[] {
  return fields.flatMap(([field, text, max]) => (text.length > max ? [{ field, code: 'too-long' as const, value: `${text.slice(0, 40)}…`, max }] : []));
}

/** Names, titles and the source's title and publisher as they would be stored; the link is checked as typed, so that what it hides is named. */
function cleanTypedWin(typed: TypedWin): TypedWin {
  return {
    ...typed,
    artist: cleanTypedText(typed.artist),
    ceremony: cleanTypedText(typed.ceremony),
    category: cleanTypedText(typed.category),
    work: cleanTypedText(typed.work),
    sourceTitle: cleanTypedText(typed.sourceTitle),
    sourcePublisher: cleanTypedText(typed.sourcePublisher),
  };
}

/**
 * Resolves one typed win. `batch` collects what it creates (and is read by later rows of the
 * same batch); it is only changed when the win resolves.
 */
export function resolveContributedWin(context: ResolveContext, rawTyped: TypedWin, batch: ResolutionBatch, sourceOverride?: SourceSpec): WinResolution {
  const { store, lookups, today } = context;
  const typed = cleanTypedWin(rawTyped);
  const problems: FactProblem[] = tooLongProblems([
    ['artist', typed.artist, TYPED_TEXT_MAX.name],
    ['ceremony', typed.ceremony, TYPED_TEXT_MAX.name],
    ['category', typed.category, TYPED_TEXT_MAX.name],
    ['work', typed.work, TYPED_TEXT_MAX.title],
    ['source_url', typed.sourceUrl, TYPED_TEXT_MAX.url],
    ['source_title', typed.sourceTitle, TYPED_TEXT_MAX.sourceTitle],
    ['source_publisher', typed.sourcePublisher, TYPED_TEXT_MAX.name],
  ]);
  // Nothing longer than its field may hold is looked up.
  if (problems.length > 0) return { ok: false, problems };
  const created = emptyCreations();

  const result = typed.result.trim().toLowerCase() || 'won';
  if (result !== 'won' && result !== 'nominated') {
    problems.push({ field: 'result', code: 'bad-result', value: typed.result });
  }
  const date = typed.date.trim();
  const dateShapeOk = /^\d{4}(-\d{2}-\d{2})?$/.test(date) && isRealPartialDate(date);
  if (!dateShapeOk) {
    problems.push({ field: 'date', code: 'bad-date', value: date });
  } else if (!isNotInFuture(date, today)) {
    problems.push({ field: 'date', code: 'future-date', value: date });
  }
  const artistKind = typed.artistKind.trim().toLowerCase();
  if (artistKind !== '' && artistKind !== 'group' && artistKind !== 'soloist') {
    problems.push({ field: 'artist_kind', code: 'bad-kind', value: typed.artistKind });
  }
  const ceremonyKind = typed.ceremonyKind.trim().toLowerCase();
  if (ceremonyKind !== '' && ceremonyKind !== 'award_show' && ceremonyKind !== 'music_show') {
    problems.push({ field: 'ceremony_kind', code: 'bad-kind', value: typed.ceremonyKind });
  }
  const source = sourceOverride ?? checkSource(typed, today, problems);

  // The ceremony: known, new in this batch, or new if its kind is given.
  let ceremony: { slug: string; name: string; kind: CeremonyKind; id: number | null } | null = null;
  const ceremonyName = typed.ceremony.trim();
  if (ceremonyName === '') {
    problems.push({ field: 'ceremony', code: 'missing-value' });
  } else {
    const normalizedCeremony = normalizeName(ceremonyName);
    const resolution = remembered(batch.ceremonyByName, normalizedCeremony, () => resolveCeremony(store, ceremonyName));
    const pendingCeremony = batch.ceremoniesByName.get(normalizedCeremony);
    if (resolution.status === 'found') {
      ceremony = { ...resolution.ceremony, id: resolution.ceremony.id };
    } else if (pendingCeremony) {
      ceremony = { ...pendingCeremony, id: null };
    } else if (ceremonyKind === 'award_show' || ceremonyKind === 'music_show') {
      const slug = uniqueSlug(batch, 'ceremonies', slugFor(ceremonyName), (s) => lookups.slugTaken('ceremonies', s) || batch.slugsUsed.ceremonies.has(s));
      const newCeremony: NewCeremony = { slug, name: ceremonyName, shortName: ceremonyName, kind: ceremonyKind, aliases: [] };
      created.ceremonies.push(newCeremony);
      ceremony = { ...newCeremony, id: null };
    } else {
      problems.push({
        field: 'ceremony',
        code: 'unknown-ceremony',
        value: ceremonyName,
        suggestions: suggestionAllowed(batch) ? closestNames(ceremonyName, resolution.known.flatMap((c) => [c.name])) : [],
      });
    }
  }

  // The artist: known, new in this batch, or new if its kind is given.
  let artist: { slug: string; name: string; id: number | null } | null = null;
  const artistName = typed.artist.trim();
  if (artistName === '') {
    problems.push({ field: 'artist', code: 'missing-value' });
  } else {
    const normalizedArtist = normalizeName(artistName);
    const resolution = remembered(batch.artistByName, normalizedArtist, () => matchArtist(store, artistName));
    const pendingArtist = batch.artistsByName.get(normalizedArtist);
    if (resolution.status === 'found') {
      artist = resolution.artist;
    } else if (resolution.status === 'ambiguous') {
      problems.push({
        field: 'artist',
        code: 'ambiguous-artist',
        value: artistName,
        suggestions: resolution.candidates.map((a) => a.name),
      });
    } else if (pendingArtist) {
      artist = { ...pendingArtist, id: null };
    } else if (artistKind === 'group' || artistKind === 'soloist') {
      const newArtist: NewArtist = {
        slug: uniqueSlug(batch, 'artists', slugFor(artistName), (s) => lookups.slugTaken('artists', s) || batch.slugsUsed.artists.has(s)),
        name: artistName,
        kind: artistKind,
        isKpop: false,
        kpopNote: KPOP_NOTE_NEW,
        aliases: [],
      };
      const lookalikes = lookalikeArtists(store, batch, artistName);
      if (lookalikes.length > 0) newArtist.lookalikes = lookalikes;
      created.artists.push(newArtist);
      artist = { ...newArtist, id: null };
    } else {
      problems.push({
        field: 'artist',
        code: 'unknown-artist',
        value: artistName,
        // Suggestions only now, and only for a batch's first few: each scans every name.
        suggestions: normalizedArtist !== '' && suggestionAllowed(batch) ? suggestArtists(store, normalizedArtist).map((a) => a.name) : [],
      });
    }
  }

  // The edition: a music show's episode needs its air date.
  let airDate: string | null = null;
  if (ceremony && dateShapeOk) {
    if (ceremony.kind === 'music_show') {
      if (date.length !== 10) {
        problems.push({ field: 'date', code: 'episode-needs-date', value: date });
      } else {
        airDate = date;
      }
    } else if (date.length === 10 && ceremony.id !== null) {
      const ceremonyId = ceremony.id;
      const edition = remembered(batch.editions, `${ceremonyId}/${date.slice(0, 4)}`, () => lookups.edition(ceremonyId, date.slice(0, 4)));
      if (edition?.heldOn && edition.heldOn !== date) {
        problems.push({ field: 'date', code: 'date-conflict', value: date, stored: edition.heldOn });
      }
    }
  }

  // The category: known to the ceremony (by name or slug), or new.
  const categoryName = typed.category.trim();
  let category: { slug: string; name: string } | null = null;
  if (categoryName === '') {
    problems.push({ field: 'category', code: 'missing-value' });
  } else if (ceremony) {
    const index = categoryIndexOf(context, batch, ceremony);
    const categorySlug = slugFor(categoryName);
    const byName = index.byName.get(normalizeName(categoryName));
    const bySlug = index.bySlug.get(categorySlug);
    const found = byName && bySlug ? (byName.position < bySlug.position ? byName : bySlug) : (byName ?? bySlug);
    category = found ? { slug: found.slug, name: found.name } : null;
    if (!category) {
      const newCategory: NewCategory = { ceremonySlug: ceremony.slug, slug: categorySlug, name: categoryName, grandPrize: false };
      created.categories.push(newCategory);
      category = newCategory;
    }
  }

  if (problems.length > 0 || !artist || !ceremony || !category || !source) return { ok: false, problems };

  // The work: one already credited to the artist with this title, or a new one.
  const workTitle = typed.work.trim();
  let work: { slug: string; title: string; credits: { artistSlug: string; role: string }[] } | null = null;
  if (workTitle !== '') {
    const wanted = normalizeName(workTitle);
    const artistId = artist.id;
    const storedSlug = artistId !== null ? storedWorkTitles(lookups, batch, artistId).get(wanted) : undefined;
    const storedWork = storedSlug !== undefined ? remembered(batch.storedWorks, storedSlug, () => lookups.workBySlug(storedSlug)) : undefined;
    const pendingWork = batch.worksByArtistTitle.get(`${artist.slug}\n${wanted}`);
    if (storedWork) {
      work = storedWork;
    } else if (pendingWork) {
      work = pendingWork;
    } else {
      const base = slugFor(workTitle);
      const taken = (s: string) => lookups.slugTaken('works', s) || batch.slugsUsed.works.has(s) || created.works.some((w) => w.slug === s);
      const slug = taken(base) ? uniqueSlug(batch, 'works', `${base}-${artist.slug}`, taken) : base;
      const newWork: NewWork = { slug, title: workTitle, kind: 'song', releasedOn: null, credits: [{ artistSlug: artist.slug, role: 'primary' }] };
      created.works.push(newWork);
      work = newWork;
    }
  }
  // A work's nomination is also its credited artists' nomination.
  const artistSlugs = work ? work.credits.map((c) => c.artistSlug) : [artist.slug];
  const artistNames = artistSlugs.map(
    (slug) =>
      remembered(batch.storedArtistNames, slug, () => lookups.artistBySlug(slug)?.name) ??
      batch.artistsBySlug.get(slug)?.name ??
      created.artists.find((a) => a.slug === slug)?.name ??
      slug,
  );
  const fact: NominationSpec = {
    type: 'nomination',
    edition: {
      ceremonySlug: ceremony.slug,
      year: Number(date.slice(0, 4)),
      airDate,
      heldOn: date.length === 10 ? date : null,
      venue: null,
      city: null,
      timeZone: null,
      notes: null,
    },
    ceremonyName: ceremony.name,
    categorySlug: category.slug,
    categoryName: category.name,
    workSlug: work?.slug ?? null,
    workTitle: work?.title ?? null,
    artistSlugs,
    artistNames,
    result: result as 'won' | 'nominated',
    sources: [source],
  };
  addCreations(batch, created);
  return { ok: true, fact };
}

/** The nominee key of a resolved win. */
export function nomineeKeyOfWin(fact: NominationSpec): string {
  return nomineeKeyOf(fact.workSlug, fact.artistSlugs);
}

/** A stored artist's works by normalised title (the first of a title, as a search in order finds). */
function storedWorkTitles(lookups: ContributionLookups, batch: ResolutionBatch, artistId: number): Map<string, string> {
  return remembered(batch.storedWorksByTitle, artistId, () => {
    const titles = new Map<string, string>();
    for (const work of lookups.worksCreditedTo(artistId)) {
      const title = normalizeName(work.title);
      if (!titles.has(title)) titles.set(title, work.slug);
    }
    return titles;
  });
}

function uniqueSlug(batch: ResolutionBatch, table: keyof ResolutionBatch['slugsUsed'], base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  // Numbers below the one remembered were taken when last tried, and slugs are never given back.
  const key = `${table}:${base}`;
  for (let n = batch.nextSlugNumber.get(key) ?? 2; ; n++) {
    if (!taken(`${base}-${n}`)) {
      batch.nextSlugNumber.set(key, n + 1);
      return `${base}-${n}`;
    }
  }
}

function suggestionAllowed(batch: ResolutionBatch): boolean {
  if (batch.suggestionsLeft <= 0) return false;
  batch.suggestionsLeft--;
  return true;
}

/** Up to three names a few typos from `typed`, closest first. */
function closestNames(typed: string, names: string[]): string[] {
  const wanted = normalizeName(typed);
  return names
    .map((name) => ({ name, distance: editDistance(wanted, normalizeName(name), 4) }))
    .filter((entry) => entry.distance <= 4)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((entry) => entry.name);
}
