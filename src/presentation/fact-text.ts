// How facts read in Lightstick's messages, in the reader's language. Facts keep their names
// (ceremonies, categories, songs and statements stay as stored); the frame around them comes from
// the catalogue. Names from the data are escaped where shown, by storedText.
import type { ArtistRef, EditionRef, MilestoneFact, NominationFact } from '../core/awards-facts.js';
import { storedText } from './stored-text.js';
import type { Translation } from './translation.js';

// The same names and titles are shown over and over, so each is escaped once (the map is emptied
// when it grows past a bound).
const escapedTexts = new Map<string, string>();
const ESCAPED_TEXTS_KEPT = 20_000;

/** Stored text as a message shows it (see storedText): every renderer of stored text uses this. */
export function escaped(text: string): string {
  let result = escapedTexts.get(text);
  if (result === undefined) {
    result = storedText(text);
    if (escapedTexts.size >= ESCAPED_TEXTS_KEPT) escapedTexts.clear();
    escapedTexts.set(text, result);
  }
  return result;
}

/**
 * Text from a source or a fan (a page's title, its publisher, a refused address) made inert where
 * Discord renders markdown: the one escaping of stored text, so that `@everyone`, `<@&1>`,
 * `<t:0:R>`, `||spoiler||`, `# heading`, `[text](url)` and `https://` show as typed.
 */
export const inertText = storedText;

/**
 * A link's text, inert (see inertText) and without brackets: Discord finds where a link's text ends
 * before it reads escapes, so a bracket, even escaped, could end it early; parentheses read the same.
 */
export function inertLinkText(text: string): string {
  return inertText(text.replace(/\[/g, '(').replace(/\]/g, ')'));
}

