// A fan's suggested win or milestone, checked at once: a real http(s) source, a real date not in
// the future, names that resolve (or a new act or show the fan says to add, flagged for the
// curator), at most five waiting per fan, and a fact the store does not hold yet. Plain data in,
// plain data out; the caller words it and decides who is a curator.
import type { ContributionFacts, MilestoneFact, NominationFact } from './awards-facts.js';
import type { ContributionLookups, ExistingFact } from './contribution-records.js';
import {
  editionKeyOf,
  factKey,
  isNotInFuture,
  isRealPartialDate,
  citedLink,
  nomineeKeyOf,
  slugFor,
  type FactSpec,
  type MilestoneKind,
  type MilestoneSpec,
  type NewArtist,
  type SourceSpec,
} from './contributed-facts.js';
import { normalizeName } from './names.js';
import { resolveArtist } from './resolve-artist.js';
import { linkProblem, lookalikeArtists, tooLongProblems, newResolutionBatch, resolveContributedWin, type FactProblem, type PendingCreations, type TypedWin } from './resolve-contributed-win.js';
import { cleanTypedText, TYPED_TEXT_MAX } from './typed-text.js';

export const MAX_WAITING_PER_SUGGESTER = 5;

/** The cited page, as the fan gives it: the URL, and whatever else they know of it. */
export interface TypedSource {
  url: string;
  title?: string;
  publisher?: string;
  /** YYYY-MM-DD; when not given, the page's publication date is unknown and the date read stands in. */
  published?: string;
}

export interface WinSuggestionInput {
  kind: 'win';
  artist: string;
  ceremony: string;
  date: string;
  category: string;
  source: TypedSource;
  work?: string;
  result?: 'won' | 'nominated';
  /** Give to propose a new artist (group | soloist). */
  artistKind?: 'group' | 'soloist';
  /** Give to propose a new ceremony or show. */
  ceremonyKind?: 'award_show' | 'music_show';
}

export interface MilestoneSuggestionInput {
  kind: 'milestone';
  artist: string;
  statement: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  source: TypedSource;
  milestoneKind?: MilestoneKind;
  artistKind?: 'group' | 'soloist';
}

export type SuggestionInput = WinSuggestionInput | MilestoneSuggestionInput;

export interface Suggester {
  userId: string;
  name: string;
  guildId: string | null;
}

/** What approving would create besides the fact itself: shown to the curator as new. */
export type SuggestionCreations = PendingCreations;

export interface CheckedSuggestion {
  input: SuggestionInput;
  fact: FactSpec;
  creates: SuggestionCreations;
  naturalKey: string;
}

export type SuggestionCheck =
  | { ok: true; suggestion: CheckedSuggestion }
  | {
      ok: false;
      problems: FactProblem[];
      /** For a duplicate: the fact already in the store, to show. */
      existing?: NominationFact | MilestoneFact;
      /** For a duplicate of a waiting suggestion: its number. */
      waitingSuggestionId?: number;
    };

/** What the check needs to know of suggestions already made. */
export interface SuggestionLookups {
  waitingCountOf(suggesterId: string): number;
  waitingWithKey(naturalKey: string): { id: number } | undefined;
}

export interface SuggestionContext {
  store: ContributionFacts;
  lookups: ContributionLookups;
  suggestions: SuggestionLookups;
  now: Date;
}

export function checkSuggestion(context: SuggestionContext, input: SuggestionInput, suggesterId: string): SuggestionCheck {
  if (context.suggestions.waitingCountOf(suggesterId) >= MAX_WAITING_PER_SUGGESTER) {
    return { ok: false, problems: [{ field: 'suggester', code: 'too-many-waiting', value: String(MAX_WAITING_PER_SUGGESTER) }] };
  }
  const resolved = resolveSuggestion(context, input);
  if (!resolved.ok) return resolved;
  const { suggestion } = resolved;
  const waiting = context.suggestions.waitingWithKey(suggestion.naturalKey);
  if (waiting) return { ok: false, problems: [{ field: 'fact', code: 'duplicate' }], waitingSuggestionId: waiting.id };
  return resolved;
}

