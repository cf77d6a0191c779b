// /awards: an artist's wins and nominations in the store, by ceremony edition, newest first.
import type { Artist, Ceremony } from '../core/awards-facts.js';
import type { ArtistAwards, ResultFilter } from '../core/awards.js';
import { artistName, editionDateText, editionLabel, escaped, nominationLine } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors, renderPagedEmbed } from './paged-embed.js';
import type { Translation } from './translation.js';

export interface AwardsView {
  artistId: number;
  ceremonyId: number | null;
  year: number | null;
  result: ResultFilter;
}

export function awardsMessage(
  artist: Artist,
  ceremony: Ceremony | null,
  view: AwardsView,
  awards: ArtistAwards,
  page: number,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const name = artistName(artist, translation);
  const filters = [
    ceremony ? escaped(ceremony.shortName) : null,
    view.year !== null ? String(view.year) : null,
    view.result === 'won' ? t('awards.winsOnly') : view.result === 'nominated' ? t('awards.nominationsOnly') : null,
  ].filter((filter): filter is string => filter !== null);
  // Counts of what the store holds, said as such: never a career record.
  const counts = t('awards.counts', {
    wins: t('awards.wins', { count: awards.wins, formatted: translation.number(awards.wins) }),
    nominations: t('awards.nominations', { count: awards.nominations, formatted: translation.number(awards.nominations) }),
  });
  return renderPagedEmbed({
    title: t('awards.title', { artist: name }),
    description: filters.length > 0 ? t('awards.filtered', { counts, filters: filters.join(', ') }) : counts,
    sections: awards.editions.map(({ edition, nominations }) => ({
      heading: [editionLabel(edition, translation), editionDateText(edition, translation)].filter(Boolean).join(' · '),
      lines: nominations.map((n) => ({ text: nominationLine(n, translation), sources: n.sources })),
    })),
    emptyText: view.result === 'won' ? t('awards.emptyWins', { artist: name }) : t('awards.empty', { artist: name }),
    color: colors.awards,
    page,
    pageButtonId: (target) =>
      `awards:page:${view.artistId}:${view.ceremonyId ?? '-'}:${view.year ?? '-'}:${view.result}:${target}`,
    translation,
  });
}
