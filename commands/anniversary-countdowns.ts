// The countdown parts of /anniversaries: `setup remind:7,1` (the days ahead the daily post announces
// round anniversaries) and `events state:on|off` (the round anniversaries of the next 30 days on the
// server's Discord event list). Kept beside the command's own module, which registers them.
import type { SlashCommandSubcommandBuilder } from '@discordjs/builders';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { anniversariesForServer } from '../src/core/anniversary-schedule.js';
import { countdownsFor, parseReminderDays, type Countdown } from '../src/core/countdowns.js';
import { eventsReply, reminderDaysRefusal } from '../src/presentation/countdown-messages.js';
import { echoed } from '../src/presentation/refusals.js';
import type { Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { optionalString, readerTranslation, requiredGuildId } from './command-options.js';
import { UserError, type CommandContext, type CommandInvocation } from './command.js';

export const REMIND_MAX_LENGTH = 30;

export function eventsSubcommand(sub: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return described(sub.setName('events'), 'countdowns.commands.events').addStringOption((option) =>
    described(option.setName('state'), 'countdowns.commands.state')
      .setRequired(true)
      .addChoices(localizedChoice('on', 'countdowns.commands.on'), localizedChoice('off', 'countdowns.commands.off')),
  );
}

/** The reminder days typed with `remind:`, checked before anything is saved; undefined when not given. */
export function readReminderDays(invocation: CommandInvocation, translation: Translation): number[] | undefined {
  const typed = optionalString(invocation, 'remind');
  if (typed === undefined) return undefined;
  const parsed = parseReminderDays(typed);
  if (!parsed.ok) throw new UserError(reminderDaysRefusal(echoed(typed, REMIND_MAX_LENGTH), parsed.problem, translation));
  return parsed.days;
}

/** /anniversaries events state:on|off: the bot's permissions are checked before anything is saved. */
export function events(invocation: CommandInvocation, context: CommandContext, followed: string[]): string {
  const translation = readerTranslation(invocation, context);
  const { t } = translation;
  const guildId = requiredGuildId(invocation, 'anniversaries', translation);
  if (invocation.memberPermissions !== null && (invocation.memberPermissions & PermissionFlagsBits.ManageGuild) === 0n) {
    throw new UserError(t('countdowns.needsManageServer'));
  }
  const state = optionalString(invocation, 'state');
  if (state !== 'on' && state !== 'off') throw new UserError(t('countdowns.badState'));
  const scheduled = context.capabilities.scheduledEvents;
  if (!scheduled) throw new UserError(t('errors.needsDiscord'));
  if (state === 'on') {
    const missing = scheduled.api.missingPermissions(guildId);
    if (missing.length > 0) throw new UserError(eventsReply({ kind: 'missing-permissions', missing }, translation));
  }
  const changed = context.countdowns.setEventsEnabled(guildId, state === 'on', context.clock.now().getTime());
  scheduled.changed();
  return eventsReply(state === 'on' ? { kind: 'on', changed, followed } : { kind: 'off', changed }, translation);
}

/** The countdowns the server's post of `localDate` would carry, for /anniversaries preview and its next post. */
export function countdownsOfPost(guildId: string | null, context: CommandContext, localDate: string, followed: readonly number[]): Countdown[] {
  const reminderDays = guildId ? context.countdowns.reminderDays(guildId) : [];
  if (reminderDays.length === 0) return [];
  return countdownsFor(localDate, reminderDays, (date) => anniversariesForServer(context.store, date, followed));
}
