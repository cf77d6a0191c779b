// Trivia never marks a true answer wrong: on stores that lack a real win (or debut, or first win),
// no question of any kind offers it as a wrong option. Each store is built from seed files through
// the real migrations and seed loader.
import { afterAll, describe, expect, it } from 'vitest';
import type { AwardsStore } from '../../src/core/awards-facts.js';
import {
  categoryWinnerQuestion,
  debutYearQuestion,
  episodeSongQuestion,
  everyQuestion,
  firstWinWhoQuestion,
  grandPrizeWinnerQuestion,
  hasSingleRightAnswer,
  milestoneTrueFalseQuestion,
  milestoneWhoQuestion,
  seededRandom,
  winEditionQuestion,
  winningSongQuestion,
  type TriviaQuestion,
} from '../../src/core/trivia-questions.js';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore, writeSeedDirectory } from '../support/test-store.js';

const source = 'article-a.txt';
const seeds = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

/** Acts enough of each kind for four options everywhere. */
const acts = [
  ...['Lisa', 'Solo B', 'Solo C', 'Solo D', 'Solo E', 'Solo F', 'Solo G'].map((name) => ({ name, kind: 'soloist' as const })),
  ...['Group A', 'Group B', 'Group C', 'Group D', 'Group E', 'Group F', 'Group G'].map((name) => ({ name, kind: 'group' as const })),
];
const slug = (name: string) => name.toLowerCase().replace(/\s+/g, '-');

interface Fixture {
  ceremonies?: unknown[];
  editions?: unknown[];
  works?: unknown[];
  nominations?: unknown[];
  nomineeLists?: unknown[];
  milestones?: unknown[];
}

function openFixture(fixture: Fixture): OpenedStore {
  const songs = acts.map((act) => ({ slug: `song-of-${slug(act.name)}`, title: `Song of ${act.name}`, kind: 'song', credits: [{ artist: slug(act.name), role: 'primary' }] }));
  return openTestStore({
    seedDirectory: writeSeedDirectory({
      'sources.json': { sources: [{ id: source, publishedOn: '2025-12-31', headline: 'A test article', outlet: null }] },
      'artists.json': { artists: acts.map((act) => ({ slug: slug(act.name), name: act.name, kind: act.kind, kpop: true })) },
      'facts.json': { ceremonies: [], editions: [], nomineeLists: [], milestones: [], nominations: [], ...fixture, works: [...songs, ...(fixture.works ?? [])] },
    }),
  });
}

/** Every question the store allows, with distractors drawn under many seeds. */
function questionsUnderManySeeds(store: AwardsStore): TriviaQuestion[] {
  return seeds.flatMap((seed) => everyQuestion(store, seededRandom(seed)));
}

function wrongOptions(question: TriviaQuestion): string[] {
  return question.options.filter((_option, index) => index !== question.correct);
}

const award = (categories: { slug: string; name: string; grandPrize?: boolean }[]) => ({ slug: 'test-awards', name: 'Test Awards', shortName: 'TAs', categories });
const edition = (year: number) => ({ ceremony: 'test-awards', year, heldOn: `${year}-11-30`, timeZone: 'UTC', source });
const won = (year: number, category: string, artist: string, work?: string) => ({
  ceremony: 'test-awards',
  year,
  category,
  ...(work ? { work } : { artists: [slug(artist)] }),
  result: 'won',
  sources: [source],
});

describe('at which ceremony: the audit\'s case', () => {
  // Lisa won Best K-Pop in 2022 and 2023; the store knows only 2023. The 2022 edition is in the
  // store (another category's win), but its Best K-Pop winner is not.
  const opened = openFixture({
    ceremonies: [award([{ slug: 'best-k-pop', name: 'Best K-Pop' }, { slug: 'best-group', name: 'Best Group' }])],
    editions: [2019, 2020, 2021, 2022, 2023, 2024].map(edition),
    nominations: [
      won(2023, 'best-k-pop', 'Lisa'),
      won(2019, 'best-k-pop', 'Group A'),
      won(2020, 'best-k-pop', 'Group B'),
      won(2021, 'best-k-pop', 'Group C'),
      won(2024, 'best-k-pop', 'Group D'),
      won(2022, 'best-group', 'Group E'),
    ],
  });
  afterAll(() => opened.close());

  it('never offers an edition whose winner the store does not know', () => {
    const lisaWin = opened.store.nominationsOf(opened.store.artistsByNormalizedAlias('lisa')[0]!.id, { result: 'won' })[0]!;
    for (const seed of seeds) {
      const question = winEditionQuestion(opened.store, lisaWin, seededRandom(seed))!;
      expect(question.options[question.correct]).toBe('2023 TAs');
      expect(wrongOptions(question)).not.toContain('2022 TAs');
      expect(hasSingleRightAnswer(opened.store, question)).toBe(true);
    }
  });

  it('holds for every question the store allows', () => {
    const offered = questionsUnderManySeeds(opened.store).filter((q) => q.kind === 'win-edition').flatMap(wrongOptions);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain('2022 TAs');
  });
});

