// /about: what the store holds at a glance, and where its facts come from.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { winTotals, yearsCovered, type CatalogueSummary } from '../core/catalogue-summary.js';
import { discordLimits, truncate } from './discord-limits.js';
import { escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors } from './paged-embed.js';
import type { Translation } from './translation.js';

/** Publishers named before "and N more". */
const PUBLISHERS_SHOWN = 12;

/** Items joined with " · " until the field is full, ending with "and N more". */
function fittedList(items: string[], translation: Translation, most = items.length): string {
  const shown: string[] = [];
  for (const [index, item] of items.entries()) {
    const more = translation.t('artist.andMore', { count: items.length - index });
    if (index >= most || [...shown, item, more].join(' · ').length > discordLimits.fieldValue) {
      return [...shown, more].join(' · ');
    }
    shown.push(item);
  }
  return shown.join(' · ');
}

const yearSpan = (from: number | null, to: number | null) => (from === null || to === null ? '' : from === to ? `${from}` : `${from}–${to}`);

export function aboutMessage(summary: CatalogueSummary, translation: Translation): MessagePayload {
  const { t } = translation;
  const number = (n: number) => translation.number(n);
  const wins = winTotals(summary);
  const musicShows = summary.ceremonies.filter((c) => c.kind === 'music_show' && c.wins > 0);
  const awardShows = summary.ceremonies.filter((c) => c.kind === 'award_show' && c.firstYear !== null);
  const years = yearsCovered(summary);
  const fields: APIEmbedField[] = [
    {
      name: t('about.acts'),
      value: t('about.actsValue', {
        count: summary.artists,
        formatted: number(summary.artists),
        hangul: number(summary.artistsWithHangul),
        debuts: number(summary.debuts),
      }),
    },
    {
      name: t('about.musicShows'),
      value: truncate(
        [
          t('about.musicShowWins', { count: wins.musicShowWins, formatted: number(wins.musicShowWins), shows: number(musicShows.length) }),
          fittedList(musicShows.map((c) => `${escaped(c.name)} ${yearSpan(c.firstYear, c.lastYear)}`.trim()), translation),
        ]
          .filter(Boolean)
          .join('\n'),
        discordLimits.fieldValue,
      ),
    },
    {
      name: t('about.awardShows'),
      value: truncate(
        [
          t('about.awardShowWins', {
            count: wins.awardShowWins,
            formatted: number(wins.awardShowWins),
            ceremonies: number(awardShows.length),
            grandPrizes: number(wins.grandPrizes),
          }),
          fittedList(awardShows.map((c) => `${escaped(c.name)} ${yearSpan(c.firstYear, c.lastYear)}`.trim()), translation),
        ]
          .filter(Boolean)
          .join('\n'),
        discordLimits.fieldValue,
      ),
    },
  ];
  if (years) fields.push({ name: t('about.years'), value: yearSpan(years.from, years.to), inline: true });
  fields.push({
    name: t('about.days'),
    value: t('about.daysValue', { count: summary.daysWithFacts, formatted: number(summary.daysWithFacts) }),
    inline: true,
  });
  const publishers = summary.publishers.map((p) =>
    t('about.publisher', { publisher: p.outlet === null ? t('about.unnamedPublisher') : escaped(p.outlet), facts: number(p.facts) }),
  );
  if (publishers.length > 0) {
    fields.push({ name: t('about.sources'), value: fittedList(publishers, translation, PUBLISHERS_SHOWN) });
  }
  const cited =
    summary.factsWithoutSource === 0
      ? t('about.everyFactCited', { count: summary.sources, formatted: number(summary.sources) })
      : t('about.someUncited', { count: summary.factsWithoutSource, formatted: number(summary.factsWithoutSource) });
  const embed: APIEmbed = {
    title: t('about.title'),
    description: [cited, t('about.grow')].join('\n'),
    color: colors.notice,
    fields,
  };
  return { embeds: [embed] };
}
