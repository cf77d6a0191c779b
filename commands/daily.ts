// /daily setup|off|streak|leaderboard — one trivia question a day in a server's channel, with streaks.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { calendarDateIn } from '../src/core/calendar.js';
import { streakOf, streakStandings } from '../src/core/daily-streaks.js';
import { addDays } from '../src/core/zoned-time.js';
import { enableDailyQuestion } from '../src/daily/enable-daily-question.js';
import { parseStoredQuestion } from '../src/daily/daily-question-posts.js';
import { channelRefusal } from '../src/presentation/anniversary-settings-messages.js';
import {
  dailyClickText,
  dailyLeaderboardMessage,
  dailyRevealText,
  dailySetupText,
  dailyStreakMessage,
  type DailyClick,
} from '../src/presentation/daily-question-messages.js';
import type { Translation } from '../src/presentation/translation.js';
import { postingTimeOptions, timeZoneChoices } from './anniversaries.js';
import { described } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import { indexArgument, optionalString, readerTranslation, stringOption } from './command-options.js';
import {
  StaleButtonError,
  UserError,
  type ButtonPress,
  type ButtonReply,
  type CommandContext,
  type CommandInvocation,
  type CommandReply,
  type Requester,
  type SlashCommand,
} from './command.js';

/** Right answers counted on the leaderboard: the last 30 local days. */
export const RECENT_DAYS = 30;
const LEADERBOARD_SIZE = 10;

