// Reads every contributed fact (imported or approved, not withdrawn) as a file in the seeds/ format:
// the facts, with their provenance, and everything they name (artists, ceremonies and categories,
// editions, works, sources), so that importing the file into a fresh store gives the same facts.
import { and, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LightstickDatabase } from '../database.js';
import {
  artistAliases, artists, categories, ceremonies, ceremonyAliases, editions, imports, milestoneArtists, milestones, milestoneSources, nominationArtists,
  nominations, nominationSources, sources, suggestions, workCredits, works,
} from '../schema.js';
import type { SeedFile } from '../seed/seed-file-schema.js';

type Provenance = NonNullable<NonNullable<SeedFile['nominations']>[number]['provenance']>;

interface RawProvenance {
  importFile: string | null;
  importDigest: string | null;
  importedBy: string | null;
  importedAt: number | null;
  suggestedBy: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
}

const provenanceFields = {
  importFile: imports.fileName,
  importDigest: imports.digest,
  importedBy: imports.importedBy,
  importedAt: imports.importedAt,
  suggestedBy: sql<string | null>`case when ${suggestions.id} is null then null else ${suggestions.suggesterName} || ' (' || ${suggestions.suggesterId} || ')' end`,
  approvedBy: suggestions.reviewerId,
  approvedAt: suggestions.reviewedAt,
};

function toProvenance(row: RawProvenance): Provenance {
  if (row.importFile !== null) {
    return {
      origin: 'import',
      fileName: row.importFile,
      digest: row.importDigest!,
      importedBy: row.importedBy!,
      importedAt: new Date(row.importedAt!).toISOString(),
    };
  }
  return {
    origin: 'suggestion',
    ...(row.suggestedBy !== null ? { suggestedBy: row.suggestedBy } : {}),
    ...(row.approvedBy !== null ? { approvedBy: row.approvedBy } : {}),
    ...(row.approvedAt !== null ? { approvedAt: new Date(row.approvedAt).toISOString() } : {}),
  };
}

/** The record without its null fields: the seeds format leaves out what is not known. */
const withoutNulls = <T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], null> } =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

