// Facts that come from outside seeds/ (an import file, a fan's suggestion), as plain data: what
// they say, resolved to the store's natural keys, and the checks every one of them must pass
// before a curator or a file can put it in front of fans. No SQL and no text for people here.
import type { CeremonyKind } from './awards-facts.js';
import { normalizeName } from './names.js';

/** A cited web page. Its URL is its identity: the same page cited twice is one source. */
export interface SourceSpec {
  /** The URL for a web page; an article's file name for the seed articles. */
  identifier: string;
  url: string | null;
  title: string;
  publisher: string | null;
  /** YYYY-MM-DD */
  /** Null for a living page (a wiki article), dated by `readOn`. */
  publishedOn: string | null;
  /** YYYY-MM-DD, when the page was read. */
  readOn: string | null;
}

export interface NewArtist {
  slug: string;
  name: string;
  kind: 'group' | 'soloist';
  isKpop: boolean;
  kpopNote: string | null;
  aliases: { alias: string; kind: 'name' | 'stage' | 'birth' | 'romanisation' | 'hangul' | 'short' }[];
  /** Stored artists whose names look like this one (Unicode's confusables): the curator is warned. */
  lookalikes?: string[];
}

export interface NewCeremony {
  slug: string;
  name: string;
  shortName: string;
  kind: CeremonyKind;
  aliases: string[];
}

export interface NewCategory {
  ceremonySlug: string;
  slug: string;
  name: string;
  grandPrize: boolean;
}

/** Which edition: the year of an annual show, or the air date of a music show's episode. */
export interface EditionSpec {
  ceremonySlug: string;
  year: number;
  /** The episode's air date (YYYY-MM-DD) for a music show; null for an annual show. */
  airDate: string | null;
  /** The show's local date, when a source gives it (for an episode: its air date). */
  heldOn: string | null;
  venue: string | null;
  city: string | null;
  timeZone: string | null;
  notes: string | null;
}

export interface NewWork {
  slug: string;
  title: string;
  kind: 'song' | 'album';
  releasedOn: string | null;
  credits: { artistSlug: string; role: 'primary' | 'featured' }[];
}

export interface NominationSpec {
  type: 'nomination';
  edition: EditionSpec;
  ceremonyName: string;
  categorySlug: string;
  categoryName: string;
  /** The nominated work, or null when the nominee is the artists themselves. */
  workSlug: string | null;
  workTitle: string | null;
  /** The nominated artists (for a work: its credited artists), as slugs, and their names. */
  artistSlugs: string[];
  artistNames: string[];
  result: 'won' | 'nominated';
  sources: SourceSpec[];
}

export type MilestoneKind = 'first' | 'record' | 'performance' | 'chart' | 'debut';

export interface MilestoneSpec {
  type: 'milestone';
  key: string;
  kind: MilestoneKind;
  artistSlugs: string[];
  artistNames: string[];
  statement: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
  occurredOn: string | null;
  edition: EditionSpec | null;
  /** The nomination it rests on, by natural key, within `edition`. */
  nomination: { categorySlug: string; nomineeKey: string } | null;
  workSlug: string | null;
  note: string | null;
  attribution: string | null;
  asOf: string | null;
  exclusive: boolean;
  doubtful: boolean;
  sources: SourceSpec[];
}

export type FactSpec = NominationSpec | MilestoneSpec;

/** `work:<slug>`, or `artists:<slug>+<slug>` (sorted): the nominee's natural key within its category. */
export function nomineeKeyOf(workSlug: string | null, artistSlugs: string[]): string {
  return workSlug !== null ? `work:${workSlug}` : `artists:${[...artistSlugs].sort().join('+')}`;
}

/** The key that names an edition within its ceremony: 'YYYY' or the episode's air date. */
export function editionKeyOf(edition: { year: number; airDate: string | null }): string {
  return edition.airDate ?? String(edition.year);
}

/**
 * One fact's natural key: the same win suggested twice, or imported twice, has the same key, and
 * the store holds it once.
 */
export function factKey(fact: FactSpec): string {
  if (fact.type === 'milestone') return `milestone:${fact.key}`;
  return `nomination:${fact.edition.ceremonySlug}/${editionKeyOf(fact.edition)}/${fact.categorySlug}/${nomineeKeyOf(fact.workSlug, fact.artistSlugs)}`;
}

/**
 * A slug for a new artist, ceremony, category or work: lowercase Latin letters and digits. A name
 * with none (Hangul only) gets a short digest of the name, so that it is still stable.
 */
export function slugFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 0) return slug.slice(0, 60).replace(/-+$/, '');
  let hash = 0;
  for (const character of normalizeName(name)) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return `name-${hash.toString(36)}`;
}

/** YYYY-MM-DD, YYYY-MM or YYYY that is a real calendar date. */
export function isRealPartialDate(value: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return false;
  const [y, m = '01', d = '01'] = value.split('-');
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() + 1 === Number(m) && date.getUTCDate() === Number(d);
}

/** Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) has begun by `today` (YYYY-MM-DD). */
export function isNotInFuture(value: string, today: string): boolean {
  return value <= today.slice(0, value.length);
}

/** Why a typed link cannot be cited. */
export type CitedLinkProblem =
  /** Not an http(s) address with a host name that has a dot in it. */
  | 'bad-url'
  /** Characters no cited page's address holds: spaces, controls, invisible or direction marks, and the punctuation a URL must percent-encode. */
  | 'link-characters'
  /** A user name or password before the host (https://example.org@evil.example/ reads as example.org). */
  | 'link-credentials';

export type CitedLink = { ok: true; url: string } | { ok: false; problem: CitedLinkProblem; characters?: string[] };

// RFC 3986 lets none of these stand unencoded in an address; a browser's address bar never gives
// them. Letters of any script are fine (the parser percent-encodes them), and so is a
// percent-encoding, but a % that starts none is refused.
const NOT_IN_A_LINK = /[\s\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}<>"`\\^{}|[\]]|%(?![0-9A-Fa-f]{2})/gu;
// What the normalised form may never hold, whatever the parser does: what would end a link in a message.
const ENDS_A_LINK = /[\s<>"`\\]/;

/**
 * A cited web page's address, checked and normalised by the WHATWG URL parser: what is stored and
 * linked is its `href` (host lowercased and punycoded, path percent-encoded), never the text as
 * typed. The same page typed two ways is one source.
 */
export function citedLink(typed: string): CitedLink {
  const value = typed.trim();
  // Something else than an address altogether is named as that, not by its characters.
  if (!/^https?:\/\//i.test(value)) return { ok: false, problem: 'bad-url' };
  const characters = [...new Set(value.match(NOT_IN_A_LINK) ?? [])];
  if (characters.length > 0) return { ok: false, problem: 'link-characters', characters };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'bad-url' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return { ok: false, problem: 'bad-url' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'link-credentials' };
  if (ENDS_A_LINK.test(url.href)) return { ok: false, problem: 'link-characters', characters: [...new Set(url.href.match(new RegExp(ENDS_A_LINK, 'g')) ?? [])] };
  return { ok: true, url: url.href };
}

/** A character as a person can be told about it: itself, or its code point when it cannot be seen (U+200B). */
export function characterLabel(character: string): string {
  return /^[\s\p{C}\p{Z}]$/u.test(character) ? `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : character;
}

/** Where a contributed fact came from, as recorded with it. */
export type Provenance =
  | { origin: 'import'; fileName: string; digest: string; importedBy: string; importedAt: number }
  | { origin: 'suggestion'; suggestionId: number; suggestedBy: string; approvedBy: string; approvedAt: number };
