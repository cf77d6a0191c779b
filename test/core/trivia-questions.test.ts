import { afterAll, describe, expect, it } from 'vitest';
import { optionLabel, questionFact, questionPrompt } from '../../src/presentation/trivia-messages.js';
import { translationFor } from '../../src/presentation/translation.js';

const english = translationFor('en-US');
import {
  categoryWinnerQuestion,
  everyQuestion,
  hasSingleRightAnswer,
  milestoneTrueFalseQuestion,
  nextQuestion,
  nominatedAmongQuestion,
  rightOptions,
  seededRandom,
  type QuestionKind,
} from '../../src/core/trivia-questions.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { minimalSeedFiles, openTestStore, writeSeedDirectory } from '../support/test-store.js';

const opened = openTestStore();
const { store } = opened;
afterAll(() => opened.close());

function artistId(name: string): number {
  const found = resolveArtist(store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist.id;
}

describe('every question the store allows', () => {
  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`has exactly one right answer (distractors drawn with seed ${seed})`, () => {
      const questions = everyQuestion(store, seededRandom(seed));
      expect(questions.length).toBeGreaterThan(60);
      const wrong = questions.filter((q) => !hasSingleRightAnswer(store, q)).map((q) => `${q.key}: ${questionPrompt(q, english)} ${q.options.join(' | ')}`);
      expect(wrong).toEqual([]);
      const kinds = new Set<QuestionKind>(questions.map((q) => q.kind));
      // "Which act was nominated" needs a full nominee list, and no source article gives one: the
      // Song of Summer list is only the songs "Seven" beat. A test below gives one.
      expect(kinds.size).toBe(5);
      expect(kinds.has('nominated-among')).toBe(false);
      for (const q of questions) {
        const labels = q.options.map((_o, i) => optionLabel(q, i, english).toLowerCase());
        expect(new Set(labels).size).toBe(q.options.length);
        expect(labels.every((label) => label.length > 0)).toBe(true);
        expect([2, 4]).toContain(q.options.length);
        expect(q.sources.length).toBeGreaterThan(0);
        expect(questionFact(q, english).length).toBeGreaterThan(10);
      }
    });
  }

  it('also holds on a store far larger than the real one', () => {
    const large = openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles({ editions: 6, categoriesPerEdition: 5, milestones: 20 })) });
    try {
      const questions = everyQuestion(large.store, seededRandom(7));
      expect(questions.length).toBeGreaterThan(20);
      expect(questions.filter((q) => !hasSingleRightAnswer(large.store, q))).toEqual([]);
    } finally {
      large.close();
    }
  });
});

