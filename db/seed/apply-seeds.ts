// Writes a validated seed set into the store in one transaction, upserting on natural keys so that
// loading twice changes nothing and a corrected fact is updated in place. Rows that the seed files
// no longer hold are removed: the files are the reviewed truth.
import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { normalizeName } from '../../src/core/names.js';
import type { LightstickDatabase } from '../database.js';
import {
  artistAliases,
  artists,
  categories,
  ceremonies,
  ceremonyAliases,
  completeNomineeLists,
  editions,
  memberships,
  milestoneArtists,
  milestoneSources,
  milestones,
  nominationArtists,
  nominationSources,
  nominations,
  sources,
  storeMeta,
  workCredits,
  works,
} from '../schema.js';
import { editionKey, nominationKey, nomineeKey, type SeedSet } from './read-seeds.js';

type Transaction = Parameters<Parameters<LightstickDatabase['transaction']>[0]>[0];

const SEED_DIGEST_KEY = 'seed_digest';

export interface ApplySeedsResult {
  /** False when the store already holds exactly these seed files. */
  loaded: boolean;
}

export function applySeeds(db: LightstickDatabase, set: SeedSet, options: { force?: boolean } = {}): ApplySeedsResult {
  const stored = db.select().from(storeMeta).where(eq(storeMeta.key, SEED_DIGEST_KEY)).get();
  if (!options.force && stored?.value === set.digest) return { loaded: false };

  // better-sqlite3 transactions are synchronous: nothing in here may await.
  db.transaction((tx) => {
    const sourceIds = upsertSources(tx, set);
    const artistIds = upsertArtists(tx, set);
    const { ceremonyIds, categoryIds } = upsertCeremonies(tx, set);
    const editionIds = upsertEditions(tx, set, ceremonyIds, sourceIds);
    const { workIds, creditsByWork } = upsertWorks(tx, set, artistIds, sourceIds);
    const nominationIds = upsertNominations(tx, set, { editionIds, categoryIds, workIds, artistIds, sourceIds, creditsByWork });
    upsertNomineeLists(tx, set, editionIds, categoryIds, sourceIds);
    const milestoneIds = upsertMilestones(tx, set, { editionIds, workIds, artistIds, sourceIds, nominationIds });

    // Dependants first, so that nothing still points at a row being removed.
    pruneRows(tx, milestones, milestones.id, new Set(milestoneIds.values()));
    pruneRows(tx, nominations, nominations.id, new Set(nominationIds.values()));
    pruneRows(tx, works, works.id, new Set(workIds.values()));
    pruneRows(tx, editions, editions.id, new Set(editionIds.values()));
    pruneRows(tx, categories, categories.id, new Set(categoryIds.values()));
    pruneRows(tx, ceremonies, ceremonies.id, new Set(ceremonyIds.values()));
    pruneRows(tx, artists, artists.id, new Set(artistIds.values()));
    pruneRows(tx, sources, sources.id, new Set(sourceIds.values()));

    tx.insert(storeMeta)
      .values({ key: SEED_DIGEST_KEY, value: set.digest })
      .onConflictDoUpdate({ target: storeMeta.key, set: { value: set.digest } })
      .run();
  });
  return { loaded: true };
}

function upsertSources(tx: Transaction, set: SeedSet): Map<string, number> {
  const ids = new Map<string, number>();
  for (const source of set.sources) {
    const values = {
      identifier: source.id,
      publishedOn: source.publishedOn,
      headline: source.headline,
      outlet: source.outlet,
    };
    const row = tx
      .insert(sources)
      .values(values)
      .onConflictDoUpdate({ target: sources.identifier, set: values })
      .returning({ id: sources.id })
      .get();
    ids.set(source.id, row.id);
  }
  return ids;
}

