// /onthisday [date:MM-DD] — wins and milestones that fell on this calendar day in earlier years.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { calendarDateIn, formatMonthDay, formatMonthDayKey, parseMonthDay, type MonthDay } from '../src/core/calendar.js';
import { findOnThisDay, type OnThisDayEntry } from '../src/core/on-this-day.js';
import { StaleButton, UserError, type CommandContext, type SlashCommand } from './command.js';
import { creditsText, editionLabel, escaped, milestoneLine } from './presentation/fact-text.js';
import { optionalString, pageArgument } from './presentation/options.js';
import { colors, renderPagedEmbed } from './presentation/paged-embed.js';

/** "Today" is the server's day in the time zone of its anniversary posts, or the UTC day. */
function timeZoneOf(context: CommandContext, guildId: string | null): string {
  return (guildId && context.anniversaries.settings(guildId)?.timeZone) || 'UTC';
}

const definition = new SlashCommandBuilder()
  .setName('onthisday')
  .setDescription('K-pop wins and milestones on this day in earlier years')
  .addStringOption((option) =>
    option.setName('date').setDescription("A day of the year as MM-DD, e.g. 09-12 (default: today, in the server's time zone)").setMinLength(3).setMaxLength(5),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function entryLine(entry: OnThisDayEntry): string {
  if (entry.kind === 'win') {
    const n = entry.nomination;
    const work = n.workTitle ? ` with "${escaped(n.workTitle)}"` : '';
    return `🏆 ${creditsText(n.artists)} won ${escaped(n.categoryName)}${work} at the ${editionLabel(n.edition)}`;
  }
  return milestoneLine(entry.milestone, { withArtists: true, withWhen: false });
}

function yearsAgoText(years: number): string {
  return years === 1 ? '1 year ago' : `${years} years ago`;
}

function render(context: CommandContext, monthDay: MonthDay, page: number, timeZone: string) {
  const result = findOnThisDay(context.store, monthDay, context.clock.now(), timeZone);
  const byYear = new Map<string, OnThisDayEntry[]>();
  for (const entry of result.entries) {
    const year = entry.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
  const sections = [...byYear.entries()].map(([year, entries]) => ({
    heading: `${year} · ${yearsAgoText(entries[0]!.yearsAgo)}${entries[0]!.date.endsWith('02-29') && monthDay.day === 28 ? ' (on February 29)' : ''}`,
    lines: entries.map((entry) => ({
      text: entryLine(entry),
      sources: entry.kind === 'win' ? entry.nomination.sources : entry.milestone.sources,
    })),
  }));
  return renderPagedEmbed({
    title: `On this day: ${formatMonthDay(monthDay)}`,
    sections,
    emptyText: `Nothing in the store happened on ${formatMonthDay(monthDay)}. Try \`/onthisday date:09-12\`.`,
    color: colors.onThisDay,
    page,
    pageButtonId: (target) => `onthisday:page:${formatMonthDayKey(monthDay)}:${target}`,
  });
}

export const onThisDayCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const typed = optionalString(invocation, 'date');
    let monthDay: MonthDay | null;
    if (typed === undefined) {
      const today = calendarDateIn(context.clock.now(), timeZoneOf(context, invocation.guildId));
      monthDay = { month: Number(today.slice(5, 7)), day: Number(today.slice(8, 10)) };
    } else {
      monthDay = parseMonthDay(typed);
      if (!monthDay) throw new UserError(`"${escaped(typed.slice(0, 20))}" isn't a day of the year. Write it as MM-DD, like 09-12 for September 12.`);
    }
    return { payload: render(context, monthDay, 0, timeZoneOf(context, invocation.guildId)) };
  },
  press(button, context) {
    const [action, monthDayKey, page] = button.args;
    const monthDay = parseMonthDay(monthDayKey ?? '');
    if (action !== 'page' || !monthDay) throw new StaleButton(`Unknown onthisday button ${button.args.join(':')}`);
    return { kind: 'update', payload: render(context, monthDay, pageArgument(page), timeZoneOf(context, button.guildId)) };
  },
};
