// Trivia questions generated from the awards store, never written by hand. Every question is
// checked against the store before it is asked: exactly one of its options may be right.
import type { Artist, TriviaFacts, CategoryNominee, EditionRef, MilestoneFact, NominationFact, SourceRef } from './awards-facts.js';

export type QuestionKind =
  | 'category-winner'
  | 'winning-song'
  | 'win-edition'
  | 'nominated-among'
  | 'milestone-true-false'
  | 'milestone-who'
  | 'episode-song'
  | 'first-win-who'
  | 'grand-prize-winner'
  | 'debut-year';

/** What an option stands for, so that its truth can be checked against the store. */
export interface OptionSubject {
  artistIds?: number[];
  workTitle?: string;
  editionId?: number;
  /** For an edition option: the slug of the category there (names repeat across ceremonies). */
  categorySlug?: string;
  truth?: boolean;
  year?: number;
}

/**
 * The facts a question and its reveal are worded from, as the store has them; the presentation
 * layer puts them into a sentence in the channel's language.
 */
export interface QuestionWording {
  category?: string;
  /** "2023 MTV VMAs". */
  edition?: string;
  /** For one episode of a weekly music show: the show and its air date. */
  episode?: { show: string; airDate: string };
  /** Whom the source credits the claim to: a question or reveal built on it carries the credit. */
  attribution?: string | null;
  /** The day the claim was true as of. */
  asOf?: string | null;
  /** The edition's date (YYYY-MM-DD), when a source gives it. */
  heldOn?: string | null;
  /** The act the question names. */
  lead?: string;
  /** Who won or was nominated, as credited. */
  credits?: { name: string; role: 'primary' | 'featured' | null }[];
  work?: string | null;
  result?: NominationFact['result'];
  /** How many nominees the source's full list has. */
  nomineeCount?: number;
  /** The act a true-or-false statement is put to. */
  shown?: string;
  /** Whose milestone it really is. */
  holders?: string[];
  statement?: string;
  occurredOn?: string | null;
  /** A debut-year question about a solo debut (a member's own, after the group's). */
  solo?: boolean;
}

export interface TriviaQuestion {
  /** The same question always has the same key: no key twice in a round. */
  key: string;
  kind: QuestionKind;
  wording: QuestionWording;
  /** Names as options; empty for true-or-false, whose options are worded by the presentation. */
  options: string[];
  subjects: OptionSubject[];
  correct: number;
  sources: SourceRef[];
  /** What the check against the store needs. */
  check: { editionId?: number; categorySlug?: string; categoryName?: string; artistIds?: number[]; workTitle?: string | null; milestoneId?: number };
}

/** A seeded random source in [0, 1): tests and replays get the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "Jungkook ft. Latto", as plain text (markdown is escaped where it is shown). */
export function creditLine(artists: NominationFact['artists']): string {
  const primary = artists.filter((a) => a.role !== 'featured').map((a) => a.name);
  const featured = artists.filter((a) => a.role === 'featured').map((a) => a.name);
  return featured.length > 0 ? `${primary.join(' & ')} ft. ${featured.join(' & ')}` : primary.join(' & ');
}

/** An edition's name as an option: "2023 MTV VMAs", or an episode "Music Bank 2023-06-09". */
function editionName(edition: EditionRef): string {
  return edition.episode && edition.heldOn ? `${edition.ceremonyShortName} ${edition.heldOn}` : `${edition.year} ${edition.ceremonyShortName}`;
}

