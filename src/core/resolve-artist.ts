// From what a fan types to one artist, or to a short list of what they may have meant.
import type { AliasEntry, Artist, ArtistNames } from './awards-facts.js';
import { editDistance, normalizeName, typoAllowance } from './names.js';

export type ArtistResolution =
  | { status: 'found'; artist: Artist }
  | { status: 'ambiguous'; candidates: Artist[] }
  | { status: 'not-found'; query: string; suggestions: Artist[] };

export const MAX_SUGGESTIONS = 3;

/** An artist by name or alias, without the suggestions (a scan of every name) when there is none. */
export type ArtistMatch = Exclude<ArtistResolution, { status: 'not-found' }> | { status: 'not-found' };

export function matchArtist(store: ArtistNames, typed: string): ArtistMatch {
  const normalized = normalizeName(typed);
  if (normalized.length === 0) return { status: 'not-found' };
  const exact = store.artistsByNormalizedAlias(normalized);
  if (exact.length === 1) return { status: 'found', artist: exact[0]! };
  if (exact.length > 1) return { status: 'ambiguous', candidates: exact };
  return { status: 'not-found' };
}

export function resolveArtist(store: ArtistNames, typed: string): ArtistResolution {
  const match = matchArtist(store, typed);
  if (match.status !== 'not-found') return match;
  const normalized = normalizeName(typed);
  return { status: 'not-found', query: typed, suggestions: normalized.length === 0 ? [] : suggestArtists(store, normalized) };
}

/**
 * Up to three artists whose names or aliases are a few typos away from `normalized`, or that it
 * is the start of; closest first.
 */
export function suggestArtists(store: ArtistNames, normalized: string): Artist[] {
  const best = new Map<number, number>();
  const consider = (entry: AliasEntry, score: number) => {
    const previous = best.get(entry.artistId);
    if (previous === undefined || score < previous) best.set(entry.artistId, score);
  };
  const allowance = typoAllowance(normalized.length);
  for (const entry of store.allAliases()) {
    const distance = editDistance(normalized, entry.normalized, allowance);
    if (distance <= allowance) consider(entry, distance);
  }
  if (normalized.length >= 3) {
    for (const entry of store.aliasesStartingWith(normalized, MAX_SUGGESTIONS * 4)) consider(entry, allowance + 0.5);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, MAX_SUGGESTIONS)
    .map(([id]) => store.artistById(id)!)
    .filter(Boolean);
}

export interface Choice {
  name: string;
  value: string;
}

export const MAX_AUTOCOMPLETE_CHOICES = 25;

/** Autocomplete choices for an artist option: name (and the alias that matched), value = typed-back name. */
export function artistChoices(store: ArtistNames, typed: string): Choice[] {
  const normalized = normalizeName(typed);
  if (normalized.length === 0) {
    return store.listArtists(MAX_AUTOCOMPLETE_CHOICES).map((artist) => ({ name: artist.name, value: artist.name }));
  }
  const entries = [
    ...store.aliasesStartingWith(normalized, MAX_AUTOCOMPLETE_CHOICES * 2),
    ...store.aliasesContaining(normalized, MAX_AUTOCOMPLETE_CHOICES * 2),
  ];
  const choices: Choice[] = [];
  const seen = new Set<number>();
  for (const entry of entries) {
    if (seen.has(entry.artistId)) continue;
    seen.add(entry.artistId);
    const viaAlias = normalizeName(entry.artistName) !== entry.normalized;
    choices.push({
      name: truncateChoice(viaAlias ? `${entry.artistName} (${entry.alias})` : entry.artistName),
      value: truncateChoice(entry.artistName),
    });
    if (choices.length === MAX_AUTOCOMPLETE_CHOICES) break;
  }
  if (choices.length === 0 && normalized.length > 0) {
    return suggestArtists(store, normalized).map((artist) => ({ name: truncateChoice(artist.name), value: truncateChoice(artist.name) }));
  }
  return choices;
}

/** Discord caps a choice's name and value at 100 characters. */
function truncateChoice(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 99)}…`;
}
