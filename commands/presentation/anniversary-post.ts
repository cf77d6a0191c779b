// The daily anniversary post: every win and milestone of the day, how many years ago, round
// anniversaries standing out, all in one message within Discord's limits.
import type { APIEmbed } from 'discord.js';
import type { SourceRef } from '../../db/queries/awards-store.js';
import { formatPartialDate, ordinal } from '../../src/core/calendar.js';
import { isRoundAnniversary } from '../../src/core/anniversary-schedule.js';
import type { OnThisDayEntry } from '../../src/core/on-this-day.js';
import type { MessagePayload } from '../command.js';
import { entryLine } from '../onthisday.js';
import { discordLimits } from './discord-limits.js';
import { footerText } from './paged-embed.js';

export const anniversaryColor = 0xff8fab;

/** The heading of one year's anniversaries; round ones stand out. */
function yearHeading(date: string, years: number): string {
  const year = date.slice(0, 4);
  if (isRoundAnniversary(years)) return `🎉 **${year}: the ${ordinal(years)} anniversary!**`;
  return `**${year}**, ${years} years ago`;
}

/** One message for `localDate`'s anniversaries; `late` says it went out after its time. */
export function renderAnniversaryPost(entries: OnThisDayEntry[], localDate: string, options: { late?: boolean } = {}): MessagePayload {
  const monthDay = formatPartialDate(localDate).replace(/, \d{4}$/, '');
  const title = `🎂 On this day in K-pop: ${monthDay}`;
  const note = options.late ? '\n\n*Posted late today: Lightstick was offline at the usual time.*' : '';

  const numbering = new Map<string, number>();
  const used: SourceRef[] = [];
  const lines: string[] = [];
  // Room for the title, the late note, a closing "and N more" line and the sources footer.
  const budget = Math.min(discordLimits.embedDescription, discordLimits.embedTotal - title.length - 1500) - note.length - 80;
  let length = 0;
  let year = '';
  for (const [index, entry] of entries.entries()) {
    const sources = entry.kind === 'win' ? entry.nomination.sources : entry.milestone.sources;
    const markers = sources
      .map((source) => {
        if (!numbering.has(source.identifier)) numbering.set(source.identifier, numbering.size + 1);
        return `[${numbering.get(source.identifier)}]`;
      })
      .join('');
    const heading = entry.date.slice(0, 4) === year ? '' : `${lines.length > 0 ? '\n' : ''}${yearHeading(entry.date, entry.yearsAgo)}\n`;
    const line = `${heading}${entryLine(entry)} ${markers}`;
    if (length + line.length + 1 > budget) {
      lines.push(`…and ${entries.length - index} more: \`/onthisday date:${localDate.slice(5)}\``);
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
    footer: { text: footerText(used, numbering, null) },
  };
  return { embeds: [embed] };
}
