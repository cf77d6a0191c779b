// Read access to the awards store: every query the core needs, written with Drizzle's query
// builder and prepared once, so that a renamed column fails the type check. Rows come back as plain
// data; nothing here knows about Discord. A withdrawn fact is in no answer: every query over
// nominations and milestones keeps to `withdrawn_at is null`.
//
// A list of facts is read in three prepared statements, whatever its length: the facts with their
// edition, category and work, then the artists of all of them, then their sources, each batch by
// the facts' ids. (A JSON sub-select per fact cost most of the time of a long answer.)
import { and, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, max, min, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, unionAll, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type {
  AliasEntry, AnniversaryFact, Artist, ArtistAlias, ArtistRef, AwardsFilter, AwardsStore, CategoryNominee, Ceremony, CeremonyEditionResults, CeremonyKind, EditionRef, FactOrigin, MilestoneFact, NominationFact, SourceRef,
} from '../../src/core/awards-facts.js';
import type { LightstickDatabase } from '../database.js';
import { fastRows } from './fast-rows.js';
import {
  artistAliases, artists, categories, ceremonies, ceremonyAliases, completeNomineeLists, editions, factsRevision, memberships, milestoneArtists, milestones,
  milestoneSources, nominationArtists, nominations, nominationSources, sources, workCredits, works,
} from '../schema.js';

// The types are core's: the store implements the port core declares.
export type {
  AliasEntry, AnniversaryFact, Artist, ArtistAlias, ArtistRef, AwardsFilter, AwardsStore, Ceremony, CeremonyEditionResults, CeremonyKind, EditionRef, FactOrigin, MilestoneFact, NominationFact, SourceRef,
};

/** Escapes `%`, `_` and the escape character itself so that a user's text matches literally in LIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

// Where the builder cannot say it, a typed fragment; each is covered by test/db/awards-store.test.ts.

/** `column LIKE pattern ESCAPE '\'`: Drizzle's `like()` has no ESCAPE clause. */
export function likeEscaped(column: SQLiteColumn, pattern: SQLWrapper): SQL<boolean> {
  return sql<boolean>`${column} like ${pattern} escape '\\'`;
}

/** The ids in a JSON array (a bound string), as a subquery for `inArray`: one prepared statement for any number of ids. */
export function idsInJson(json: SQLWrapper): SQL<number> {
  return sql<number>`(select value from json_each(${json}))`;
}

/** The order a table's rows were inserted in. */
const insertionOrder = (table: typeof artistAliases) => sql`${table}.rowid`;

/** Where a fact came from, from its provenance columns. */
function originOf(row: { importId: number | null; suggestionId: number | null }): FactOrigin {
  if (row.importId !== null) return 'import';
  if (row.suggestionId !== null) return 'suggestion';
  return 'seed';
}

/** The placeholders of a day's anniversaries: one or two month-days, and the first year not counted. */
function monthDaysBinding(monthDays: string[], beforeYear: number) {
  const [monthDay, otherMonthDay = monthDay] = monthDays;
  if (monthDay === undefined || monthDays.length > 2) throw new RangeError(`one or two month-days, not ${monthDays.length}`);
  return { monthDay, otherMonthDay, yearStart: String(beforeYear).padStart(4, '0') };
}

/** Groups batch rows by the fact they belong to, keeping their order. */
function byFact<Row extends { factId: number }, Value>(rows: Row[], toValue: (row: Row) => Value): Map<number, Value[]> {
  const grouped = new Map<number, Value[]>();
  for (const row of rows) {
    const list = grouped.get(row.factId);
    if (list) list.push(toValue(row));
    else grouped.set(row.factId, [toValue(row)]);
  }
  return grouped;
}

/** The first id at or after a point `fraction` of the way through [low, high], wrapping around. */
function idNear(
  low: number | null | undefined,
  high: number | null | undefined,
  atOrAfter: (id: number) => number | undefined,
  fraction: number,
): number | undefined {
  if (low === null || low === undefined || high === null || high === undefined) return undefined;
  const start = low + Math.floor(Math.min(Math.max(fraction, 0), 0.999999) * (high - low + 1));
  return atOrAfter(start) ?? atOrAfter(low);
}

/** How many artists, and how many sources, are kept by id at most (see `factRefs`). */
const REFS_KEPT = 20_000;

export function createAwardsStore(db: LightstickDatabase): AwardsStore {
  const placeholder = (name: string) => sql.placeholder(name);

  // An artist's Hangul name: the first Hangul alias recorded, as a correlated scalar subquery.
  const hangulName = sql<string | null>`${db
    .select({ alias: artistAliases.alias })
    .from(artistAliases)
    .where(and(eq(artistAliases.artistId, artists.id), eq(artistAliases.kind, 'hangul')))
    .orderBy(insertionOrder(artistAliases))
    .limit(1)}`;

  const artistFields = {
    id: artists.id,
    slug: artists.slug,
    name: artists.name,
    kind: artists.kind,
    isKpop: artists.isKpop,
    hangulName,
  };
  const aliasEntryFields = {
    artistId: artistAliases.artistId,
    artistName: artists.name,
    alias: artistAliases.alias,
    normalized: artistAliases.normalized,
  };
  const ceremonyFields = {
    id: ceremonies.id,
    slug: ceremonies.slug,
    name: ceremonies.name,
    shortName: ceremonies.shortName,
    kind: ceremonies.kind,
  };
  const editionFields = {
    id: editions.id,
    ceremonySlug: ceremonies.slug,
    ceremonyName: ceremonies.name,
    ceremonyShortName: ceremonies.shortName,
    ceremonyKind: ceremonies.kind,
    year: editions.year,
    episode: editions.episode,
    editionKey: editions.editionKey,
    heldOn: editions.heldOn,
    venue: editions.venue,
    city: editions.city,
    timeZone: editions.timeZone,
    notes: editions.notes,
  };
  const nominationFields = {
    id: nominations.id,
    result: nominations.result,
    editionId: nominations.editionId,
    categoryName: categories.name,
    categorySlug: categories.slug,
    grandPrize: categories.grandPrize,
    workTitle: works.title,
    workReleasedOn: works.releasedOn,
    workNote: works.note,
    awardedOn: nominations.awardedOn,
    importId: nominations.importId,
    suggestionId: nominations.suggestionId,
  };
  const milestoneFields = {
    id: milestones.id,
    key: milestones.key,
    kind: milestones.kind,
    statement: milestones.statement,
    occurredOn: milestones.occurredOn,
    note: milestones.note,
    doubtful: milestones.doubtful,
    attribution: milestones.attribution,
    asOf: milestones.asOf,
    exclusive: milestones.exclusive,
    importId: milestones.importId,
    suggestionId: milestones.suggestionId,
    editionId: milestones.editionId,
    workTitle: works.title,
  };
  // A batch of facts' artists and sources, as ids (see `factRefs`).
  const nominationArtistFields = { factId: nominationArtists.nominationId, artistId: nominationArtists.artistId, role: workCredits.role };
  const nominationSourceFields = { factId: nominationSources.nominationId, sourceId: nominationSources.sourceId };
  const milestoneArtistFields = { factId: milestoneArtists.milestoneId, artistId: milestoneArtists.artistId, role: sql<null>`null` };
  const milestoneSourceFields = { factId: milestoneSources.milestoneId, sourceId: milestoneSources.sourceId };
  const sourceFields = {
    identifier: sources.identifier,
    publishedOn: sources.publishedOn,
    headline: sources.headline,
    outlet: sources.outlet,
    url: sources.url,
    readOn: sources.readOn,
  };

  // A nomination with its edition, ceremony, category and work; `where` and order vary by query.
  const selectNominations = () =>
    db
      .select(nominationFields)
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .leftJoin(works, eq(works.id, nominations.workId));
  const milestoneOfArtistFields = { ...milestoneFields, ofArtist: milestoneArtists.artistId };
  const selectMilestones = () =>
    db
      .select(milestoneFields)
      .from(milestones)
      .leftJoin(editions, eq(editions.id, milestones.editionId))
      .leftJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .leftJoin(works, eq(works.id, milestones.workId));
  const liveNomination = isNull(nominations.withdrawnAt);
  const liveMilestone = isNull(milestones.withdrawnAt);
  const ids = idsInJson(placeholder('ids'));

  // A day's anniversaries: on one or two month-days (February 29 is remembered on the 28th in a
  // common year; otherwise the same day is bound twice), in years before `yearStart` ("YYYY").
  const onMonthDays = (column: SQLiteColumn) => inArray(column, [placeholder('monthDay'), placeholder('otherMonthDay')]);
  // A win is dated by the day it was awarded when the sources give one (a ceremony held over
  // several days), else by its edition's day: two sets, each read through its own index.
  const winsOnEditionDays = and(
    onMonthDays(editions.heldOnMonthDay),
    isNull(nominations.awardedOn),
    eq(nominations.result, 'won'),
    liveNomination,
    lt(editions.heldOn, placeholder('yearStart')),
  );
  const winsOnAwardDays = and(
    onMonthDays(nominations.awardedOnMonthDay),
    isNotNull(nominations.awardedOn),
    eq(nominations.result, 'won'),
    liveNomination,
    lt(nominations.awardedOn, placeholder('yearStart')),
  );
  const milestonesOnMonthDays = and(onMonthDays(milestones.occurredOnMonthDay), liveMilestone, lt(milestones.occurredOn, placeholder('yearStart')));
  // Plain names, because a compound select can only be ordered by its result columns.
  const winKeys = (dated: SQL | undefined, date: SQLiteColumn) =>
    db
      .select({
        kind: sql<number>`0`.as('kind'),
        id: nominations.id,
        date: sql<string>`${date}`.as('date'),
        ceremonyName: sql<string>`${ceremonies.name}`.as('ceremony_name'),
        categoryName: sql<string>`${categories.name}`.as('category_name'),
      })
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .where(dated);
  const milestoneKeys = db
    .select({
      kind: sql<number>`1`.as('kind'),
      id: milestones.id,
      date: sql<string>`${milestones.occurredOn}`.as('date'),
      ceremonyName: sql<string>`''`.as('ceremony_name'),
      categoryName: sql<string>`''`.as('category_name'),
    })
    .from(milestones)
    .where(milestonesOnMonthDays);

  const categoryOfEdition = alias(categories, 'edition_category');
  const editionOfCategory = alias(editions, 'category_edition');

  const statements = {

    listArtists: db.select(artistFields).from(artists).orderBy(desc(artists.isKpop), artists.name).limit(placeholder('limit')).prepare(),
    aliasesStartingWith: db
      .select(aliasEntryFields)
      .from(artistAliases)
      .innerJoin(artists, eq(artists.id, artistAliases.artistId))
      .where(likeEscaped(artistAliases.normalized, placeholder('pattern')))
      .orderBy(
        desc(eq(artistAliases.normalized, placeholder('exact'))),
        desc(eq(artistAliases.kind, 'name')),
        sql`length(${artistAliases.normalized})`,
        artists.name,
      )
      .limit(placeholder('limit'))
      .prepare(),
    aliasesContaining: db
      .select(aliasEntryFields)
      .from(artistAliases)
      .innerJoin(artists, eq(artists.id, artistAliases.artistId))
      .where(likeEscaped(artistAliases.normalized, placeholder('pattern')))
      .orderBy(desc(eq(artistAliases.kind, 'name')), sql`length(${artistAliases.normalized})`, artists.name)
      .limit(placeholder('limit'))
      .prepare(),
    allAliases: db.select(aliasEntryFields).from(artistAliases).innerJoin(artists, eq(artists.id, artistAliases.artistId)).prepare(),
    aliasesOf: db
      .select({ alias: artistAliases.alias, kind: artistAliases.kind })
      .from(artistAliases)
      .where(and(eq(artistAliases.artistId, placeholder('artistId')), ne(artistAliases.kind, 'name')))
      .orderBy(insertionOrder(artistAliases))
      .prepare(),
    memberIdsOf: db
      .select({ id: memberships.memberId })
      .from(memberships)
      .innerJoin(artists, eq(artists.id, memberships.memberId))
      .where(eq(memberships.groupId, placeholder('groupId')))
      .orderBy(artists.name)
      .prepare(),
    groupIdsOf: db
      .select({ id: memberships.groupId })
      .from(memberships)
      .innerJoin(artists, eq(artists.id, memberships.groupId))
      .where(eq(memberships.memberId, placeholder('memberId')))
      .orderBy(artists.name)
      .prepare(),
    milestonesOf: selectMilestones()
      .where(
        and(
          inArray(
            milestones.id,
            db.select({ id: milestoneArtists.milestoneId }).from(milestoneArtists).where(eq(milestoneArtists.artistId, placeholder('artistId'))),
          ),
          liveMilestone,
        ),
      )
      .prepare(),
    // Several artists' milestones at once (a group's and its members'), each row with whose it is.
    milestonesOfEach: db
      .select(milestoneOfArtistFields)
      .from(milestones)
      .innerJoin(milestoneArtists, eq(milestoneArtists.milestoneId, milestones.id))
      .leftJoin(editions, eq(editions.id, milestones.editionId))
      .leftJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .leftJoin(works, eq(works.id, milestones.workId))
      .where(and(inArray(milestoneArtists.artistId, ids), liveMilestone))
      .orderBy(milestoneArtists.artistId, milestones.id)
      .prepare(),
    nominationsOf: selectNominations()
      .where(
        and(
          inArray(
            nominations.id,
            db
              .select({ id: nominationArtists.nominationId })
              .from(nominationArtists)
              .where(eq(nominationArtists.artistId, placeholder('artistId'))),
          ),
          or(isNull(placeholder('ceremonyId')), eq(editions.ceremonyId, placeholder('ceremonyId'))),
          or(isNull(placeholder('year')), eq(editions.year, placeholder('year'))),
          or(isNull(placeholder('result')), eq(nominations.result, placeholder('result'))),
          liveNomination,
        ),
      )
      // Null air dates sort last in descending order, as they should.
      .orderBy(desc(editions.year), desc(editions.heldOn), ceremonies.name, desc(eq(nominations.result, 'won')), categories.name)
      .prepare(),
    countWinsOnEditionDays: db
      .select({ count: count() })
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .where(winsOnEditionDays)
      .prepare(),
    countWinsOnAwardDays: db.select({ count: count() }).from(nominations).where(winsOnAwardDays).prepare(),
    countMilestonesOnMonthDays: db.select({ count: count() }).from(milestones).where(milestonesOnMonthDays).prepare(),
    // Only the keys of the whole day are sorted; one page's facts are then read by id.
    anniversaryPage: unionAll(winKeys(winsOnEditionDays, editions.heldOn), winKeys(winsOnAwardDays, nominations.awardedOn), milestoneKeys)
      .orderBy(sql`date`, sql`kind`, sql`ceremony_name`, sql`category_name`, sql`id`)
      .limit(placeholder('limit'))
      .offset(placeholder('offset'))
      .prepare(),
    // The same without the wins dated by their own day, while the store has none: a third branch
    // costs the page a sort of its own (some 50 µs) for nothing.
    anniversaryPageByEditionDays: unionAll(winKeys(winsOnEditionDays, editions.heldOn), milestoneKeys)
      .orderBy(sql`date`, sql`kind`, sql`ceremony_name`, sql`category_name`, sql`id`)
      .limit(placeholder('limit'))
      .offset(placeholder('offset'))
      .prepare(),
    anyAwardDay: db.select({ id: nominations.id }).from(nominations).where(isNotNull(nominations.awardedOn)).limit(1).prepare(),
    nominationsByIds: selectNominations().where(inArray(nominations.id, ids)).prepare(),
    milestonesByIds: selectMilestones().where(inArray(milestones.id, ids)).prepare(),
    // The artists and the sources of a batch of facts, by the facts' ids.
    nominationArtists: db
      .select(nominationArtistFields)
      .from(nominationArtists)
      .innerJoin(nominations, eq(nominations.id, nominationArtists.nominationId))
      .leftJoin(workCredits, and(eq(workCredits.workId, nominations.workId), eq(workCredits.artistId, nominationArtists.artistId)))
      .where(inArray(nominationArtists.nominationId, ids))
      .orderBy(nominationArtists.nominationId, nominationArtists.position)
      .prepare(),
    nominationSources: db
      .select(nominationSourceFields)
      .from(nominationSources)
      .where(inArray(nominationSources.nominationId, ids))
      .orderBy(nominationSources.nominationId, nominationSources.sourceId)
      .prepare(),
    milestoneArtists: db
      .select(milestoneArtistFields)
      .from(milestoneArtists)
      .where(inArray(milestoneArtists.milestoneId, ids))
      .orderBy(milestoneArtists.milestoneId, milestoneArtists.artistId)
      .prepare(),
    milestoneSources: db
      .select(milestoneSourceFields)
      .from(milestoneSources)
      .where(inArray(milestoneSources.milestoneId, ids))
      .orderBy(milestoneSources.milestoneId, milestoneSources.sourceId)
      .prepare(),
    // What facts point at, by id, for the maps below.
    artistsByIds: db
      .select(artistFields)
      .from(artists)
      .where(inArray(artists.id, ids))
      .prepare(),
    sourcesByIds: db
      .select({ id: sources.id, ...sourceFields })
      .from(sources)
      .where(inArray(sources.id, ids))
      .prepare(),
    ceremonies: db.select(ceremonyFields).from(ceremonies).orderBy(ceremonies.name).prepare(),
    factsRevision: db.select({ revision: factsRevision.revision }).from(factsRevision).where(eq(factsRevision.id, 1)).prepare(),
    ceremoniesByAlias: db
      .selectDistinct(ceremonyFields)
      .from(ceremonyAliases)
      .innerJoin(ceremonies, eq(ceremonies.id, ceremonyAliases.ceremonyId))
      .where(eq(ceremonyAliases.normalized, placeholder('normalized')))
      .prepare(),
    ceremoniesStartingWith: db
      .select({ ...ceremonyFields, alias: min(ceremonyAliases.alias) })
      .from(ceremonyAliases)
      .innerJoin(ceremonies, eq(ceremonies.id, ceremonyAliases.ceremonyId))
      .where(likeEscaped(ceremonyAliases.normalized, placeholder('pattern')))
      .groupBy(ceremonies.id)
      .orderBy(ceremonies.name)
      .limit(placeholder('limit'))
      .prepare(),
    // Only years with a live result: a year offered to a fan must have something to show.
    editionYears: db
      .selectDistinct({ year: editions.year })
      .from(editions)
      .innerJoin(nominations, and(eq(nominations.editionId, editions.id), isNull(nominations.withdrawnAt)))
      .where(eq(editions.ceremonyId, placeholder('ceremonyId')))
      .orderBy(editions.year)
      .prepare(),
    // By the edition's key: the year for an annual show, the air date for an episode.
    edition: db
      .select(editionFields)
      .from(editions)
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .where(
        and(
          eq(editions.ceremonyId, placeholder('ceremonyId')),
          eq(editions.editionKey, placeholder('editionKey')),
          eq(editions.episode, placeholder('episode')),
        ),
      )
      .prepare(),
    episodesInYear: db
      .select(editionFields)
      .from(editions)
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .where(and(eq(editions.ceremonyId, placeholder('ceremonyId')), eq(editions.year, placeholder('year')), eq(editions.episode, true)))
      .orderBy(editions.heldOn)
      .prepare(),
    editionNominations: selectNominations()
      .where(and(eq(nominations.editionId, placeholder('editionId')), liveNomination))
      .orderBy(categories.name, nominations.id)
      .prepare(),
    nominationById: selectNominations()
      .where(and(eq(nominations.id, placeholder('id')), liveNomination))
      .prepare(),
    milestoneById: selectMilestones()
      .where(and(eq(milestones.id, placeholder('id')), liveMilestone))
      .prepare(),
    // Over all ids; the seek below then steps to the next win. Separate statements, because SQLite
    // answers a lone min() or max() from the primary key but scans the table for both together.
    lowestNominationId: db.select({ id: min(nominations.id) }).from(nominations).prepare(),
    highestNominationId: db.select({ id: max(nominations.id) }).from(nominations).prepare(),
    winIdAtOrAfter: db
      .select({ id: nominations.id })
      .from(nominations)
      .where(and(gte(nominations.id, placeholder('id')), eq(nominations.result, 'won'), liveNomination))
      .orderBy(nominations.id)
      .limit(1)
      .prepare(),
    lowestMilestoneId: db.select({ id: min(milestones.id) }).from(milestones).prepare(),
    highestMilestoneId: db.select({ id: max(milestones.id) }).from(milestones).prepare(),
    milestoneIds: db
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(eq(milestones.doubtful, false), liveMilestone))
      .orderBy(milestones.id)
      .prepare(),
    milestoneIdAtOrAfter: db
      .select({ id: milestones.id })
      .from(milestones)
      .where(and(gte(milestones.id, placeholder('id')), eq(milestones.doubtful, false), liveMilestone))
      .orderBy(milestones.id)
      .limit(1)
      .prepare(),
    // Only what trivia options are made of: no edition, category or sources, one artists batch.
    categoryNominees: db
      .select({ id: nominations.id, result: nominations.result, workTitle: works.title })
      .from(nominations)
      .leftJoin(works, eq(works.id, nominations.workId))
      .where(
        and(
          eq(nominations.editionId, placeholder('editionId')),
          // The category id first, so that the (edition, category) prefix of the natural key is used.
          eq(
            nominations.categoryId,
            db
              .select({ id: categoryOfEdition.id })
              .from(categoryOfEdition)
              .innerJoin(editionOfCategory, eq(editionOfCategory.ceremonyId, categoryOfEdition.ceremonyId))
              .where(and(eq(editionOfCategory.id, placeholder('editionId')), eq(categoryOfEdition.slug, placeholder('categorySlug')))),
          ),
          liveNomination,
        ),
      )
      .orderBy(nominations.id)
      .prepare(),
    hasCompleteList: db
      .select({ editionId: completeNomineeLists.editionId })
      .from(completeNomineeLists)
      .innerJoin(categories, eq(categories.id, completeNomineeLists.categoryId))
      .where(
        and(
          eq(completeNomineeLists.editionId, placeholder('editionId')),
          eq(categories.slug, placeholder('categorySlug')),
          eq(completeNomineeLists.complete, true),
        ),
      )
      .prepare(),
    editions: db
      .select(editionFields)
      .from(editions)
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .orderBy(editions.year, ceremonies.name)
      .prepare(),
    // Works that some live fact is about: a work known only from withdrawn facts is not offered.
    worksOf: db
      .select({ id: works.id, title: works.title })
      .from(workCredits)
      .innerJoin(works, eq(works.id, workCredits.workId))
      .where(
        and(
          eq(workCredits.artistId, placeholder('artistId')),
          exists(db.select({ id: nominations.id }).from(nominations).where(and(eq(nominations.workId, works.id), liveNomination))),
        ),
      )
      .orderBy(works.id)
      .prepare(),
    artistsOfKind: db
      .select(artistFields)
      .from(artists)
      .where(and(eq(artists.kind, placeholder('kind')), gte(artists.id, placeholder('from'))))
      .orderBy(artists.id)
      .limit(placeholder('limit'))
      .prepare(),
    lowestArtistId: db.select({ id: min(artists.id) }).from(artists).prepare(),
    highestArtistId: db.select({ id: max(artists.id) }).from(artists).prepare(),
    // From the edition's wins (its index by edition and result), those in categories of the name.
    categoryWins: db
      .select({ nominationId: nominations.id, artistId: nominationArtists.artistId, workTitle: works.title })
      .from(nominations)
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .innerJoin(nominationArtists, eq(nominationArtists.nominationId, nominations.id))
      .leftJoin(works, eq(works.id, nominations.workId))
      .where(
        and(
          eq(nominations.editionId, placeholder('editionId')),
          eq(nominations.result, 'won'),
          eq(categories.name, placeholder('categoryName')),
          liveNomination,
        ),
      )
      .orderBy(nominations.id, nominationArtists.position)
      .prepare(),
    // A cross join keeps the artist's few nominations as the outer loop, not every edition's many.
    editionsWonBy: db
      .selectDistinct({ editionId: nominations.editionId })
      .from(nominationArtists)
      .crossJoin(nominations)
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .leftJoin(works, eq(works.id, nominations.workId))
      .where(
        and(
          eq(nominations.id, nominationArtists.nominationId),
          eq(nominationArtists.artistId, placeholder('artistId')),
          eq(categories.name, placeholder('categoryName')),
          eq(nominations.result, 'won'),
          liveNomination,
          or(isNull(placeholder('workTitle')), eq(works.title, placeholder('workTitle'))),
        ),
      )
      .prepare(),
    completeCategories: db
      .select({ slug: categories.slug })
      .from(completeNomineeLists)
      .innerJoin(categories, eq(categories.id, completeNomineeLists.categoryId))
      .where(and(eq(completeNomineeLists.editionId, placeholder('editionId')), eq(completeNomineeLists.complete, true)))
      .prepare(),
  };

  // The statements that read many facts at once, mapped by `fastRows`.
  const factRows = {
    nominationsOf: fastRows(nominationFields, statements.nominationsOf),
    editionNominations: fastRows(nominationFields, statements.editionNominations),
    nominationsByIds: fastRows(nominationFields, statements.nominationsByIds),
    milestonesOf: fastRows(milestoneFields, statements.milestonesOf),
    milestonesOfEach: fastRows(milestoneOfArtistFields, statements.milestonesOfEach),
    milestonesByIds: fastRows(milestoneFields, statements.milestonesByIds),
    nominationArtists: fastRows(nominationArtistFields, statements.nominationArtists),
    nominationSources: fastRows(nominationSourceFields, statements.nominationSources),
    milestoneArtists: fastRows(milestoneArtistFields, statements.milestoneArtists),
    milestoneSources: fastRows(milestoneSourceFields, statements.milestoneSources),
  };

  type NominationRow = Awaited<ReturnType<typeof statements.nominationsOf.all>>[number];
  type MilestoneRow = Awaited<ReturnType<typeof statements.milestonesOf.all>>[number];

  /** The facts of one answer with their artists and sources, read in one batch each. */
  function toNominations(rows: NominationRow[]): NominationFact[] {
    if (rows.length === 0) return [];
    const batch = { ids: JSON.stringify(rows.map((row) => row.id)) };
    const refs = factRefs();
    const artistsOf = artistsByFact(factRows.nominationArtists(batch), refs);
    const sourcesOf = sourcesByFact(factRows.nominationSources(batch), refs);
    const editionsKept = editionsById(refs);
    return rows.map((row) => ({
      id: row.id,
      result: row.result,
      edition: editionsKept.get(row.editionId)!,
      categoryName: row.categoryName,
      categorySlug: row.categorySlug,
      grandPrize: row.grandPrize,
      workTitle: row.workTitle,
      workReleasedOn: row.workReleasedOn,
      workNote: row.workNote,
      awardedOn: row.awardedOn,
      artists: artistsOf.get(row.id) ?? [],
      sources: sourcesOf.get(row.id) ?? [],
      origin: originOf(row),
    }));
  }

  function toMilestones(rows: MilestoneRow[]): MilestoneFact[] {
    if (rows.length === 0) return [];
    const batch = { ids: JSON.stringify(rows.map((row) => row.id)) };
    const refs = factRefs();
    const artistsOf = artistsByFact(factRows.milestoneArtists(batch), refs);
    const sourcesOf = sourcesByFact(factRows.milestoneSources(batch), refs);
    const editionsKept = rows.some((row) => row.editionId !== null) ? editionsById(refs) : null;
    return rows.map((row) => ({
      id: row.id,
      key: row.key,
      kind: row.kind,
      statement: row.statement,
      occurredOn: row.occurredOn,
      note: row.note,
      doubtful: row.doubtful,
      attribution: row.attribution,
      asOf: row.asOf,
      exclusive: row.exclusive,
      edition: row.editionId === null ? null : editionsKept!.get(row.editionId)!,
      workTitle: row.workTitle,
      artists: artistsOf.get(row.id) ?? [],
      sources: sourcesOf.get(row.id) ?? [],
      origin: originOf(row),
    }));
  }

  // What facts point at is shared: the catalogue's weekly wins name a few hundred acts and cite a few
  // hundred list pages. So a batch of facts reads only the ids of its artists and sources, and each
  // artist, source and edition is read once per facts revision and kept by id (for a huge store,
  // at most REFS_KEPT of each, then started afresh).
  interface FactRefs {
    revision: number;
    editions: Map<number, EditionRef> | null;
    artists: Map<number, Artist>;
    sources: Map<number, SourceRef>;
  }
  let factRefCache: FactRefs | null = null;
  const factRefs = (): FactRefs => {
    const now = revision();
    if (factRefCache?.revision !== now) factRefCache = { revision: now, editions: null, artists: new Map(), sources: new Map() };
    return factRefCache;
  };
  const editionsById = (refs: FactRefs) => {
    refs.editions ??= new Map(allEditions().map((edition) => [edition.id, edition]));
    return refs.editions;
  };
  /** `kept` holding every one of `wanted`, the missing ones read in one batch. */
  function keptRefs<Ref>(kept: Map<number, Ref>, wanted: readonly number[], read: (ids: string) => [number, Ref][]): Map<number, Ref> {
    const unique = [...new Set(wanted)];
    let missing = unique.filter((id) => !kept.has(id));
    if (missing.length === 0) return kept;
    if (kept.size + missing.length > REFS_KEPT) {
      kept.clear();
      missing = unique;
    }
    for (const [id, ref] of read(JSON.stringify(missing))) kept.set(id, ref);
    return kept;
  }
  function artistsByFact(rows: { factId: number; artistId: number; role: ArtistRef['role'] | null }[], kept = factRefs()): Map<number, ArtistRef[]> {
    const known = keptArtists(rows.map((row) => row.artistId), kept);
    return byFact(rows, (row) => {
      const artist = known.get(row.artistId)!;
      return { id: artist.id, slug: artist.slug, name: artist.name, isKpop: artist.isKpop, role: row.role, hangulName: artist.hangulName };
    });
  }
  function keptArtists(ids: readonly number[], kept = factRefs()): Map<number, Artist> {
    return keptRefs(kept.artists, ids, (batch) => statements.artistsByIds.all({ ids: batch }).map((artist) => [artist.id, artist]));
  }
  /** Artists by id, in the order given; an id the store does not hold is left out. */
  function artistsInOrder(ids: readonly number[]): Artist[] {
    if (ids.length === 0) return [];
    const known = keptArtists(ids);
    return ids.flatMap((id) => known.get(id) ?? []);
  }
  function sourcesByFact(rows: { factId: number; sourceId: number }[], kept: FactRefs): Map<number, SourceRef[]> {
    const refs = keptRefs(kept.sources, rows.map((row) => row.sourceId), (ids) =>
      statements.sourcesByIds.all({ ids }).map(({ id, ...source }) => [id, source]),
    );
    return byFact(rows, (row) => refs.get(row.sourceId)!);
  }

  const resultsOf = (edition: EditionRef | undefined): CeremonyEditionResults | undefined => {
    if (!edition) return undefined;
    return {
      edition,
      nominations: toNominations(factRows.editionNominations({ editionId: edition.id })),
      completeCategories: new Set(statements.completeCategories.all({ editionId: edition.id }).map((row) => row.slug)),
    };
  };
  const winIdAtOrAfter = (id: number) => statements.winIdAtOrAfter.get({ id })?.id;
  const milestoneIdAtOrAfter = (id: number) => statements.milestoneIdAtOrAfter.get({ id })?.id;
  const artistsOfKindFrom = (kind: Artist['kind'], from: number, limit: number): Artist[] =>
    statements.artistsOfKind.all({ kind, from, limit });

  const revision = () => statements.factsRevision.get()?.revision ?? 0;
  // Kept while the facts stay at the revision they were read at: another process may add an alias.
  let aliasCache: { revision: number; entries: AliasEntry[]; byNormalized: Map<string, number[]> | null } | null = null;
  let editionCache: { revision: number; entries: EditionRef[] } | null = null;
  let awardDayCache: { revision: number; any: boolean } | null = null;
  const keptAliases = () => {
    const now = revision();
    if (aliasCache?.revision !== now) aliasCache = { revision: now, entries: statements.allAliases.all(), byNormalized: null };
    return aliasCache;
  };
  /** Each folded name's artists, ordered by name as replies list them: what a typed name resolves to. */
  const aliasIndex = (): Map<string, number[]> => {
    const kept = keptAliases();
    if (kept.byNormalized) return kept.byNormalized;
    const named = new Map<string, Map<number, string>>();
    for (const entry of kept.entries) {
      const artistsNamed = named.get(entry.normalized) ?? new Map<number, string>();
      artistsNamed.set(entry.artistId, entry.artistName);
      named.set(entry.normalized, artistsNamed);
    }
    kept.byNormalized = new Map(
      [...named].map(([normalized, artistsNamed]) => [
        normalized,
        [...artistsNamed].sort(([a, nameA], [b, nameB]) => (nameA < nameB ? -1 : nameA > nameB ? 1 : a - b)).map(([id]) => id),
      ]),
    );
    return kept.byNormalized;
  };
  const allEditions = (): EditionRef[] => {
    const now = revision();
    if (editionCache?.revision !== now) editionCache = { revision: now, entries: statements.editions.all() as EditionRef[] };
    return editionCache.entries;
  };
  /** Whether any nomination is dated by its own day (awardedOn). */
  const hasAwardDays = () => {
    const now = revision();
    if (awardDayCache?.revision !== now) awardDayCache = { revision: now, any: statements.anyAwardDay.get() !== undefined };
    return awardDayCache.any;
  };

  // Trivia's proofs that a wrong option is wrong: how many winners a category takes, which editions
  // record a winner, the songs that won around an episode, the grand prizes, milestones by kind.
  const winningCategory = alias(categories, 'winning_category');
  const proofs = {
    mostWinnersAtOneEdition: db
      .select({ winners: count() })
      .from(nominations)
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .innerJoin(ceremonies, eq(ceremonies.id, categories.ceremonyId))
      .where(
        and(
          eq(ceremonies.slug, placeholder('ceremonySlug')),
          eq(categories.slug, placeholder('categorySlug')),
          eq(nominations.result, 'won'),
          liveNomination,
        ),
      )
      .groupBy(nominations.editionId)
      .orderBy(desc(count()))
      .limit(1)
      .prepare(),
    // From the categories of the name to their nominations (by category), not a scan of every win.
    editionsWithWinIn: db
      .selectDistinct({ editionId: nominations.editionId, categorySlug: winningCategory.slug })
      .from(nominations)
      .innerJoin(winningCategory, eq(winningCategory.id, nominations.categoryId))
      .where(
        and(
          inArray(nominations.categoryId, db.select({ id: categories.id }).from(categories).where(eq(categories.name, placeholder('categoryName')))),
          eq(nominations.result, 'won'),
          liveNomination,
        ),
      )
      .prepare(),
    ceremonyWinsInYear: db
      .select({ editionId: nominations.editionId, workTitle: works.title })
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .innerJoin(works, eq(works.id, nominations.workId))
      .where(
        and(
          eq(ceremonies.slug, placeholder('ceremonySlug')),
          eq(editions.year, placeholder('year')),
          eq(nominations.result, 'won'),
          liveNomination,
        ),
      )
      .orderBy(editions.heldOn, nominations.id)
      .prepare(),
    grandPrizeCategories: db
      .select({ slug: categories.slug, name: categories.name })
      .from(categories)
      .innerJoin(ceremonies, eq(ceremonies.id, categories.ceremonyId))
      .where(and(eq(ceremonies.slug, placeholder('ceremonySlug')), eq(categories.grandPrize, true)))
      .orderBy(categories.slug)
      .prepare(),
    milestoneSummaries: db
      .select({
        id: milestones.id,
        key: milestones.key,
        statement: milestones.statement,
        occurredOn: milestones.occurredOn,
        workTitle: works.title,
        artistId: milestoneArtists.artistId,
      })
      .from(milestones)
      .innerJoin(milestoneArtists, eq(milestoneArtists.milestoneId, milestones.id))
      .leftJoin(works, eq(works.id, milestones.workId))
      .where(and(eq(milestones.kind, placeholder('kind')), eq(milestones.doubtful, false), liveMilestone))
      .orderBy(milestones.id, milestoneArtists.artistId)
      .prepare(),
  };
  const milestoneSummaries = (kind: MilestoneFact['kind']) => {
    const summaries = new Map<number, ReturnType<AwardsStore['milestoneSummaries']>[number]>();
    for (const { artistId, ...row } of proofs.milestoneSummaries.all({ kind })) {
      const summary = summaries.get(row.id);
      if (summary) summary.artistIds.push(artistId);
      else summaries.set(row.id, { ...row, artistIds: [artistId] });
    }
    return [...summaries.values()];
  };

  return {
    mostWinnersAtOneEdition: (ceremonySlug, categorySlug) => proofs.mostWinnersAtOneEdition.get({ ceremonySlug, categorySlug })?.winners ?? 0,
    editionsWithWinIn: (categoryName) => proofs.editionsWithWinIn.all({ categoryName }),
    ceremonyWinsInYear: (ceremonySlug, year) =>
      proofs.ceremonyWinsInYear.all({ ceremonySlug, year }).flatMap((row) => (row.workTitle === null ? [] : [{ editionId: row.editionId, workTitle: row.workTitle }])),
    grandPrizeCategories: (ceremonySlug) => proofs.grandPrizeCategories.all({ ceremonySlug }),
    milestoneSummaries,
    artistById: (id) => artistsInOrder([id])[0],
    listArtists: (limit) => statements.listArtists.all({ limit }),
    artistsByNormalizedAlias: (normalized) => {
      const ids = aliasIndex().get(normalized);
      return ids ? artistsInOrder(ids) : [];
    },
    aliasesStartingWith: (prefix, limit) =>
      statements.aliasesStartingWith.all({ pattern: `${escapeLike(prefix)}%`, exact: prefix, limit }),
    aliasesContaining: (fragment, limit) => statements.aliasesContaining.all({ pattern: `%${escapeLike(fragment)}%`, limit }),
    allAliases: () => keptAliases().entries,
    aliasesOf: (artistId) => statements.aliasesOf.all({ artistId }),
    membersOf: (groupId) => artistsInOrder(statements.memberIdsOf.all({ groupId }).map((row) => row.id)),
    groupsOf: (memberId) => artistsInOrder(statements.groupIdsOf.all({ memberId }).map((row) => row.id)),
    milestonesOf: (artistId) => toMilestones(factRows.milestonesOf({ artistId })),
    milestonesOfEach: (artistIds) => {
      const each = new Map<number, MilestoneFact[]>(artistIds.map((id) => [id, []]));
      if (artistIds.length === 0) return each;
      const rows = factRows.milestonesOfEach({ ids: JSON.stringify(artistIds) });
      // A milestone of a group and its member is read once, and listed under both.
      const facts = new Map(toMilestones([...new Map(rows.map((row) => [row.id, row])).values()]).map((fact) => [fact.id, fact]));
      for (const row of rows) each.get(row.ofArtist)?.push(facts.get(row.id)!);
      return each;
    },
    nominationsOf: (artistId, filter = {}) =>
      toNominations(
        factRows.nominationsOf({
          artistId,
          ceremonyId: filter.ceremonyId ?? null,
          year: filter.year ?? null,
          result: filter.result ?? null,
        }),
      ),
    countAnniversaries: (monthDays, beforeYear) => {
      const day = monthDaysBinding(monthDays, beforeYear);
      return (
        (statements.countWinsOnEditionDays.get(day)?.count ?? 0) +
        (hasAwardDays() ? (statements.countWinsOnAwardDays.get(day)?.count ?? 0) : 0) +
        (statements.countMilestonesOnMonthDays.get(day)?.count ?? 0)
      );
    },
    anniversariesPage: (monthDays, beforeYear, offset, limit) => {
      const page = hasAwardDays() ? statements.anniversaryPage : statements.anniversaryPageByEditionDays;
      const keys = page.all({ ...monthDaysBinding(monthDays, beforeYear), offset, limit });
      const winIds = keys.filter((key) => key.kind === 0).map((key) => key.id);
      const milestoneIds = keys.filter((key) => key.kind === 1).map((key) => key.id);
      const wins = new Map(
        (winIds.length > 0 ? toNominations(factRows.nominationsByIds({ ids: JSON.stringify(winIds) })) : []).map((fact) => [fact.id, fact]),
      );
      const dated = new Map(
        (milestoneIds.length > 0 ? toMilestones(factRows.milestonesByIds({ ids: JSON.stringify(milestoneIds) })) : []).map((fact) => [
          fact.id,
          fact,
        ]),
      );
      return keys.flatMap((key): AnniversaryFact[] => {
        if (key.kind === 0) {
          const nomination = wins.get(key.id);
          return nomination ? [{ kind: 'win', nomination }] : [];
        }
        const milestone = dated.get(key.id);
        return milestone ? [{ kind: 'milestone', milestone }] : [];
      });
    },
    ceremonies: () => statements.ceremonies.all(),
    ceremoniesByNormalizedAlias: (normalized) => statements.ceremoniesByAlias.all({ normalized }),
    ceremoniesStartingWith: (prefix, limit) =>
      statements.ceremoniesStartingWith
        .all({ pattern: `${escapeLike(prefix)}%`, limit })
        .map((row) => ({ ...row, alias: row.alias ?? '' })),
    editionYears: (ceremonyId) => statements.editionYears.all({ ceremonyId }).map((row) => row.year),
    editionResults: (ceremonyId, year) =>
      resultsOf(statements.edition.get({ ceremonyId, editionKey: String(year), episode: 0 }) as EditionRef | undefined),
    episodesInYear: (ceremonyId, year) => statements.episodesInYear.all({ ceremonyId, year }) as EditionRef[],
    episodeResults: (ceremonyId, airDate) =>
      resultsOf(statements.edition.get({ ceremonyId, editionKey: airDate, episode: 1 }) as EditionRef | undefined),
    nominationById: (id) => {
      const row = statements.nominationById.get({ id });
      return row && toNominations([row])[0];
    },
    milestoneById: (id) => {
      const row = statements.milestoneById.get({ id });
      return row && toMilestones([row])[0];
    },
    winIdNear: (fraction) =>
      idNear(statements.lowestNominationId.get()?.id, statements.highestNominationId.get()?.id, winIdAtOrAfter, fraction),
    milestoneIdNear: (fraction) =>
      idNear(statements.lowestMilestoneId.get()?.id, statements.highestMilestoneId.get()?.id, milestoneIdAtOrAfter, fraction),
    categoryNominees: (editionId, categorySlug): CategoryNominee[] => {
      const rows = statements.categoryNominees.all({ editionId, categorySlug });
      if (rows.length === 0) return [];
      const artistsOf = artistsByFact(factRows.nominationArtists({ ids: JSON.stringify(rows.map((row) => row.id)) }));
      return rows.map((row) => ({ ...row, artists: artistsOf.get(row.id) ?? [] }));
    },
    nominationsAt: (editionId) => toNominations(factRows.editionNominations({ editionId })),
    milestoneIds: () => statements.milestoneIds.all().map((row) => row.id),
    hasCompleteNomineeList: (editionId, categorySlug) => statements.hasCompleteList.get({ editionId, categorySlug }) !== undefined,
    editions: allEditions,
    worksOf: (artistId) => statements.worksOf.all({ artistId }),
    artistsOfKind: (kind, fraction, limit) => {
      const low = statements.lowestArtistId.get()?.id;
      const high = statements.highestArtistId.get()?.id;
      if (low === null || low === undefined || high === null || high === undefined) return [];
      const start = low + Math.floor(fraction * (high - low + 1));
      const rows = artistsOfKindFrom(kind, start, limit);
      // Wrap around to the start of the range when the random start was near its end.
      const wrapped = rows.length < limit ? artistsOfKindFrom(kind, low, limit - rows.length) : [];
      const seen = new Set<number>();
      return [...rows, ...wrapped]
        .filter((row) => !seen.has(row.id) && seen.add(row.id))
        .sort((a, b) => Number(b.isKpop) - Number(a.isKpop));
    },
    categoryWins: (editionId, categoryName) => {
      const wins = new Map<number, { artistIds: number[]; workTitle: string | null }>();
      for (const row of statements.categoryWins.all({ editionId, categoryName })) {
        const win = wins.get(row.nominationId);
        if (win) win.artistIds.push(row.artistId);
        else wins.set(row.nominationId, { artistIds: [row.artistId], workTitle: row.workTitle });
      }
      return [...wins.values()];
    },
    editionsWonBy: (artistId, categoryName, workTitle) =>
      statements.editionsWonBy.all({ artistId, categoryName, workTitle }).map((row) => row.editionId),
    invalidate: () => {
      aliasCache = null;
      editionCache = null;
      awardDayCache = null;
      factRefCache = null;
    },
    revision,
  };
}
