// What trivia looks like: the question with its buttons and countdown, the reveal, the standings.
import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { PlayerScore, StoredAnswer } from '../../db/queries/trivia-store.js';
import type { TriviaQuestion } from '../../src/core/trivia-questions.js';
import type { MessagePayload } from '../command.js';
import { discordLimits, truncate } from './discord-limits.js';
import { escaped } from './fact-text.js';
import { citeSource } from './paged-embed.js';

export const triviaColor = 0x7ae582;
export const optionLetters = ['A', 'B', 'C', 'D'] as const;

export function answerButtonId(questionId: number, option: number): string {
  return `trivia:answer:${questionId}:${option}`;
}

/** Open buttons to answer with; once revealed, disabled with the right one green; once closed, all grey. */
function buttons(
  questionId: number,
  question: TriviaQuestion,
  state: 'open' | 'revealed' | 'closed',
): APIActionRowComponent<APIButtonComponent> {
  const style = (index: number) =>
    state === 'open' ? ButtonStyle.Primary : state === 'revealed' && index === question.correct ? ButtonStyle.Success : ButtonStyle.Secondary;
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      question.options.map((option, index) =>
        new ButtonBuilder()
          .setCustomId(answerButtonId(questionId, index))
          .setLabel(truncate(`${optionLetters[index]}: ${option}`, discordLimits.buttonLabel))
          .setStyle(style(index))
          .setDisabled(state !== 'open'),
      ),
    )
    .toJSON();
}

function optionList(question: TriviaQuestion): string {
  return question.options.map((option, index) => `**${optionLetters[index]}**: ${escaped(option)}`).join('\n');
}

export function questionMessage(
  questionId: number,
  question: TriviaQuestion,
  position: number,
  total: number,
  secondsLeft: number,
): MessagePayload {
  return {
    embeds: [
      {
        title: truncate(`Question ${position} of ${total}`, discordLimits.embedTitle),
        description: truncate(`**${escaped(question.prompt)}**\n\n${optionList(question)}`, discordLimits.embedDescription),
        color: triviaColor,
        footer: { text: secondsLeft > 0 ? `⏳ ${secondsLeft} s left · one answer each; the first click counts` : '⌛ Time is up' },
      },
    ],
    components: [buttons(questionId, question, 'open')],
  };
}

/** Mentions render as names without notifying anyone: every message goes out with no allowed mentions. */
function mention(userId: string): string {
  return `<@${userId}>`;
}

export function revealMessage(
  questionId: number,
  question: TriviaQuestion,
  position: number,
  total: number,
  answers: StoredAnswer[],
  note?: string,
): MessagePayload {
  const right = answers.filter((a) => a.correct).sort((a, b) => a.elapsedMs - b.elapsedMs);
  const fastest = right[0];
  const names = right.slice(0, 20).map((a) => mention(a.userId));
  const more = right.length > 20 ? ` and ${right.length - 20} more` : '';
  const lines = [
    `**${escaped(question.prompt)}**`,
    '',
    `✅ The answer: **${optionLetters[question.correct]}: ${escaped(question.options[question.correct]!)}**`,
    right.length > 0
      ? `🎯 Right: ${names.join(', ')}${more} (${right.length} of ${answers.length})`
      : answers.length > 0
        ? `Nobody got it (${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}).`
        : 'Nobody answered.',
    fastest ? `⚡ Fastest: ${mention(fastest.userId)} in ${(fastest.elapsedMs / 1000).toFixed(1)} s (+${fastest.points} points)` : '',
    '',
    `📖 ${escaped(question.fact)}`,
    note ? `\n${note}` : '',
  ]
    .filter((line, index, all) => line !== '' || (all[index - 1] ?? '') !== '')
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  return {
    embeds: [
      {
        title: `Question ${position} of ${total}`,
        description: truncate(lines.join('\n'), discordLimits.embedDescription),
        color: triviaColor,
        footer: { text: truncate(`Source: ${question.sources.map(citeSource).join(' · ')}`, discordLimits.footerText) },
      },
    ],
    components: [buttons(questionId, question, 'revealed')],
  };
}

export function standingsMessage(standings: PlayerScore[], heading: string): MessagePayload {
  const medals = ['🥇', '🥈', '🥉'];
  const lines = standings.map(
    (player, index) =>
      `${medals[index] ?? `${index + 1}.`} ${mention(player.userId)}: **${player.points}** points (${player.correct} right)`,
  );
  return {
    embeds: [
      {
        title: heading,
        description: lines.length > 0 ? lines.join('\n') : 'Nobody scored this time.',
        color: triviaColor,
      },
    ],
  };
}

export function noticeOnQuestion(question: TriviaQuestion, questionId: number, position: number, total: number, notice: string): MessagePayload {
  return {
    embeds: [
      {
        title: `Question ${position} of ${total}`,
        description: truncate(`**${escaped(question.prompt)}**\n\n${notice}`, discordLimits.embedDescription),
        color: triviaColor,
      },
    ],
    components: [buttons(questionId, question, 'closed')],
  };
}