/** The statements of an export, prepared once for all the rows it reads. */
function exportStatements(db: LightstickDatabase) {
  const p = (name: string) => sql.placeholder(name);
  const contributed = (table: typeof nominations | typeof milestones) =>
    and(or(isNotNull(table.importId), isNotNull(table.suggestionId)), isNull(table.withdrawnAt));
  const episodeDate = sql<string | null>`case when ${editions.episode} = 1 then ${editions.heldOn} end`;
  // A fact's artists and sources as JSON arrays, read in the same statement (SQLite orders within json_group_array).
  const nominationArtistSlugs = sql<string>`(${db
    .select({ slugs: sql`json_group_array(${artists.slug} order by ${nominationArtists.position})` })
    .from(nominationArtists)
    .innerJoin(artists, eq(artists.id, nominationArtists.artistId))
    .where(eq(nominationArtists.nominationId, nominations.id))})`;
  const nominationSourceIds = sql<string>`(${db
    .select({ ids: sql`json_group_array(${sources.identifier})` })
    .from(nominationSources)
    .innerJoin(sources, eq(sources.id, nominationSources.sourceId))
    .where(eq(nominationSources.nominationId, nominations.id))})`;
  const milestoneArtistSlugs = sql<string>`(${db
    .select({ slugs: sql`json_group_array(${artists.slug})` })
    .from(milestoneArtists)
    .innerJoin(artists, eq(artists.id, milestoneArtists.artistId))
    .where(eq(milestoneArtists.milestoneId, milestones.id))})`;
  const milestoneSourceIds = sql<string>`(${db
    .select({ ids: sql`json_group_array(${sources.identifier})` })
    .from(milestoneSources)
    .innerJoin(sources, eq(sources.id, milestoneSources.sourceId))
    .where(eq(milestoneSources.milestoneId, milestones.id))})`;
  const nominated = alias(nominations, 'nominated');
  const nominatedCategory = alias(categories, 'nominated_category');
  const releaseSource = alias(sources, 'release_source');

  return {
    nominations: db
      .select({
        id: nominations.id,
        ceremony: ceremonies.slug,
        year: editions.year,
        date: episodeDate,
        category: categories.slug,
        work: works.slug,
        result: nominations.result,
        artists: nominationArtistSlugs,
        sources: nominationSourceIds,
        ...provenanceFields,
      })
      .from(nominations)
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .leftJoin(works, eq(works.id, nominations.workId))
      .leftJoin(imports, eq(imports.id, nominations.importId))
      .leftJoin(suggestions, eq(suggestions.id, nominations.suggestionId))
      .where(contributed(nominations))
      .orderBy(nominations.id)
      .prepare(),
    milestones: db
      .select({
        key: milestones.key,
        kind: milestones.kind,
        statement: milestones.statement,
        occurredOn: milestones.occurredOn,
        ceremony: ceremonies.slug,
        year: editions.year,
        date: episodeDate,
        nominationCategory: nominatedCategory.slug,
        nomineeKey: nominated.nomineeKey,
        work: works.slug,
        note: milestones.note,
        doubtful: milestones.doubtful,
        attribution: milestones.attribution,
        asOf: milestones.asOf,
        exclusive: milestones.exclusive,
        artists: milestoneArtistSlugs,
        sources: milestoneSourceIds,
        ...provenanceFields,
      })
      .from(milestones)
      .leftJoin(editions, eq(editions.id, milestones.editionId))
      .leftJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .leftJoin(nominated, eq(nominated.id, milestones.nominationId))
      .leftJoin(nominatedCategory, eq(nominatedCategory.id, nominated.categoryId))
      .leftJoin(works, eq(works.id, milestones.workId))
      .leftJoin(imports, eq(imports.id, milestones.importId))
      .leftJoin(suggestions, eq(suggestions.id, milestones.suggestionId))
      .where(contributed(milestones))
      .orderBy(milestones.id)
      .prepare(),
    work: db
      .select({
        id: works.id,
        slug: works.slug,
        title: works.title,
        kind: works.kind,
        releasedOn: works.releasedOn,
        releaseSource: releaseSource.identifier,
      })
      .from(works)
      .leftJoin(releaseSource, eq(releaseSource.id, works.releaseSourceId))
      .where(eq(works.slug, p('slug')))
      .prepare(),
    credits: db
      .select({ artist: artists.slug, role: workCredits.role })
      .from(workCredits)
      .innerJoin(artists, eq(artists.id, workCredits.artistId))
      .where(eq(workCredits.workId, p('workId')))
      .orderBy(workCredits.position)
      .prepare(),
    edition: db
      .select({
        ceremony: ceremonies.slug,
        year: editions.year,
        heldOn: editions.heldOn,
        venue: editions.venue,
        city: editions.city,
        timeZone: editions.timeZone,
        notes: editions.notes,
        source: sources.identifier,
      })
      .from(editions)
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .innerJoin(sources, eq(sources.id, editions.sourceId))
      .where(and(eq(ceremonies.slug, p('ceremony')), eq(editions.editionKey, p('editionKey'))))
      .prepare(),
    ceremony: db
      .select({ id: ceremonies.id, slug: ceremonies.slug, name: ceremonies.name, shortName: ceremonies.shortName, kind: ceremonies.kind })
      .from(ceremonies)
      .where(eq(ceremonies.slug, p('slug')))
      .prepare(),
    ceremonyAliases: db
      .select({ alias: ceremonyAliases.alias })
      .from(ceremonyAliases)
      .where(eq(ceremonyAliases.ceremonyId, p('ceremonyId')))
      .orderBy(sql`${ceremonyAliases}.rowid`)
      .prepare(),
    categories: db
      .select({ slug: categories.slug, name: categories.name, grandPrize: categories.grandPrize })
      .from(categories)
      .where(eq(categories.ceremonyId, p('ceremonyId')))
      .orderBy(categories.id)
      .prepare(),
    artist: db
      .select({ id: artists.id, slug: artists.slug, name: artists.name, kind: artists.kind, kpop: artists.isKpop, kpopNote: artists.kpopNote })
      .from(artists)
      .where(eq(artists.slug, p('slug')))
      .prepare(),
    artistAliases: db
      .select({ alias: artistAliases.alias, kind: artistAliases.kind })
      .from(artistAliases)
      .where(and(eq(artistAliases.artistId, p('artistId')), ne(artistAliases.kind, 'name')))
      .orderBy(sql`${artistAliases}.rowid`)
      .prepare(),
    source: db
      .select({
        id: sources.identifier,
        publishedOn: sources.publishedOn,
        headline: sources.headline,
        outlet: sources.outlet,
        url: sources.url,
        readOn: sources.readOn,
      })
      .from(sources)
      .where(eq(sources.identifier, p('identifier')))
      .prepare(),
  };
}