describe('wrong options', () => {
  it("come first from the same category's real nominees", () => {
    const songOfSummer = store.nominationsOf(artistId('Jungkook'), { result: 'won' }).find((n) => n.categoryName === 'Song of Summer')!;
    const question = categoryWinnerQuestion(store, songOfSummer, seededRandom(5))!;
    const nominees = new Set(store.categoryNominees(songOfSummer.edition.id, 'song-of-summer').map((n) => n.artists.map((a) => a.name)));
    expect(questionPrompt(question, english)).toBe('Who won Song of Summer at the 2023 MTV VMAs?');
    expect(question.options[question.correct]).toBe('Jungkook ft. Latto');
    expect(question.options).toHaveLength(4);
    const wrongOptions = question.options.filter((_, i) => i !== question.correct);
    const nomineeCredits = store.categoryNominees(songOfSummer.edition.id, 'song-of-summer').map((n) =>
      n.artists.filter((a) => a.role !== 'featured').map((a) => a.name).join(' & '),
    );
    for (const option of wrongOptions) expect(nomineeCredits.some((c) => option.startsWith(c))).toBe(true);
    expect(nominees.size).toBe(16);
  });

  it('then come from artists of the same kind when the category has too few nominees', () => {
    const groupOfTheYear = store.nominationsOf(artistId('BLACKPINK'), { result: 'won' }).find((n) => n.categoryName === 'Group of the Year')!;
    const question = categoryWinnerQuestion(store, groupOfTheYear, seededRandom(9))!;
    const wrongOptions = question.options.filter((_, i) => i !== question.correct);
    for (const option of wrongOptions) {
      const found = resolveArtist(store, option);
      expect(found.status === 'found' && found.artist.kind).toBe('group');
    }
    // K-pop groups are preferred over others.
    expect(wrongOptions.filter((o) => o !== 'Jonas Brothers').length).toBeGreaterThanOrEqual(3);
  });

  it('are never asked about a category whose nominee list may be incomplete', () => {
    const won = store.nominationsOf(artistId('Jungkook'), { result: 'won' });
    const bestSong = won.find((n) => n.categoryName === 'Best Song')!;
    expect(nominatedAmongQuestion(store, bestSong, seededRandom(1))).toBeNull();
    // The article lists the songs "Seven" beat; it does not say that is every nominee.
    const songOfSummer = won.find((n) => n.categoryName === 'Song of Summer')!;
    expect(nominatedAmongQuestion(store, songOfSummer, seededRandom(1))).toBeNull();
  });

  it('are asked about a category whose full nominee list a source gives', () => {
    const files = minimalSeedFiles();
    const facts = files['facts.json'] as unknown as Record<string, unknown[]>;
    // Acts of the same kind for the wrong options.
    for (const name of ['Group E', 'Group F', 'Group G']) {
      files['artists.json'].artists.push({ slug: name.toLowerCase().replace(' ', '-'), name, kind: 'group', kpop: true } as never);
    }
    facts.works!.push({ slug: 'song-d', title: 'Song D', kind: 'song', credits: [{ artist: 'group-a', role: 'primary' }] });
    facts.nominations!.push({ ceremony: 'test-awards', year: 2024, category: 'best-song', work: 'song-d', result: 'nominated', sources: ['article-a.txt'] });
    facts.nomineeLists = [{ ceremony: 'test-awards', year: 2024, category: 'best-song', source: 'article-a.txt' }];
    const small = openTestStore({ seedDirectory: writeSeedDirectory(files) });
    try {
      const nominee = small.store.nominationsOf(small.store.artistsByNormalizedAlias('groupa')[0]!.id)[0]!;
      const question = nominatedAmongQuestion(small.store, nominee, seededRandom(1));
      expect(question?.kind).toBe('nominated-among');
      expect(hasSingleRightAnswer(small.store, question!)).toBe(true);
    } finally {
      small.close();
    }
  });
});

describe('true or false', () => {
  it("is checked against the milestone's own artists", () => {
    const milestone = store.milestonesOf(artistId('Stray Kids'))[0]!;
    const truthful = milestoneTrueFalseQuestion(store, milestone, seededRandom(1), true)!;
    expect(questionPrompt(truthful, english)).toMatch(/^True or false\? Stray Kids: /);
    expect(optionLabel(truthful, truthful.correct, english)).toBe('True');
    const swapped = milestoneTrueFalseQuestion(store, milestone, seededRandom(1), false)!;
    expect(optionLabel(swapped, swapped.correct, english)).toBe('False');
    expect(rightOptions(store, swapped)).toEqual([1]);
  });
});

describe('a round of questions', () => {
  it('never repeats a question and stays with the chosen artist and its members', () => {
    const blackpink = artistId('BLACKPINK');
    const scope = { artistIds: [blackpink, ...store.membersOf(blackpink).map((m) => m.id)] };
    const asked = new Set<string>();
    const random = seededRandom(11);
    const mentions: string[] = [];
    for (let i = 0; i < 8; i++) {
      const question = nextQuestion(store, scope, asked, random);
      if (!question) break;
      expect(asked.has(question.key)).toBe(false);
      asked.add(question.key);
      mentions.push(questionFact(question, english));
    }
    expect(asked.size).toBeGreaterThanOrEqual(5);
    for (const fact of mentions) expect(fact).toMatch(/BLACKPINK|Rosé|Lisa|Jisoo|Jennie/);
  });

  it('runs out cleanly when the store has nothing more to ask', () => {
    const latto = artistId('Latto');
    const asked = new Set<string>();
    const random = seededRandom(3);
    let question;
    while ((question = nextQuestion(store, { artistIds: [latto] }, asked, random))) asked.add(question.key);
    expect(asked.size).toBeGreaterThan(0);
    expect(nextQuestion(store, { artistIds: [latto] }, asked, random)).toBeNull();
  });
});
