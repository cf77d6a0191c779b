// /ceremony: one edition's results, K-pop acts in bold, full nominee lists marked.
import type { Ceremony } from '../core/awards-facts.js';
import { isKpopNomination, type EditionResults } from '../core/ceremonies.js';
import { editionDateText, editionLabel, escaped, nomineeText } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors, renderPagedEmbed } from './paged-embed.js';
import type { Translation } from './translation.js';

export function ceremonyResultsMessage(
  results: EditionResults,
  page: number,
  pageButtonPrefix: string,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const { edition, categories } = results;
  const description = [editionDateText(edition, translation), edition.notes ? `*${escaped(edition.notes)}*` : null]
    .filter(Boolean)
    .join('\n');
  return renderPagedEmbed({
    title: t('ceremony.title', { edition: editionLabel(edition, translation) }),
    description,
    sections: categories.map((category) => {
      const listNote = category.complete
        ? ` · ${t('ceremony.fullList')}`
        : category.nominees.length > 1
          ? ` · ${t('ceremony.namedNominees')}`
          : '';
      return {
        heading: `${escaped(category.categoryName)}${listNote}`,
        lines: category.nominees.map((n) => {
          const marker = n.result === 'won' ? '🏆' : '▫️';
          const name = isKpopNomination(n) ? `**${nomineeText(n, translation)}**` : nomineeText(n, translation);
          return { text: `${marker} ${name}`, sources: n.sources };
        }),
      };
    }),
    emptyText: t('ceremony.empty'),
    color: colors.ceremony,
    page,
    pageButtonId: (target) => `${pageButtonPrefix}:${target}`,
    translation,
  });
}

/** A music show's year: one section per episode, its winners, by air date. */
export function showYearMessage(
  ceremony: Ceremony,
  year: number,
  episodes: EditionResults[],
  page: number,
  pageButtonPrefix: string,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  return renderPagedEmbed({
    title: t('ceremony.showYearTitle', { show: escaped(ceremony.shortName), year }),
    description: t('ceremony.showYearDescription', { count: episodes.length }),
    sections: episodes.map(({ edition, categories }) => ({
      heading: editionLabel(edition, translation),
      lines: categories.flatMap((category) =>
        category.nominees.map((n) => ({
          text: `${n.result === 'won' ? '🏆' : '▫️'} ${escaped(category.categoryName)}: ${nomineeText(n, translation)}`,
          sources: n.sources,
        })),
      ),
    })),
    emptyText: t('ceremony.empty'),
    color: colors.ceremony,
    page,
    pageButtonId: (target) => `${pageButtonPrefix}:${target}`,
    translation,
  });
}

export function noEditionText(ceremony: Ceremony, year: number, knownYears: number[], translation: Translation): string {
  const { t } = translation;
  const noResults = t('ceremony.noResults', { ceremony: escaped(ceremony.shortName), year });
  return knownYears.length > 0 ? `${noResults} ${t('ceremony.knownYears', { years: knownYears.join(', ') })}` : noResults;
}
