// The awards domain as core sees it: artists, ceremonies, editions, nominations, milestones and
// their sources, and the store port core reads them through. The store implements this port.

export interface ArtistRef {
  id: number;
  slug: string;
  name: string;
  isKpop: boolean;
  /** The credit on the nominated work, when the nomination is for a work. */
  role: 'primary' | 'featured' | null;
  /** The artist's name in Hangul, when the store has one: Korean replies show it beside the Latin one. */
  hangulName: string | null;
}

export interface Artist {
  id: number;
  slug: string;
  name: string;
  kind: 'group' | 'soloist';
  isKpop: boolean;
  hangulName: string | null;
}

export interface ArtistAlias {
  alias: string;
  kind: string;
}

export interface AliasEntry {
  artistId: number;
  artistName: string;
  alias: string;
  normalized: string;
}

export interface SourceRef {
  /** The article's file name, or a web page's URL. */
  identifier: string;
  /** Null for a living page (a wiki article): `readOn` dates it instead. */
  publishedOn: string | null;
  /** The headline in our words, or a web page's title. */
  headline: string;
  /** The outlet or web publisher, when known. */
  outlet: string | null;
  /** A web page's address: replies show the source as a link. Null for the seed articles. */
  url: string | null;
  /** When the web page was read (YYYY-MM-DD). */
  readOn: string | null;
}

export type CeremonyKind = 'award_show' | 'music_show';

/** Where a fact came from: the seed files, an import, or an approved suggestion. */
export type FactOrigin = 'seed' | 'import' | 'suggestion';

export interface EditionRef {
  id: number;
  ceremonySlug: string;
  ceremonyName: string;
  ceremonyShortName: string;
  ceremonyKind: CeremonyKind;
  year: number;
  /** True for one episode of a music show; its `heldOn` is then the air date. */
  episode: boolean;
  /** 'YYYY' for an annual show's edition, the air date for an episode. */
  editionKey: string;
  heldOn: string | null;
  venue: string | null;
  city: string | null;
  timeZone: string | null;
  notes: string | null;
}

export interface NominationFact {
  id: number;
  result: 'won' | 'nominated';
  edition: EditionRef;
  categoryName: string;
  categorySlug: string;
  /** The category is the ceremony's grand prize (a daesang). */
  grandPrize: boolean;
  workTitle: string | null;
  workReleasedOn: string | null;
  /** What a source says of the work that is not a credit (e.g. a cameo named as a featuring). */
  workNote: string | null;
  /**
   * The day the award was given (YYYY-MM-DD) at a ceremony held over several days, when the
   * sources say; null when the edition's `heldOn` dates it.
   */
  awardedOn: string | null;
  artists: ArtistRef[];
  sources: SourceRef[];
  origin: FactOrigin;
}

export interface MilestoneFact {
  id: number;
  key: string;
  kind: 'first' | 'record' | 'performance' | 'chart' | 'debut';
  statement: string;
  occurredOn: string | null;
  note: string | null;
  doubtful: boolean;
  /** Whom the source credits the claim to ("Koreaboo"): to be shown wherever the claim is. */
  attribution: string | null;
  /** The day (YYYY-MM-DD) the claim was true as of ("the only Asian artist", "currently"). */
  asOf: string | null;
  /** False when the statement may be as true of acts it does not name: not for "whose is it" trivia. */
  exclusive: boolean;
  edition: EditionRef | null;
  workTitle: string | null;
  artists: ArtistRef[];
  sources: SourceRef[];
  origin: FactOrigin;
}

/** A nominee as trivia needs it: no edition or sources, which every nominee of a category shares or does not need. */
export interface CategoryNominee {
  id: number;
  result: NominationFact['result'];
  workTitle: string | null;
  artists: ArtistRef[];
}

/** A fact remembered on its anniversary: a win, or a milestone with a date. */
export type AnniversaryFact = { kind: 'win'; nomination: NominationFact } | { kind: 'milestone'; milestone: MilestoneFact };

export interface Ceremony {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  kind: CeremonyKind;
}

export interface CeremonyEditionResults {
  edition: EditionRef;
  nominations: NominationFact[];
  /** Category slugs whose full nominee list a source gives. */
  completeCategories: Set<string>;
}

export interface AwardsFilter {
  ceremonyId?: number | null;
  year?: number | null;
  result?: 'won' | 'nominated' | null;
}

// The store's reads, split by who reads them: each caller's dependency is only its part, so that a
// change to what trivia needs touches neither commands nor the ticker. The store built in
// db/queries/awards-store.ts implements them all (`AwardsStore`).

/** Finding an artist by a typed name. */
export interface ArtistNames {
  artistById(id: number): Artist | undefined;
  /** K-pop acts first, then by name: what a fan sees before typing. */
  listArtists(limit: number): Artist[];
  artistsByNormalizedAlias(normalized: string): Artist[];
  /** Aliases whose folded form starts with `prefix` (LIKE-escaped), best first. */
  aliasesStartingWith(prefix: string, limit: number): AliasEntry[];
  /** Aliases whose folded form contains `fragment` anywhere. */
  aliasesContaining(fragment: string, limit: number): AliasEntry[];
  /** Every alias: the candidates for typo suggestions. Kept under the facts revision. */
  allAliases(): AliasEntry[];
}

/** A group's members: what a followed group brings. */
export interface ArtistMembers {
  membersOf(groupId: number): Artist[];
}

