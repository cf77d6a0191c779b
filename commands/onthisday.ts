// /onthisday [date:MM-DD] — wins and milestones that fell on this calendar day in earlier years.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { calendarDateIn, formatMonthDayKey, parseMonthDay, type MonthDay } from '../src/core/calendar.js';
import { findOnThisDay } from '../src/core/on-this-day.js';
import { ON_THIS_DAY_FACTS_PER_PAGE, onThisDayMessage } from '../src/presentation/on-this-day-message.js';
import { echoed } from '../src/presentation/refusals.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { optionalString, pageArgument, readerTranslation } from './command-options.js';
import { StaleButtonError, UserError, type CommandContext, type SlashCommand } from './command.js';

/** "Today" is the server's day in the time zone of its anniversary posts, or the UTC day. */
function timeZoneOf(context: CommandContext, guildId: string | null): string {
  return (guildId && context.anniversaries.settings(guildId)?.timeZone) || 'UTC';
}

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('onthisday'), 'commands.onthisday.description'))
  .addStringOption((option) =>
    described(option.setName('date'), 'commands.onthisday.options.date').setMinLength(3).setMaxLength(5),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function render(context: CommandContext, monthDay: MonthDay, page: number, timeZone: string, translation: Translation) {
  const day = findOnThisDay(context.store, monthDay, context.clock.now(), timeZone, { page, pageSize: ON_THIS_DAY_FACTS_PER_PAGE });
  const key = formatMonthDayKey(monthDay);
  return onThisDayMessage(day, (target) => `onthisday:page:${key}:${target}`, translation);
}

export const onThisDayCommand: SlashCommand = {
  definition,
  // Besides the store, the answer depends on the server's day (which day "today" is, and how many
  // years ago each fact was).
  reusable: {
    reply(invocation, context) {
      const timeZone = timeZoneOf(context, invocation.guildId);
      return `${timeZone} ${calendarDateIn(context.clock.now(), timeZone)}`;
    },
  },
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const typed = optionalString(invocation, 'date');
    let monthDay: MonthDay | null;
    if (typed === undefined) {
      const today = calendarDateIn(context.clock.now(), timeZoneOf(context, invocation.guildId));
      monthDay = { month: Number(today.slice(5, 7)), day: Number(today.slice(8, 10)) };
    } else {
      monthDay = parseMonthDay(typed);
      if (!monthDay) throw new UserError(translation.t('errors.notMonthDay', { typed: echoed(typed, 20) }));
    }
    return { payload: render(context, monthDay, 0, timeZoneOf(context, invocation.guildId), translation) };
  },
  press(button, context) {
    const [action, monthDayKey, page] = button.args;
    const monthDay = parseMonthDay(monthDayKey ?? '');
    if (action !== 'page' || !monthDay) throw new StaleButtonError(`onthisday:${button.args.join(':')}`);
    const translation = readerTranslation(button, context);
    return { kind: 'update', payload: render(context, monthDay, pageArgument(page), timeZoneOf(context, button.guildId), translation) };
  },
};
