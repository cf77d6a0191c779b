// What the daily question looks like: the day's post (the question with its buttons, and the
// answer to the one before it) in the server's language; the private answers to a click and to
// Reveal, the streaks and the leaderboard in the reader's.
import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { Streak, StreakStanding } from '../core/daily-streaks.js';
import type { TriviaQuestion } from '../core/trivia-questions.js';
import type { DailyPostContent } from '../daily/daily-question-posts.js';
import { describeInstant } from './anniversary-settings-messages.js';
import { discordLimits, truncate } from './discord-limits.js';
import { escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, sourceLinkLine } from './paged-embed.js';
import { choiceText, optionLabel, optionLetters, questionFact, questionPrompt, triviaColor } from './trivia-messages.js';
import type { Translation } from './translation.js';

export function dailyAnswerButtonId(localDate: string, option: number): string {
  return `daily:answer:${localDate}:${option}`;
}

export function dailyRevealButtonId(localDate: string): string {
  return `daily:reveal:${localDate}`;
}

function dayOf(localDate: string, translation: Translation): string {
  return translation.monthDay(Number(localDate.slice(5, 7)), Number(localDate.slice(8, 10)));
}

function answerButtons(localDate: string, question: TriviaQuestion, translation: Translation): APIActionRowComponent<APIButtonComponent>[] {
  const options = new ActionRowBuilder<ButtonBuilder>().addComponents(
    question.options.map((_option, index) =>
      new ButtonBuilder()
        .setCustomId(dailyAnswerButtonId(localDate, index))
        .setLabel(truncate(`${optionLetters[index]}: ${optionLabel(question, index, translation)}`, discordLimits.buttonLabel))
        .setStyle(ButtonStyle.Primary),
    ),
  );
  const reveal = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(dailyRevealButtonId(localDate))
      .setLabel(truncate(`👀 ${translation.t('daily.revealButton')}`, discordLimits.buttonLabel))
      .setStyle(ButtonStyle.Secondary),
  );
  return [options.toJSON(), reveal.toJSON()];
}

/** The answer, the fact and its sources (with links), as lines. */
function answerLines(question: TriviaQuestion, translation: Translation): string[] {
  return [
    translation.t('trivia.theAnswer', { answer: `${optionLetters[question.correct]}: ${escaped(optionLabel(question, question.correct, translation))}` }),
    `📖 ${questionFact(question, translation)}`,
    ...question.sources.filter((s) => s.url).map((s) => `🔗 ${sourceLinkLine(s, translation)}`),
  ];
}

function sourcesFooter(question: TriviaQuestion, translation: Translation): string {
  return truncate(translation.t('sources.one', { sources: question.sources.map((s) => citeSource(s, translation)).join(' · ') }), 500);
}

function revealEmbed(previous: NonNullable<DailyPostContent['previous']>, translation: Translation): APIEmbed {
  const { t } = translation;
  const counts =
    previous.answers === 0
      ? t('daily.nobodyAnswered')
      : t('daily.rightCount', { right: translation.number(previous.right), count: previous.answers });
  const lines = [`**${questionPrompt(previous.question, translation)}**`, '', ...answerLines(previous.question, translation), '', counts];
  return {
    title: truncate(t('daily.previousTitle', { day: dayOf(previous.localDate, translation) }), discordLimits.embedTitle),
    // Two embeds share Discord's 6000 characters: the reveal keeps to a third of them.
    description: truncate(lines.join('\n'), 1800),
    color: 0x9aa5b1,
    footer: { text: sourcesFooter(previous.question, translation) },
  };
}

/** The day's post: the answer to the previous question (when there was one), then today's. */
export function dailyQuestionPost(content: DailyPostContent, translation: Translation): MessagePayload {
  const { t } = translation;
  const { question, localDate } = content;
  const options = question.options
    .map((_option, index) => `**${optionLetters[index]}**: ${escaped(optionLabel(question, index, translation))}`)
    .join('\n');
  const late = content.late ? `\n\n*${t('daily.late')}*` : '';
  const budget = 2500 - late.length;
  const embed: APIEmbed = {
    title: truncate(t('daily.title', { day: dayOf(localDate, translation) }), discordLimits.embedTitle),
    description: `${truncate(`**${questionPrompt(question, translation)}**\n\n${options}`, budget)}${late}`,
    color: triviaColor,
    footer: { text: truncate(t('daily.footer'), discordLimits.footerText) },
  };
  return {
    embeds: content.previous ? [revealEmbed(content.previous, translation), embed] : [embed],
    components: answerButtons(localDate, question, translation),
  };
}

export type DailyClick = { status: 'locked-in'; choice: number } | { status: 'already'; choice: number } | { status: 'closed' };

/** The private answer to a click on an answer button. */
export function dailyClickText(outcome: DailyClick, question: TriviaQuestion, translation: Translation): string {
  const { t } = translation;
  switch (outcome.status) {
    case 'locked-in':
      return t('daily.lockedIn', { choice: choiceText(question, outcome.choice, translation) });
    case 'already':
      return t('daily.alreadyAnswered', { choice: choiceText(question, outcome.choice, translation) });
    case 'closed':
      return t('daily.closed');
  }
}

/** The answer shown privately by Reveal: to a fan who answered, with how they did. */
export function dailyRevealText(question: TriviaQuestion, answered: { choice: number; correct: boolean } | null, translation: Translation): string {
  const { t } = translation;
  const verdict = answered
    ? t(answered.correct ? 'daily.youWereRight' : 'daily.youWereWrong', { choice: choiceText(question, answered.choice, translation) })
    : '';
  const lines = [`**${questionPrompt(question, translation)}**`, '', ...answerLines(question, translation), ...(verdict ? ['', verdict] : [])];
  return truncate(lines.join('\n'), discordLimits.content);
}

export function dailySetupText(
  settings: { channelId: string; postTime: string; timeZone: string },
  next: { localDate: string; at: Date },
  translation: Translation,
): string {
  return translation.t('daily.setUp', {
    channel: `<#${settings.channelId}>`,
    time: settings.postTime,
    zone: settings.timeZone,
    next: describeInstant(next.at, next.localDate, settings.timeZone, translation),
  });
}

export function dailyStreakMessage(userId: string, streak: Streak, translation: Translation): MessagePayload {
  const { t } = translation;
  return {
    embeds: [
      {
        title: truncate(t('daily.streakTitle'), discordLimits.embedTitle),
        description: t('daily.streakLine', { user: `<@${userId}>`, current: translation.number(streak.current), best: translation.number(streak.best) }),
        color: triviaColor,
      },
    ],
  };
}

const medals = ['🥇', '🥈', '🥉'];

export function dailyLeaderboardMessage(standings: readonly StreakStanding[], translation: Translation): MessagePayload {
  const { t } = translation;
  const lines = standings.map((standing, index) =>
    t('daily.leaderboardLine', {
      rank: medals[index] ?? `${translation.number(index + 1)}.`,
      user: `<@${standing.userId}>`,
      current: translation.number(standing.current),
      best: translation.number(standing.best),
      right: translation.number(standing.recentRight),
    }),
  );
  return {
    embeds: [
      {
        title: truncate(t('daily.leaderboardTitle'), discordLimits.embedTitle),
        description: truncate(lines.length > 0 ? lines.join('\n') : t('daily.leaderboardEmpty'), discordLimits.embedDescription),
        color: triviaColor,
        footer: { text: truncate(t('daily.leaderboardFooter'), discordLimits.footerText) },
      },
    ],
  };
}
