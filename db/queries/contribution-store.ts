// The store side of contributed facts: the look-ups an import or a suggestion is checked against,
// and the writing of checked facts, with their provenance, through the one writer of facts. The
// writing runs inside the caller's synchronous better-sqlite3 transaction: nothing here awaits.
import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  editionKeyOf,
  factKey,
  nomineeKeyOf,
  type EditionSpec,
  type FactSpec,
  type NewArtist,
  type NewCategory,
  type NewCeremony,
  type NewWork,
  type SourceSpec,
} from '../../src/core/contributed-facts.js';
import type { ContributionLookups, ExistingFact, ImportRecord } from '../../src/core/contribution-records.js';
import type { LightstickDatabase } from '../database.js';
import {
  artists, categories, ceremonies, editions, imports, milestones, milestoneSources, nominations, nominationSources, sources, workCredits, works,
} from '../schema.js';
import type { FactOrigin } from './awards-store.js';
import type { FactWriter } from './fact-writer.js';

export type { ContributionLookups, ExistingFact, ImportRecord };

/** What the writer is to put in: new things first, then facts (added, or changed in place). */
export interface FactWrite {
  newArtists: NewArtist[];
  newCeremonies: NewCeremony[];
  newCategories: NewCategory[];
  newWorks: NewWork[];
  facts: FactSpec[];
}

/** Who a written fact belongs to. */
export type FactOwner = { importId: number } | { suggestionId: number };

/** Where a fact came from, from its provenance columns. */
const originOf = (table: typeof nominations | typeof milestones) =>
  sql<FactOrigin>`case when ${table.importId} is not null then 'import' when ${table.suggestionId} is not null then 'suggestion' else 'seed' end`;

/**
 * The identifiers of a fact's sources, as a JSON array, read in the same statement. (Built as a
 * joined subquery so that every column is named with its table: `id` alone would be the source's.)
 */
const sourceIdentifiersOf = (
  db: LightstickDatabase,
  links: typeof nominationSources | typeof milestoneSources,
  linkedFact: SQLiteColumn,
  factId: SQLiteColumn,
) =>
  sql<string>`(${db
    .select({ identifiers: sql`json_group_array(${sources.identifier})` })
    .from(links)
    .innerJoin(sources, eq(sources.id, links.sourceId))
    .where(eq(linkedFact, factId))})`;

function toExisting(row: Omit<ExistingFact, 'withdrawn' | 'sourceIdentifiers'> & { withdrawnAt: number | null; sources: string } | undefined): ExistingFact | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    origin: row.origin,
    seedFile: row.seedFile,
    withdrawn: row.withdrawnAt !== null,
    withdrawalReason: row.withdrawalReason,
    result: row.result,
    statement: row.statement,
    sourceIdentifiers: JSON.parse(row.sources) as string[],
  };
}

