// How facts read in Lightstick's messages. Names from the data are markdown-escaped where shown.
import { escapeMarkdown } from 'discord.js';
import type { ArtistRef, EditionRef, MilestoneFact, NominationFact } from '../../db/queries/awards-store.js';
import { formatPartialDate } from '../../src/core/calendar.js';
import type { ArtistResolution } from '../../src/core/resolve-artist.js';
import { UserError } from '../command.js';

export function escaped(text: string): string {
  // maskedLink: a typed `[text](url)` is shown as typed, never as a disguised link.
  return escapeMarkdown(text, { maskedLink: true });
}

/** "Jungkook ft. Latto", "Rosé & Bruno Mars". */
export function creditsText(artists: ArtistRef[]): string {
  const primary = artists.filter((a) => a.role !== 'featured').map((a) => escaped(a.name));
  const featured = artists.filter((a) => a.role === 'featured').map((a) => escaped(a.name));
  const main = primary.join(' & ');
  return featured.length > 0 ? `${main} ft. ${featured.join(' & ')}` : main;
}

/** "\"Seven\" (Jungkook ft. Latto)" for a work, "BLACKPINK" for an artist nomination. */
export function nomineeText(nomination: NominationFact): string {
  const credits = creditsText(nomination.artists);
  return nomination.workTitle ? `"${escaped(nomination.workTitle)}" (${credits})` : credits;
}

/** "2023 MTV VMAs". */
export function editionLabel(edition: EditionRef): string {
  return `${edition.year} ${edition.ceremonyShortName}`;
}

/** "September 12, 2023, Prudential Center" or "2022 (the sources give no date)". */
export function editionDateText(edition: EditionRef): string {
  if (!edition.heldOn) return `${edition.year} (the sources give no date)`;
  const place = [edition.venue, edition.city].filter(Boolean).map((p) => escaped(p!)).join(', ');
  return place ? `${formatPartialDate(edition.heldOn)}, ${place}` : formatPartialDate(edition.heldOn);
}

/** When a milestone happened, as precisely as the sources say. */
export function milestoneWhen(milestone: MilestoneFact): string {
  // A bare year says less than the edition it belongs to.
  if (milestone.edition && (!milestone.occurredOn || milestone.occurredOn.length === 4)) return editionLabel(milestone.edition);
  if (milestone.occurredOn) return formatPartialDate(milestone.occurredOn);
  const reported = milestone.sources.map((s) => s.publishedOn).sort()[0];
  return reported ? `reported ${formatPartialDate(reported)}` : 'date not given';
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
  options: { withArtists?: boolean; withWhen?: boolean } = {},
): string {
  const where =
    milestone.edition && milestone.occurredOn && milestone.occurredOn.length > 4 ? ` · ${editionLabel(milestone.edition)}` : '';
  const who = options.withArtists ? `${milestone.artists.map((a) => escaped(a.name)).join(' & ')}: ` : '';
  const caveat = milestone.doubtful ? ' *(the source\'s own wording; its scope is unclear)*' : '';
  const note = milestone.note && !milestone.doubtful ? ` *(${escaped(milestone.note)})*` : '';
  const when = options.withWhen === false ? '' : `**${milestoneWhen(milestone)}**${where} — `;
  return `${milestoneIcons[milestone.kind]} ${when}${who}${escaped(milestone.statement)}${caveat}${note}`;
}

/** "🏆 Won Song of Summer: "Seven" (Jungkook ft. Latto)". */
export function nominationLine(nomination: NominationFact, options: { showNominee?: boolean } = {}): string {
  const outcome = nomination.result === 'won' ? '🏆 **Won**' : '▫️ Nominated for';
  const nominee = options.showNominee === false ? '' : `: ${nomineeText(nomination)}`;
  return `${outcome} ${escaped(nomination.categoryName)}${nominee}`;
}

/** Turns an unresolved artist into the friendly answer the user sees. */
export function artistOrUserError(resolution: ArtistResolution) {
  switch (resolution.status) {
    case 'found':
      return resolution.artist;
    case 'ambiguous':
      throw new UserError(
        `That name fits more than one artist: ${resolution.candidates.map((a) => `**${escaped(a.name)}**`).join(', ')}. Which one did you mean?`,
      );
    case 'not-found': {
      const shown = escaped(resolution.query.trim().slice(0, 80));
      if (resolution.suggestions.length === 0) {
        return userError(`I don't know an artist called "${shown}" yet. Try a group or stage name, like BLACKPINK or Jungkook.`);
      }
      const names = resolution.suggestions.map((a) => `**${escaped(a.name)}**`);
      return userError(`I don't know an artist called "${shown}". Did you mean ${orList(names)}?`);
    }
  }
}

function userError(message: string): never {
  throw new UserError(message);
}

/** "A", "A or B", "A, B or C". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