// What a link's target may hold as it is written in a message: the normalised address, with the
// characters that could end the target early (a parenthesis, even inside <...>) or read as markup
// if Discord did not take it for a link percent-encoded, which names the same page.
const NOT_IN_A_TARGET = /[^A-Za-z0-9\-._~:/?#&=+,;%$!']/g;

/** The address a source line links to; null when it is not an http(s) address (then the title stands alone). */
export function linkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(NOT_IN_A_TARGET, (character) =>
    [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A name as a reader sees it: Korean readers get the Hangul name beside the Latin one. */
export function artistName(artist: { name: string; hangulName?: string | null }, translation: Translation): string {
  const name = escaped(artist.name);
  return translation.locale === 'ko' && artist.hangulName && artist.hangulName !== artist.name
    ? `${name} (${escaped(artist.hangulName)})`
    : name;
}

/** "Jungkook ft. Latto", "Rosé & Bruno Mars". */
export function creditsText(
  artists: readonly (Pick<ArtistRef, 'name' | 'role'> & { hangulName?: string | null })[],
  translation: Translation,
): string {
  const { t } = translation;
  const primary = artists.filter((a) => a.role !== 'featured').map((a) => artistName(a, translation));
  const featured = artists.filter((a) => a.role === 'featured').map((a) => artistName(a, translation));
  const main = primary.join(' & ');
  return featured.length > 0 ? t('facts.featuring', { main, featured: featured.join(' & ') }) : main;
}

/** "\"Seven\" (Jungkook ft. Latto)" for a work, "BLACKPINK" for an artist nomination. */
export function nomineeText(nomination: NominationFact, translation: Translation): string {
  const credits = creditsText(nomination.artists, translation);
  return nomination.workTitle
    ? translation.t('facts.workBy', { work: escaped(nomination.workTitle), credits })
    : credits;
}

/**
 * "2023 MTV VMAs" (a ceremony's own name stays as it is in every language), or for one episode of a
 * weekly music show "Music Bank, June 9, 2023".
 */
export function editionLabel(edition: EditionRef, translation: Translation): string {
  if (edition.episode && edition.heldOn) {
    return translation.t('facts.episodeLabel', { show: escaped(edition.ceremonyShortName), date: translation.date(edition.heldOn) });
  }
  return `${edition.year} ${escaped(edition.ceremonyShortName)}`;
}

/** An edition with its date once: "2023 MTV VMAs · September 12, 2023", "Music Bank, June 9, 2023". */
export function editionWithDate(edition: EditionRef, translation: Translation): string {
  if (edition.episode || !edition.heldOn) return editionLabel(edition, translation);
  return `${editionLabel(edition, translation)} · ${translation.date(edition.heldOn)}`;
}

/** "September 12, 2023, Prudential Center" or "2022 (the sources give no date)". */
export function editionDateText(edition: EditionRef, translation: Translation): string {
  if (!edition.heldOn) return translation.t('facts.yearWithoutDate', { year: edition.year });
  const place = [edition.venue, edition.city].filter(Boolean).map((p) => escaped(p!)).join(', ');
  // An episode's label already says its air date.
  const date = edition.episode ? '' : translation.date(edition.heldOn);
  return [date, place].filter(Boolean).join(', ');
}

/** When a milestone happened, as precisely as the sources say. */
export function milestoneWhen(milestone: MilestoneFact, translation: Translation): string {
  // A bare year says less than the edition it belongs to.
  if (milestone.edition && (!milestone.occurredOn || milestone.occurredOn.length === 4)) return editionLabel(milestone.edition, translation);
  if (milestone.occurredOn) return translation.date(milestone.occurredOn);
  const reported = milestone.sources.flatMap((s) => (s.publishedOn ? [s.publishedOn] : [])).sort()[0];
  return reported ? translation.t('facts.reportedOn', { date: translation.date(reported) }) : translation.t('facts.dateNotGiven');
}

const milestoneIcons: Record<MilestoneFact['kind'], string> = {
  first: '🥇',
  record: '📈',
  performance: '🎤',
  chart: '📊',
  debut: '🌱',
};

/** One milestone as a line: when, where, what, and any caveat. */
export function milestoneLine(
  milestone: MilestoneFact,
  translation: Translation,
  options: { withArtists?: boolean; withWhen?: boolean } = {},
): string {
  const { t } = translation;
  // A music show's episode is named by its date, which the line already leads with: the show alone.
  const where =
    milestone.edition && milestone.occurredOn && milestone.occurredOn.length > 4
      ? ` · ${milestone.edition.episode ? escaped(milestone.edition.ceremonyShortName) : editionLabel(milestone.edition, translation)}`
      : '';
  const who = options.withArtists ? `${milestone.artists.map((a) => artistName(a, translation)).join(' & ')}: ` : '';
  const caveat = milestone.doubtful ? ` *${t('facts.doubtfulWording')}*` : '';
  const note = milestone.note && !milestone.doubtful ? ` *(${escaped(milestone.note)})*` : '';
  // A claim the source credits to someone else, or true as of its article, says so wherever it is shown.
  const qualifiers = [
    milestone.attribution ? t('facts.attributedTo', { who: escaped(milestone.attribution) }) : null,
    milestone.asOf ? t('facts.asOf', { date: translation.date(milestone.asOf) }) : null,
  ].filter(Boolean);
  const qualified = qualifiers.length > 0 ? ` *(${qualifiers.join(', ')})*` : '';
  const when = options.withWhen === false ? '' : `**${milestoneWhen(milestone, translation)}**${where} — `;
  return `${milestoneIcons[milestone.kind]} ${when}${who}${escaped(milestone.statement)}${qualified}${caveat}${note}`;
}

/** "🏆 Won Song of Summer: "Seven" (Jungkook ft. Latto)". */
export function nominationLine(
  nomination: NominationFact,
  translation: Translation,
  options: { showNominee?: boolean } = {},
): string {
  const { t } = translation;
  const category = escaped(nomination.categoryName);
  const outcome =
    nomination.result !== 'won'
      ? t('facts.nominatedForCategory', { category })
      : nomination.grandPrize
        ? t('facts.wonGrandPrize', { category })
        : t('facts.wonCategory', { category });
  const nominee = options.showNominee === false ? '' : `: ${nomineeText(nomination, translation)}`;
  const note = nomination.workNote ? ` *(${t('facts.sourceSays', { note: escaped(nomination.workNote) })})*` : '';
  return `${outcome}${nominee}${note}`;
}

/** "🏆 Jungkook ft. Latto won Song of Summer with "Seven" at the 2023 MTV VMAs". */
export function winLine(nomination: NominationFact, translation: Translation): string {
  const { t } = translation;
  const values = {
    credits: creditsText(nomination.artists, translation),
    category: escaped(nomination.categoryName),
    edition: editionLabel(nomination.edition, translation),
  };
  const work = nomination.workTitle ? escaped(nomination.workTitle) : null;
  // A music show is won "on" an episode; an award "at" a ceremony.
  if (nomination.edition.episode) {
    return `🏆 ${work ? t('facts.wonWithWorkOnShow', { ...values, work }) : t('facts.wonOnShow', values)}`;
  }
  return `🏆 ${work ? t('facts.wonWithWorkAt', { ...values, work }) : t('facts.wonAt', values)}`;
}
