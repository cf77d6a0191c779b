// Ceremonies from what a fan types, and one edition's results with K-pop acts first.
import type { CeremonyFacts, CeremonyNames, Ceremony, EditionRef, NominationFact } from './awards-facts.js';
import { editDistance, normalizeName, typoAllowance } from './names.js';
import { MAX_SUGGESTIONS, type Choice } from './resolve-artist.js';

export type CeremonyResolution =
  | { status: 'found'; ceremony: Ceremony }
  /** `closest`: up to three a few typos away or containing what was typed, closest first; `known`: all of them. */
  | { status: 'not-found'; query: string; closest: Ceremony[]; known: Ceremony[] };

export function resolveCeremony(store: CeremonyNames, typed: string): CeremonyResolution {
  const normalized = normalizeName(typed);
  const exact = normalized ? store.ceremoniesByNormalizedAlias(normalized) : [];
  if (exact.length === 1) return { status: 'found', ceremony: exact[0]! };
  const prefixed = normalized ? store.ceremoniesStartingWith(normalized, 2) : [];
  if (prefixed.length === 1) return { status: 'found', ceremony: prefixed[0]! };
  const known = store.ceremonies();
  return { status: 'not-found', query: typed, closest: closestCeremonies(known, normalized), known };
}

function closestCeremonies(known: Ceremony[], normalized: string): Ceremony[] {
  if (normalized.length === 0) return [];
  const allowance = typoAllowance(normalized.length);
  const scored: { ceremony: Ceremony; score: number }[] = [];
  for (const ceremony of known) {
    let score = Number.POSITIVE_INFINITY;
    for (const name of [ceremony.name, ceremony.shortName].map(normalizeName)) {
      const distance = editDistance(normalized, name, allowance);
      if (distance <= allowance) score = Math.min(score, distance);
      else if (normalized.length >= 3 && name.includes(normalized)) score = Math.min(score, allowance + 0.5);
    }
    if (Number.isFinite(score)) scored.push({ ceremony, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.ceremony.id - b.ceremony.id)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.ceremony);
}

export function ceremonyChoices(store: CeremonyNames, typed: string): Choice[] {
  const normalized = normalizeName(typed);
  const ceremonies = normalized ? store.ceremoniesStartingWith(normalized, 25) : store.ceremonies();
  return ceremonies.map((c) => ({ name: `${c.name} (${c.shortName})`, value: c.shortName }));
}

export interface CategoryResults {
  categoryName: string;
  categorySlug: string;
  /** Winners first, then K-pop nominees, then the rest. */
  nominees: NominationFact[];
  /** True when a source gives the category's full nominee list. */
  complete: boolean;
  hasKpopNominee: boolean;
}

export interface EditionResults {
  ceremony: Ceremony;
  edition: EditionRef;
  categories: CategoryResults[];
}

export type EditionLookup =
  | { status: 'found'; results: EditionResults }
  | { status: 'no-edition'; ceremony: Ceremony; year: number; knownYears: number[] };

export function findEditionResults(store: CeremonyFacts, ceremony: Ceremony, year: number): EditionLookup {
  const found = store.editionResults(ceremony.id, year);
  if (!found) return { status: 'no-edition', ceremony, year, knownYears: store.editionYears(ceremony.id) };
  return { status: 'found', results: groupResults(ceremony, found) };
}

/** One episode of a weekly music show, by its air date (YYYY-MM-DD). */
export function findEpisodeResults(store: CeremonyFacts, ceremony: Ceremony, airDate: string): EditionLookup {
  const found = store.episodeResults(ceremony.id, airDate);
  const year = Number(airDate.slice(0, 4));
  if (!found) return { status: 'no-edition', ceremony, year, knownYears: store.editionYears(ceremony.id) };
  return { status: 'found', results: groupResults(ceremony, found) };
}

/** A music show's episodes in a year with their results, oldest first. */
export function findShowYear(store: CeremonyFacts, ceremony: Ceremony, year: number): EditionResults[] {
  return store
    .episodesInYear(ceremony.id, year)
    .map((episode) => store.episodeResults(ceremony.id, episode.heldOn ?? episode.editionKey))
    .filter((found): found is NonNullable<typeof found> => found !== undefined)
    .map((found) => groupResults(ceremony, found));
}

function groupResults(ceremony: Ceremony, found: NonNullable<ReturnType<CeremonyFacts['editionResults']>>): EditionResults {
  const byCategory = new Map<string, CategoryResults>();
  for (const nomination of found.nominations) {
    let category = byCategory.get(nomination.categorySlug);
    if (!category) {
      category = {
        categoryName: nomination.categoryName,
        categorySlug: nomination.categorySlug,
        nominees: [],
        complete: found.completeCategories.has(nomination.categorySlug),
        hasKpopNominee: false,
      };
      byCategory.set(nomination.categorySlug, category);
    }
    category.nominees.push(nomination);
    if (isKpopNomination(nomination)) category.hasKpopNominee = true;
  }
  for (const category of byCategory.values()) category.nominees.sort(compareNominees);
  const categories = [...byCategory.values()].sort(
    (a, b) =>
      Number(hasKpopWin(b)) - Number(hasKpopWin(a)) ||
      Number(b.hasKpopNominee) - Number(a.hasKpopNominee) ||
      a.categoryName.localeCompare(b.categoryName),
  );
  return { ceremony, edition: found.edition, categories };
}

export function isKpopNomination(nomination: NominationFact): boolean {
  return nomination.artists.some((artist) => artist.isKpop);
}

function hasKpopWin(category: CategoryResults): boolean {
  return category.nominees.some((n) => n.result === 'won' && isKpopNomination(n));
}

function compareNominees(a: NominationFact, b: NominationFact): number {
  return (
    Number(b.result === 'won') - Number(a.result === 'won') ||
    Number(isKpopNomination(b)) - Number(isKpopNomination(a)) ||
    a.id - b.id
  );
}
