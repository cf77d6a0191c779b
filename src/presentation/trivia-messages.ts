// What trivia looks like, in the channel's language: the question with its buttons and countdown,
// the reveal, the standings, the private confirmation of a click, leaderboards and stats.
import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { PlayerScore, PlayerStats, StoredAnswer } from '../core/trivia-records.js';
import type { QuestionWording, TriviaQuestion } from '../core/trivia-questions.js';
import type { LeaderboardPeriod } from '../core/trivia-scoring.js';
import { discordLimits, truncate } from './discord-limits.js';
import { creditsText, escaped } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { citeSource, sourceLinkLine } from './paged-embed.js';
import type { Translation } from './translation.js';

export const triviaColor = 0x7ae582;
export const optionLetters = ['A', 'B', 'C', 'D'] as const;

export function answerButtonId(questionId: number, option: number): string {
  return `trivia:answer:${questionId}:${option}`;
}

/** The question as asked. */
/** "(according to Koreaboo, as of November 6, 2023)", or nothing. */
function qualifiers(w: QuestionWording, translation: Translation): string {
  const { t } = translation;
  const parts = [
    w.attribution ? t('facts.attributedTo', { who: escaped(w.attribution) }) : null,
    w.asOf ? t('facts.asOf', { date: translation.date(w.asOf) }) : null,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function editionOf(w: QuestionWording, translation: Translation): string {
  return w.episode ? translation.t('facts.episodeLabel', { show: escaped(w.episode.show), date: translation.date(w.episode.airDate) }) : (w.edition ?? '');
}

export function questionPrompt(question: TriviaQuestion, translation: Translation): string {
  const { t } = translation;
  const w = question.wording;
  const category = escaped(w.category ?? '');
  const edition = editionOf(w, translation);
  switch (question.kind) {
    case 'category-winner':
      return t('trivia.prompt.categoryWinner', { category, edition });
    case 'winning-song':
      return t('trivia.prompt.winningSong', { lead: escaped(w.lead ?? ''), category, edition });
    case 'win-edition':
      return w.work
        ? t('trivia.prompt.winEditionWithWork', { lead: escaped(w.lead ?? ''), category, work: escaped(w.work) })
        : t('trivia.prompt.winEdition', { lead: escaped(w.lead ?? ''), category });
    case 'nominated-among':
      return t('trivia.prompt.nominatedAmong', { category, edition });
    case 'milestone-true-false':
      return t('trivia.prompt.trueOrFalse', { artist: escaped(w.shown ?? ''), statement: `${escaped(w.statement ?? '')}${qualifiers(w, translation)}` });
    case 'milestone-who':
      return t('trivia.prompt.milestoneWho', { statement: `${escaped(w.statement ?? '')}${qualifiers(w, translation)}` });
    case 'episode-song':
      return t('trivia.prompt.episodeSong', { show: escaped(w.episode?.show ?? ''), date: translation.date(w.episode?.airDate ?? w.heldOn ?? '') });
    case 'first-win-who':
      return t('trivia.prompt.firstWinWho', { work: escaped(w.work ?? '') });
    case 'grand-prize-winner':
      return t('trivia.prompt.grandPrizeWinner', { edition });
    case 'debut-year':
      return t(w.solo ? 'trivia.prompt.soloDebutYear' : 'trivia.prompt.debutYear', { artist: escaped(w.lead ?? '') });
  }
}

/** What the store says, shown once the answer is revealed. */
export function questionFact(question: TriviaQuestion, translation: Translation): string {
  const { t } = translation;
  const w = question.wording;
  if (question.kind === 'milestone-true-false' || question.kind === 'milestone-who' || question.kind === 'first-win-who' || question.kind === 'debut-year') {
    const holders = (w.holders ?? []).map(escaped).join(' & ');
    const when = w.occurredOn ? ` (${translation.date(w.occurredOn)})` : '';
    const fact = t('trivia.fact.milestone', { holders, statement: `${escaped(w.statement ?? '')}${qualifiers(w, translation)}`, when });
    if (question.kind !== 'milestone-true-false') return fact;
    return question.correct === 0 ? `${t('trivia.fact.true')} ${fact}` : `${t('trivia.fact.false', { holders })} ${fact}`;
  }
  const values = {
    credits: creditsText(w.credits ?? [], translation),
    category: escaped(w.category ?? ''),
    edition: editionOf(w, translation),
    work: escaped(w.work ?? ''),
    when: w.heldOn && !w.episode ? t('trivia.fact.onDate', { date: translation.date(w.heldOn) }) : '',
  };
  if (question.kind === 'nominated-among') {
    const key = w.result === 'won' ? 'trivia.fact.wonFromFullList' : 'trivia.fact.nominatedFromFullList';
    return t(key, { ...values, count: w.nomineeCount ?? 0 });
  }
  return w.work ? t('trivia.fact.wonWithWork', values) : t('trivia.fact.won', values);
}

/** An option's label: a name as stored, or "True" / "False" in the reader's language. */
export function optionLabel(question: TriviaQuestion, index: number, translation: Translation): string {
  const truth = question.subjects[index]?.truth;
  if (truth !== undefined) return truth ? translation.t('trivia.true') : translation.t('trivia.false');
  return question.options[index] ?? '';
}

/** Open buttons to answer with; once revealed, disabled with the right one green; once closed, all grey. */
function buttons(
  questionId: number,
  question: TriviaQuestion,
  state: 'open' | 'revealed' | 'closed',
  translation: Translation,
): APIActionRowComponent<APIButtonComponent> {
  const style = (index: number) =>
    state === 'open' ? ButtonStyle.Primary : state === 'revealed' && index === question.correct ? ButtonStyle.Success : ButtonStyle.Secondary;
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      question.options.map((_option, index) =>
        new ButtonBuilder()
          .setCustomId(answerButtonId(questionId, index))
          .setLabel(truncate(`${optionLetters[index]}: ${optionLabel(question, index, translation)}`, discordLimits.buttonLabel))
          .setStyle(style(index))
          .setDisabled(state !== 'open'),
      ),
    )
    .toJSON();
}

function optionList(question: TriviaQuestion, translation: Translation): string {
  return question.options
    .map((_option, index) => `**${optionLetters[index]}**: ${escaped(optionLabel(question, index, translation))}`)
    .join('\n');
}

function questionTitle(position: number, total: number, translation: Translation): string {
  return translation.t('trivia.questionOf', { position: translation.number(position), total: translation.number(total) });
}

export function questionMessage(
  questionId: number,
  question: TriviaQuestion,
  position: number,
  total: number,
  secondsLeft: number,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  return {
    embeds: [
      {
        title: truncate(questionTitle(position, total, translation), discordLimits.embedTitle),
        description: truncate(
          `**${questionPrompt(question, translation)}**\n\n${optionList(question, translation)}`,
          discordLimits.embedDescription,
        ),
        color: triviaColor,
        footer: { text: secondsLeft > 0 ? t('trivia.secondsLeft', { count: secondsLeft }) : t('trivia.timeIsUp') },
      },
    ],
    components: [buttons(questionId, question, 'open', translation)],
  };
}

/** Mentions render as names without notifying anyone: every message goes out with no allowed mentions. */
function mention(userId: string): string {
  return `<@${userId}>`;
}

function seconds(ms: number, translation: Translation): string {
  return translation.t('trivia.seconds', { seconds: (ms / 1000).toLocaleString(translation.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
}

/** Why a reveal has a note under it. */
export type RevealNote = { kind: 'stopped-by'; userId: string };

export function revealMessage(
  questionId: number,
  question: TriviaQuestion,
  position: number,
  total: number,
  answers: StoredAnswer[],
  translation: Translation,
  note?: RevealNote,
): MessagePayload {
  const { t } = translation;
  const right = answers.filter((a) => a.correct).sort((a, b) => a.elapsedMs - b.elapsedMs);
  const fastest = right[0];
  const names = right.slice(0, 20).map((a) => mention(a.userId));
  const lines = [
    `**${questionPrompt(question, translation)}**`,
    '',
    t('trivia.theAnswer', { answer: `${optionLetters[question.correct]}: ${escaped(optionLabel(question, question.correct, translation))}` }),
    right.length > 0
      ? t('trivia.rightAnswers', {
          names: right.length > 20 ? t('trivia.namesAndMore', { names: names.join(', '), count: right.length - 20 }) : names.join(', '),
          right: translation.number(right.length),
          count: answers.length,
        })
      : answers.length > 0
        ? t('trivia.nobodyRight', { count: answers.length })
        : t('trivia.nobodyAnswered'),
    fastest
      ? t('trivia.fastest', { user: mention(fastest.userId), time: seconds(fastest.elapsedMs, translation), points: translation.number(fastest.points) })
      : '',
    '',
    `📖 ${questionFact(question, translation)}`,
    ...question.sources.filter((s) => s.url).map((s) => `🔗 ${sourceLinkLine(s, translation)}`),
    note ? `\n${t('trivia.stoppedBy', { user: mention(note.userId) })}` : '',
  ]
    .filter((line, index, all) => line !== '' || (all[index - 1] ?? '') !== '')
    .filter((line, index, all) => line !== '' || index < all.length - 1);
  return {
    embeds: [
      {
        title: questionTitle(position, total, translation),
        description: truncate(lines.join('\n'), discordLimits.embedDescription),
        color: triviaColor,
        footer: {
          text: truncate(
            t('sources.one', { sources: question.sources.map((s) => citeSource(s, translation)).join(' · ') }),
            discordLimits.footerText,
          ),
        },
      },
    ],
    components: [buttons(questionId, question, 'revealed', translation)],
  };
}

const medals = ['🥇', '🥈', '🥉'];

function rank(index: number): string {
  return medals[index] ?? `${index + 1}.`;
}

export function standingsMessage(standings: PlayerScore[], ending: 'finished' | 'stopped', translation: Translation): MessagePayload {
  const { t } = translation;
  const lines = standings.map((player, index) =>
    t('trivia.standingLine', {
      rank: rank(index),
      user: mention(player.userId),
      points: translation.number(player.points),
      count: player.correct,
    }),
  );
  return {
    embeds: [
      {
        title: ending === 'stopped' ? t('trivia.standingsStopped') : t('trivia.standingsFinished'),
        description: lines.length > 0 ? lines.join('\n') : t('trivia.nobodyScored'),
        color: triviaColor,
      },
    ],
  };
}

/** Why a question's message was closed without a reveal. */
export type QuestionNotice = 'restarting' | 'interrupted-by-restart' | 'interrupted-by-outage';

export function noticeOnQuestion(
  question: TriviaQuestion,
  questionId: number,
  position: number,
  total: number,
  notice: QuestionNotice,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const text =
    notice === 'restarting'
      ? t('trivia.interruptedRestarting')
      : notice === 'interrupted-by-outage'
        ? t('triviaOutage.interrupted')
        : t('trivia.interruptedByRestart');
  return {
    embeds: [
      {
        title: questionTitle(position, total, translation),
        description: truncate(`**${questionPrompt(question, translation)}**\n\n${text}`, discordLimits.embedDescription),
        color: triviaColor,
      },
    ],
    components: [buttons(questionId, question, 'closed', translation)],
  };
}

/** "B: Seven", for the private confirmation of a click. */
export function choiceText(question: TriviaQuestion, choice: number, translation: Translation): string {
  return `**${optionLetters[choice]}: ${escaped(optionLabel(question, choice, translation))}**`;
}

export type ClickOutcome = { status: 'locked-in'; choice: number } | { status: 'already'; choice: number } | { status: 'closed' };

/** The private answer to a click on an answer button. */
export function clickConfirmation(outcome: ClickOutcome, question: TriviaQuestion | undefined, translation: Translation): string {
  const { t } = translation;
  switch (outcome.status) {
    case 'locked-in':
      return t('trivia.lockedIn', { choice: question ? choiceText(question, outcome.choice, translation) : '' });
    case 'already':
      return question
        ? t('trivia.alreadyLockedIn', { choice: choiceText(question, outcome.choice, translation) })
        : t('trivia.alreadyAnswered');
    case 'closed':
      return t('trivia.questionClosed');
  }
}

/** The announcement that a round has started. */
export function roundStartedText(
  round: { questions: number; asked: number; seconds: number; artistName: string | null; startedBy: string; answerWith: 'buttons' | 'letters' },
  translation: Translation,
): string {
  const { t } = translation;
  const about = round.artistName ? t('trivia.aboutArtist', { artist: escaped(round.artistName) }) : '';
  const fewer = round.questions < round.asked ? t('trivia.fewerQuestions', { count: round.questions, about }) : '';
  return t('trivia.roundStarted', {
    count: round.questions,
    about,
    seconds: translation.number(round.seconds),
    fewer,
    user: mention(round.startedBy),
    how: round.answerWith === 'letters' ? t('trivia.answerWithLetters') : t('trivia.answerWithButtons'),
  });
}

export function leaderboardMessage(top: PlayerScore[], period: LeaderboardPeriod, translation: Translation): MessagePayload {
  const { t } = translation;
  const title = { week: t('trivia.leaderboardWeek'), month: t('trivia.leaderboardMonth'), all: t('trivia.leaderboardAll') }[period];
  const embed: APIEmbed = {
    title,
    color: triviaColor,
    // Mentions in an embed show names and never notify anyone.
    description:
      top.length > 0
        ? top
            .map((p, i) =>
              t('trivia.leaderboardLine', {
                rank: rank(i),
                user: mention(p.userId),
                points: translation.number(p.points),
                correct: translation.number(p.correct),
                count: p.answers,
              }),
            )
            .join('\n')
        : t('trivia.noPointsYet'),
  };
  return { embeds: [embed] };
}

export function playerStatsMessage(userId: string, player: PlayerStats, translation: Translation): MessagePayload {
  const { t } = translation;
  const accuracy = Math.round((100 * player.correct) / player.answers);
  return {
    embeds: [
      {
        title: t('trivia.statsTitle'),
        color: triviaColor,
        description: mention(userId),
        fields: [
          { name: t('trivia.statsPoints'), value: translation.number(player.points), inline: true },
          {
            name: t('trivia.statsRight'),
            value: t('trivia.statsRightValue', { correct: translation.number(player.correct), count: player.answers, accuracy: translation.number(accuracy) }),
            inline: true,
          },
          { name: t('trivia.statsRounds'), value: translation.number(player.rounds), inline: true },
          {
            name: t('trivia.statsFastest'),
            value: player.fastestCorrectMs === null ? t('trivia.statsNoneYet') : seconds(player.fastestCorrectMs, translation),
            inline: true,
          },
        ],
      },
    ],
  };
}

export function noTriviaYetText(userId: string, translation: Translation): string {
  return translation.t('trivia.noAnswersYet', { user: mention(userId) });
}

/** A round's messages in one language, as the trivia engine asks for them. */
export function roundMessages(translation: Translation) {
  return {
    question: (questionId: number, question: TriviaQuestion, position: number, total: number, secondsLeft: number) =>
      questionMessage(questionId, question, position, total, secondsLeft, translation),
    reveal: (
      questionId: number,
      question: TriviaQuestion,
      position: number,
      total: number,
      answers: StoredAnswer[],
      note?: RevealNote,
    ) => revealMessage(questionId, question, position, total, answers, translation, note),
    standings: (standings: PlayerScore[], ending: 'finished' | 'stopped') => standingsMessage(standings, ending, translation),
    notice: (question: TriviaQuestion, questionId: number, position: number, total: number, notice: QuestionNotice) =>
      noticeOnQuestion(question, questionId, position, total, notice, translation),
  };
}
