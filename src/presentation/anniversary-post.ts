// The daily anniversary post, in the server's language: every win and milestone of the day, how
// many years ago, round anniversaries standing out, all in one message within Discord's limits.
import type { APIEmbed } from 'discord-api-types/v10';
import type { SourceRef } from '../core/awards-facts.js';
import { isRoundAnniversary } from '../core/anniversary-schedule.js';
import { headlineEntry } from '../core/notable-facts.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';
import { CARD_FILE_NAME, cardContent, cardFile, type CardPainter } from './milestone-card-message.js';
import { discordLimits } from './discord-limits.js';
import type { MessagePayload } from './message-payload.js';
import { entryLine, entrySources } from './on-this-day-message.js';
import { footerText, linksField } from './paged-embed.js';
import type { Translation } from './translation.js';

export const anniversaryColor = 0xff8fab;

/** The heading of one year's anniversaries; round ones stand out. */
function yearHeading(date: string, years: number, translation: Translation): string {
  const year = date.slice(0, 4);
  if (isRoundAnniversary(years)) return `🎉 **${translation.t('anniversaryPost.roundYear', { year, count: years, ordinal: true })}**`;
  return translation.t('anniversaryPost.year', { year, ago: translation.yearsAgo(years) });
}

/** One message for `localDate`'s anniversaries; `late` says it went out after its time. */
export function renderAnniversaryPost(
  entries: OnThisDayEntry[],
  localDate: string,
  translation: Translation,
  options: { late?: boolean; cards?: CardPainter } = {},
): MessagePayload {
  const { t } = translation;
  const day = translation.monthDay(Number(localDate.slice(5, 7)), Number(localDate.slice(8, 10)));
  const title = t('anniversaryPost.title', { day });
  const note = options.late ? `\n\n*${t('anniversaryPost.late')}*` : '';

  const numbering = new Map<string, number>();
  const used: SourceRef[] = [];
  const lines: string[] = [];
  // Room for the title, the late note, a closing "and N more" line, the sources footer and the links to web sources.
  const budget = Math.min(discordLimits.embedDescription, discordLimits.embedTotal - title.length - 1500 - 1100) - note.length - 120;
  let length = 0;
  let year = '';
  for (const [index, entry] of entries.entries()) {
    const sources = entrySources(entry);
    const markers = sources
      .map((source) => {
        if (!numbering.has(source.identifier)) numbering.set(source.identifier, numbering.size + 1);
        return `[${numbering.get(source.identifier)}]`;
      })
      .join('');
    const heading =
      entry.date.slice(0, 4) === year ? '' : `${lines.length > 0 ? '\n' : ''}${yearHeading(entry.date, entry.yearsAgo, translation)}\n`;
    const line = `${heading}${entryLine(entry, translation)} ${markers}`;
    if (length + line.length + 1 > budget) {
      lines.push(t('anniversaryPost.andMore', { count: entries.length - index, command: `/onthisday date:${localDate.slice(5)}` }));
      break;
    }
    lines.push(line);
    length += line.length + 1;
    year = entry.date.slice(0, 4);
    used.push(...sources);
  }
  const embed: APIEmbed = {
    title,
    description: `${lines.join('\n')}${note}`,
    color: anniversaryColor,
    footer: { text: footerText(used, numbering, null, translation) },
  };
  const links = linksField(used, numbering, translation);
  if (links) embed.fields = [links];
  // The day's headline as a picture fans can share; the embed above still says every fact.
  const headline = options.cards ? headlineEntry(entries) : undefined;
  if (!headline || !options.cards) return { embeds: [embed] };
  const fact = headline.kind === 'win' ? { kind: 'win' as const, nomination: headline.nomination } : { kind: 'milestone' as const, milestone: headline.milestone };
  const card = options.cards.paint(cardContent(fact, translation, headline.yearsAgo));
  embed.image = { url: `attachment://${CARD_FILE_NAME}` };
  return { embeds: [embed], files: [cardFile(card)] };
}
