// The one writer of facts: seeds, imports and approved suggestions all put their rows in through
// it. Every statement is written with Drizzle's query builder (a renamed column fails the type
// check) and prepared once per store, never inside a loop. Rows are upserted on their natural keys,
// and a row whose columns already hold the values is not rewritten: loading an unchanged seed set
// again leaves the facts revision, and so every cache of facts, where it was.
//
// Must run inside the caller's synchronous better-sqlite3 transaction: nothing here awaits.
import { and, eq, isNotNull, isNull, notInArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { normalizeName } from '../../src/core/names.js';
import type { LightstickDatabase } from '../database.js';
import {
  artistAliases, artists, categories, ceremonies, ceremonyAliases, completeNomineeLists, editions, memberships, milestoneArtists, milestones,
  milestoneSources, nominationArtists, nominations, nominationSources, sources, storeMeta, workCredits, works,
} from '../schema.js';
import { idsInJson } from './awards-store.js';

export type SourceRow = Pick<typeof sources.$inferInsert, 'identifier' | 'publishedOn' | 'headline' | 'outlet' | 'url' | 'readOn'>;
export type ArtistRow = Pick<typeof artists.$inferInsert, 'slug' | 'name' | 'kind' | 'isKpop' | 'kpopNote'>;
export type CeremonyRow = Required<Pick<typeof ceremonies.$inferInsert, 'slug' | 'name' | 'shortName' | 'kind'>>;
export type CategoryRow = Required<Pick<typeof categories.$inferInsert, 'ceremonyId' | 'slug' | 'name' | 'grandPrize'>>;
export type EditionRow = Required<
  Pick<typeof editions.$inferInsert, 'ceremonyId' | 'year' | 'heldOn' | 'venue' | 'city' | 'timeZone' | 'notes' | 'sourceId' | 'episode'>
>;
export type WorkRow = Required<Pick<typeof works.$inferInsert, 'slug' | 'title' | 'kind' | 'releasedOn' | 'releaseSourceId' | 'note' | 'noteSourceId'>>;
export type NominationRow = Required<
  Pick<typeof nominations.$inferInsert, 'editionId' | 'categoryId' | 'workId' | 'nomineeKey' | 'result' | 'awardedOn' | 'seedFile' | 'importId' | 'suggestionId'>
>;
export type MilestoneRow = Required<
  Pick<
    typeof milestones.$inferInsert,
    | 'key' | 'kind' | 'statement' | 'occurredOn' | 'editionId' | 'nominationId' | 'workId' | 'note' | 'doubtful' | 'attribution' | 'asOf' | 'exclusive'
    | 'seedFile' | 'importId' | 'suggestionId'
  >
>;
export type AliasKind = typeof artistAliases.$inferInsert.kind;
export type NomineeListRow = Required<typeof completeNomineeLists.$inferInsert>;

/** What an upsert of a fact found: its row id, and whether the row is a contributor's (left untouched). */
export interface WrittenFact {
  id: number;
  contributed: boolean;
}

/** Tables whose rows the seed loader removes when the seed files no longer hold them. */
export type PrunedTable = 'milestones' | 'nominations' | 'works' | 'editions' | 'categories' | 'ceremonies' | 'artists' | 'sources';

/**
 * The row ids already in the store, by natural key, read in one statement per table: a writer of
 * many rows passes each row's id to its upsert, which then needs no look-up when it changes nothing.
 */
export interface ExistingIds {
  sources: Map<string, number>;
  artists: Map<string, number>;
  ceremonies: Map<string, number>;
  /** By `ceremonyId/slug`. */
  categories: Map<string, number>;
  /** By `ceremonyId/editionKey`. */
  editions: Map<string, number>;
  works: Map<string, number>;
  /** By `editionId/categoryId/nomineeKey`. */
  nominations: Map<string, WrittenFact>;
  milestones: Map<string, WrittenFact>;
}

export interface FactWriter {
  // Each upsert returns the row's id. `known` is the id the caller already read (see `existingIds`):
  // without it, a row that is already as written is looked up by its natural key.
  source(row: SourceRow, known?: number): number;
  artist(row: ArtistRow, known?: number): number;
  ceremony(row: CeremonyRow, known?: number): number;
  category(row: CategoryRow, known?: number): number;
  edition(row: EditionRow, known?: number): number;
  work(row: WorkRow, known?: number): number;
  /** Upserts a nomination; a contributed fact of the same natural key is left as it is. */
  nomination(row: NominationRow, known?: WrittenFact): WrittenFact;
  milestone(row: MilestoneRow, known?: WrittenFact): WrittenFact;
  /** Every row id of the tables above, by natural key. */
  existingIds(): ExistingIds;
  nomineeList(row: NomineeListRow): void;

  // Each parent's list of child rows. `replace` removes the parent's rows not in the list (a seed
  // file is the truth of its facts); without it, rows are only added (a contributor adds sources).
  // A parent just inserted has nothing to remove: `replace` false saves the statement.
  aliases(artistId: number, name: string, aliases: readonly { alias: string; kind: AliasKind }[], replace: boolean): void;
  ceremonyAliases(ceremonyId: number, names: readonly string[], replace: boolean): void;
  members(groupId: number, memberIds: readonly number[], replace: boolean): void;
  credits(workId: number, credits: readonly { artistId: number; role: 'primary' | 'featured' }[], replace: boolean): void;
  nominationArtists(nominationId: number, artistIds: readonly number[], replace: boolean): void;
  nominationSources(nominationId: number, sourceIds: readonly number[], replace: boolean): void;
  milestoneArtists(milestoneId: number, artistIds: readonly number[], replace: boolean): void;
  milestoneSources(milestoneId: number, sourceIds: readonly number[], replace: boolean): void;

  /** Turns a live contributed nomination into a win (never a win back into a nomination). */
  markContributedWin(nominationId: number): void;
  /** Removes the complete-list rows not in `keep` (`edition/category` pairs). */
  pruneNomineeLists(keep: ReadonlySet<string>): void;
  /** Removes the seed rows of a table not in `keep`, and never one that anything still points at. */
  prune(table: PrunedTable, keep: Iterable<number>): void;

  /** Look-ups by natural key, for writers that add only what is missing. */
  ids: {
    source(identifier: string): number | undefined;
    artist(slug: string): number | undefined;
    ceremony(slug: string): number | undefined;
    category(ceremonyId: number, slug: string): number | undefined;
    edition(ceremonyId: number, editionKey: string): number | undefined;
    work(slug: string): number | undefined;
    nomination(editionId: number, categoryId: number, nomineeKey: string): number | undefined;
    milestone(key: string): number | undefined;
    /** The highest row id of each table with children: rows above it were inserted since. */
    highest(): { artist: number; ceremony: number; work: number; nomination: number; milestone: number };
  };
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
}

/**
 * An artist's or a ceremony's names as look-ups compare them: each folded by `normalizeName`, the
 * first of each folded form kept (the own name comes first), and names that fold to nothing dropped.
 */
export function foldedAliases<Alias extends { alias: string }>(aliases: readonly Alias[]): (Alias & { normalized: string })[] {
  const folded = new Map<string, Alias & { normalized: string }>();
  for (const entry of aliases) {
    const normalized = normalizeName(entry.alias);
    if (normalized.length > 0 && !folded.has(normalized)) folded.set(normalized, { ...entry, normalized });
  }
  return [...folded.values()];
}

/** `excluded.<column>`: the value an upsert tried to insert. */
const excluded = (column: SQLiteColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/** The upsert's update: every listed column from `excluded`, and only when one of them differs. */
function updateWhenChanged(columns: Record<string, SQLiteColumn>): { set: Record<string, SQL>; setWhere: SQL } {
  const list = Object.values(columns);
  return {
    set: Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, excluded(column)])),
    // `is not` compares nulls as values: a null that stays null is no change.
    setWhere: sql`(${sql.join(list, sql`, `)}) is not (${sql.join(list.map(excluded), sql`, `)})`,
  };
}