/**
 * Resolves a suggestion against the store as it is now (also at approval, when an artist the fan
 * proposed may have been added since). A fact already in the store is a duplicate.
 */
export function resolveSuggestion(context: Omit<SuggestionContext, 'suggestions'>, input: SuggestionInput): SuggestionCheck {
  const today = context.now.toISOString().slice(0, 10);
  const problems: FactProblem[] = [];
  const source = sourceOf(input.source, today, problems);
  const batch = newResolutionBatch();
  const creates = batch.creations;
  let fact: FactSpec;
  if (input.kind === 'win') {
    const typed: TypedWin = {
      artist: input.artist,
      ceremony: input.ceremony,
      date: input.date,
      category: input.category,
      result: input.result ?? 'won',
      work: input.work ?? '',
      sourceUrl: input.source.url,
      sourceTitle: '',
      sourcePublisher: '',
      sourcePublished: '',
      artistKind: input.artistKind ?? '',
      ceremonyKind: input.ceremonyKind ?? '',
    };
    if (!source) {
      const rest = resolveContributedWin({ ...context, today }, typed, batch, placeholderSource);
      return { ok: false, problems: [...problems, ...(rest.ok ? [] : rest.problems)] };
    }
    const resolved = resolveContributedWin({ ...context, today }, typed, batch, source);
    if (!resolved.ok) return { ok: false, problems: resolved.problems };
    fact = resolved.fact;
  } else {
    const milestone = resolveMilestone(context, input, today, creates, problems);
    if (!milestone || !source || problems.length > 0) return { ok: false, problems };
    fact = { ...milestone, sources: [source] };
  }
  const stored = storedFact(context, fact);
  if (stored?.status === 'live') return { ok: false, problems: [{ field: 'fact', code: 'duplicate' }], existing: stored.fact };
  // A withdrawn fact comes back only by a curator's deliberate decision, not by a fan suggesting it
  // again: the curator who withdrew it gave a reason, which the fan (and, at approval, the curator) sees.
  if (stored?.status === 'withdrawn') return { ok: false, problems: [{ field: 'fact', code: 'withdrawn-fact', stored: stored.reason }] };
  return { ok: true, suggestion: { input, fact, creates, naturalKey: factKey(fact) } };
}

const placeholderSource: SourceSpec = { identifier: '', url: null, title: '', publisher: null, publishedOn: '', readOn: null };

function sourceOf(typed: TypedSource, today: string, problems: FactProblem[]): SourceSpec | null {
  const url = typed.url.trim();
  if (url === '') {
    problems.push({ field: 'source', code: 'missing-source' });
    return null;
  }
  if (url.length > TYPED_TEXT_MAX.url) {
    problems.push(...tooLongProblems([['source', url, TYPED_TEXT_MAX.url]]));
    return null;
  }
  const link = citedLink(url);
  if (!link.ok) {
    problems.push(linkProblem('source', url, link));
    return null;
  }
  const published = typed.published?.trim() ?? '';
  if (published !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(published) || !isRealPartialDate(published))) {
    problems.push({ field: 'source_published', code: 'bad-date', value: published });
    return null;
  }
  if (published !== '' && !isNotInFuture(published, today)) {
    problems.push({ field: 'source_published', code: 'future-date', value: published });
    return null;
  }
  const title = cleanTypedText(typed.title ?? '') || link.url;
  const publisher = cleanTypedText(typed.publisher ?? '') || new URL(link.url).hostname.replace(/^www\./, '');
  return { identifier: link.url, url: link.url, title, publisher, publishedOn: published || today, readOn: today };
}

