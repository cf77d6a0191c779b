// Trivia over the real founding catalogue (seeds/): a round draws many different questions, of
// every kind the catalogue allows, each with one right answer and every other option proved wrong.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/project-root.js';
import { hasSingleRightAnswer, nextQuestion, seededRandom, type QuestionKind, type TriviaQuestion } from '../../src/core/trivia-questions.js';
import { translationFor } from '../../src/presentation/translation.js';
import { questionFact, questionMessage, questionPrompt } from '../../src/presentation/trivia-messages.js';
import { discordLimits } from '../../src/presentation/discord-limits.js';
import { openTestStore } from '../support/test-store.js';

const opened = openTestStore({ seedDirectory: join(projectRoot, 'seeds') });
const { store } = opened;
afterAll(() => opened.close());

const locales = ['en-US', 'ko', 'ja', 'zh-CN', 'zh-TW', 'th', 'vi', 'id', 'es-419', 'pt-BR'];

function round(seed: number, count: number): TriviaQuestion[] {
  const asked = new Set<string>();
  const random = seededRandom(seed);
  const questions: TriviaQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const question = nextQuestion(store, { artistIds: null }, asked, random);
    if (!question) break;
    asked.add(question.key);
    questions.push(question);
  }
  return questions;
}

describe('a round over the founding catalogue', () => {
  it('draws many different questions, of many kinds, none repeated in the first 60', () => {
    const questions = round(2026, 60);
    expect(questions).toHaveLength(60);
    const prompts = questions.map((q) => questionPrompt(q, translationFor('en-US')));
    expect(new Set(questions.map((q) => q.key)).size).toBe(60);
    // Not the same question reworded: the prompts differ too.
    expect(new Set(prompts).size).toBeGreaterThanOrEqual(55);
    const kinds = new Set<QuestionKind>(questions.map((q) => q.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(7);
    for (const q of questions) expect(hasSingleRightAnswer(store, q)).toBe(true);
  });

  it('asks every new kind somewhere in a few rounds, within Discord\'s limits in every language', () => {
    const questions = [1, 2, 3, 4, 5].flatMap((seed) => round(seed, 40));
    const kinds = new Set(questions.map((q) => q.kind));
    for (const kind of ['episode-song', 'first-win-who', 'grand-prize-winner', 'debut-year'] as const) expect(kinds).toContain(kind);
    for (const locale of locales) {
      const translation = translationFor(locale);
      for (const q of questions) {
        expect(questionFact(q, translation).length).toBeGreaterThan(5);
        const message = questionMessage(1, q, 1, 5, 20, translation);
        expect(message.embeds![0]!.description!.length).toBeLessThanOrEqual(discordLimits.embedDescription);
        const labels = (message.components![0] as { components: { label: string }[] }).components.map((button) => button.label);
        for (const label of labels) expect([...label].length).toBeLessThanOrEqual(discordLimits.buttonLabel);
        expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
      }
    }
  });
});