const placeholders = <Key extends string>(keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as unknown as Record<Key, Placeholder>;

const idsOf = (ids: Iterable<number | string>) => JSON.stringify([...ids]);

/** Writers by store: their statements are prepared once, however many loads and imports follow. */
const writers = new WeakMap<LightstickDatabase, FactWriter>();

/** The store's one writer, made at its first use. */
export function factWriterFor(db: LightstickDatabase): FactWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = createFactWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

export function createFactWriter(db: LightstickDatabase): FactWriter {
  const p = (name: string) => sql.placeholder(name);
  const keep = idsInJson(p('keep'));
  const contributedNomination = sql<boolean>`(${nominations.importId} is not null or ${nominations.suggestionId} is not null)`;
  const contributedMilestone = sql<boolean>`(${milestones.importId} is not null or ${milestones.suggestionId} is not null)`;

  const upserts = {
    source: db
      .insert(sources)
      .values(placeholders(['identifier', 'publishedOn', 'headline', 'outlet', 'url', 'readOn']))
      .onConflictDoUpdate({
        target: sources.identifier,
        ...updateWhenChanged({ publishedOn: sources.publishedOn, headline: sources.headline, outlet: sources.outlet, url: sources.url, readOn: sources.readOn }),
      })
      .returning({ id: sources.id })
      .prepare(),
    artist: db
      .insert(artists)
      .values(placeholders(['slug', 'name', 'kind', 'isKpop', 'kpopNote']))
      .onConflictDoUpdate({
        target: artists.slug,
        ...updateWhenChanged({ name: artists.name, kind: artists.kind, isKpop: artists.isKpop, kpopNote: artists.kpopNote }),
      })
      .returning({ id: artists.id })
      .prepare(),
    ceremony: db
      .insert(ceremonies)
      .values(placeholders(['slug', 'name', 'shortName', 'kind']))
      .onConflictDoUpdate({ target: ceremonies.slug, ...updateWhenChanged({ name: ceremonies.name, shortName: ceremonies.shortName, kind: ceremonies.kind }) })
      .returning({ id: ceremonies.id })
      .prepare(),
    category: db
      .insert(categories)
      .values(placeholders(['ceremonyId', 'slug', 'name', 'grandPrize']))
      .onConflictDoUpdate({ target: [categories.ceremonyId, categories.slug], ...updateWhenChanged({ name: categories.name, grandPrize: categories.grandPrize }) })
      .returning({ id: categories.id })
      .prepare(),
    edition: db
      .insert(editions)
      .values(placeholders(['ceremonyId', 'year', 'heldOn', 'venue', 'city', 'timeZone', 'notes', 'sourceId', 'episode']))
      .onConflictDoUpdate({
        target: [editions.ceremonyId, editions.editionKey],
        ...updateWhenChanged({
          heldOn: editions.heldOn,
          venue: editions.venue,
          city: editions.city,
          timeZone: editions.timeZone,
          notes: editions.notes,
          sourceId: editions.sourceId,
        }),
      })
      .returning({ id: editions.id })
      .prepare(),
    work: db
      .insert(works)
      .values(placeholders(['slug', 'title', 'kind', 'releasedOn', 'releaseSourceId', 'note', 'noteSourceId']))
      .onConflictDoUpdate({
        target: works.slug,
        ...updateWhenChanged({
          title: works.title,
          kind: works.kind,
          releasedOn: works.releasedOn,
          releaseSourceId: works.releaseSourceId,
          note: works.note,
          noteSourceId: works.noteSourceId,
        }),
      })
      .returning({ id: works.id })
      .prepare(),
    nomination: (() => {
      const update = updateWhenChanged({ workId: nominations.workId, result: nominations.result, awardedOn: nominations.awardedOn, seedFile: nominations.seedFile });
      return db
        .insert(nominations)
        .values(placeholders(['editionId', 'categoryId', 'workId', 'nomineeKey', 'result', 'awardedOn', 'seedFile', 'importId', 'suggestionId']))
        .onConflictDoUpdate({
          target: [nominations.editionId, nominations.categoryId, nominations.nomineeKey],
          set: update.set,
          // A contributed fact of the same natural key stays the contributor's.
          setWhere: sql`not ${contributedNomination} and ${update.setWhere}`,
        })
        .returning({ id: nominations.id })
        .prepare();
    })(),
    milestone: (() => {
      const update = updateWhenChanged({
        kind: milestones.kind,
        statement: milestones.statement,
        occurredOn: milestones.occurredOn,
        editionId: milestones.editionId,
        nominationId: milestones.nominationId,
        workId: milestones.workId,
        note: milestones.note,
        doubtful: milestones.doubtful,
        attribution: milestones.attribution,
        asOf: milestones.asOf,
        exclusive: milestones.exclusive,
        seedFile: milestones.seedFile,
      });
      return db
        .insert(milestones)
        .values(
          placeholders([
            'key', 'kind', 'statement', 'occurredOn', 'editionId', 'nominationId', 'workId', 'note', 'doubtful', 'attribution', 'asOf', 'exclusive',
            'seedFile', 'importId', 'suggestionId',
          ]),
        )
        .onConflictDoUpdate({ target: milestones.key, set: update.set, setWhere: sql`not ${contributedMilestone} and ${update.setWhere}` })
        .returning({ id: milestones.id })
        .prepare();
    })(),
    nomineeList: db
      .insert(completeNomineeLists)
      .values(placeholders(['editionId', 'categoryId', 'sourceId', 'complete', 'note']))
      .onConflictDoUpdate({
        target: [completeNomineeLists.editionId, completeNomineeLists.categoryId],
        ...updateWhenChanged({ sourceId: completeNomineeLists.sourceId, complete: completeNomineeLists.complete, note: completeNomineeLists.note }),
      })
      .prepare(),
  };

  const lookups = {
    source: db.select({ id: sources.id }).from(sources).where(eq(sources.identifier, p('identifier'))).prepare(),
    artist: db.select({ id: artists.id }).from(artists).where(eq(artists.slug, p('slug'))).prepare(),
    ceremony: db.select({ id: ceremonies.id }).from(ceremonies).where(eq(ceremonies.slug, p('slug'))).prepare(),
    category: db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.ceremonyId, p('ceremonyId')), eq(categories.slug, p('slug'))))
      .prepare(),
    edition: db
      .select({ id: editions.id })
      .from(editions)
      .where(and(eq(editions.ceremonyId, p('ceremonyId')), eq(editions.editionKey, p('editionKey'))))
      .prepare(),
    work: db.select({ id: works.id }).from(works).where(eq(works.slug, p('slug'))).prepare(),
    nomination: db
      .select({ id: nominations.id, contributed: contributedNomination })
      .from(nominations)
      .where(and(eq(nominations.editionId, p('editionId')), eq(nominations.categoryId, p('categoryId')), eq(nominations.nomineeKey, p('nomineeKey'))))
      .prepare(),
    milestone: db.select({ id: milestones.id, contributed: contributedMilestone }).from(milestones).where(eq(milestones.key, p('key'))).prepare(),
    highest: db
      .select({
        artist: sql<number>`coalesce((select max(${artists.id}) from ${artists}), 0)`,
        ceremony: sql<number>`coalesce((select max(${ceremonies.id}) from ${ceremonies}), 0)`,
        work: sql<number>`coalesce((select max(${works.id}) from ${works}), 0)`,
        nomination: sql<number>`coalesce((select max(${nominations.id}) from ${nominations}), 0)`,
        milestone: sql<number>`coalesce((select max(${milestones.id}) from ${milestones}), 0)`,
      })
      .from(sql`(select 1)`)
      .prepare(),
    meta: db.select({ value: storeMeta.value }).from(storeMeta).where(eq(storeMeta.key, p('key'))).prepare(),
    nomineeLists: db.select({ editionId: completeNomineeLists.editionId, categoryId: completeNomineeLists.categoryId }).from(completeNomineeLists).prepare(),
  };
  const everyId = {
    sources: db.select({ id: sources.id, key: sources.identifier }).from(sources).prepare(),
    artists: db.select({ id: artists.id, key: artists.slug }).from(artists).prepare(),
    ceremonies: db.select({ id: ceremonies.id, key: ceremonies.slug }).from(ceremonies).prepare(),
    categories: db.select({ id: categories.id, ceremonyId: categories.ceremonyId, slug: categories.slug }).from(categories).prepare(),
    editions: db.select({ id: editions.id, ceremonyId: editions.ceremonyId, editionKey: editions.editionKey }).from(editions).prepare(),
    works: db.select({ id: works.id, key: works.slug }).from(works).prepare(),
    nominations: db
      .select({
        id: nominations.id,
        editionId: nominations.editionId,
        categoryId: nominations.categoryId,
        nomineeKey: nominations.nomineeKey,
        contributed: contributedNomination,
      })
      .from(nominations)
      .prepare(),
    milestones: db.select({ id: milestones.id, key: milestones.key, contributed: contributedMilestone }).from(milestones).prepare(),
  };

  const children = {
    aliases: {
      add: db
        .insert(artistAliases)
        .values(placeholders(['artistId', 'normalized', 'alias', 'kind']))
        .onConflictDoUpdate({ target: [artistAliases.artistId, artistAliases.normalized], ...updateWhenChanged({ alias: artistAliases.alias, kind: artistAliases.kind }) })
        .prepare(),
      removeOthers: db
        .delete(artistAliases)
        .where(and(eq(artistAliases.artistId, p('parent')), notInArray(artistAliases.normalized, idsInJson(p('keep')))))
        .prepare(),
    },
    ceremonyAliases: {
      add: db
        .insert(ceremonyAliases)
        .values(placeholders(['ceremonyId', 'normalized', 'alias']))
        .onConflictDoUpdate({ target: [ceremonyAliases.ceremonyId, ceremonyAliases.normalized], ...updateWhenChanged({ alias: ceremonyAliases.alias }) })
        .prepare(),
      removeOthers: db
        .delete(ceremonyAliases)
        .where(and(eq(ceremonyAliases.ceremonyId, p('parent')), notInArray(ceremonyAliases.normalized, idsInJson(p('keep')))))
        .prepare(),
    },
    members: {
      add: db.insert(memberships).values(placeholders(['groupId', 'memberId'])).onConflictDoNothing().prepare(),
      removeOthers: db.delete(memberships).where(and(eq(memberships.groupId, p('parent')), notInArray(memberships.memberId, keep))).prepare(),
    },
    credits: {
      add: db
        .insert(workCredits)
        .values(placeholders(['workId', 'artistId', 'role', 'position']))
        .onConflictDoUpdate({ target: [workCredits.workId, workCredits.artistId], ...updateWhenChanged({ role: workCredits.role, position: workCredits.position }) })
        .prepare(),
      removeOthers: db.delete(workCredits).where(and(eq(workCredits.workId, p('parent')), notInArray(workCredits.artistId, keep))).prepare(),
    },
    nominationArtists: {
      add: db
        .insert(nominationArtists)
        .values(placeholders(['nominationId', 'artistId', 'position']))
        .onConflictDoUpdate({ target: [nominationArtists.nominationId, nominationArtists.artistId], ...updateWhenChanged({ position: nominationArtists.position }) })
        .prepare(),
      removeOthers: db
        .delete(nominationArtists)
        .where(and(eq(nominationArtists.nominationId, p('parent')), notInArray(nominationArtists.artistId, keep)))
        .prepare(),
    },
    nominationSources: {
      add: db.insert(nominationSources).values(placeholders(['nominationId', 'sourceId'])).onConflictDoNothing().prepare(),
      removeOthers: db
        .delete(nominationSources)
        .where(and(eq(nominationSources.nominationId, p('parent')), notInArray(nominationSources.sourceId, keep)))
        .prepare(),
    },
    milestoneArtists: {
      add: db.insert(milestoneArtists).values(placeholders(['milestoneId', 'artistId'])).onConflictDoNothing().prepare(),
      removeOthers: db
        .delete(milestoneArtists)
        .where(and(eq(milestoneArtists.milestoneId, p('parent')), notInArray(milestoneArtists.artistId, keep)))
        .prepare(),
    },
    milestoneSources: {
      add: db.insert(milestoneSources).values(placeholders(['milestoneId', 'sourceId'])).onConflictDoNothing().prepare(),
      removeOthers: db
        .delete(milestoneSources)
        .where(and(eq(milestoneSources.milestoneId, p('parent')), notInArray(milestoneSources.sourceId, keep)))
        .prepare(),
    },
  };

  const used = <Column extends SQLiteColumn>(column: Column) => db.select({ id: column }).from(column.table).where(isNotNull(column));
  const seedNomination = and(isNull(nominations.importId), isNull(nominations.suggestionId));
  const seedMilestone = and(isNull(milestones.importId), isNull(milestones.suggestionId));
  const prunes: Record<PrunedTable, { run(values: { keep: string }): unknown }> = {
    milestones: db.delete(milestones).where(and(seedMilestone, notInArray(milestones.id, keep))).prepare(),
    nominations: db.delete(nominations).where(and(seedNomination, notInArray(nominations.id, keep))).prepare(),
    works: db
      .delete(works)
      .where(and(notInArray(works.id, keep), notInArray(works.id, used(nominations.workId)), notInArray(works.id, used(milestones.workId))))
      .prepare(),
    editions: db
      .delete(editions)
      .where(and(notInArray(editions.id, keep), notInArray(editions.id, used(nominations.editionId)), notInArray(editions.id, used(milestones.editionId))))
      .prepare(),
    categories: db.delete(categories).where(and(notInArray(categories.id, keep), notInArray(categories.id, used(nominations.categoryId)))).prepare(),
    ceremonies: db
      .delete(ceremonies)
      .where(and(notInArray(ceremonies.id, keep), notInArray(ceremonies.id, used(editions.ceremonyId)), notInArray(ceremonies.id, used(categories.ceremonyId))))
      .prepare(),
    artists: db
      .delete(artists)
      .where(
        and(
          notInArray(artists.id, keep),
          notInArray(artists.id, used(nominationArtists.artistId)),
          notInArray(artists.id, used(milestoneArtists.artistId)),
          notInArray(artists.id, used(workCredits.artistId)),
        ),
      )
      .prepare(),
    sources: db
      .delete(sources)
      .where(
        and(
          notInArray(sources.id, keep),
          notInArray(sources.id, used(nominationSources.sourceId)),
          notInArray(sources.id, used(milestoneSources.sourceId)),
          notInArray(sources.id, used(editions.sourceId)),
          notInArray(sources.id, used(works.releaseSourceId)),
          notInArray(sources.id, used(works.noteSourceId)),
          notInArray(sources.id, used(completeNomineeLists.sourceId)),
        ),
      )
      .prepare(),
  };
  const statements = {
    markContributedWin: db
      .update(nominations)
      .set({ result: 'won' })
      .where(and(eq(nominations.id, p('id')), contributedNomination, isNull(nominations.withdrawnAt), eq(nominations.result, 'nominated')))
      .prepare(),
    removeNomineeList: db
      .delete(completeNomineeLists)
      .where(and(eq(completeNomineeLists.editionId, p('editionId')), eq(completeNomineeLists.categoryId, p('categoryId'))))
      .prepare(),
    setMeta: db
      .insert(storeMeta)
      .values(placeholders(['key', 'value']))
      .onConflictDoUpdate({ target: storeMeta.key, set: { value: excluded(storeMeta.value) } })
      .prepare(),
  };

  /** An upsert's id: returned when the row was inserted or changed, else the known id, else read by its natural key. */
  const idOf = (written: { id: number } | undefined, known: number | undefined, existing: () => { id: number } | undefined): number =>
    written?.id ?? known ?? existing()!.id;
  const fact = (
    written: { id: number } | undefined,
    known: WrittenFact | undefined,
    existing: () => { id: number; contributed: boolean } | undefined,
  ): WrittenFact => {
    if (written) return { id: written.id, contributed: false };
    const row = known ?? existing()!;
    return { id: row.id, contributed: Boolean(row.contributed) };
  };
  const byKey = <Row extends { id: number }>(rows: Row[], keyOf: (row: Row) => string) => new Map(rows.map((row) => [keyOf(row), row.id]));

  function sync<Row>(
    child: { add: { run(row: NoInfer<Row>): unknown }; removeOthers: { run(values: { parent: number; keep: string }): unknown } },
    parent: number,
    rows: readonly Row[],
    keyOf: (row: Row) => number | string,
    replace: boolean,
  ): void {
    for (const row of rows) child.add.run(row);
    if (replace) child.removeOthers.run({ parent, keep: idsOf(rows.map(keyOf)) });
  }

  return {
    source: (row, known) => idOf(upserts.source.get(row), known, () => lookups.source.get({ identifier: row.identifier })),
    artist: (row, known) => idOf(upserts.artist.get(row), known, () => lookups.artist.get({ slug: row.slug })),
    ceremony: (row, known) => idOf(upserts.ceremony.get(row), known, () => lookups.ceremony.get({ slug: row.slug })),
    category: (row, known) =>
      idOf(upserts.category.get(row), known, () => lookups.category.get({ ceremonyId: row.ceremonyId, slug: row.slug })),
    edition: (row, known) =>
      idOf(upserts.edition.get(row), known, () =>
        lookups.edition.get({ ceremonyId: row.ceremonyId, editionKey: row.episode ? row.heldOn : String(row.year) }),
      ),
    work: (row, known) => idOf(upserts.work.get(row), known, () => lookups.work.get({ slug: row.slug })),
    nomination: (row, known) =>
      fact(upserts.nomination.get(row), known, () =>
        lookups.nomination.get({ editionId: row.editionId, categoryId: row.categoryId, nomineeKey: row.nomineeKey }),
      ),
    milestone: (row, known) => fact(upserts.milestone.get(row), known, () => lookups.milestone.get({ key: row.key })),
    existingIds: () => ({
      sources: byKey(everyId.sources.all(), (row) => row.key),
      artists: byKey(everyId.artists.all(), (row) => row.key),
      ceremonies: byKey(everyId.ceremonies.all(), (row) => row.key),
      categories: byKey(everyId.categories.all(), (row) => `${row.ceremonyId}/${row.slug}`),
      editions: byKey(everyId.editions.all(), (row) => `${row.ceremonyId}/${row.editionKey}`),
      works: byKey(everyId.works.all(), (row) => row.key),
      nominations: new Map(
        everyId.nominations.all().map((row) => [`${row.editionId}/${row.categoryId}/${row.nomineeKey}`, { id: row.id, contributed: Boolean(row.contributed) }]),
      ),
      milestones: new Map(everyId.milestones.all().map((row) => [row.key, { id: row.id, contributed: Boolean(row.contributed) }])),
    }),
    nomineeList: (row) => void upserts.nomineeList.run(row),

    aliases: (artistId, name, aliases, replace) =>
      sync(
        children.aliases,
        artistId,
        foldedAliases([{ alias: name, kind: 'name' as AliasKind }, ...aliases]).map((entry) => ({ artistId, ...entry })),
        (row) => row.normalized,
        replace,
      ),
    ceremonyAliases: (ceremonyId, names, replace) =>
      sync(
        children.ceremonyAliases,
        ceremonyId,
        foldedAliases(names.map((alias) => ({ alias }))).map((entry) => ({ ceremonyId, ...entry })),
        (row) => row.normalized,
        replace,
      ),
    members: (groupId, memberIds, replace) =>
      sync(children.members, groupId, memberIds.map((memberId) => ({ groupId, memberId })), (row) => row.memberId, replace),
    credits: (workId, credits, replace) =>
      sync(
        children.credits,
        workId,
        credits.map((credit, position) => ({ workId, artistId: credit.artistId, role: credit.role, position })),
        (row) => row.artistId,
        replace,
      ),
    nominationArtists: (nominationId, artistIds, replace) =>
      sync(
        children.nominationArtists,
        nominationId,
        artistIds.map((artistId, position) => ({ nominationId, artistId, position })),
        (row) => row.artistId,
        replace,
      ),
    nominationSources: (nominationId, sourceIds, replace) =>
      sync(children.nominationSources, nominationId, sourceIds.map((sourceId) => ({ nominationId, sourceId })), (row) => row.sourceId, replace),
    milestoneArtists: (milestoneId, artistIds, replace) =>
      sync(children.milestoneArtists, milestoneId, artistIds.map((artistId) => ({ milestoneId, artistId })), (row) => row.artistId, replace),
    milestoneSources: (milestoneId, sourceIds, replace) =>
      sync(children.milestoneSources, milestoneId, sourceIds.map((sourceId) => ({ milestoneId, sourceId })), (row) => row.sourceId, replace),

    markContributedWin: (id) => void statements.markContributedWin.run({ id }),
    pruneNomineeLists: (kept) => {
      for (const row of lookups.nomineeLists.all()) {
        if (!kept.has(`${row.editionId}/${row.categoryId}`)) statements.removeNomineeList.run(row);
      }
    },
    prune: (table, kept) => void prunes[table].run({ keep: idsOf(kept) }),

    ids: {
      source: (identifier) => lookups.source.get({ identifier })?.id,
      artist: (slug) => lookups.artist.get({ slug })?.id,
      ceremony: (slug) => lookups.ceremony.get({ slug })?.id,
      category: (ceremonyId, slug) => lookups.category.get({ ceremonyId, slug })?.id,
      edition: (ceremonyId, editionKey) => lookups.edition.get({ ceremonyId, editionKey })?.id,
      work: (slug) => lookups.work.get({ slug })?.id,
      nomination: (editionId, categoryId, nomineeKey) => lookups.nomination.get({ editionId, categoryId, nomineeKey })?.id,
      milestone: (key) => lookups.milestone.get({ key })?.id,
      highest: () => lookups.highest.get()!,
    },
    meta: (key) => lookups.meta.get({ key })?.value,
    setMeta: (key, value) => void statements.setMeta.run({ key, value }),
  };
}