function upsertArtists(tx: Transaction, set: SeedSet): Map<string, number> {
  const ids = new Map<string, number>();
  for (const artist of set.artists) {
    const values = { slug: artist.slug, name: artist.name, kind: artist.kind, isKpop: artist.kpop };
    const row = tx
      .insert(artists)
      .values(values)
      .onConflictDoUpdate({ target: artists.slug, set: values })
      .returning({ id: artists.id })
      .get();
    ids.set(artist.slug, row.id);

    // The artist's own name is its first alias; a listed alias that folds to the same form adds nothing.
    const aliasRows = new Map<string, typeof artistAliases.$inferInsert>();
    for (const { alias, kind } of [{ alias: artist.name, kind: 'name' as const }, ...(artist.aliases ?? [])]) {
      const normalized = normalizeName(alias);
      if (normalized.length > 0 && !aliasRows.has(normalized)) {
        aliasRows.set(normalized, { artistId: row.id, alias, normalized, kind });
      }
    }
    syncChildren(tx, artistAliases, eq(artistAliases.artistId, row.id), [...aliasRows.values()], (a) => a.normalized, {
      target: [artistAliases.artistId, artistAliases.normalized],
      keyColumn: artistAliases.normalized,
    });
  }
  for (const group of set.artists) {
    const groupId = ids.get(group.slug)!;
    const rows = (group.members ?? []).map((slug) => ({ groupId, memberId: ids.get(slug)! }));
    syncChildren(tx, memberships, eq(memberships.groupId, groupId), rows, (m) => String(m.memberId), {
      target: [memberships.groupId, memberships.memberId],
      keyColumn: memberships.memberId,
    });
  }
  return ids;
}

function upsertCeremonies(tx: Transaction, set: SeedSet) {
  const ceremonyIds = new Map<string, number>();
  /** Keyed `ceremony/category`. */
  const categoryIds = new Map<string, number>();
  for (const ceremony of set.ceremonies) {
    const values = { slug: ceremony.slug, name: ceremony.name, shortName: ceremony.shortName };
    const { id } = tx
      .insert(ceremonies)
      .values(values)
      .onConflictDoUpdate({ target: ceremonies.slug, set: values })
      .returning({ id: ceremonies.id })
      .get();
    ceremonyIds.set(ceremony.slug, id);

    const aliasRows = new Map<string, typeof ceremonyAliases.$inferInsert>();
    for (const alias of [ceremony.name, ceremony.shortName, ...(ceremony.aliases ?? [])]) {
      const normalized = normalizeName(alias);
      if (normalized.length > 0 && !aliasRows.has(normalized)) aliasRows.set(normalized, { ceremonyId: id, alias, normalized });
    }
    syncChildren(tx, ceremonyAliases, eq(ceremonyAliases.ceremonyId, id), [...aliasRows.values()], (a) => a.normalized, {
      target: [ceremonyAliases.ceremonyId, ceremonyAliases.normalized],
      keyColumn: ceremonyAliases.normalized,
    });

    for (const category of ceremony.categories) {
      const row = tx
        .insert(categories)
        .values({ ceremonyId: id, slug: category.slug, name: category.name })
        .onConflictDoUpdate({ target: [categories.ceremonyId, categories.slug], set: { name: category.name } })
        .returning({ id: categories.id })
        .get();
      categoryIds.set(`${ceremony.slug}/${category.slug}`, row.id);
    }
  }
  return { ceremonyIds, categoryIds };
}

function upsertEditions(
  tx: Transaction,
  set: SeedSet,
  ceremonyIds: Map<string, number>,
  sourceIds: Map<string, number>,
): Map<string, number> {
  const ids = new Map<string, number>();
  for (const edition of set.editions) {
    const ceremonyId = ceremonyIds.get(edition.ceremony)!;
    const values = {
      ceremonyId,
      year: edition.year,
      heldOn: edition.heldOn ?? null,
      venue: edition.venue ?? null,
      city: edition.city ?? null,
      timeZone: edition.timeZone ?? null,
      notes: edition.notes ?? null,
      sourceId: sourceIds.get(edition.source)!,
    };
    const row = tx
      .insert(editions)
      .values(values)
      .onConflictDoUpdate({ target: [editions.ceremonyId, editions.year], set: values })
      .returning({ id: editions.id })
      .get();
    ids.set(editionKey(edition.ceremony, edition.year), row.id);
  }
  return ids;
}