export function exportContributedFacts(db: LightstickDatabase): SeedFile {
  const statements = exportStatements(db);
  const nominationRows = statements.nominations.all();
  const milestoneRows = statements.milestones.all();

  // Everything the facts name.
  const artistSlugs = new Set<string>();
  const workSlugs = new Set<string>();
  const sourceIds = new Set<string>();
  const editionKeys = new Set<string>();
  const categoryKeys = new Set<string>();
  for (const n of nominationRows) {
    (JSON.parse(n.artists) as string[]).forEach((slug) => artistSlugs.add(slug));
    (JSON.parse(n.sources) as string[]).forEach((id) => sourceIds.add(id));
    if (n.work) workSlugs.add(n.work);
    editionKeys.add(`${n.ceremony}|${n.date ?? n.year}`);
    categoryKeys.add(`${n.ceremony}|${n.category}`);
  }
  for (const m of milestoneRows) {
    (JSON.parse(m.artists) as string[]).forEach((slug) => artistSlugs.add(slug));
    (JSON.parse(m.sources) as string[]).forEach((id) => sourceIds.add(id));
    if (m.work) workSlugs.add(m.work);
    if (m.ceremony) editionKeys.add(`${m.ceremony}|${m.date ?? m.year}`);
    if (m.ceremony && m.nominationCategory) categoryKeys.add(`${m.ceremony}|${m.nominationCategory}`);
  }

  const works = [...workSlugs].map((slug) => {
    const work = statements.work.get({ slug })!;
    const credits = statements.credits.all({ workId: work.id });
    credits.forEach((credit) => artistSlugs.add(credit.artist));
    if (work.releaseSource) sourceIds.add(work.releaseSource);
    return withoutNulls({
      slug: work.slug,
      title: work.title,
      kind: work.kind,
      releasedOn: work.releaseSource ? work.releasedOn : null,
      releaseSource: work.releaseSource,
      credits,
    });
  });

  const editions = [...editionKeys].map((key) => {
    const [ceremony, editionKey] = key.split('|') as [string, string];
    const edition = statements.edition.get({ ceremony, editionKey })!;
    sourceIds.add(edition.source);
    return withoutNulls(edition) as unknown as NonNullable<SeedFile['editions']>[number];
  });

  const ceremonySlugs = new Set([...categoryKeys].map((key) => key.split('|')[0]!));
  for (const key of editionKeys) ceremonySlugs.add(key.split('|')[0]!);
  const ceremonies = [...ceremonySlugs].map((slug) => {
    const ceremony = statements.ceremony.get({ slug })!;
    const aliases = statements.ceremonyAliases
      .all({ ceremonyId: ceremony.id })
      .map((row) => row.alias)
      .filter((alias) => alias !== ceremony.name && alias !== ceremony.shortName);
    const categories = statements.categories
      .all({ ceremonyId: ceremony.id })
      .filter((category) => categoryKeys.has(`${slug}|${category.slug}`))
      .map((category) => ({ slug: category.slug, name: category.name, ...(category.grandPrize ? { grandPrize: true } : {}) }));
    return { slug: ceremony.slug, name: ceremony.name, shortName: ceremony.shortName, kind: ceremony.kind, ...(aliases.length ? { aliases } : {}), categories };
  });

  const artists = [...artistSlugs].sort().map((slug) => {
    const artist = statements.artist.get({ slug })!;
    const aliases = statements.artistAliases.all({ artistId: artist.id });
    return withoutNulls({
      slug: artist.slug,
      name: artist.name,
      kind: artist.kind,
      kpop: artist.kpop,
      kpopNote: artist.kpopNote,
      ...(aliases.length ? { aliases } : {}),
    });
  });

  const sources = [...sourceIds].sort().map((id) => {
    const source = statements.source.get({ identifier: id })!;
    // A living page has no publication date: it is exported, as it is stored, with the day it was read.
    return { id: source.id, headline: source.headline, outlet: source.outlet, ...withoutNulls({ publishedOn: source.publishedOn, url: source.url, readOn: source.readOn }) };
  });

  const nomineeFromKey = (key: string) =>
    key.startsWith('work:') ? { work: key.slice('work:'.length) } : { artists: key.slice('artists:'.length).split('+') };

  return {
    sources,
    artists,
    ceremonies,
    editions,
    works,
    nominations: nominationRows.map((n) => ({
      ceremony: n.ceremony,
      year: n.year,
      ...(n.date ? { date: n.date } : {}),
      category: n.category,
      ...(n.work ? { work: n.work } : { artists: JSON.parse(n.artists) as string[] }),
      result: n.result,
      sources: JSON.parse(n.sources) as string[],
      provenance: toProvenance(n),
    })),
    milestones: milestoneRows.map((m) => ({
      key: m.key,
      kind: m.kind,
      artists: JSON.parse(m.artists) as string[],
      statement: m.statement,
      ...withoutNulls({ occurredOn: m.occurredOn }),
      ...(m.ceremony ? { edition: { ceremony: m.ceremony, year: m.year!, ...(m.date ? { date: m.date } : {}) } } : {}),
      ...(m.nominationCategory && m.nomineeKey ? { nomination: { category: m.nominationCategory, ...nomineeFromKey(m.nomineeKey) } } : {}),
      ...withoutNulls({ work: m.work, note: m.note, attribution: m.attribution, asOf: m.asOf }),
      ...(m.doubtful ? { doubtful: true } : {}),
      ...(m.exclusive ? {} : { exclusive: false }),
      sources: JSON.parse(m.sources) as string[],
      provenance: toProvenance(m),
    })),
  };
}