describe('who won, and with which song: categories that take many winners', () => {
  // "Top 10" takes ten winners: the store knows two in 2023 and one in 2024 (Group B's 2024 win is
  // missing). A winner recorded there proves nothing of the others.
  const opened = openFixture({
    ceremonies: [award([{ slug: 'top-10', name: 'Top 10' }, { slug: 'best-song', name: 'Best Song' }])],
    editions: [2023, 2024].map(edition),
    nominations: [
      won(2023, 'top-10', 'Group A'),
      won(2023, 'top-10', 'Group C'),
      won(2024, 'top-10', 'Group A', 'song-of-group-a'),
      won(2024, 'best-song', 'Solo C', 'song-of-solo-c'),
      { ceremony: 'test-awards', year: 2024, category: 'best-song', work: 'song-of-solo-d', result: 'nominated', sources: [source] },
    ],
  });
  afterAll(() => opened.close());
  const { store } = opened;

  it('asks no "who won" nor "which song" about them', () => {
    const top10 = store.nominationsOf(store.artistsByNormalizedAlias('groupa')[0]!.id, { year: 2024 })[0]!;
    for (const seed of seeds) {
      expect(categoryWinnerQuestion(store, top10, seededRandom(seed))).toBeNull();
      expect(winningSongQuestion(store, top10, seededRandom(seed))).toBeNull();
    }
    const questions = questionsUnderManySeeds(store);
    expect(questions.filter((q) => q.wording.category === 'Top 10' && q.kind !== 'win-edition')).toEqual([]);
    expect(questions.filter((q) => q.kind === 'category-winner' || q.kind === 'win-edition').flatMap(wrongOptions)).not.toContain('Group B');
  });

  it('still asks about a category with one recorded winner, its nominees as wrong options', () => {
    const bestSong = store.nominationsOf(store.artistsByNormalizedAlias('soloc')[0]!.id, { result: 'won' })[0]!;
    const question = categoryWinnerQuestion(store, bestSong, seededRandom(4))!;
    expect(question.options[question.correct]).toBe('Solo C');
    expect(question.options).toContain('Solo D');
    expect(hasSingleRightAnswer(store, question)).toBe(true);
  });
});

describe('which song won a weekly music show on a date', () => {
  const show = { slug: 'test-show', name: 'Test Show', shortName: 'Test Show', kind: 'music_show', categories: [{ slug: 'first-place', name: 'First place' }] };
  const episode = (date: string) => ({ ceremony: 'test-show', year: 2019, heldOn: date, timeZone: 'Asia/Seoul', source });
  const firstPlace = (date: string, work: string) => ({ ceremony: 'test-show', year: 2019, date, category: 'first-place', work, result: 'won', sources: [source] });
  const dates = ['2019-06-02', '2019-06-09', '2019-06-16', '2019-06-23', '2019-06-30'];
  const opened = openFixture({
    ceremonies: [show],
    editions: dates.map(episode),
    nominations: [
      firstPlace('2019-06-02', 'song-of-group-a'),
      firstPlace('2019-06-09', 'song-of-group-b'),
      firstPlace('2019-06-16', 'song-of-group-c'),
      firstPlace('2019-06-23', 'song-of-group-d'),
      // Two recorded winners on one episode: which one "won" is not a one-answer question.
      firstPlace('2019-06-30', 'song-of-group-e'),
      firstPlace('2019-06-30', 'song-of-group-f'),
    ],
  });
  afterAll(() => opened.close());
  const { store } = opened;

  it("offers other songs as wrong only where the episode's winner is recorded", () => {
    const win = store.episodeResults(store.ceremonies()[0]!.id, '2019-06-09')!.nominations[0]!;
    const question = episodeSongQuestion(store, win, seededRandom(2))!;
    expect(question.kind).toBe('episode-song');
    expect(question.options[question.correct]).toBe('Song of Group B');
    expect(question.options).toHaveLength(4);
    expect(hasSingleRightAnswer(store, question)).toBe(true);
    const tied = store.episodeResults(store.ceremonies()[0]!.id, '2019-06-30')!.nominations;
    for (const win of tied) expect(episodeSongQuestion(store, win, seededRandom(2))).toBeNull();
    // Nor is a song of the tied episode offered as having lost another one's.
    const offered = questionsUnderManySeeds(store).filter((q) => q.kind === 'episode-song');
    expect(offered.length).toBeGreaterThan(0);
    for (const q of offered) expect(q.wording.episode?.airDate).not.toBe('2019-06-30');
  });
});