function upsertWorks(tx: Transaction, set: SeedSet, artistIds: Map<string, number>, sourceIds: Map<string, number>) {
  const workIds = new Map<string, number>();
  /** Artist ids credited on each work, in credit order. */
  const creditsByWork = new Map<string, number[]>();
  for (const work of set.works) {
    const values = {
      slug: work.slug,
      title: work.title,
      kind: work.kind,
      releasedOn: work.releasedOn ?? null,
      releaseSourceId: work.releaseSource !== undefined ? sourceIds.get(work.releaseSource)! : null,
    };
    const { id } = tx
      .insert(works)
      .values(values)
      .onConflictDoUpdate({ target: works.slug, set: values })
      .returning({ id: works.id })
      .get();
    workIds.set(work.slug, id);
    const credits = work.credits.map((credit, position) => ({
      workId: id,
      artistId: artistIds.get(credit.artist)!,
      role: credit.role,
      position,
    }));
    creditsByWork.set(
      work.slug,
      credits.map((c) => c.artistId),
    );
    syncChildren(tx, workCredits, eq(workCredits.workId, id), credits, (c) => String(c.artistId), {
      target: [workCredits.workId, workCredits.artistId],
      keyColumn: workCredits.artistId,
    });
  }
  return { workIds, creditsByWork };
}

interface NominationReferences {
  editionIds: Map<string, number>;
  categoryIds: Map<string, number>;
  workIds: Map<string, number>;
  artistIds: Map<string, number>;
  sourceIds: Map<string, number>;
  creditsByWork: Map<string, number[]>;
}

function upsertNominations(tx: Transaction, set: SeedSet, refs: NominationReferences): Map<string, number> {
  const ids = new Map<string, number>();
  for (const nomination of set.nominations) {
    const key = nomineeKey(nomination);
    const values = {
      editionId: refs.editionIds.get(editionKey(nomination.ceremony, nomination.year))!,
      categoryId: refs.categoryIds.get(`${nomination.ceremony}/${nomination.category}`)!,
      workId: nomination.work !== undefined ? refs.workIds.get(nomination.work)! : null,
      nomineeKey: key,
      result: nomination.result,
    };
    const { id } = tx
      .insert(nominations)
      .values(values)
      .onConflictDoUpdate({
        target: [nominations.editionId, nominations.categoryId, nominations.nomineeKey],
        set: { workId: values.workId, result: values.result },
      })
      .returning({ id: nominations.id })
      .get();
    ids.set(nominationKey(nomination.ceremony, nomination.year, nomination.category, key), id);

    // A work's nomination is also its credited artists' nomination.
    const artistIdList =
      nomination.artists?.map((slug) => refs.artistIds.get(slug)!) ?? refs.creditsByWork.get(nomination.work!)!;
    syncChildren(
      tx,
      nominationArtists,
      eq(nominationArtists.nominationId, id),
      artistIdList.map((artistId, position) => ({ nominationId: id, artistId, position })),
      (row) => String(row.artistId),
      { target: [nominationArtists.nominationId, nominationArtists.artistId], keyColumn: nominationArtists.artistId },
    );
    syncChildren(
      tx,
      nominationSources,
      eq(nominationSources.nominationId, id),
      nomination.sources.map((source) => ({ nominationId: id, sourceId: refs.sourceIds.get(source)! })),
      (row) => String(row.sourceId),
      { target: [nominationSources.nominationId, nominationSources.sourceId], keyColumn: nominationSources.sourceId },
    );
  }
  return ids;
}

function upsertNomineeLists(
  tx: Transaction,
  set: SeedSet,
  editionIds: Map<string, number>,
  categoryIds: Map<string, number>,
  sourceIds: Map<string, number>,
): void {
  const wanted = new Set<string>();
  for (const list of set.nomineeLists) {
    const values = {
      editionId: editionIds.get(editionKey(list.ceremony, list.year))!,
      categoryId: categoryIds.get(`${list.ceremony}/${list.category}`)!,
      sourceId: sourceIds.get(list.source)!,
    };
    tx.insert(completeNomineeLists)
      .values(values)
      .onConflictDoUpdate({
        target: [completeNomineeLists.editionId, completeNomineeLists.categoryId],
        set: { sourceId: values.sourceId },
      })
      .run();
    wanted.add(`${values.editionId}/${values.categoryId}`);
  }
  for (const row of tx.select().from(completeNomineeLists).all()) {
    if (!wanted.has(`${row.editionId}/${row.categoryId}`)) {
      tx.delete(completeNomineeLists)
        .where(and(eq(completeNomineeLists.editionId, row.editionId), eq(completeNomineeLists.categoryId, row.categoryId)))
        .run();
    }
  }
}

