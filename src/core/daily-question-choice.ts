// Choosing a server's daily question: from the trivia generator (so every wrong option is wrong
// by what the store knows), favouring the artists the server follows, varied by kind and by act
// against the last few days, and never a question asked there within a year while the store has
// another.
import type { AwardsStore } from './awards-facts.js';
import type { AskedQuestion } from './daily-question-records.js';
import { nextQuestion, type TriviaQuestion } from './trivia-questions.js';
import { addDays } from './zoned-time.js';

/** A question is not asked again in a server within this many days, while the store has others. */
export const NO_REPEAT_DAYS = 365;
/** The last few questions the next one should differ from, in kind and in act. */
export const VARIETY_WINDOW = 3;
/** Candidates weighed for each day's question. */
const CANDIDATES = 6;

/** The acts a question is about: the one it names and the one its right answer is. */
export function questionActs(question: TriviaQuestion): number[] {
  const acts = new Set([...(question.check.artistIds ?? []), ...(question.subjects[question.correct]?.artistIds ?? [])]);
  return [...acts].sort((a, b) => a - b);
}

/** The first local date whose questions count as asked within the year before `today`. */
export function noRepeatSince(today: string): string {
  return addDays(today, -NO_REPEAT_DAYS);
}

export interface DailyChoice {
  /** The followed artists with their groups' members; empty when the server follows nobody. */
  followed: readonly number[];
  /** What was asked in the server within the no-repeat window, newest first. */
  asked: readonly AskedQuestion[];
}

/** How much a candidate repeats the last few days: a kind or an act seen again costs. */
function sameness(question: TriviaQuestion, recent: readonly AskedQuestion[]): number {
  const acts = questionActs(question);
  let cost = 0;
  recent.forEach((asked, index) => {
    // Yesterday's weighs most.
    const weight = VARIETY_WINDOW - index;
    if (asked.kind === question.kind) cost += weight;
    if (asked.acts.some((act) => acts.includes(act))) cost += weight;
  });
  return cost;
}

function candidates(store: AwardsStore, artistIds: readonly number[] | null, asked: ReadonlySet<string>, random: () => number): TriviaQuestion[] {
  const found: TriviaQuestion[] = [];
  const skip = new Set(asked);
  for (let i = 0; i < CANDIDATES; i++) {
    const question = nextQuestion(store, { artistIds }, skip, random);
    if (!question) break;
    found.push(question);
    skip.add(question.key);
  }
  return found;
}

/**
 * The day's question, or null when the store has none at all. The followed artists' questions come
 * first when there are any not asked within the year; then anyone's; only when every question was
 * asked within the year is one asked again.
 */
export function chooseDailyQuestion(store: AwardsStore, choice: DailyChoice, random: () => number): TriviaQuestion | null {
  const askedKeys = new Set(choice.asked.map((asked) => asked.questionKey));
  const recent = choice.asked.slice(0, VARIETY_WINDOW);
  const scopes: (readonly number[] | null)[] = choice.followed.length > 0 ? [choice.followed, null] : [null];
  for (const asked of [askedKeys, new Set<string>()]) {
    for (const scope of scopes) {
      const found = candidates(store, scope, asked, random);
      if (found.length === 0) continue;
      return found.reduce((best, question) => (sameness(question, recent) < sameness(best, recent) ? question : best));
    }
  }
  return null;
}
