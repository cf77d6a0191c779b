// The daily question's messages keep to Discord's limits in every language, with the store's
// longest questions.
import { afterAll, describe, expect, it } from 'vitest';
import { everyQuestion, seededRandom, type TriviaQuestion } from '../../src/core/trivia-questions.js';
import {
  dailyClickText,
  dailyLeaderboardMessage,
  dailyQuestionPost,
  dailyRevealText,
  dailySetupText,
  dailyStreakMessage,
} from '../../src/presentation/daily-question-messages.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';
import { openTestStore } from '../support/test-store.js';

const opened = openTestStore();
afterAll(() => opened.close());

/** The questions whose prompt, options and reveal are longest. */
function longestQuestions(count: number): TriviaQuestion[] {
  const size = (q: TriviaQuestion) => JSON.stringify(q.wording).length + q.options.join('').length + JSON.stringify(q.sources).length;
  return everyQuestion(opened.store, seededRandom(1))
    .sort((a, b) => size(b) - size(a))
    .slice(0, count);
}

describe('the daily question messages', () => {
  const questions = longestQuestions(6);

  it.each(supportedLocales)('keep to Discord\'s limits in %s', (locale) => {
    const translation = translationFor(locale);
    for (const question of questions) {
      for (const previous of [null, { localDate: '2026-03-01', question: questions[0]!, answers: 1234, right: 1 }]) {
        const post = dailyQuestionPost({ localDate: '2026-03-02', question, late: true, previous }, translation);
        expect(discordLimitProblems(post as never), question.key).toEqual([]);
        const total = (post.embeds ?? []).reduce((sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
        expect(total).toBeLessThanOrEqual(6000);
        expect(post.components!.length).toBeLessThanOrEqual(5);
      }
      for (const answered of [null, { choice: 0, correct: true }, { choice: 1, correct: false }]) {
        expect(dailyRevealText(question, answered, translation).length).toBeLessThanOrEqual(2000);
      }
      for (const outcome of [{ status: 'locked-in', choice: 0 }, { status: 'already', choice: 1 }, { status: 'closed' }] as const) {
        expect(dailyClickText(outcome, question, translation).length).toBeLessThanOrEqual(2000);
      }
    }
    const standings = Array.from({ length: 10 }, (_, i) => ({ userId: `70000000000000000${i}`, userName: 'x'.repeat(32), current: 9999, best: 9999, recentRight: 30 }));
    expect(discordLimitProblems(dailyLeaderboardMessage(standings, translation) as never)).toEqual([]);
    expect(discordLimitProblems(dailyLeaderboardMessage([], translation) as never)).toEqual([]);
    expect(discordLimitProblems(dailyStreakMessage('700000000000000001', { current: 12, best: 40 }, translation) as never)).toEqual([]);
    const setup = dailySetupText({ channelId: '1', postTime: '09:00', timeZone: 'America/Argentina/ComodRivadavia' }, { localDate: '2026-03-02', at: new Date('2026-03-02T12:00:00Z') }, translation);
    expect(setup.length).toBeLessThanOrEqual(2000);
  });

  it('give every button its own custom id, within 100 characters', () => {
    const post = dailyQuestionPost({ localDate: '2026-03-02', question: questions[0]!, late: false, previous: null }, translationFor('en-US'));
    const ids = post.components!.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('daily:reveal:2026-03-02');
  });
});
