// Trivia questions generated from the awards store, never written by hand. Every question is
// checked against the store before it is asked: exactly one of its options may be right.
import type { Artist, AwardsStore, EditionRef, MilestoneFact, NominationFact, SourceRef } from './awards-facts.js';

export type QuestionKind =
  | 'category-winner'
  | 'winning-song'
  | 'win-edition'
  | 'nominated-among'
  | 'milestone-true-false'
  | 'milestone-who';

/** What an option stands for, so that its truth can be checked against the store. */
export interface OptionSubject {
  artistIds?: number[];
  workTitle?: string;
  editionId?: number;
  truth?: boolean;
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
function sameKindArtists(store: AwardsStore, kind: Artist['kind'], exclude: Set<number>, random: () => number): Candidate[] {
  return shuffle(
    store.artistsOfKind(kind, random(), 24).filter((a) => !exclude.has(a.id)),
    random,
  )
    .sort((a, b) => Number(b.isKpop) - Number(a.isKpop))
    .map((a) => ({ text: a.name, subject: { artistIds: [a.id] } }));
}

function kindOf(store: AwardsStore, artists: NominationFact['artists']): Artist['kind'] {
  const lead = artists.find((a) => a.role !== 'featured') ?? artists[0];
  return (lead && store.artistById(lead.id)?.kind) ?? 'soloist';
}

export function categoryWinnerQuestion(store: AwardsStore, win: NominationFact, random: () => number): TriviaQuestion | null {
  const nominees = store.categoryNominees(win.edition.id, win.categorySlug);
  if (nominees.filter((n) => n.result === 'won').length !== 1) return null;
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
      check: { editionId: win.edition.id, categoryName: win.categoryName },
    },
    { text: creditLine(win.artists), subject: { artistIds: [...winnerIds] } },
    wrong,
    random,
  );
}

export function winningSongQuestion(store: AwardsStore, win: NominationFact, random: () => number): TriviaQuestion | null {
  if (!win.workTitle) return null;
  const lead = win.artists.find((a) => a.role !== 'featured') ?? win.artists[0]!;
  const ownWorks = shuffle(store.worksOf(lead.id), random).map((w) => w.title);
  const nomineeWorks = shuffle(store.categoryNominees(win.edition.id, win.categorySlug), random)
    .map((n) => n.workTitle)
    .filter((title): title is string => title !== null);
  const wins = store.categoryWins(win.edition.id, win.categoryName);
  function* wrong(): Generator<Candidate> {
    for (const title of [...ownWorks, ...nomineeWorks]) {
      if (title === win.workTitle || wonWith(wins, lead.id, title)) continue;
      yield { text: title, subject: { workTitle: title } };
    }
  }
  return assemble(
    {
      key: `winning-song:${win.id}`,
      kind: 'winning-song',
      wording: { ...nominationWording(win), lead: lead.name },
      sources: win.sources,
      check: { editionId: win.edition.id, categoryName: win.categoryName, artistIds: [lead.id] },
    },
    { text: win.workTitle, subject: { workTitle: win.workTitle } },
    wrong(),
    random,
  );
}

export function winEditionQuestion(store: AwardsStore, win: NominationFact, random: () => number): TriviaQuestion | null {
  const lead = win.artists.find((a) => a.role !== 'featured') ?? win.artists[0]!;
  const editionsWon = new Set(store.editionsWonBy(lead.id, win.categoryName, win.workTitle));
  function* wrong(): Generator<Candidate> {
    for (const edition of shuffle(store.editions(), random)) {
      if (edition.id === win.edition.id || editionsWon.has(edition.id)) continue;
      yield { text: editionName(edition), subject: { editionId: edition.id } };
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
    { text: editionName(win.edition), subject: { editionId: win.edition.id } },
    wrong(),
    random,
  );
}

/** Only for categories whose full nominee list a source gives: otherwise a "wrong" act might not be. */
export function nominatedAmongQuestion(
  store: AwardsStore,
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
  store: AwardsStore,
  milestone: MilestoneFact,
  random: () => number,
  shownTrue = random() < 0.5,
): TriviaQuestion | null {
  // A claim that may be as true of other acts cannot be called false of one of them.
  if (milestone.doubtful || !milestone.exclusive) return null;
  const own = milestone.artists[0]!;
  const holders = new Set(milestone.artists.map((a) => a.id));
  let shown: { id: number; name: string } = own;
  if (!shownTrue) {
    const other = sameKindArtists(store, store.artistById(own.id)?.kind ?? 'soloist', holders, random)[0];
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

export function milestoneWhoQuestion(store: AwardsStore, milestone: MilestoneFact, random: () => number): TriviaQuestion | null {
  if (milestone.doubtful || !milestone.exclusive || milestone.artists.length !== 1) return null;
  // A statement that names its subject's own song gives the answer away.
  if (milestone.statement.startsWith('"')) return null;
  const own = milestone.artists[0]!;
  const wrong = sameKindArtists(store, store.artistById(own.id)?.kind ?? 'soloist', new Set([own.id]), random);
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
export function rightOptions(store: AwardsStore, question: TriviaQuestion): number[] {
  const { check } = question;
  // Read once for all the options, when the kind needs them.
  let wins: ReturnType<AwardsStore['categoryWins']> | undefined;
  const categoryWins = () => (wins ??= store.categoryWins(check.editionId!, check.categoryName!));
  let editionsWon: Set<number> | undefined;
  const editionsWonByLead = () => (editionsWon ??= new Set(store.editionsWonBy(check.artistIds![0]!, check.categoryName!, check.workTitle ?? null)));
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
      case 'milestone-true-false': {
        const holders = new Set(store.milestoneById(check.milestoneId!)?.artists.map((a) => a.id) ?? []);
        return subject.truth === holders.has(check.artistIds![0]!);
      }
      case 'milestone-who': {
        const holders = new Set(store.milestoneById(check.milestoneId!)?.artists.map((a) => a.id) ?? []);
        return (subject.artistIds ?? []).some((id) => holders.has(id));
      }
    }
  };
  return question.subjects.flatMap((subject, index) => (isRight(subject) ? [index] : []));
}

/** Whether one of these wins (a category's at an edition) credits the artist, with this work when one is given. */
function wonWith(wins: ReturnType<AwardsStore['categoryWins']>, artistId: number, workTitle: string | null): boolean {
  return wins.some((win) => win.artistIds.includes(artistId) && (workTitle === null || win.workTitle === workTitle));
}

/** True when exactly one option is right, and it is the one the question says. */
export function hasSingleRightAnswer(store: AwardsStore, question: TriviaQuestion): boolean {
  const right = rightOptions(store, question);
  return right.length === 1 && right[0] === question.correct;
}

const winKinds = [categoryWinnerQuestion, winningSongQuestion, winEditionQuestion, nominatedAmongQuestion] as const;
const milestoneKinds = [milestoneTrueFalseQuestion, milestoneWhoQuestion] as const;

export interface QuestionScope {
  /** Ask only about these artists (an artist and its members); null for everyone. */
  artistIds: readonly number[] | null;
}

/** Facts the questions may be about: random picks from the whole store, or the scope's own facts. */
function pickFact(store: AwardsStore, scope: QuestionScope, random: () => number): { win?: NominationFact; milestone?: MilestoneFact } {
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
  store: AwardsStore,
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
export function everyQuestion(store: AwardsStore, random: () => number): TriviaQuestion[] {
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
    const who = milestoneWhoQuestion(store, milestone, random);
    if (who) questions.push(who);
  }
  return questions;
}
