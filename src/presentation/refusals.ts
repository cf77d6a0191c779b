// Friendly answers to names Lightstick does not know, in the reader's language.
import type { ArtistResolution } from '../core/resolve-artist.js';
import type { CeremonyResolution } from '../core/ceremonies.js';
import { escaped } from './fact-text.js';
import type { Translation } from './translation.js';

/** What a fan typed, made safe to echo: cut short and markdown-escaped, so `[text](url)` shows as typed. */
export function echoed(typed: string, max = 80): string {
  return escaped(typed.trim().slice(0, max));
}

export function artistNotFoundText(resolution: Exclude<ArtistResolution, { status: 'found' }>, translation: Translation): string {
  const { t } = translation;
  if (resolution.status === 'ambiguous') {
    return t('errors.ambiguousArtist', { candidates: resolution.candidates.map((a) => `**${escaped(a.name)}**`).join(', ') });
  }
  const typed = echoed(resolution.query);
  if (resolution.suggestions.length === 0) return t('errors.unknownArtist', { typed });
  return t('errors.unknownArtistSuggest', {
    typed,
    suggestions: translation.orList(resolution.suggestions.map((a) => `**${escaped(a.name)}**`)),
  });
}

/** The closest names when some are near what was typed, else every ceremony the store has. */
export function ceremonyNotFoundText(resolution: Exclude<CeremonyResolution, { status: 'found' }>, translation: Translation): string {
  const offered = resolution.closest.length > 0 ? resolution.closest : resolution.known;
  return translation.t('errors.unknownCeremony', {
    typed: echoed(resolution.query),
    known: translation.orList(offered.map((c) => `**${escaped(c.shortName)}**`)),
  });
}
