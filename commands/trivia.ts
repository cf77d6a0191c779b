// /trivia start|stop|leaderboard|stats — quiz rounds built from the awards store.
import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { resolveArtist, artistChoices } from '../src/core/resolve-artist.js';
import { periodStart, type LeaderboardPeriod } from '../src/core/trivia-scoring.js';
import { choiceText } from '../src/trivia/trivia-game.js';
import { StaleButton, UserError, type CommandContext, type CommandInvocation, type CommandReply, type SlashCommand } from './command.js';
import { artistOrUserError, escaped } from './presentation/fact-text.js';
import { optionalInteger, optionalString, requiredArtistOption, requiredGuildId } from './presentation/options.js';
import { triviaColor } from './presentation/trivia-messages.js';

export const TRIVIA_LIMITS = { questions: { min: 1, max: 20, default: 5 }, seconds: { min: 10, max: 60, default: 20 } } as const;
const periods = ['week', 'month', 'all'] as const satisfies readonly LeaderboardPeriod[];

const definition = new SlashCommandBuilder()
  .setName('trivia')
  .setDescription('K-pop awards trivia built from the store: buttons, timers, points and leaderboards')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName('start')
      .setDescription('Start a round in this channel; everyone here can answer')
      .addIntegerOption((option) =>
        option
          .setName('questions')
          .setDescription(`How many questions (${TRIVIA_LIMITS.questions.min}-${TRIVIA_LIMITS.questions.max}, default ${TRIVIA_LIMITS.questions.default})`)
          .setMinValue(TRIVIA_LIMITS.questions.min)
          .setMaxValue(TRIVIA_LIMITS.questions.max),
      )
      .addStringOption((option) => requiredArtistOption(option).setRequired(false).setDescription('Only questions about this artist (and its members)'))
      .addIntegerOption((option) =>
        option
          .setName('seconds')
          .setDescription(`Seconds per question (${TRIVIA_LIMITS.seconds.min}-${TRIVIA_LIMITS.seconds.max}, default ${TRIVIA_LIMITS.seconds.default})`)
          .setMinValue(TRIVIA_LIMITS.seconds.min)
          .setMaxValue(TRIVIA_LIMITS.seconds.max),
      ),
  )
  .addSubcommand((sub) => sub.setName('stop').setDescription('Stop the round in this channel (who started it, or Manage Messages)'))
  .addSubcommand((sub) =>
    sub
      .setName('leaderboard')
      .setDescription("This server's top players")
      .addStringOption((option) =>
        option
          .setName('period')
          .setDescription('The last 7 days, the last 30 days, or all time (default)')
          .addChoices(...periods.map((value) => ({ name: value, value }))),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName('stats')
      .setDescription("A player's answers, accuracy and points here")
      .addUserOption((option) => option.setName('user').setDescription('Whose stats (default: yours)')),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function inRange(value: number | undefined, limits: { min: number; max: number; default: number }, name: string): number {
  if (value === undefined) return limits.default;
  if (value < limits.min || value > limits.max) throw new UserError(`\`${name}\` goes from ${limits.min} to ${limits.max}.`);
  return value;
}

function start(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const game = context.triviaGame;
  if (!game || !invocation.channelId) throw new UserError('Trivia needs a channel to play in.');
  const questionCount = inRange(optionalInteger(invocation, 'questions'), TRIVIA_LIMITS.questions, 'questions');
  const seconds = inRange(optionalInteger(invocation, 'seconds'), TRIVIA_LIMITS.seconds, 'seconds');
  const artistName = optionalString(invocation, 'artist');
  const artist = artistName === undefined ? null : artistOrUserError(resolveArtist(context.store, artistName));
  if (invocation.guildId && context.guilds) {
    const check = context.guilds.checkPostingChannel(invocation.guildId, invocation.channelId);
    if (check.status === 'missing-permissions') {
      throw new UserError(`I need ${check.missing.map((p) => `**${p}**`).join(', ')} in this channel to run a round.`);
    }
    if (check.status !== 'ok') throw new UserError("I can't post questions in this channel.");
  }
  const started = game.start({
    guildId: invocation.guildId,
    channelId: invocation.channelId,
    user: invocation.user,
    questionCount,
    secondsPerQuestion: seconds,
    artistId: artist?.id ?? null,
    // In the console one person plays: a question closes as soon as they answer.
    ...(invocation.guildId === null ? { expectedPlayers: 1 } : {}),
  });
  const about = artist ? ` about **${escaped(artist.name)}**` : '';
  const fewer = started.questions < questionCount ? ` (the store has ${started.questions} to ask${about})` : '';
  const answerHow = invocation.guildId === null ? 'Type A, B, C or D to answer.' : 'Answer with the buttons: one answer each, and the fastest right answers score most.';
  return {
    payload: {
      content: `🎮 **Trivia!** ${started.questions} ${started.questions === 1 ? 'question' : 'questions'}${about}, ${seconds} seconds each${fewer}, started by <@${invocation.user.id}>. ${answerHow}`,
    },
  };
}

function stop(invocation: CommandInvocation, context: CommandContext): CommandReply {
  if (!context.triviaGame || !invocation.channelId) throw new UserError('No trivia round is running here.');
  const mayManage = invocation.memberPermissions !== null && (invocation.memberPermissions & PermissionFlagsBits.ManageMessages) !== 0n;
  context.triviaGame.stop(invocation.channelId, invocation.user, mayManage || invocation.guildId === null);
  return { payload: { content: '⏹️ Stopping the round after this question is revealed.' }, ephemeral: true };
}

function requireGuild(invocation: CommandInvocation): string {
  return requiredGuildId(invocation, 'Leaderboards');
}

function leaderboard(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const guildId = requireGuild(invocation);
  const period = (optionalString(invocation, 'period') ?? 'all') as LeaderboardPeriod;
  if (!periods.includes(period)) throw new UserError('`period` is one of: week, month, all.');
  const top = context.trivia.leaderboard(guildId, periodStart(period, context.clock.now()), 10);
  const medals = ['🥇', '🥈', '🥉'];
  const title = { week: 'Trivia leaderboard: the last 7 days', month: 'Trivia leaderboard: the last 30 days', all: 'Trivia leaderboard: all time' }[period];
  return {
    payload: {
      embeds: [
        {
          title,
          color: triviaColor,
          // Mentions in an embed show names and never notify anyone.
          description:
            top.length > 0
              ? top.map((p, i) => `${medals[i] ?? `${i + 1}.`} <@${p.userId}>: **${p.points}** points (${p.correct} of ${p.answers} right)`).join('\n')
              : 'No points scored yet. Start a round with `/trivia start`.',
        },
      ],
    },
  };
}

function stats(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const guildId = requireGuild(invocation);
  const userId = optionalString(invocation, 'user') ?? invocation.user.id;
  const player = context.trivia.playerStats(guildId, userId);
  if (!player) return { payload: { content: `<@${userId}> hasn't answered any trivia here yet.` }, ephemeral: true };
  const accuracy = Math.round((100 * player.correct) / player.answers);
  return {
    payload: {
      embeds: [
        {
          title: 'Trivia stats',
          color: triviaColor,
          description: `<@${userId}>`,
          fields: [
            { name: 'Points', value: String(player.points), inline: true },
            { name: 'Right answers', value: `${player.correct} of ${player.answers} (${accuracy}%)`, inline: true },
            { name: 'Rounds played', value: String(player.rounds), inline: true },
            {
              name: 'Fastest right answer',
              value: player.fastestCorrectMs === null ? 'None yet' : `${(player.fastestCorrectMs / 1000).toFixed(1)} s`,
              inline: true,
            },
          ],
        },
      ],
    },
  };
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
        throw new UserError('Use one of: start, stop, leaderboard, stats.');
    }
  },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, questionId, choice] = button.args;
    if (action !== 'answer' || !context.triviaGame) throw new StaleButton(`Unknown trivia button ${button.args.join(':')}`);
    const outcome = context.triviaGame.answer(Number(questionId), Number(choice), button.user, button.guildId);
    const parsed = context.triviaGame.question(Number(questionId));
    const content =
      outcome.status === 'locked-in'
        ? `🔒 Locked in: ${parsed ? choiceText(parsed, outcome.choice) : ''}. The answer comes when time is up.`
        : outcome.status === 'already'
          ? `You're already locked in with ${parsed ? choiceText(parsed, outcome.choice) : 'your first answer'}: the first click counts.`
          : '⌛ This question has closed.';
    return { kind: 'reply', payload: { content }, ephemeral: true };
  },
};
