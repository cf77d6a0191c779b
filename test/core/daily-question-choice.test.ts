// Choosing the day's question on a real store: followed artists first, no repeat within a year
// while the store has others, and variety by kind and by act against the last few days.
import { afterAll, describe, expect, it } from 'vitest';
import { chooseDailyQuestion, noRepeatSince, questionActs } from '../../src/core/daily-question-choice.js';
import type { AskedQuestion } from '../../src/core/daily-question-records.js';
import { followedWithMembers } from '../../src/core/anniversary-schedule.js';
import { hasSingleRightAnswer, nextQuestion, seededRandom } from '../../src/core/trivia-questions.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { minimalSeedFiles, openTestStore, writeSeedDirectory } from '../support/test-store.js';

const opened = openTestStore();
afterAll(() => opened.close());
const { store } = opened;

function artistId(name: string): number {
  const found = resolveArtist(store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist.id;
}

describe('the daily question', () => {
  it('is a checked question: exactly one right option, every other proved wrong by the store', () => {
    const random = seededRandom(1);
    for (let day = 0; day < 20; day++) {
      const question = chooseDailyQuestion(store, { followed: [], asked: [] }, random)!;
      expect(question).not.toBeNull();
      expect(hasSingleRightAnswer(store, question)).toBe(true);
    }
  });

  it("is about the server's followed artists (a group bringing its members) while they have questions left", () => {
    const followed = [...followedWithMembers(store, [artistId('BLACKPINK')])];
    const random = seededRandom(7);
    for (let day = 0; day < 10; day++) {
      const question = chooseDailyQuestion(store, { followed, asked: [] }, random)!;
      expect(questionActs(question).some((id) => followed.includes(id)), question.key).toBe(true);
    }
  });

  it('never repeats within a year while the store has others', () => {
    const random = seededRandom(3);
    const followed = [artistId('Rosé')];
    const asked: AskedQuestion[] = [];
    for (let day = 0; day < 25; day++) {
      const question = chooseDailyQuestion(store, { followed, asked }, random)!;
      expect(asked.map((a) => a.questionKey)).not.toContain(question.key);
      asked.unshift({ localDate: `2026-01-${String(day + 1).padStart(2, '0')}`, questionKey: question.key, kind: question.kind, acts: questionActs(question) });
    }
  });

  it('asks again, rather than nothing, only once a small store has no other question', { timeout: 120_000 }, () => {
    const small = openTestStore({ seedDirectory: writeSeedDirectory(minimalSeedFiles()) });
    try {
      const random = seededRandom(5);
      const asked: AskedQuestion[] = [];
      let repeats = 0;
      for (let day = 0; day < 12; day++) {
        const question = chooseDailyQuestion(small.store, { followed: [], asked }, random);
        expect(question).not.toBeNull();
        const keys = new Set(asked.map((a) => a.questionKey));
        if (keys.has(question!.key)) {
          repeats++;
          expect(nextQuestion(small.store, { artistIds: null }, keys, seededRandom(day), 300)).toBeNull();
        }
        asked.unshift({ localDate: `2026-01-${String(day + 1).padStart(2, '0')}`, questionKey: question!.key, kind: question!.kind, acts: questionActs(question!) });
      }
      expect(repeats).toBeGreaterThan(0);
    } finally {
      small.close();
    }
  });

  it('differs in kind from the last days where the store allows', () => {
    const random = seededRandom(11);
    const asked: AskedQuestion[] = [];
    let sameKindInARow = 0;
    for (let day = 0; day < 30; day++) {
      const question = chooseDailyQuestion(store, { followed: [], asked }, random)!;
      if (asked[0]?.kind === question.kind) sameKindInARow++;
      asked.unshift({ localDate: `2026-02-${String(day + 1).padStart(2, '0')}`, questionKey: question.key, kind: question.kind, acts: questionActs(question) });
    }
    expect(new Set(asked.map((a) => a.kind)).size).toBeGreaterThanOrEqual(5);
    expect(sameKindInARow).toBeLessThanOrEqual(3);
  });

  it('counts a year back from the day for repeats', () => {
    expect(noRepeatSince('2027-03-08')).toBe('2026-03-08');
  });
});