describe('whose first music-show win a song was', () => {
  const show = { slug: 'test-show', name: 'Test Show', shortName: 'Test Show', kind: 'music_show', categories: [{ slug: 'first-place', name: 'First place' }] };
  const dates = ['2019-06-02', '2019-06-09', '2019-06-16', '2019-06-23', '2019-06-30'];
  const holders = ['Group A', 'Group B', 'Group C', 'Group D'];
  const firstWin = (name: string, date: string) => ({
    key: `${slug(name)}-first-music-show-win`,
    kind: 'first',
    artists: [slug(name)],
    statement: `First win on a weekly music show: Test Show, with "Song of ${name}"`,
    occurredOn: date,
    edition: { ceremony: 'test-show', year: 2019, date },
    nomination: { category: 'first-place', work: `song-of-${slug(name)}` },
    work: `song-of-${slug(name)}`,
    sources: [source],
  });
  // Group E's first win (2019-06-30) is in the records, but not as a milestone: it is never offered.
  const opened = openFixture({
    ceremonies: [show],
    editions: dates.map((date) => ({ ceremony: 'test-show', year: 2019, heldOn: date, timeZone: 'Asia/Seoul', source })),
    nominations: [...holders, 'Group E'].map((name, i) => ({ ceremony: 'test-show', year: 2019, date: dates[i], category: 'first-place', work: `song-of-${slug(name)}`, result: 'won', sources: [source] })),
    milestones: holders.map((name, i) => firstWin(name, dates[i]!)),
  });
  afterAll(() => opened.close());
  const { store } = opened;

  it('offers only acts whose own recorded first win was another song', () => {
    const milestone = store.milestonesOf(store.artistsByNormalizedAlias('groupb')[0]!.id)[0]!;
    for (const seed of seeds) {
      const question = firstWinWhoQuestion(store, milestone, seededRandom(seed))!;
      expect(question.options[question.correct]).toBe('Group B');
      expect(new Set(wrongOptions(question))).toEqual(new Set(['Group A', 'Group C', 'Group D']));
      expect(hasSingleRightAnswer(store, question)).toBe(true);
      // Asked by its song, not as "whose milestone is this".
      expect(milestoneWhoQuestion(store, milestone, seededRandom(seed))).toBeNull();
    }
    const offered = questionsUnderManySeeds(store).filter((q) => q.kind === 'first-win-who');
    expect(offered).toHaveLength(4 * seeds.length);
    expect(offered.flatMap(wrongOptions)).not.toContain('Group E');
  });
});

describe('which act won a grand prize', () => {
  // Artist of the Year 2024 is recorded (Group A); Song of the Year 2024 is not (Group B won it).
  // Group F and Group G debuted after the show; Group E's debut is not recorded.
  const debut = (name: string, date: string) => ({ key: `${slug(name)}-debut`, kind: 'debut', artists: [slug(name)], statement: 'Debut', occurredOn: date, sources: [source] });
  const opened = openFixture({
    ceremonies: [
      award([
        { slug: 'artist-of-the-year', name: 'Artist of the Year', grandPrize: true },
        { slug: 'song-of-the-year', name: 'Song of the Year', grandPrize: true },
        { slug: 'best-group', name: 'Best Group' },
      ]),
    ],
    editions: [2023, 2024].map(edition),
    nominations: [
      won(2024, 'artist-of-the-year', 'Group A'),
      won(2024, 'best-group', 'Group C'),
      won(2023, 'song-of-the-year', 'Group B', 'song-of-group-b'),
      { ceremony: 'test-awards', year: 2024, category: 'artist-of-the-year', artists: ['group-d'], result: 'nominated', sources: [source] },
    ],
    milestones: [
      debut('Group B', '2015-01-01'),
      debut('Group C', '2016-01-01'),
      debut('Group D', '2017-01-01'),
      debut('Group F', '2025-02-01'),
      debut('Group G', '2025-03-01'),
      debut('Solo B', '2025-04-01'),
    ],
  });
  afterAll(() => opened.close());
  const { store } = opened;

  it('offers only acts the store proves won none there', () => {
    const grandPrize = store.nominationsOf(store.artistsByNormalizedAlias('groupa')[0]!.id, { result: 'won' })[0]!;
    for (const seed of seeds) {
      const question = grandPrizeWinnerQuestion(store, grandPrize, seededRandom(seed))!;
      expect(question.options[question.correct]).toBe('Group A');
      // Group B (the missing Song of the Year), Group C, Group D and Group E might have won it.
      expect(new Set(wrongOptions(question))).toEqual(new Set(['Group F', 'Group G', 'Solo B']));
      expect(hasSingleRightAnswer(store, question)).toBe(true);
    }
    const offered = questionsUnderManySeeds(store).filter((q) => q.kind === 'grand-prize-winner').flatMap(wrongOptions);
    for (const name of ['Group B', 'Group C', 'Group D', 'Group E']) expect(offered).not.toContain(name);
  });
});