/** An artist's own facts: a profile, awards, firsts, notable facts. */
export interface ArtistFacts extends ArtistMembers {
  aliasesOf(artistId: number): ArtistAlias[];
  groupsOf(memberId: number): Artist[];
  milestonesOf(artistId: number): MilestoneFact[];
  /** Each artist's milestones, by artist id (every id given has an entry): one read for a group and its members. */
  milestonesOfEach(artistIds: readonly number[]): Map<number, MilestoneFact[]>;
  nominationsOf(artistId: number, filter?: AwardsFilter): NominationFact[];
}

/** Finding a ceremony by a typed name. */
export interface CeremonyNames {
  ceremonies(): Ceremony[];
  ceremoniesByNormalizedAlias(normalized: string): Ceremony[];
  ceremoniesStartingWith(prefix: string, limit: number): (Ceremony & { alias: string })[];
}

/** A ceremony's editions and their results. */
export interface CeremonyFacts extends CeremonyNames {
  /** The years with an edition (for a music show: with at least one episode). */
  editionYears(ceremonyId: number): number[];
  /** An annual show's edition of a year; undefined for a music show (see `episodeResults`). */
  editionResults(ceremonyId: number, year: number): CeremonyEditionResults | undefined;
  /** A music show's episodes in a year, by air date. */
  episodesInYear(ceremonyId: number, year: number): EditionRef[];
  /** One episode of a music show, by its air date (YYYY-MM-DD). */
  episodeResults(ceremonyId: number, airDate: string): CeremonyEditionResults | undefined;
}

/** A day's anniversaries. */
export interface AnniversaryReads {
  /** How many wins and milestones fell on these month-days (MM-DD) in years before `beforeYear`. */
  countAnniversaries(monthDays: string[], beforeYear: number): number;
  /**
   * One page of those wins and milestones, oldest first; on one date, wins (by ceremony and
   * category) before milestones.
   */
  anniversariesPage(monthDays: string[], beforeYear: number, offset: number, limit: number): AnniversaryFact[];
}

/** One fact by its row id. */
export interface FactsById {
  nominationById(id: number): NominationFact | undefined;
  milestoneById(id: number): MilestoneFact | undefined;
}

export interface FactsRevisionReader {
  /** A number that moves whenever any fact changes, whoever changed it: answers kept under it are current. */
  revision(): number;
}

/** What contributions (suggestions, imports) are checked against: names, and the facts already held. */
export interface ContributionFacts extends ArtistNames, CeremonyNames, FactsById {}

/** What commands read. */
export interface CommandFacts extends ArtistNames, ArtistFacts, CeremonyFacts, AnniversaryReads, ContributionFacts, FactsRevisionReader {}

/** What the anniversary ticker reads: a day's anniversaries, and the followed artists with their members. */
export interface TickerFacts extends AnniversaryReads, Pick<ArtistNames, 'artistById'>, ArtistMembers, FactsRevisionReader {}

/** What trivia reads to ask a question and prove its wrong options wrong. */
export interface TriviaFacts extends Pick<ArtistNames, 'artistById'>, ArtistMembers, Pick<ArtistFacts, 'milestonesOf' | 'nominationsOf'>, FactsById, FactsRevisionReader {
  /** The first win at or after a fraction (0..1) of the id range: a random pick in one index seek. */
  winIdNear(fraction: number): number | undefined;
  /** The same for milestones that are not flagged doubtful. */
  milestoneIdNear(fraction: number): number | undefined;
  /** A category's nominees at an edition with their credits: what trivia options are made of. */
  categoryNominees(editionId: number, categorySlug: string): CategoryNominee[];
  /** Every nomination of one edition. */
  nominationsAt(editionId: number): NominationFact[];
  /** Ids of every milestone not flagged doubtful. */
  milestoneIds(): number[];
  hasCompleteNomineeList(editionId: number, categorySlug: string): boolean;
  editions(): EditionRef[];
  worksOf(artistId: number): { id: number; title: string }[];
  /** Artists of a kind, K-pop acts first, from a random starting point, leaving some out. */
  artistsOfKind(kind: Artist['kind'], fraction: number, limit: number): Artist[];
  /** The wins in categories of this name at this edition: each with its credited artists and its work. */
  categoryWins(editionId: number, categoryName: string): { artistIds: number[]; workTitle: string | null }[];
  /** The editions at which the artist won a category of this name (with this work, when one is given). */
  editionsWonBy(artistId: number, categoryName: string, workTitle: string | null): number[];
  // What trivia needs to prove a wrong option wrong (see src/core/trivia-questions.ts).
  /** The most winners a category of this ceremony has recorded at any one edition. */
  mostWinnersAtOneEdition(ceremonySlug: string, categorySlug: string): number;
  /** The editions with a recorded win in a category of this name, with that category's slug. */
  editionsWithWinIn(categoryName: string): { editionId: number; categorySlug: string }[];
  /** The works that won at editions of this ceremony in a year, with their edition. */
  ceremonyWinsInYear(ceremonySlug: string, year: number): { editionId: number; workTitle: string }[];
  /** The ceremony's grand-prize (daesang) categories. */
  grandPrizeCategories(ceremonySlug: string): { slug: string; name: string }[];
  /** Every live milestone of this kind (not doubtful), with its artists and work, in one read. */
  milestoneSummaries(kind: MilestoneFact['kind']): { id: number; key: string; statement: string; occurredOn: string | null; workTitle: string | null; artistIds: number[] }[];
}

/** Whoever writes facts outside the one writer's transaction tells the store's keepers. */
export interface FactsChanged {
  /** Forgets cached look-ups after the facts change. */
  invalidate(): void;
}

/** The whole store, built in one place; every caller takes only its part. */
export interface AwardsStore extends CommandFacts, TickerFacts, TriviaFacts, ContributionFacts, FactsChanged {}