const definition = installableInServers(described(new SlashCommandBuilder().setName('daily'), 'daily.commands.description'))
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    described(sub.setName('setup'), 'daily.commands.setup.description')
      .addChannelOption((option) =>
        described(option.setName('channel'), 'daily.commands.setup.options.channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((option) => described(option.setName('time'), 'daily.commands.setup.options.time').setMinLength(4).setMaxLength(5))
      .addStringOption((option) =>
        described(option.setName('timezone'), 'daily.commands.setup.options.timezone').setAutocomplete(true).setMaxLength(64),
      ),
  )
  .addSubcommand((sub) => described(sub.setName('off'), 'daily.commands.off.description'))
  .addSubcommand((sub) =>
    described(sub.setName('streak'), 'daily.commands.streak.description').addUserOption((option) =>
      described(option.setName('user'), 'daily.commands.streak.options.user'),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('leaderboard'), 'daily.commands.leaderboard.description'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function guildOf(requester: Requester, translation: Translation): string {
  if (!requester.guildId) throw new UserError(translation.t('daily.needsServer'));
  return requester.guildId;
}

/** Discord's default permissions can be changed by a server's admins: the handler checks too. */
function requireManageServer(invocation: CommandInvocation, translation: Translation): void {
  // Null in the console, whose one user runs everything.
  if (invocation.memberPermissions !== null && (invocation.memberPermissions & PermissionFlagsBits.ManageGuild) === 0n) {
    throw new UserError(translation.t('daily.needsManageServer'));
  }
}

function privately(content: string): CommandReply {
  return { payload: { content }, ephemeral: true };
}

function setup(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const channelId = stringOption(invocation, 'channel', translation);
  const { postTime, timeZone } = postingTimeOptions(invocation, translation);
  if (!context.capabilities.guilds) throw new UserError(translation.t('errors.needsDiscord'));
  const refusal = channelRefusal(context.capabilities.guilds.checkPostingChannel(guildId, channelId), channelId, translation);
  if (refusal) throw new UserError(refusal);
  const next = enableDailyQuestion(context.daily, { guildId, channelId, postTime, timeZone }, context.clock.now());
  return privately(dailySetupText({ channelId, postTime, timeZone }, next, translation));
}

function off(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const changed = context.daily.disable(guildId, context.clock.now().getTime());
  return privately(translation.t(changed ? 'daily.turnedOff' : 'daily.alreadyOff'));
}

/** The question still taking answers: the newest one sent. */
function openDay(context: CommandContext, guildId: string): string | null {
  return context.daily.latestSent(guildId)?.localDate ?? null;
}

function streak(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  const userId = optionalString(invocation, 'user') ?? invocation.user.id;
  const result = streakOf(context.daily.sentDates(guildId), context.daily.answers(guildId, userId), openDay(context, guildId));
  return { payload: dailyStreakMessage(userId, result, translation) };
}

function leaderboard(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  const timeZone = context.daily.settings(guildId)?.timeZone ?? 'UTC';
  const recentFrom = addDays(calendarDateIn(context.clock.now(), timeZone), -(RECENT_DAYS - 1));
  const standings = streakStandings(context.daily.sentDates(guildId), context.daily.answers(guildId), openDay(context, guildId), recentFrom);
  return { payload: dailyLeaderboardMessage(standings.slice(0, LEADERBOARD_SIZE), translation) };
}

/** A local date from a custom id, only as the bot writes one: a real YYYY-MM-DD. */
function dateArgument(text: string | undefined): string {
  const day = text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  const real = day !== null && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
  if (!real) throw new StaleButtonError(`date ${JSON.stringify(text)}`);
  return text;
}

/** The day's question a button belongs to, sent in this server; else the button is stale. */
function questionFor(button: ButtonPress, localDate: string, context: CommandContext) {
  const row = button.guildId ? context.daily.question(button.guildId, localDate) : undefined;
  if (!row || row.status !== 'sent' || !button.guildId) throw new StaleButtonError(`daily question ${localDate}`);
  return { guildId: button.guildId, row, question: parseStoredQuestion(row) };
}

function answer(button: ButtonPress, localDate: string, choice: number, context: CommandContext): ButtonReply {
  const { guildId, question } = questionFor(button, localDate, context);
  if (choice >= question.options.length) throw new StaleButtonError(`daily choice ${choice}`);
  const translation = readerTranslation(button, context);
  const reply = (outcome: DailyClick): ButtonReply => ({ kind: 'reply', payload: { content: dailyClickText(outcome, question, translation) }, ephemeral: true });
  const earlier = context.daily.answer(guildId, localDate, button.user.id);
  if (earlier) return reply({ status: 'already', choice: earlier.choice });
  // Answers are taken until the next question is posted.
  if (openDay(context, guildId) !== localDate) return reply({ status: 'closed' });
  const recorded = context.daily.recordAnswer(
    guildId,
    { userId: button.user.id, userName: button.user.name, localDate, choice, correct: choice === question.correct },
    context.clock.now().getTime(),
  );
  if (!recorded) return reply({ status: 'already', choice: context.daily.answer(guildId, localDate, button.user.id)?.choice ?? choice });
  return reply({ status: 'locked-in', choice });
}

function reveal(button: ButtonPress, localDate: string, context: CommandContext): ButtonReply {
  const { guildId, row, question } = questionFor(button, localDate, context);
  const translation = readerTranslation(button, context);
  const answered = context.daily.answer(guildId, localDate, button.user.id) ?? null;
  // Before the channel sees it, the answer is for those who have answered.
  if (!answered && row.revealedAt === null) return { kind: 'reply', payload: { content: translation.t('daily.answerFirst') }, ephemeral: true };
  return { kind: 'reply', payload: { content: dailyRevealText(question, answered, translation) }, ephemeral: true };
}

export const dailyCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    switch (invocation.subcommand) {
      case 'setup':
        return setup(invocation, context);
      case 'off':
        return off(invocation, context);
      case 'streak':
        return streak(invocation, context);
      case 'leaderboard':
        return leaderboard(invocation, context);
      default:
        throw new UserError(readerTranslation(invocation, context).t('errors.useSubcommand', { subcommands: 'setup, off, streak, leaderboard' }));
    }
  },
  autocomplete(focused) {
    return focused.name === 'timezone' ? timeZoneChoices(focused.value) : [];
  },
  press(button, context) {
    const [action, dateText, choiceText, ...rest] = button.args;
    if (action === 'answer' && rest.length === 0) return answer(button, dateArgument(dateText), indexArgument(choiceText), context);
    if (action === 'reveal' && choiceText === undefined) return reveal(button, dateArgument(dateText), context);
    throw new StaleButtonError(`daily:${button.args.join(':')}`);
  },
};