describe('debut year', () => {
  const opened = openFixture({
    milestones: [
      { key: 'group-a-debut', kind: 'debut', artists: ['group-a'], statement: 'Debut', occurredOn: '2015-10-20', sources: [source] },
      // Two recorded debuts of one sort: "the" year is not one answer.
      { key: 'group-b-debut', kind: 'debut', artists: ['group-b'], statement: 'Debut', occurredOn: '2016', sources: [source] },
      { key: 'group-b-japan-debut', kind: 'debut', artists: ['group-b'], statement: 'Debut in Japan', occurredOn: '2018', sources: [source] },
      { key: 'solo-b-solo-debut', kind: 'debut', artists: ['solo-b'], statement: 'Solo debut', occurredOn: '2023-07-14', sources: [source] },
    ],
  });
  afterAll(() => opened.close());
  const { store } = opened;
  const milestoneOf = (alias: string) => store.milestonesOf(store.artistsByNormalizedAlias(alias)[0]!.id);

  it('offers years other than the recorded one, and is not asked when two debuts are recorded', () => {
    for (const seed of seeds) {
      const question = debutYearQuestion(store, milestoneOf('groupa')[0]!, seededRandom(seed))!;
      expect(question.options[question.correct]).toBe('2015');
      expect(wrongOptions(question).every((year) => Math.abs(Number(year) - 2015) <= 3 && year !== '2015')).toBe(true);
      expect(hasSingleRightAnswer(store, question)).toBe(true);
      for (const debut of milestoneOf('groupb')) expect(debutYearQuestion(store, debut, seededRandom(seed))).toBeNull();
      expect(debutYearQuestion(store, milestoneOf('solob')[0]!, seededRandom(seed))?.wording.solo).toBe(true);
      // A debut is as true of every act on its own day: never a true-or-false or a "whose is it".
      expect(milestoneTrueFalseQuestion(store, milestoneOf('groupa')[0]!, seededRandom(seed), false)).toBeNull();
      expect(milestoneWhoQuestion(store, milestoneOf('groupa')[0]!, seededRandom(seed))).toBeNull();
    }
  });
});

describe('true or false, and whose milestone', () => {
  // Lisa's milestone rests on a song she shares with Solo B, who has no milestone of her own: the
  // claim may be as true of Solo B, so she is never the act it is called false of.
  const opened = openFixture({
    ceremonies: [award([{ slug: 'best-collaboration', name: 'Best Collaboration' }])],
    editions: [edition(2024)],
    works: [{ slug: 'duet', title: 'Duet', kind: 'song', credits: [{ artist: 'lisa', role: 'primary' }, { artist: 'solo-b', role: 'primary' }] }],
    nominations: [won(2024, 'best-collaboration', 'Lisa', 'duet')],
    milestones: [
      {
        key: 'lisa-first-collaboration',
        kind: 'first',
        artists: ['lisa'],
        statement: 'First soloist of the test to win Best Collaboration',
        occurredOn: '2024-11-30',
        edition: { ceremony: 'test-awards', year: 2024 },
        nomination: { category: 'best-collaboration', work: 'duet' },
        work: 'duet',
        sources: [source],
      },
    ],
  });
  afterAll(() => opened.close());
  const { store } = opened;

  it('never shows a co-credited act as the one it is false of', () => {
    const questions = questionsUnderManySeeds(store).filter((q) => q.kind === 'milestone-true-false' || q.kind === 'milestone-who');
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(q.wording.shown).not.toBe('Solo B');
      expect(wrongOptions(q)).not.toContain('Solo B');
      expect(hasSingleRightAnswer(store, q)).toBe(true);
    }
  });
});