/** The wording every question about a win or nomination shares. */
function nominationWording(nomination: NominationFact): QuestionWording {
  return {
    category: nomination.categoryName,
    edition: editionName(nomination.edition),
    ...(nomination.edition.episode && nomination.edition.heldOn
      ? { episode: { show: nomination.edition.ceremonyShortName, airDate: nomination.edition.heldOn } }
      : {}),
    // The day of the award itself when a ceremony ran over several days.
    heldOn: nomination.awardedOn ?? nomination.edition.heldOn,
    credits: nomination.artists.map((a) => ({ name: a.name, role: a.role })),
    work: nomination.workTitle,
    result: nomination.result,
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

interface Candidate {
  text: string;
  subject: OptionSubject;
}

/**
 * Puts the right option among the wrong ones at a random place; null without enough distinct wrong
 * ones. `wrong` is read lazily: only as many candidates are checked as are needed.
 */
function assemble(
  base: Omit<TriviaQuestion, 'options' | 'subjects' | 'correct'>,
  right: Candidate,
  wrong: Iterable<Candidate>,
  random: () => number,
  count = 4,
): TriviaQuestion | null {
  const seen = new Set([right.text.toLowerCase()]);
  const distinct: Candidate[] = [];
  for (const candidate of wrong) {
    const text = candidate.text.toLowerCase();
    if (text.length === 0 || seen.has(text)) continue;
    seen.add(text);
    distinct.push(candidate);
    if (distinct.length === count - 1) break;
  }
  if (distinct.length < count - 1) return null;
  const options = shuffle([right, ...distinct], random);
  return {
    ...base,
    options: options.map((o) => o.text),
    subjects: options.map((o) => o.subject),
    correct: options.indexOf(right),
  };
}

/** Artists of the same kind as `artist`, excluding some, as wrong options. */
function sameKindArtists(store: TriviaFacts, kind: Artist['kind'], exclude: Set<number>, random: () => number): Candidate[] {
  return shuffle(
    store.artistsOfKind(kind, random(), 24).filter((a) => !exclude.has(a.id)),
    random,
  )
    .sort((a, b) => Number(b.isKpop) - Number(a.isKpop))
    .map((a) => ({ text: a.name, subject: { artistIds: [a.id] } }));
}

function kindOf(store: TriviaFacts, artists: NominationFact['artists']): Artist['kind'] {
  const lead = artists.find((a) => a.role !== 'featured') ?? artists[0];
  return (lead && store.artistById(lead.id)?.kind) ?? 'soloist';
}

function leadOf(artists: NominationFact['artists']): NominationFact['artists'][number] {
  return artists.find((a) => a.role !== 'featured') ?? artists[0]!;
}

// A wrong option is wrong only by what the store knows, never because it is silent: the category
// at that edition has a recorded winner who is someone else (and takes one winner), or a complete
// nominee list without the option. These are the proofs; `hasSingleRightAnswer` checks every wrong
// option of a question against them afresh.

/**
 * Every winner of a category at an edition, when the store knows them all; null when it may not.
 * A weekly show's episode has one winner. An award-show category is taken to have one when no
 * edition of it records two: a "Top 10", a bonsang or a monthly chart prize records many, and a
 * winner recorded there says nothing of the others.
 */
function knownWinners(reads: Reads, edition: Pick<EditionRef, 'id' | 'episode' | 'ceremonySlug'>, categorySlug: string): CategoryNominee[] | null {
  return reads.knownWinners(edition, categorySlug);
}

/**
 * The store reads one question needs, each made once: building a question and checking its options
 * ask the same things several times. It lives for one question only, so it never outlives a change.
 */
function readsOf(store: TriviaFacts) {
  const winners = new Map<string, CategoryNominee[] | null>();
  const editions = new Map<number, EditionRef>();
  let firstWinRows: { id: number; artistId: number; workTitle: string }[] | undefined;
  let debutRows: ReturnType<TriviaFacts['milestoneSummaries']> | undefined;
  return {
    store,
    knownWinners(edition: Pick<EditionRef, 'id' | 'episode' | 'ceremonySlug'>, categorySlug: string): CategoryNominee[] | null {
      const key = `${edition.id}:${categorySlug}`;
      if (!winners.has(key)) {
        const won = store.categoryNominees(edition.id, categorySlug).filter((n) => n.result === 'won');
        const one = won.length === 1 && (edition.episode || store.mostWinnersAtOneEdition(edition.ceremonySlug, categorySlug) <= 1);
        winners.set(key, one ? won : null);
      }
      return winners.get(key)!;
    },
    edition(id: number): EditionRef | undefined {
      if (editions.size === 0) for (const edition of store.editions()) editions.set(edition.id, edition);
      return editions.get(id);
    },
    firstWins() {
      return (firstWinRows ??= store
        .milestoneSummaries('first')
        .filter((m) => firstWinKey.test(m.key) && m.artistIds.length === 1 && m.workTitle !== null)
        .map((m) => ({ id: m.id, artistId: m.artistIds[0]!, workTitle: m.workTitle! })));
    },
    debuts() {
      return (debutRows ??= store.milestoneSummaries('debut'));
    },
  };
}
type Reads = ReturnType<typeof readsOf>;

function creditsAny(nominees: CategoryNominee[], artistIds: readonly number[]): boolean {
  return nominees.some((n) => n.artists.some((a) => artistIds.includes(a.id)));
}

function sameTitle(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

/** The store proves these artists did not win the category at the edition. */
function provedNotWinners(reads: Reads, edition: EditionRef, categorySlug: string, artistIds: readonly number[]): boolean {
  if (artistIds.length === 0) return false;
  const { store } = reads;
  const winners = knownWinners(reads, edition, categorySlug);
  if (winners && !creditsAny(winners, artistIds)) return true;
  // Not on a complete nominee list: not nominated, so not a winner.
  return store.hasCompleteNomineeList(edition.id, categorySlug) && !creditsAny(store.categoryNominees(edition.id, categorySlug), artistIds);
}

/** The artists credited with the work a milestone rests on, at its edition: the claim may be theirs too. */
function coCredited(store: TriviaFacts, milestone: MilestoneFact): Set<number> {
  if (!milestone.edition || !milestone.workTitle) return new Set();
  return new Set(
    store
      .nominationsAt(milestone.edition.id)
      .filter((n) => sameTitle(n.workTitle, milestone.workTitle))
      .flatMap((n) => n.artists.map((a) => a.id)),
  );
}

/** Whose-is-it milestones: exclusive claims, not debuts (a debut is as true of every act, on its own day). */
function quizzableMilestone(milestone: MilestoneFact): boolean {
  return !milestone.doubtful && milestone.exclusive && milestone.kind !== 'debut';
}

/** The store proves the milestone's statement is not true of this artist. */
function provedNotHolder(store: TriviaFacts, milestone: MilestoneFact, artistId: number): boolean {
  if (!quizzableMilestone(milestone)) return false;
  if (milestone.artists.some((a) => a.id === artistId)) return false;
  return !coCredited(store, milestone).has(artistId);
}

const firstWinKey = /-first-music-show-win$/;

const isSoloDebut = (statement: string) => /\bsolo\b/i.test(statement);

/** An act's recorded debuts of one sort (its own, or a solo one): a debut-year question needs exactly one. */
function debutsOf(reads: Reads, artistId: number, solo: boolean) {
  return reads.debuts().filter((m) => m.artistIds.length === 1 && m.artistIds[0] === artistId && isSoloDebut(m.statement) === solo);
}

/**
 * Whether the store proves the act won no grand prize at the edition: its recorded debut came
 * after the edition, or every grand prize of the ceremony has its one winner recorded there and
 * none is the act.
 */
function provedNoGrandPrize(reads: Reads, edition: EditionRef, artistIds: readonly number[]): boolean {
  if (artistIds.length === 0) return false;
  const editionDay = edition.heldOn ?? `${edition.year}-12-31`;
  const debutedAfter = (id: number) => {
    const debuts = debutsOf(reads, id, false);
    return debuts.length > 0 && debuts.every((d) => d.occurredOn !== null && d.occurredOn.length === 10 && d.occurredOn > editionDay);
  };
  if (artistIds.every(debutedAfter)) return true;
  const prizes = reads.store.grandPrizeCategories(edition.ceremonySlug);
  if (prizes.length === 0) return false;
  return prizes.every((prize) => {
    const winners = knownWinners(reads, edition, prize.slug);
    return winners !== null && !creditsAny(winners, artistIds);
  });
}

export function categoryWinnerQuestion(store: TriviaFacts, win: NominationFact, random: () => number): TriviaQuestion | null {
  const winners = knownWinners(readsOf(store), win.edition, win.categorySlug);
  if (!winners) return null;
  const nominees = store.categoryNominees(win.edition.id, win.categorySlug);
  const winnerIds = new Set(win.artists.map((a) => a.id));
  const fromNominees = shuffle(
    nominees.filter((n) => n.id !== win.id && !n.artists.some((a) => winnerIds.has(a.id))),
    random,
  ).map((n) => ({ text: creditLine(n.artists), subject: { artistIds: n.artists.map((a) => a.id) } }));
  const exclude = new Set([...winnerIds, ...nominees.flatMap((n) => n.artists.map((a) => a.id))]);
  const wrong = [...fromNominees, ...sameKindArtists(store, kindOf(store, win.artists), exclude, random)];
  return assemble(
    {
      key: `category-winner:${win.id}`,
      kind: 'category-winner',
      wording: nominationWording(win),
      sources: win.sources,
      check: { editionId: win.edition.id, categorySlug: win.categorySlug, categoryName: win.categoryName },
    },
    { text: creditLine(win.artists), subject: { artistIds: [...winnerIds] } },
    wrong,
    random,
  );
}

export function winningSongQuestion(store: TriviaFacts, win: NominationFact, random: () => number): TriviaQuestion | null {
  if (!win.workTitle) return null;
  // Another song is wrong only where the category's one winner is recorded.
  if (!knownWinners(readsOf(store), win.edition, win.categorySlug)) return null;
  const lead = leadOf(win.artists);
  const ownWorks = shuffle(store.worksOf(lead.id), random).map((w) => w.title);
  const nomineeWorks = shuffle(store.categoryNominees(win.edition.id, win.categorySlug), random)
    .map((n) => n.workTitle)
    .filter((title): title is string => title !== null);
  function* wrong(): Generator<Candidate> {
    for (const title of [...ownWorks, ...nomineeWorks]) {
      if (sameTitle(title, win.workTitle)) continue;
      yield { text: title, subject: { workTitle: title } };
    }
  }
  return assemble(
    {
      key: `winning-song:${win.id}`,
      kind: 'winning-song',
      wording: { ...nominationWording(win), lead: lead.name },
      sources: win.sources,
      check: { editionId: win.edition.id, categorySlug: win.categorySlug, categoryName: win.categoryName, artistIds: [lead.id] },
    },
    { text: win.workTitle, subject: { workTitle: win.workTitle } },
    wrong(),
    random,
  );
}

export function winEditionQuestion(store: TriviaFacts, win: NominationFact, random: () => number): TriviaQuestion | null {
  const lead = leadOf(win.artists);
  const editionsWon = new Set(store.editionsWonBy(lead.id, win.categoryName, null));
  const reads = readsOf(store);
  // An episode's neighbours on the same show that year; an award show's other editions with a
  // winner in a category of the name, its own ceremony's first (the likelier answers).
  const candidates = win.edition.episode
    ? [...new Set(store.ceremonyWinsInYear(win.edition.ceremonySlug, win.edition.year).map((w) => w.editionId))].map((editionId) => ({ editionId, categorySlug: win.categorySlug }))
    : store.editionsWithWinIn(win.categoryName);
  const sameCeremony = (editionId: number) => Number(reads.edition(editionId)?.ceremonySlug === win.edition.ceremonySlug);
  const ordered = shuffle(candidates, random).sort((a, b) => sameCeremony(b.editionId) - sameCeremony(a.editionId));
  function* wrong(): Generator<Candidate> {
    for (const { editionId, categorySlug } of ordered) {
      const edition = reads.edition(editionId);
      if (!edition || editionId === win.edition.id || editionsWon.has(editionId)) continue;
      if (!provedNotWinners(reads, edition, categorySlug, [lead.id])) continue;
      yield { text: editionName(edition), subject: { editionId, categorySlug } };
    }
  }
  return assemble(
    {
      key: `win-edition:${win.id}`,
      kind: 'win-edition',
      wording: { ...nominationWording(win), lead: lead.name },
      sources: win.sources,
      check: { categoryName: win.categoryName, artistIds: [lead.id], workTitle: win.workTitle },
    },
    { text: editionName(win.edition), subject: { editionId: win.edition.id, categorySlug: win.categorySlug } },
    wrong(),
    random,
  );
}

/** Only for categories whose full nominee list a source gives: otherwise a "wrong" act might not be. */
export function nominatedAmongQuestion(
  store: TriviaFacts,
  nominee: NominationFact,
  random: () => number,
): TriviaQuestion | null {
  if (!store.hasCompleteNomineeList(nominee.edition.id, nominee.categorySlug)) return null;
  const nominees = store.categoryNominees(nominee.edition.id, nominee.categorySlug);
  const nominated = new Set(nominees.flatMap((n) => n.artists.map((a) => a.id)));
  const wrong = sameKindArtists(store, kindOf(store, nominee.artists), nominated, random);
  return assemble(
    {
      key: `nominated-among:${nominee.id}`,
      kind: 'nominated-among',
      wording: { ...nominationWording(nominee), nomineeCount: nominees.length },
      sources: nominee.sources,
      check: { editionId: nominee.edition.id, categorySlug: nominee.categorySlug },
    },
    { text: creditLine(nominee.artists), subject: { artistIds: nominee.artists.map((a) => a.id) } },
    wrong,
    random,
  );
}

/** "True or false": half the time about the milestone's own artist, half about another act. */
export function milestoneTrueFalseQuestion(
  store: TriviaFacts,
  milestone: MilestoneFact,
  random: () => number,
  shownTrue = random() < 0.5,
): TriviaQuestion | null {
  // A claim that may be as true of other acts cannot be called false of one of them.
  if (!quizzableMilestone(milestone)) return null;
  const own = milestone.artists[0]!;
  const holders = new Set(milestone.artists.map((a) => a.id));
  let shown: { id: number; name: string } = own;
  if (!shownTrue) {
    const exclude = new Set([...holders, ...coCredited(store, milestone)]);
    const other = sameKindArtists(store, store.artistById(own.id)?.kind ?? 'soloist', exclude, random)[0];
    if (!other) return null;
    shown = { id: other.subject.artistIds![0]!, name: other.text };
  }
  const truth = holders.has(shown.id);
  const subjects = [{ truth: true }, { truth: false }];
  return {
    key: `milestone-true-false:${milestone.id}:${shown.id}`,
    kind: 'milestone-true-false',
    wording: { ...milestoneWording(milestone), shown: shown.name },
    options: ['', ''],
    subjects,
    correct: truth ? 0 : 1,
    sources: milestone.sources,
    check: { milestoneId: milestone.id, artistIds: [shown.id] },
  };
}

export function milestoneWhoQuestion(store: TriviaFacts, milestone: MilestoneFact, random: () => number): TriviaQuestion | null {
  if (!quizzableMilestone(milestone) || milestone.artists.length !== 1) return null;
  // A statement that names its subject's own song gives the answer away.
  if (milestone.statement.startsWith('"')) return null;
  // A first music-show win is asked by its song ("whose first win was it"), with better options.
  if (firstWinKey.test(milestone.key)) return null;
  const own = milestone.artists[0]!;
  const exclude = new Set([own.id, ...coCredited(store, milestone)]);
  const wrong = sameKindArtists(store, store.artistById(own.id)?.kind ?? 'soloist', exclude, random);
  return assemble(
    {
      key: `milestone-who:${milestone.id}`,
      kind: 'milestone-who',
      wording: milestoneWording(milestone),
      sources: milestone.sources,
      check: { milestoneId: milestone.id },
    },
    { text: own.name, subject: { artistIds: [own.id] } },
    wrong,
    random,
  );
}

/** "Which song won Inkigayo on 2019-06-09?": asked only where the episode's one winner is recorded. */
export function episodeSongQuestion(store: TriviaFacts, win: NominationFact, random: () => number): TriviaQuestion | null {
  if (!win.edition.episode || !win.edition.heldOn || !win.workTitle) return null;
  if (!knownWinners(readsOf(store), win.edition, win.categorySlug)) return null;
  // Songs that won the same show that year: what a fan might mix it up with.
  const thatYear = shuffle(store.ceremonyWinsInYear(win.edition.ceremonySlug, win.edition.year), random).map((w) => w.workTitle);
  function* wrong(): Generator<Candidate> {
    for (const title of thatYear) {
      if (sameTitle(title, win.workTitle)) continue;
      yield { text: title, subject: { workTitle: title } };
    }
  }
  return assemble(
    {
      key: `episode-song:${win.edition.id}`,
      kind: 'episode-song',
      wording: nominationWording(win),
      sources: win.sources,
      check: { editionId: win.edition.id, categorySlug: win.categorySlug, categoryName: win.categoryName },
    },
    { text: win.workTitle, subject: { workTitle: win.workTitle } },
    wrong(),
    random,
  );
}

/** "Whose first music-show win was this song?": the other options are acts whose recorded first win was another song. */
export function firstWinWhoQuestion(store: TriviaFacts, milestone: MilestoneFact, random: () => number): TriviaQuestion | null {
  if (!firstWinKey.test(milestone.key) || milestone.doubtful || milestone.artists.length !== 1 || !milestone.workTitle) return null;
  const own = milestone.artists[0]!;
  const kind = store.artistById(own.id)?.kind;
  const others = shuffle(
    readsOf(store).firstWins().filter((f) => f.artistId !== own.id && !sameTitle(f.workTitle, milestone.workTitle)),
    random,
  );
  function* wrong(): Generator<Candidate> {
    // Acts of the same kind first: a group's first win among groups'.
    for (const sameKind of [true, false]) {
      for (const other of others) {
        const artist = store.artistById(other.artistId);
        if (!artist || (artist.kind === kind) !== sameKind) continue;
        yield { text: artist.name, subject: { artistIds: [artist.id] } };
      }
    }
  }
  return assemble(
    {
      key: `first-win-who:${milestone.id}`,
      kind: 'first-win-who',
      wording: { ...milestoneWording(milestone), work: milestone.workTitle },
      sources: milestone.sources,
      check: { milestoneId: milestone.id, workTitle: milestone.workTitle },
    },
    { text: own.name, subject: { artistIds: [own.id] } },
    wrong(),
    random,
  );
}

/** "Which act won a daesang at the 2019 MAMA?": the other options provably won none there. */
export function grandPrizeWinnerQuestion(store: TriviaFacts, win: NominationFact, random: () => number): TriviaQuestion | null {
  if (!win.grandPrize || win.edition.episode || win.result !== 'won') return null;
  const lead = leadOf(win.artists);
  const prizeWinners = new Set(
    store
      .grandPrizeCategories(win.edition.ceremonySlug)
      .flatMap((prize) => store.categoryNominees(win.edition.id, prize.slug).filter((n) => n.result === 'won'))
      .flatMap((n) => n.artists.map((a) => a.id)),
  );
  const kind = kindOf(store, win.artists);
  const editionDay = win.edition.heldOn ?? `${win.edition.year}-12-31`;
  const debuts = store.milestoneSummaries('debut').filter((m) => m.artistIds.length === 1 && !isSoloDebut(m.statement));
  // Acts whose recorded debut came after the show; where every grand prize's one winner is
  // recorded, also the edition's other nominees. `provedNoGrandPrize` checks each again.
  const debutedLater = shuffle(
    debuts.filter((m) => m.occurredOn !== null && m.occurredOn.length === 10 && m.occurredOn > editionDay).map((m) => m.artistIds[0]!),
    random,
  );
  const everyPrizeKnown = store
    .grandPrizeCategories(win.edition.ceremonySlug)
    .every((prize) => knownWinners(readsOf(store), win.edition, prize.slug) !== null);
  const nominees = everyPrizeKnown ? shuffle(store.nominationsAt(win.edition.id).flatMap((n) => n.artists.map((a) => a.id)), random) : [];
  function* wrong(): Generator<Candidate> {
    const seen = new Set<number>();
    for (const sameKind of [true, false]) {
      for (const id of [...nominees, ...debutedLater]) {
        if (seen.has(id) || prizeWinners.has(id)) continue;
        const artist = store.artistById(id);
        if (!artist || !artist.isKpop || (artist.kind === kind) !== sameKind) continue;
        seen.add(id);
        yield { text: artist.name, subject: { artistIds: [id] } };
      }
    }
  }
  return assemble(
    {
      key: `grand-prize-winner:${win.edition.id}:${lead.id}`,
      kind: 'grand-prize-winner',
      wording: { ...nominationWording(win), lead: lead.name },
      sources: win.sources,
      check: { editionId: win.edition.id },
    },
    { text: lead.name, subject: { artistIds: [lead.id] } },
    wrong(),
    random,
  );
}

/** "In which year did TWICE debut?": the other years are wrong by the act's one recorded debut. */
export function debutYearQuestion(store: TriviaFacts, milestone: MilestoneFact, random: () => number): TriviaQuestion | null {
  if (milestone.kind !== 'debut' || milestone.doubtful || milestone.artists.length !== 1 || !milestone.occurredOn) return null;
  const own = milestone.artists[0]!;
  const solo = isSoloDebut(milestone.statement);
  // Two recorded debuts of one sort (a Japanese debut, say) would make "the" year unclear.
  if (debutsOf(readsOf(store), own.id, solo).length !== 1) return null;
  const year = Number(milestone.occurredOn.slice(0, 4));
  const nearby = shuffle([-3, -2, -1, 1, 2, 3], random).map((offset) => year + offset);
  return assemble(
    {
      key: `debut-year:${milestone.id}`,
      kind: 'debut-year',
      wording: { ...milestoneWording(milestone), lead: own.name, solo },
      sources: milestone.sources,
      check: { milestoneId: milestone.id, artistIds: [own.id] },
    },
    { text: String(year), subject: { year } },
    nearby.map((y) => ({ text: String(y), subject: { year: y } })),
    random,
  );
}

function milestoneWording(milestone: MilestoneFact): QuestionWording {
  return {
    holders: milestone.artists.map((a) => a.name),
    statement: milestone.statement,
    occurredOn: milestone.occurredOn,
    attribution: milestone.attribution,
    asOf: milestone.asOf,
  };
}

/**
 * Which options are right according to the store, worked out afresh from the store (not from how
 * the question was built). A question may be asked only when exactly one is.
 */
export function rightOptions(store: TriviaFacts, question: TriviaQuestion): number[] {
  const { check } = question;
  // Read once for all the options, when the kind needs them.
  let wins: ReturnType<TriviaFacts['categoryWins']> | undefined;
  const categoryWins = () => (wins ??= store.categoryWins(check.editionId!, check.categoryName!));
  let editionsWon: Set<number> | undefined;
  const editionsWonByLead = () => (editionsWon ??= new Set(store.editionsWonBy(check.artistIds![0]!, check.categoryName!, check.workTitle ?? null)));
  const holdersOf = () => new Set(store.milestoneById(check.milestoneId!)?.artists.map((a) => a.id) ?? []);
  const isRight = (subject: OptionSubject): boolean => {
    switch (question.kind) {
      case 'category-winner':
        return (subject.artistIds ?? []).some((id) => categoryWins().some((win) => win.artistIds.includes(id)));
      case 'winning-song':
        return wonWith(categoryWins(), check.artistIds![0]!, subject.workTitle ?? '');
      case 'win-edition':
        return editionsWonByLead().has(subject.editionId!);
      case 'nominated-among': {
        const nominated = new Set(
          store.categoryNominees(check.editionId!, check.categorySlug!).flatMap((n) => n.artists.map((a) => a.id)),
        );
        return (subject.artistIds ?? []).some((id) => nominated.has(id));
      }
      case 'milestone-true-false':
        return subject.truth === holdersOf().has(check.artistIds![0]!);
      case 'milestone-who':
      case 'first-win-who': {
        const holders = holdersOf();
        return (subject.artistIds ?? []).some((id) => holders.has(id));
      }
      case 'episode-song':
        return categoryWins().some((win) => sameTitle(win.workTitle, subject.workTitle ?? null));
      case 'grand-prize-winner': {
        const edition = store.editions().find((e) => e.id === check.editionId);
        if (!edition) return false;
        return store
          .grandPrizeCategories(edition.ceremonySlug)
          .some((prize) => creditsAny(store.categoryNominees(edition.id, prize.slug).filter((n) => n.result === 'won'), subject.artistIds ?? []));
      }
      case 'debut-year': {
        const debut = store.milestoneById(check.milestoneId!);
        return debut?.occurredOn !== undefined && debut?.occurredOn !== null && Number(debut.occurredOn.slice(0, 4)) === subject.year;
      }
    }
  };
  return question.subjects.flatMap((subject, index) => (isRight(subject) ? [index] : []));
}

/**
 * Whether the store proves an option wrong, worked out afresh: a recorded winner who is someone
 * else, a complete nominee list without it, another recorded first win or debut. Silence proves
 * nothing.
 */
export function provedWrong(store: TriviaFacts, question: TriviaQuestion, index: number, reads: Reads = readsOf(store)): boolean {
  const { check } = question;
  const subject = question.subjects[index];
  if (!subject) return false;
  const edition = () => (check.editionId === undefined ? undefined : reads.edition(check.editionId));
  switch (question.kind) {
    case 'category-winner': {
      const at = edition();
      return at !== undefined && provedNotWinners(reads, at, check.categorySlug!, subject.artistIds ?? []);
    }
    case 'winning-song':
    case 'episode-song': {
      const at = edition();
      const winners = at && knownWinners(reads, at, check.categorySlug!);
      return !!winners && !winners.some((w) => sameTitle(w.workTitle, subject.workTitle ?? null));
    }
    case 'win-edition': {
      const at = subject.editionId === undefined ? undefined : reads.edition(subject.editionId);
      return at !== undefined && subject.categorySlug !== undefined && provedNotWinners(reads, at, subject.categorySlug, check.artistIds ?? []);
    }
    case 'nominated-among':
      return (
        store.hasCompleteNomineeList(check.editionId!, check.categorySlug!) &&
        !creditsAny(store.categoryNominees(check.editionId!, check.categorySlug!), subject.artistIds ?? [])
      );
    case 'milestone-true-false': {
      const milestone = store.milestoneById(check.milestoneId!);
      if (!milestone) return false;
      const shown = check.artistIds![0]!;
      // "False" is wrong when the act holds it; "True" when the store proves it does not.
      return subject.truth ? provedNotHolder(store, milestone, shown) : milestone.artists.some((a) => a.id === shown);
    }
    case 'milestone-who': {
      const milestone = store.milestoneById(check.milestoneId!);
      return !!milestone && (subject.artistIds ?? []).length > 0 && subject.artistIds!.every((id) => provedNotHolder(store, milestone, id));
    }
    case 'first-win-who': {
      const ids = subject.artistIds ?? [];
      const wins = reads.firstWins();
      // Their own first win is recorded, with another song.
      return ids.length > 0 && ids.every((id) => wins.some((w) => w.artistId === id && !sameTitle(w.workTitle, check.workTitle ?? null)));
    }
    case 'grand-prize-winner': {
      const at = edition();
      return at !== undefined && provedNoGrandPrize(reads, at, subject.artistIds ?? []);
    }
    case 'debut-year': {
      const debut = store.milestoneById(check.milestoneId!);
      if (!debut?.occurredOn || subject.year === undefined) return false;
      return debutsOf(reads, check.artistIds![0]!, isSoloDebut(debut.statement)).length === 1 && Number(debut.occurredOn.slice(0, 4)) !== subject.year;
    }
  }
}

/** Whether one of these wins (a category's at an edition) credits the artist, with this work when one is given. */
function wonWith(wins: ReturnType<TriviaFacts['categoryWins']>, artistId: number, workTitle: string | null): boolean {
  return wins.some((win) => win.artistIds.includes(artistId) && (workTitle === null || win.workTitle === workTitle));
}

/** True when exactly one option is right, it is the one the question says, and the store proves every other wrong. */
export function hasSingleRightAnswer(store: TriviaFacts, question: TriviaQuestion): boolean {
  const right = rightOptions(store, question);
  if (right.length !== 1 || right[0] !== question.correct) return false;
  const reads = readsOf(store);
  return question.subjects.every((_subject, index) => index === question.correct || provedWrong(store, question, index, reads));
}

const winKinds = [categoryWinnerQuestion, winningSongQuestion, winEditionQuestion, nominatedAmongQuestion, episodeSongQuestion, grandPrizeWinnerQuestion] as const;
const milestoneKinds = [milestoneTrueFalseQuestion, milestoneWhoQuestion, firstWinWhoQuestion, debutYearQuestion] as const;

export interface QuestionScope {
  /** Ask only about these artists (an artist and its members); null for everyone. */
  artistIds: readonly number[] | null;
}

/** Facts the questions may be about: random picks from the whole store, or the scope's own facts. */
function pickFact(store: TriviaFacts, scope: QuestionScope, random: () => number): { win?: NominationFact; milestone?: MilestoneFact } {
  const wantMilestone = random() < 0.35;
  if (scope.artistIds) {
    if (wantMilestone) {
      const milestones = scope.artistIds.flatMap((id) => store.milestonesOf(id)).filter((m) => !m.doubtful);
      if (milestones.length > 0) return { milestone: milestones[Math.floor(random() * milestones.length)]! };
    }
    const wins = scope.artistIds.flatMap((id) => store.nominationsOf(id, { result: 'won' }));
    return wins.length > 0 ? { win: wins[Math.floor(random() * wins.length)]! } : {};
  }
  if (wantMilestone) {
    const id = store.milestoneIdNear(random());
    const milestone = id === undefined ? undefined : store.milestoneById(id);
    if (milestone) return { milestone };
  }
  const id = store.winIdNear(random());
  const win = id === undefined ? undefined : store.nominationById(id);
  return win ? { win } : {};
}

/**
 * One question not yet asked (its key is not in `asked`), checked to have exactly one right
 * answer; null when the store has nothing more to ask within the scope.
 */
export function nextQuestion(
  store: TriviaFacts,
  scope: QuestionScope,
  asked: ReadonlySet<string>,
  random: () => number,
  attempts = 60,
): TriviaQuestion | null {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const fact = pickFact(store, scope, random);
    const makers = fact.win ? winKinds : fact.milestone ? milestoneKinds : [];
    for (const make of shuffle([...makers], random)) {
      const question = fact.win
        ? (make as (typeof winKinds)[number])(store, fact.win, random)
        : (make as (typeof milestoneKinds)[number])(store, fact.milestone!, random);
      if (question && !asked.has(question.key) && hasSingleRightAnswer(store, question)) return question;
    }
  }
  return null;
}

/**
 * Every question the store allows, one per fact and kind (both ways for true-or-false), with
 * distractors drawn from `random`: what the tests check for a single right answer.
 */
export function everyQuestion(store: TriviaFacts, random: () => number): TriviaQuestion[] {
  const questions: TriviaQuestion[] = [];
  for (const edition of store.editions()) {
    for (const nomination of store.nominationsAt(edition.id)) {
      const makers = nomination.result === 'won' ? winKinds : [nominatedAmongQuestion];
      for (const make of makers) {
        const question = make(store, nomination, random);
        if (question) questions.push(question);
      }
    }
  }
  for (const id of store.milestoneIds()) {
    const milestone = store.milestoneById(id)!;
    for (const shownTrue of [true, false]) {
      const question = milestoneTrueFalseQuestion(store, milestone, random, shownTrue);
      if (question) questions.push(question);
    }
    for (const make of [milestoneWhoQuestion, firstWinWhoQuestion, debutYearQuestion]) {
      const question = make(store, milestone, random);
      if (question) questions.push(question);
    }
  }
  return questions;
}