function upsertMilestones(
  tx: Transaction,
  set: SeedSet,
  refs: Omit<NominationReferences, 'categoryIds' | 'creditsByWork'> & { nominationIds: Map<string, number> },
): Map<string, number> {
  const ids = new Map<string, number>();
  for (const milestone of set.milestones) {
    const edition = milestone.edition;
    const values = {
      key: milestone.key,
      kind: milestone.kind,
      statement: milestone.statement,
      occurredOn: milestone.occurredOn ?? null,
      editionId: edition ? refs.editionIds.get(editionKey(edition.ceremony, edition.year))! : null,
      nominationId:
        edition && milestone.nomination
          ? refs.nominationIds.get(
              nominationKey(edition.ceremony, edition.year, milestone.nomination.category, nomineeKey(milestone.nomination)),
            )!
          : null,
      workId: milestone.work !== undefined ? refs.workIds.get(milestone.work)! : null,
      note: milestone.note ?? null,
      doubtful: milestone.doubtful ?? false,
    };
    const { id } = tx
      .insert(milestones)
      .values(values)
      .onConflictDoUpdate({ target: milestones.key, set: values })
      .returning({ id: milestones.id })
      .get();
    ids.set(milestone.key, id);
    syncChildren(
      tx,
      milestoneArtists,
      eq(milestoneArtists.milestoneId, id),
      milestone.artists.map((slug) => ({ milestoneId: id, artistId: refs.artistIds.get(slug)! })),
      (row) => String(row.artistId),
      { target: [milestoneArtists.milestoneId, milestoneArtists.artistId], keyColumn: milestoneArtists.artistId },
    );
    syncChildren(
      tx,
      milestoneSources,
      eq(milestoneSources.milestoneId, id),
      milestone.sources.map((source) => ({ milestoneId: id, sourceId: refs.sourceIds.get(source)! })),
      (row) => String(row.sourceId),
      { target: [milestoneSources.milestoneId, milestoneSources.sourceId], keyColumn: milestoneSources.sourceId },
    );
  }
  return ids;
}

/**
 * Makes one parent's child rows equal to `rows`: upserts each, deletes the ones no longer listed.
 * `keyOf` gives a row's key within the parent; `keyColumn` is the column that holds it.
 */
function syncChildren<Row extends Record<string, unknown>>(
  tx: Transaction,
  table: SQLiteTable,
  parentFilter: ReturnType<typeof eq>,
  rows: Row[],
  keyOf: (row: Row) => string,
  conflict: { target: SQLiteColumn[]; keyColumn: SQLiteColumn },
): void {
  for (const row of rows) {
    // Setting the key columns to the values they already hold is harmless and keeps this generic.
    tx.insert(table)
      .values(row as never)
      .onConflictDoUpdate({ target: conflict.target, set: row as never })
      .run();
  }
  const wanted = new Set(rows.map(keyOf));
  const existing = tx
    .select({ key: conflict.keyColumn })
    .from(table)
    .where(parentFilter)
    .all() as { key: string | number }[];
  for (const { key } of existing) {
    if (!wanted.has(String(key))) tx.delete(table).where(and(parentFilter, eq(conflict.keyColumn, key))).run();
  }
}

/** Deletes the rows of a seed-owned table whose ids were not written by this load. */
function pruneRows(tx: Transaction, table: SQLiteTable, idColumn: SQLiteColumn, keep: Set<number>): void {
  const existing = tx.select({ id: idColumn }).from(table).all() as { id: number }[];
  for (const { id } of existing) {
    if (!keep.has(id)) tx.delete(table).where(eq(idColumn, id)).run();
  }
}