function resolveMilestone(
  context: Omit<SuggestionContext, 'suggestions'>,
  input: MilestoneSuggestionInput,
  today: string,
  creates: PendingCreations,
  problems: FactProblem[],
): Omit<MilestoneSpec, 'sources'> | null {
  const date = input.date.trim();
  if (!isRealPartialDate(date)) problems.push({ field: 'date', code: 'bad-date', value: date });
  else if (!isNotInFuture(date, today)) problems.push({ field: 'date', code: 'future-date', value: date });
  const statement = cleanTypedText(input.statement);
  if (statement === '') problems.push({ field: 'statement', code: 'missing-value' });
  const name = cleanTypedText(input.artist);
  const tooLong = tooLongProblems([
    ['statement', statement, TYPED_TEXT_MAX.statement],
    ['artist', name, TYPED_TEXT_MAX.name],
  ]);
  if (tooLong.length > 0) {
    problems.push(...tooLong);
    return null;
  }
  let artist: { slug: string; name: string } | null = null;
  const resolution = resolveArtist(context.store, name);
  if (name === '') problems.push({ field: 'artist', code: 'missing-value' });
  else if (resolution.status === 'found') artist = resolution.artist;
  else if (resolution.status === 'ambiguous') {
    problems.push({ field: 'artist', code: 'ambiguous-artist', value: name, suggestions: resolution.candidates.map((a) => a.name) });
  } else if (input.artistKind) {
    const newArtist: NewArtist = {
      slug: uniqueArtistSlug(context.lookups, slugFor(name)),
      name,
      kind: input.artistKind,
      isKpop: false,
      kpopNote: 'Added with a suggested fact, which does not say whether this is a K-pop act.',
      aliases: [],
    };
    const lookalikes = lookalikeArtists(context.store, newResolutionBatch(), name);
    if (lookalikes.length > 0) newArtist.lookalikes = lookalikes;
    creates.artists.push(newArtist);
    artist = newArtist;
  } else {
    problems.push({ field: 'artist', code: 'unknown-artist', value: name, suggestions: resolution.suggestions.map((a) => a.name) });
  }
  if (!artist || problems.length > 0) return null;
  return {
    type: 'milestone',
    // The same statement about the same artist is the same milestone, however it is spaced or cased.
    key: `suggested-${artist.slug}-${shortDigest(normalizeName(statement))}`,
    kind: input.milestoneKind ?? 'first',
    artistSlugs: [artist.slug],
    artistNames: [artist.name],
    statement,
    occurredOn: date,
    edition: null,
    nomination: null,
    workSlug: null,
    note: null,
    attribution: null,
    asOf: null,
    exclusive: true,
    doubtful: false,
  };
}

/** The fact the store already holds under the same natural key: live, or withdrawn with its reason. */
function storedFact(
  context: Omit<SuggestionContext, 'suggestions'>,
  fact: FactSpec,
): { status: 'live'; fact: NominationFact | MilestoneFact } | { status: 'withdrawn'; reason: string } | undefined {
  const existing = existingFact(context, fact);
  if (!existing) return undefined;
  if (existing.withdrawn) return { status: 'withdrawn', reason: existing.withdrawalReason ?? '' };
  if (fact.type === 'milestone') {
    const live = context.store.milestoneById(existing.id);
    return live ? { status: 'live', fact: live } : undefined;
  }
  // A contributed nomination may still become a win (seed facts are corrected in seeds/ only).
  if (fact.result === 'won' && existing.result === 'nominated' && existing.origin !== 'seed') return undefined;
  const live = context.store.nominationById(existing.id);
  return live ? { status: 'live', fact: live } : undefined;
}

function existingFact(context: Omit<SuggestionContext, 'suggestions'>, fact: FactSpec): ExistingFact | undefined {
  if (fact.type === 'milestone') return context.lookups.milestone(fact.key);
  const ceremony = context.lookups.ceremonyBySlug(fact.edition.ceremonySlug);
  if (!ceremony) return undefined;
  return context.lookups.nomination(ceremony.id, editionKeyOf(fact.edition), fact.categorySlug, nomineeKeyOf(fact.workSlug, fact.artistSlugs));
}

function uniqueArtistSlug(lookups: ContributionLookups, base: string): string {
  if (!lookups.slugTaken('artists', base)) return base;
  for (let n = 2; ; n++) if (!lookups.slugTaken('artists', `${base}-${n}`)) return `${base}-${n}`;
}

function shortDigest(text: string): string {
  let hash = 2166136261;
  for (const character of text) hash = Math.imul(hash ^ character.codePointAt(0)!, 16777619) >>> 0;
  return hash.toString(36);
}