export function createContributionLookups(db: LightstickDatabase): ContributionLookups {
  const p = (name: string) => sql.placeholder(name);
  const statements = {
    artistBySlug: db.select({ id: artists.id, slug: artists.slug, name: artists.name, kind: artists.kind }).from(artists).where(eq(artists.slug, p('slug'))).prepare(),
    ceremonyBySlug: db
      .select({ id: ceremonies.id, slug: ceremonies.slug, name: ceremonies.name, shortName: ceremonies.shortName, kind: ceremonies.kind })
      .from(ceremonies)
      .where(eq(ceremonies.slug, p('slug')))
      .prepare(),
    categoriesOf: db
      .select({ slug: categories.slug, name: categories.name, grandPrize: categories.grandPrize })
      .from(categories)
      .where(eq(categories.ceremonyId, p('ceremonyId')))
      .orderBy(categories.id)
      .prepare(),
    edition: db
      .select({ id: editions.id, heldOn: editions.heldOn, episode: editions.episode })
      .from(editions)
      .where(and(eq(editions.ceremonyId, p('ceremonyId')), eq(editions.editionKey, p('editionKey'))))
      .prepare(),
    worksCreditedTo: db
      .select({ slug: works.slug, title: works.title })
      .from(workCredits)
      .innerJoin(works, eq(works.id, workCredits.workId))
      .where(eq(workCredits.artistId, p('artistId')))
      .orderBy(works.id)
      .prepare(),
    workBySlug: db.select({ id: works.id, slug: works.slug, title: works.title }).from(works).where(eq(works.slug, p('slug'))).prepare(),
    workCredits: db
      .select({ artistSlug: artists.slug, role: workCredits.role })
      .from(workCredits)
      .innerJoin(artists, eq(artists.id, workCredits.artistId))
      .where(eq(workCredits.workId, p('workId')))
      .orderBy(workCredits.position)
      .prepare(),
    slugTaken: {
      artists: db.select({ id: artists.id }).from(artists).where(eq(artists.slug, p('slug'))).prepare(),
      ceremonies: db.select({ id: ceremonies.id }).from(ceremonies).where(eq(ceremonies.slug, p('slug'))).prepare(),
      works: db.select({ id: works.id }).from(works).where(eq(works.slug, p('slug'))).prepare(),
    },
    nomination: db
      .select({
        id: nominations.id,
        origin: originOf(nominations),
        seedFile: nominations.seedFile,
        withdrawnAt: nominations.withdrawnAt,
        withdrawalReason: nominations.withdrawalReason,
        result: nominations.result,
        statement: sql<string | null>`null`,
        sources: sourceIdentifiersOf(db, nominationSources, nominationSources.nominationId, nominations.id),
      })
      // The category is found by its slug first, so the whole natural key of nominations is searched.
      .from(editions)
      .innerJoin(categories, and(eq(categories.ceremonyId, editions.ceremonyId), eq(categories.slug, p('categorySlug'))))
      .innerJoin(
        nominations,
        and(eq(nominations.editionId, editions.id), eq(nominations.categoryId, categories.id), eq(nominations.nomineeKey, p('nomineeKey'))),
      )
      .where(and(eq(editions.ceremonyId, p('ceremonyId')), eq(editions.editionKey, p('editionKey'))))
      .prepare(),
    milestone: db
      .select({
        id: milestones.id,
        origin: originOf(milestones),
        seedFile: milestones.seedFile,
        withdrawnAt: milestones.withdrawnAt,
        withdrawalReason: milestones.withdrawalReason,
        result: sql<'won' | 'nominated' | null>`null`,
        statement: milestones.statement,
        sources: sourceIdentifiersOf(db, milestoneSources, milestoneSources.milestoneId, milestones.id),
      })
      .from(milestones)
      .where(eq(milestones.key, p('key')))
      .prepare(),
    sourceByIdentifier: db
      .select({
        identifier: sources.identifier,
        url: sources.url,
        title: sources.headline,
        publisher: sources.outlet,
        publishedOn: sources.publishedOn,
        readOn: sources.readOn,
      })
      .from(sources)
      .where(eq(sources.identifier, p('identifier')))
      .prepare(),
    importsWithDigest: db
      .select({ id: imports.id, fileName: imports.fileName, digest: imports.digest, importedAt: imports.importedAt, importedBy: imports.importedBy })
      .from(imports)
      .where(eq(imports.digest, p('digest')))
      .orderBy(imports.id)
      .prepare(),
  };
  return {
    artistBySlug: (slug) => statements.artistBySlug.get({ slug }),
    ceremonyBySlug: (slug) => statements.ceremonyBySlug.get({ slug }),
    categoriesOf: (ceremonyId) => statements.categoriesOf.all({ ceremonyId }),
    edition: (ceremonyId, editionKey) => statements.edition.get({ ceremonyId, editionKey }),
    worksCreditedTo: (artistId) => statements.worksCreditedTo.all({ artistId }),
    workBySlug: (slug) => {
      const work = statements.workBySlug.get({ slug });
      if (!work) return undefined;
      return { slug: work.slug, title: work.title, credits: statements.workCredits.all({ workId: work.id }) };
    },
    slugTaken: (table, slug) => statements.slugTaken[table].get({ slug }) !== undefined,
    nomination: (ceremonyId, editionKey, categorySlug, nomineeKey) =>
      toExisting(statements.nomination.get({ ceremonyId, editionKey, categorySlug, nomineeKey })),
    milestone: (key) => toExisting(statements.milestone.get({ key })),
    importsWithDigest: (digest) => statements.importsWithDigest.all({ digest }),
    sourceByIdentifier: (identifier) => statements.sourceByIdentifier.get({ identifier }),
  };
}

