// /trivia start|stop|leaderboard|stats — quiz rounds built from the awards store.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { artistChoices } from '../src/core/resolve-artist.js';
import { periodStart, type LeaderboardPeriod } from '../src/core/trivia-scoring.js';
import { channelRefusal } from '../src/presentation/anniversary-settings-messages.js';
import {
  clickConfirmation,
  leaderboardMessage,
  noTriviaYetText,
  playerStatsMessage,
  roundStartedText,
} from '../src/presentation/trivia-messages.js';
import type { Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import {
  artistFromOption,
  idArgument,
  indexArgument,
  optionalInteger,
  optionalString,
  readerTranslation,
  requiredArtistOption,
  requiredGuildId,
} from './command-options.js';
import { requireServer } from './command-guards.js';
import { StaleButtonError, UserError, type CommandContext, type CommandInvocation, type CommandReply, type SlashCommand } from './command.js';

export const TRIVIA_LIMITS = { questions: { min: 1, max: 20, default: 5 }, seconds: { min: 10, max: 60, default: 20 } } as const;
const periods = ['week', 'month', 'all'] as const satisfies readonly LeaderboardPeriod[];

const definition = installableInServers(described(new SlashCommandBuilder().setName('trivia'), 'commands.trivia.description'))
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    described(sub.setName('start'), 'commands.trivia.start.description')
      .addIntegerOption((option) =>
        described(option.setName('questions'), 'commands.trivia.start.options.questions')
          .setMinValue(TRIVIA_LIMITS.questions.min)
          .setMaxValue(TRIVIA_LIMITS.questions.max),
      )
      .addStringOption((option) => requiredArtistOption(option, 'commands.trivia.start.options.artist').setRequired(false))
      .addIntegerOption((option) =>
        described(option.setName('seconds'), 'commands.trivia.start.options.seconds')
          .setMinValue(TRIVIA_LIMITS.seconds.min)
          .setMaxValue(TRIVIA_LIMITS.seconds.max),
      ),
  )
  .addSubcommand((sub) => described(sub.setName('stop'), 'commands.trivia.stop.description'))
  .addSubcommand((sub) =>
    described(sub.setName('leaderboard'), 'commands.trivia.leaderboard.description').addStringOption((option) =>
      described(option.setName('period'), 'commands.trivia.leaderboard.options.period').addChoices(
        ...periods.map((value) => localizedChoice(value, `commands.trivia.choices.${value}`)),
      ),
    ),
  )
  .addSubcommand((sub) =>
    described(sub.setName('stats'), 'commands.trivia.stats.description').addUserOption((option) =>
      described(option.setName('user'), 'commands.trivia.stats.options.user'),
    ),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function inRange(
  value: number | undefined,
  limits: { min: number; max: number; default: number },
  name: string,
  translation: Translation,
): number {
  if (value === undefined) return limits.default;
  if (value < limits.min || value > limits.max) throw new UserError(translation.t('errors.outOfRange', { name, min: limits.min, max: limits.max }));
  return value;
}

function start(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const { t } = translation;
  // A round is played in a server's channel; a DM (only a forged one can reach this) is refused plainly.
  requireServer(invocation, context, translation);
  const game = context.capabilities.trivia;
  if (!game || !invocation.channelId) throw new UserError(t('trivia.needsChannel'));
  const questionCount = inRange(optionalInteger(invocation, 'questions', translation), TRIVIA_LIMITS.questions, 'questions', translation);
  const seconds = inRange(optionalInteger(invocation, 'seconds', translation), TRIVIA_LIMITS.seconds, 'seconds', translation);
  const artist = optionalString(invocation, 'artist') === undefined ? null : artistFromOption(invocation, 'artist', context, translation);
  if (invocation.guildId && context.capabilities.guilds) {
    const refusal = channelRefusal(context.capabilities.guilds.checkPostingChannel(invocation.guildId, invocation.channelId), invocation.channelId, translation);
    if (refusal) throw new UserError(refusal);
  }
  const singlePlayer = context.capabilities.singlePlayer;
  const started = game.start({
    guildId: invocation.guildId,
    channelId: invocation.channelId,
    user: invocation.user,
    questionCount,
    secondsPerQuestion: seconds,
    artistId: artist?.id ?? null,
    ...(singlePlayer ? { expectedPlayers: 1 } : {}),
  });
  if (started.status === 'no-questions') throw new UserError(t('trivia.noQuestions'));
  if (started.status === 'already-running') throw new UserError(t('trivia.alreadyRunning'));
  // The announcement is read by the whole channel: in the server's language.
  const channelTranslation = context.translator.forServer(invocation.guildId, invocation.locale);
  return {
    payload: {
      content: roundStartedText(
        {
          questions: started.questions,
          asked: questionCount,
          seconds,
          artistName: artist?.name ?? null,
          startedBy: invocation.user.id,
          answerWith: singlePlayer ? 'letters' : 'buttons',
        },
        channelTranslation,
      ),
    },
  };
}

function stop(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const { t } = translation;
  if (!context.capabilities.trivia || !invocation.channelId) throw new UserError(t('trivia.noRound'));
  const mayManage =
    context.capabilities.singlePlayer ||
    (invocation.memberPermissions !== null && (invocation.memberPermissions & PermissionFlagsBits.ManageMessages) !== 0n);
  const outcome = context.capabilities.trivia.stop(invocation.channelId, invocation.user, mayManage);
  if (outcome.status === 'no-round') throw new UserError(t('trivia.noRound'));
  if (outcome.status === 'not-allowed') throw new UserError(t('trivia.onlyStarterMayStop', { user: `<@${outcome.startedBy}>` }));
  return { payload: { content: t('trivia.stopping') }, ephemeral: true };
}

function leaderboard(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = requiredGuildId(invocation, 'leaderboards', translation);
  const period = (optionalString(invocation, 'period') ?? 'all') as LeaderboardPeriod;
  if (!periods.includes(period)) throw new UserError(translation.t('errors.periodChoice'));
  const top = context.trivia.leaderboard(guildId, periodStart(period, context.clock.now()), 10);
  return { payload: leaderboardMessage(top, period, translation) };
}

function stats(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = requiredGuildId(invocation, 'leaderboards', translation);
  const userId = optionalString(invocation, 'user') ?? invocation.user.id;
  const player = context.trivia.playerStats(guildId, userId);
  if (!player) return { payload: { content: noTriviaYetText(userId, translation) }, ephemeral: true };
  return { payload: playerStatsMessage(userId, player, translation) };
}

export const triviaCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    switch (invocation.subcommand) {
      case 'start':
        return start(invocation, context);
      case 'stop':
        return stop(invocation, context);
      case 'leaderboard':
        return leaderboard(invocation, context);
      case 'stats':
        return stats(invocation, context);
      default:
        throw new UserError(readerTranslation(invocation, context).t('errors.useSubcommand', { subcommands: 'start, stop, leaderboard, stats' }));
    }
  },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, questionText, choiceText, ...rest] = button.args;
    const game = context.capabilities.trivia;
    if (action !== 'answer' || !game || rest.length > 0) throw new StaleButtonError(`trivia:${button.args.join(':')}`);
    const questionId = idArgument(questionText);
    const choice = indexArgument(choiceText);
    const outcome = game.answer(questionId, choice, button.user, button.guildId);
    const translation = readerTranslation(button, context);
    return { kind: 'reply', payload: { content: clickConfirmation(outcome, game.question(questionId), translation) }, ephemeral: true };
  },
};
