// The daily anniversary post, in the server's language: every win and milestone of the day, how
// many years ago, round anniversaries standing out, all in one Components V2 message within
// Discord's limits: the day's headline card in a container of its artist's colour, the facts as
// text, the sources as links.
import type { SourceRef } from '../core/awards-facts.js';
import { isRoundAnniversary } from '../core/anniversary-schedule.js';
import { headlineEntry, type NotableFact } from '../core/notable-facts.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';
import { cardAccentColor } from '../cards/card-palettes.js';
import { cardLayout, sourceLines, v2Limits } from './card-layout.js';
import { cardContent, cardFile, type CardPainter } from './milestone-card-message.js';
import type { MessagePayload } from './message-payload.js';
import { entryLine, entrySources } from './on-this-day-message.js';
import type { Translation } from './translation.js';

export const anniversaryColor = 0xff8fab;

/** Room kept under the 4,000 characters for whatever is put beside the post (a preview's note, a mention line). */
export const ANNIVERSARY_POST_HEADROOM = 300;

/** The heading of one year's anniversaries; round ones stand out. */
function yearHeading(date: string, years: number, translation: Translation): string {
  const year = date.slice(0, 4);
  if (isRoundAnniversary(years)) return `🎉 **${translation.t('anniversaryPost.roundYear', { year, count: years, ordinal: true })}**`;
  return translation.t('anniversaryPost.year', { year, ago: translation.yearsAgo(years) });
}

function headlineFact(entry: OnThisDayEntry): NotableFact {
  return entry.kind === 'win' ? { kind: 'win', nomination: entry.nomination } : { kind: 'milestone', milestone: entry.milestone };
}

/** One message for `localDate`'s anniversaries; `late` says it went out after its time. */
export function renderAnniversaryPost(
  entries: OnThisDayEntry[],
  localDate: string,
  translation: Translation,
  /** `reserve`: text left free below the post, for its countdowns. */
  options: { late?: boolean; cards?: CardPainter; reserve?: number } = {},
): MessagePayload {
  const { t } = translation;
  const day = translation.monthDay(Number(localDate.slice(5, 7)), Number(localDate.slice(8, 10)));
  const title = t('anniversaryPost.title', { day });
  const note = options.late ? t('anniversaryPost.late') : undefined;
  // The day's headline as a picture fans can share, its colours the container's; the text still says every fact.
  const headline = headlineEntry(entries);
  const content = headline ? cardContent(headlineFact(headline), translation, headline.yearsAgo) : undefined;
  const card = content && options.cards ? cardFile(options.cards.paint(content)) : undefined;

  const numbering = new Map<string, number>();
  const used: SourceRef[] = [];
  const lines: string[] = [];
  // Every text display counts against the message's 4,000 characters: the heading, the lines, the
  // sources heading and lines, the late note and a closing "and N more" line.
  const sourcesHeading = t('sources.links').length + 6;
  const fixed = title.length + 4 + sourcesHeading + (note ? note.length + 8 : 0) + 160 + ANNIVERSARY_POST_HEADROOM + (options.reserve ?? 0);
  let length = 0;
  let sourcesLength = 0;
  let year = '';
  for (const [index, entry] of entries.entries()) {
    const sources = entrySources(entry);
    const fresh = sources.filter((source, at) => !numbering.has(source.identifier) && sources.findIndex((s) => s.identifier === source.identifier) === at);
    const freshNumbering = new Map(numbering);
    for (const source of fresh) freshNumbering.set(source.identifier, freshNumbering.size + 1);
    const markers = sources.map((source) => `[${freshNumbering.get(source.identifier)}]`).join('');
    const heading =
      entry.date.slice(0, 4) === year ? '' : `${lines.length > 0 ? '\n' : ''}${yearHeading(entry.date, entry.yearsAgo, translation)}\n`;
    const line = `${heading}${entryLine(entry, translation)} ${markers}`;
    const freshLength = sourceLines(fresh, freshNumbering, translation).reduce((sum, text) => sum + text.length + 1, 0);
    if (fixed + length + line.length + 1 + sourcesLength + freshLength > v2Limits.textTotal) {
      lines.push(t('anniversaryPost.andMore', { count: entries.length - index, command: `/onthisday date:${localDate.slice(5)}` }));
      break;
    }
    for (const source of fresh) numbering.set(source.identifier, numbering.size + 1);
    lines.push(line);
    length += line.length + 1;
    sourcesLength += freshLength;
    year = entry.date.slice(0, 4);
    used.push(...sources);
  }
  return cardLayout(
    {
      accentColor: content ? cardAccentColor(content) : anniversaryColor,
      heading: title,
      ...(card ? { card } : {}),
      facts: lines.join('\n'),
      sources: used,
      numbering,
      ...(note ? { note } : {}),
    },
    translation,
  );
}