/** Records one import run; its facts point at the returned id. */
export function recordImport(db: LightstickDatabase, record: Omit<ImportRecord, 'id'>): number {
  return db.insert(imports).values(record).returning({ id: imports.id }).get().id;
}

/**
 * Writes checked facts and everything new they need, through the one writer of facts. Must run
 * inside a transaction. A fact whose natural key is already in the store is changed in place only
 * when it is itself contributed and live: its result may go from nominated to won, and its new
 * sources are added. Returns each fact's row id by `factKey`.
 */
export function writeFacts(writer: FactWriter, write: FactWrite, owner: FactOwner): Map<string, number> {
  const importId = 'importId' in owner ? owner.importId : null;
  const suggestionId = 'suggestionId' in owner ? owner.suggestionId : null;
  const { ids: existing } = writer;

  for (const artist of write.newArtists) {
    const artistId = writer.artist({ slug: artist.slug, name: artist.name, kind: artist.kind, isKpop: artist.isKpop, kpopNote: artist.kpopNote });
    writer.aliases(artistId, artist.name, artist.aliases, false);
  }
  for (const ceremony of write.newCeremonies) {
    const ceremonyId = writer.ceremony({ slug: ceremony.slug, name: ceremony.name, shortName: ceremony.shortName, kind: ceremony.kind });
    writer.ceremonyAliases(ceremonyId, [ceremony.name, ceremony.shortName, ...ceremony.aliases], false);
  }
  const ceremonyId = (slug: string) => existing.ceremony(slug)!;
  const artistId = (slug: string) => existing.artist(slug)!;
  for (const category of write.newCategories) {
    const ceremony = ceremonyId(category.ceremonySlug);
    // A category another writer added meanwhile is left as it is.
    if (existing.category(ceremony, category.slug) === undefined) {
      writer.category({ ceremonyId: ceremony, slug: category.slug, name: category.name, grandPrize: category.grandPrize });
    }
  }
  for (const work of write.newWorks) {
    const workId = writer.work({ slug: work.slug, title: work.title, kind: work.kind, releasedOn: work.releasedOn, releaseSourceId: null, note: null, noteSourceId: null });
    writer.credits(workId, work.credits.map((credit) => ({ artistId: artistId(credit.artistSlug), role: credit.role })), false);
  }

  // A source already cited stays as it was first recorded.
  const sourceId = (source: SourceSpec) =>
    existing.source(source.identifier) ??
    writer.source({
      identifier: source.identifier,
      publishedOn: source.publishedOn,
      headline: source.title,
      outlet: source.publisher,
      url: source.url,
      readOn: source.readOn,
    });
  const editionId = (edition: EditionSpec, firstSource: SourceSpec) => {
    const ceremony = ceremonyId(edition.ceremonySlug);
    return (
      existing.edition(ceremony, editionKeyOf(edition)) ??
      writer.edition({
        ceremonyId: ceremony,
        year: edition.year,
        heldOn: edition.airDate ?? edition.heldOn,
        venue: edition.venue,
        city: edition.city,
        timeZone: edition.timeZone,
        notes: edition.notes,
        sourceId: sourceId(firstSource),
        episode: edition.airDate !== null,
      })
    );
  };
  /** The nomination a milestone rests on, by its natural key within the edition. */
  const nominationAt = (edition: number, ceremonySlug: string, on: { categorySlug: string; nomineeKey: string }) => {
    const category = existing.category(ceremonyId(ceremonySlug), on.categorySlug);
    return category === undefined ? null : (existing.nomination(edition, category, on.nomineeKey) ?? null);
  };
  const workId = (slug: string | null) => (slug === null ? null : (existing.work(slug) ?? null));

  const ids = new Map<string, number>();
  for (const fact of write.facts) {
    const sourceIds = fact.sources.map(sourceId);
    if (fact.type === 'nomination') {
      const edition = editionId(fact.edition, fact.sources[0]!);
      const category = existing.category(ceremonyId(fact.edition.ceremonySlug), fact.categorySlug)!;
      const nomineeKey = nomineeKeyOf(fact.workSlug, fact.artistSlugs);
      let nominationId = existing.nomination(edition, category, nomineeKey);
      if (nominationId !== undefined) {
        // Only a live contributed fact changes, and a win is never turned back into a nomination.
        if (fact.result === 'won') writer.markContributedWin(nominationId);
      } else {
        nominationId = writer.nomination({
          editionId: edition,
          categoryId: category,
          workId: workId(fact.workSlug),
          nomineeKey,
          result: fact.result,
          awardedOn: null,
          seedFile: null,
          importId,
          suggestionId,
        }).id;
        writer.nominationArtists(nominationId, fact.artistSlugs.map(artistId), false);
      }
      writer.nominationSources(nominationId, sourceIds, false);
      ids.set(factKey(fact), nominationId);
    } else {
      let milestoneId = existing.milestone(fact.key);
      if (milestoneId === undefined) {
        const edition = fact.edition ? editionId(fact.edition, fact.sources[0]!) : null;
        const nomination = edition !== null && fact.nomination ? nominationAt(edition, fact.edition!.ceremonySlug, fact.nomination) : null;
        milestoneId = writer.milestone({
          key: fact.key,
          kind: fact.kind,
          statement: fact.statement,
          occurredOn: fact.occurredOn,
          editionId: edition,
          nominationId: nomination,
          workId: workId(fact.workSlug),
          note: fact.note,
          doubtful: fact.doubtful,
          attribution: fact.attribution,
          asOf: fact.asOf,
          exclusive: fact.exclusive,
          seedFile: null,
          importId,
          suggestionId,
        }).id;
        writer.milestoneArtists(milestoneId, fact.artistSlugs.map(artistId), false);
      }
      writer.milestoneSources(milestoneId, sourceIds, false);
      ids.set(factKey(fact), milestoneId);
    }
  }
  return ids;
}

/**
 * Withdraws a contributed fact: hidden from every read, kept with who, when and why. A seed fact
 * cannot be withdrawn (its file is its truth), nor a fact twice.
 */
export function withdrawFact(
  db: LightstickDatabase,
  target: { type: 'nomination' | 'milestone'; id: number },
  by: string,
  reason: string,
  at: number,
): 'withdrawn' | 'not-found' | 'seed-fact' | 'already-withdrawn' {
  const table = target.type === 'nomination' ? nominations : milestones;
  const row = db
    .select({ importId: table.importId, suggestionId: table.suggestionId, withdrawnAt: table.withdrawnAt })
    .from(table as typeof nominations)
    .where(eq(table.id, target.id))
    .get();
  if (!row) return 'not-found';
  if (row.importId === null && row.suggestionId === null) return 'seed-fact';
  if (row.withdrawnAt !== null) return 'already-withdrawn';
  db.update(table as typeof nominations).set({ withdrawnAt: at, withdrawnBy: by, withdrawalReason: reason }).where(eq(table.id, target.id)).run();
  return 'withdrawn';
}
