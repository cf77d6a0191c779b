// From a win or nomination as a fan types it (in a CSV row or a /suggest command) to a checked fact
// on the store's natural keys, with whatever it would create, or the problems that stop it. Names
// resolve the way every command resolves them; a new artist or ceremony is created only when the
// caller says which kind it is, so that a typo never becomes a new act. Problems are data (a code,
// the field, the value); the presentation layer words them.
import type { AwardsStore, CeremonyKind } from './awards-facts.js';
import type { ContributionLookups } from './contribution-records.js';
import { resolveCeremony } from './ceremonies.js';
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
  type NominationSpec,
  type SourceSpec,
} from './contributed-facts.js';
import { editDistance, normalizeName } from './names.js';
import { resolveArtist } from './resolve-artist.js';

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
  | 'not-importable';

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

export interface ResolveContext {
  store: AwardsStore;
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
  const title = typed.sourceTitle.trim();
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
  const publisher = typed.sourcePublisher.trim();
  return { identifier: link.url, url: link.url, title, publisher: publisher === '' ? null : publisher, publishedOn: published, readOn: today };
}

/** Why a typed link was refused, as a problem with the field it came in. */
export function linkProblem(field: string, typed: string, refused: Extract<CitedLink, { ok: false }>): FactProblem {
  return { field, code: refused.problem, value: typed, ...(refused.characters ? { characters: refused.characters } : {}) };
}

/**
 * Resolves one typed win. `pending` collects what it creates (and is read by later rows of the
 * same batch); it is only changed when the win resolves.
 */
export function resolveContributedWin(context: ResolveContext, typed: TypedWin, pending: PendingCreations, sourceOverride?: SourceSpec): WinResolution {
  const { store, lookups, today } = context;
  const problems: FactProblem[] = [];
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
    const resolution = resolveCeremony(store, ceremonyName);
    const pendingCeremony = pending.ceremonies.find((c) => normalizeName(c.name) === normalizeName(ceremonyName));
    if (resolution.status === 'found') {
      ceremony = { ...resolution.ceremony, id: resolution.ceremony.id };
    } else if (pendingCeremony) {
      ceremony = { ...pendingCeremony, id: null };
    } else if (ceremonyKind === 'award_show' || ceremonyKind === 'music_show') {
      const newCeremony: NewCeremony = { slug: uniqueSlug(slugFor(ceremonyName), (s) => lookups.slugTaken('ceremonies', s) || pending.ceremonies.some((c) => c.slug === s)), name: ceremonyName, shortName: ceremonyName, kind: ceremonyKind, aliases: [] };
      created.ceremonies.push(newCeremony);
      ceremony = { ...newCeremony, id: null };
    } else {
      problems.push({
        field: 'ceremony',
        code: 'unknown-ceremony',
        value: ceremonyName,
        suggestions: closestNames(ceremonyName, resolution.known.flatMap((c) => [c.name])),
      });
    }
  }

  // The artist: known, new in this batch, or new if its kind is given.
  let artist: { slug: string; name: string; id: number | null } | null = null;
  const artistName = typed.artist.trim();
  if (artistName === '') {
    problems.push({ field: 'artist', code: 'missing-value' });
  } else {
    const resolution = resolveArtist(store, artistName);
    const pendingArtist = pending.artists.find((a) => normalizeName(a.name) === normalizeName(artistName));
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
        slug: uniqueSlug(slugFor(artistName), (s) => lookups.slugTaken('artists', s) || pending.artists.some((a) => a.slug === s)),
        name: artistName,
        kind: artistKind,
        isKpop: false,
        kpopNote: KPOP_NOTE_NEW,
        aliases: [],
      };
      created.artists.push(newArtist);
      artist = { ...newArtist, id: null };
    } else {
      problems.push({
        field: 'artist',
        code: 'unknown-artist',
        value: artistName,
        suggestions: resolution.suggestions.map((a) => a.name),
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
      const edition = lookups.edition(ceremony.id, date.slice(0, 4));
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
    const wanted = normalizeName(categoryName);
    const known = [
      ...(ceremony.id !== null ? lookups.categoriesOf(ceremony.id) : []),
      ...pending.categories.filter((c) => c.ceremonySlug === ceremony!.slug),
    ];
    category = known.find((c) => normalizeName(c.name) === wanted || c.slug === slugFor(categoryName)) ?? null;
    if (!category) {
      const newCategory: NewCategory = { ceremonySlug: ceremony.slug, slug: slugFor(categoryName), name: categoryName, grandPrize: false };
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
    const stored = artist.id !== null ? lookups.worksCreditedTo(artist.id).find((w) => normalizeName(w.title) === wanted) : undefined;
    const storedWork = stored ? lookups.workBySlug(stored.slug) : undefined;
    const pendingWork = pending.works.find((w) => normalizeName(w.title) === wanted && w.credits.some((c) => c.artistSlug === artist!.slug));
    if (storedWork) {
      work = storedWork;
    } else if (pendingWork) {
      work = pendingWork;
    } else {
      const base = slugFor(workTitle);
      const taken = (s: string) => lookups.slugTaken('works', s) || pending.works.some((w) => w.slug === s) || created.works.some((w) => w.slug === s);
      const slug = taken(base) ? uniqueSlug(`${base}-${artist.slug}`, taken) : base;
      const newWork: NewWork = { slug, title: workTitle, kind: 'song', releasedOn: null, credits: [{ artistSlug: artist.slug, role: 'primary' }] };
      created.works.push(newWork);
      work = newWork;
    }
  }
  // A work's nomination is also its credited artists' nomination.
  const artistSlugs = work ? work.credits.map((c) => c.artistSlug) : [artist.slug];
  const artistNames = artistSlugs.map(
    (slug) => lookups.artistBySlug(slug)?.name ?? [...pending.artists, ...created.artists].find((a) => a.slug === slug)?.name ?? slug,
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
  pending.artists.push(...created.artists);
  pending.ceremonies.push(...created.ceremonies);
  pending.categories.push(...created.categories);
  pending.works.push(...created.works);
  return { ok: true, fact };
}

/** The nominee key of a resolved win. */
export function nomineeKeyOfWin(fact: NominationSpec): string {
  return nomineeKeyOf(fact.workSlug, fact.artistSlugs);
}

function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
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
