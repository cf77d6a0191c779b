// Writes a validated seed set into the store in one transaction, upserting on natural keys so that
// loading twice changes nothing and a corrected fact is updated in place. Rows that the seed files
// no longer hold are removed: the files are the reviewed truth. Every statement is prepared once,
// since a large store means a million rows.
import type { Statement } from 'better-sqlite3';
import { normalizeName } from '../../src/core/names.js';
import type { LightstickDatabase } from '../database.js';
import { editionKey, nominationKey, nomineeKey, type SeedSet } from './read-seeds.js';

const SEED_DIGEST_KEY = 'seed_digest';

export interface ApplySeedsResult {
  /** False when the store already holds exactly these seed files. */
  loaded: boolean;
}

/** Upserts that return the row id, keyed on each table's natural key. */
const upsertSql = {
  source: `insert into sources (identifier, published_on, headline, outlet) values (?, ?, ?, ?)
    on conflict (identifier) do update set published_on = excluded.published_on, headline = excluded.headline, outlet = excluded.outlet
    returning id`,
  artist: `insert into artists (slug, name, kind, is_kpop) values (?, ?, ?, ?)
    on conflict (slug) do update set name = excluded.name, kind = excluded.kind, is_kpop = excluded.is_kpop returning id`,
  ceremony: `insert into ceremonies (slug, name, short_name) values (?, ?, ?)
    on conflict (slug) do update set name = excluded.name, short_name = excluded.short_name returning id`,
  category: `insert into categories (ceremony_id, slug, name) values (?, ?, ?)
    on conflict (ceremony_id, slug) do update set name = excluded.name returning id`,
  edition: `insert into editions (ceremony_id, year, held_on, venue, city, time_zone, notes, source_id) values (?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (ceremony_id, year) do update set held_on = excluded.held_on, venue = excluded.venue, city = excluded.city,
      time_zone = excluded.time_zone, notes = excluded.notes, source_id = excluded.source_id returning id`,
  work: `insert into works (slug, title, kind, released_on, release_source_id) values (?, ?, ?, ?, ?)
    on conflict (slug) do update set title = excluded.title, kind = excluded.kind, released_on = excluded.released_on,
      release_source_id = excluded.release_source_id returning id`,
  nomination: `insert into nominations (edition_id, category_id, work_id, nominee_key, result) values (?, ?, ?, ?, ?)
    on conflict (edition_id, category_id, nominee_key) do update set work_id = excluded.work_id, result = excluded.result returning id`,
  milestone: `insert into milestones (key, kind, statement, occurred_on, edition_id, nomination_id, work_id, note, doubtful)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (key) do update set kind = excluded.kind, statement = excluded.statement, occurred_on = excluded.occurred_on,
      edition_id = excluded.edition_id, nomination_id = excluded.nomination_id, work_id = excluded.work_id,
      note = excluded.note, doubtful = excluded.doubtful returning id`,
};

/**
 * A parent's list of child rows: upsert each, then delete the parent's rows whose key is not in
 * the list (one statement, the wanted keys passed as a JSON array).
 */
interface ChildTable {
  upsert: Statement;
  deleteOthers: Statement;
}

function childTable(
  client: LightstickDatabase['$client'],
  table: string,
  parentColumn: string,
  keyColumn: string,
  otherColumns: string[],
): ChildTable {
  const columns = [parentColumn, keyColumn, ...otherColumns];
  const update = otherColumns.length > 0 ? `do update set ${otherColumns.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'do nothing';
  return {
    upsert: client.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})
       on conflict (${parentColumn}, ${keyColumn}) ${update}`,
    ),
    deleteOthers: client.prepare(
      `delete from ${table} where ${parentColumn} = ? and ${keyColumn} not in (select value from json_each(?))`,
    ),
  };
}

function syncChildren(child: ChildTable, parentId: number, rows: (string | number | null)[][]): void {
  for (const row of rows) child.upsert.run(parentId, ...row);
  child.deleteOthers.run(parentId, JSON.stringify(rows.map((row) => row[0])));
}

export function applySeeds(db: LightstickDatabase, set: SeedSet, options: { force?: boolean } = {}): ApplySeedsResult {
  const client = db.$client;
  const stored = client.prepare(`select value from store_meta where key = ?`).get(SEED_DIGEST_KEY) as { value: string } | undefined;
  if (!options.force && stored?.value === set.digest) return { loaded: false };

  const upsert = Object.fromEntries(Object.entries(upsertSql).map(([name, sql]) => [name, client.prepare(sql)])) as Record<
    keyof typeof upsertSql,
    Statement
  >;
  const id = (statement: Statement, ...values: unknown[]) => (statement.get(...values) as { id: number }).id;
  const children = {
    aliases: childTable(client, 'artist_aliases', 'artist_id', 'normalized', ['alias', 'kind']),
    members: childTable(client, 'memberships', 'group_id', 'member_id', []),
    ceremonyAliases: childTable(client, 'ceremony_aliases', 'ceremony_id', 'normalized', ['alias']),
    credits: childTable(client, 'work_credits', 'work_id', 'artist_id', ['role', 'position']),
    nominationArtists: childTable(client, 'nomination_artists', 'nomination_id', 'artist_id', ['position']),
    nominationSources: childTable(client, 'nomination_sources', 'nomination_id', 'source_id', []),
    milestoneArtists: childTable(client, 'milestone_artists', 'milestone_id', 'artist_id', []),
    milestoneSources: childTable(client, 'milestone_sources', 'milestone_id', 'source_id', []),
  };

  // better-sqlite3 transactions are synchronous: nothing in here may await.
  client.transaction(() => {
    const sourceIds = new Map(set.sources.map((s) => [s.id, id(upsert.source, s.id, s.publishedOn, s.headline, s.outlet)]));

    const artistIds = new Map<string, number>();
    for (const artist of set.artists) {
      const artistId = id(upsert.artist, artist.slug, artist.name, artist.kind, artist.kpop ? 1 : 0);
      artistIds.set(artist.slug, artistId);
      // The artist's own name is its first alias; a listed alias that folds to the same form adds nothing.
      const aliases = new Map<string, [string, string, string]>();
      for (const { alias, kind } of [{ alias: artist.name, kind: 'name' }, ...(artist.aliases ?? [])]) {
        const normalized = normalizeName(alias);
        if (normalized.length > 0 && !aliases.has(normalized)) aliases.set(normalized, [normalized, alias, kind]);
      }
      syncChildren(children.aliases, artistId, [...aliases.values()]);
    }
    for (const group of set.artists) {
      syncChildren(children.members, artistIds.get(group.slug)!, (group.members ?? []).map((slug) => [artistIds.get(slug)!]));
    }

    const ceremonyIds = new Map<string, number>();
    const categoryIds = new Map<string, number>();
    for (const ceremony of set.ceremonies) {
      const ceremonyId = id(upsert.ceremony, ceremony.slug, ceremony.name, ceremony.shortName);
      ceremonyIds.set(ceremony.slug, ceremonyId);
      const aliases = new Map<string, [string, string]>();
      for (const alias of [ceremony.name, ceremony.shortName, ...(ceremony.aliases ?? [])]) {
        const normalized = normalizeName(alias);
        if (normalized.length > 0 && !aliases.has(normalized)) aliases.set(normalized, [normalized, alias]);
      }
      syncChildren(children.ceremonyAliases, ceremonyId, [...aliases.values()]);
      for (const category of ceremony.categories) {
        categoryIds.set(`${ceremony.slug}/${category.slug}`, id(upsert.category, ceremonyId, category.slug, category.name));
      }
    }

    const editionIds = new Map<string, number>();
    for (const e of set.editions) {
      const editionId = id(
        upsert.edition,
        ceremonyIds.get(e.ceremony)!,
        e.year,
        e.heldOn ?? null,
        e.venue ?? null,
        e.city ?? null,
        e.timeZone ?? null,
        e.notes ?? null,
        sourceIds.get(e.source)!,
      );
      editionIds.set(editionKey(e.ceremony, e.year), editionId);
    }

    const workIds = new Map<string, number>();
    /** Artist ids credited on each work, in credit order. */
    const creditsByWork = new Map<string, number[]>();
    for (const work of set.works) {
      const releaseSource = work.releaseSource !== undefined ? sourceIds.get(work.releaseSource)! : null;
      const workId = id(upsert.work, work.slug, work.title, work.kind, work.releasedOn ?? null, releaseSource);
      workIds.set(work.slug, workId);
      const credited = work.credits.map((credit) => artistIds.get(credit.artist)!);
      creditsByWork.set(work.slug, credited);
      syncChildren(children.credits, workId, work.credits.map((credit, position) => [credited[position]!, credit.role, position]));
    }

    const nominationIds = new Map<string, number>();
    for (const n of set.nominations) {
      const key = nomineeKey(n);
      const editionId = editionIds.get(editionKey(n.ceremony, n.year))!;
      const categoryId = categoryIds.get(`${n.ceremony}/${n.category}`)!;
      const workId = n.work !== undefined ? workIds.get(n.work)! : null;
      const nominationId = id(upsert.nomination, editionId, categoryId, workId, key, n.result);
      nominationIds.set(nominationKey(n.ceremony, n.year, n.category, key), nominationId);
      // A work's nomination is also its credited artists' nomination.
      const nominated = n.artists?.map((slug) => artistIds.get(slug)!) ?? creditsByWork.get(n.work!)!;
      syncChildren(children.nominationArtists, nominationId, nominated.map((artistId, position) => [artistId, position]));
      syncChildren(children.nominationSources, nominationId, n.sources.map((source) => [sourceIds.get(source)!]));
    }

    const listedKeys = new Set<string>();
    const insertList = client.prepare(
      `insert into complete_nominee_lists (edition_id, category_id, source_id) values (?, ?, ?)
       on conflict (edition_id, category_id) do update set source_id = excluded.source_id`,
    );
    for (const list of set.nomineeLists) {
      const editionId = editionIds.get(editionKey(list.ceremony, list.year))!;
      const categoryId = categoryIds.get(`${list.ceremony}/${list.category}`)!;
      insertList.run(editionId, categoryId, sourceIds.get(list.source)!);
      listedKeys.add(`${editionId}/${categoryId}`);
    }
    for (const row of client.prepare(`select edition_id as e, category_id as c from complete_nominee_lists`).all() as { e: number; c: number }[]) {
      if (!listedKeys.has(`${row.e}/${row.c}`)) {
        client.prepare(`delete from complete_nominee_lists where edition_id = ? and category_id = ?`).run(row.e, row.c);
      }
    }

    const milestoneIds: number[] = [];
    for (const m of set.milestones) {
      const edition = m.edition;
      const milestoneId = id(
        upsert.milestone,
        m.key,
        m.kind,
        m.statement,
        m.occurredOn ?? null,
        edition ? editionIds.get(editionKey(edition.ceremony, edition.year))! : null,
        edition && m.nomination
          ? nominationIds.get(nominationKey(edition.ceremony, edition.year, m.nomination.category, nomineeKey(m.nomination)))!
          : null,
        m.work !== undefined ? workIds.get(m.work)! : null,
        m.note ?? null,
        m.doubtful ? 1 : 0,
      );
      milestoneIds.push(milestoneId);
      syncChildren(children.milestoneArtists, milestoneId, m.artists.map((slug) => [artistIds.get(slug)!]));
      syncChildren(children.milestoneSources, milestoneId, m.sources.map((source) => [sourceIds.get(source)!]));
    }

    // Dependants first, so that nothing still points at a row being removed.
    const prune = (table: string, keep: Iterable<number>) =>
      client.prepare(`delete from ${table} where id not in (select value from json_each(?))`).run(JSON.stringify([...keep]));
    prune('milestones', milestoneIds);
    prune('nominations', nominationIds.values());
    prune('works', workIds.values());
    prune('editions', editionIds.values());
    prune('categories', categoryIds.values());
    prune('ceremonies', ceremonyIds.values());
    prune('artists', artistIds.values());
    prune('sources', sourceIds.values());

    client
      .prepare(`insert into store_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`)
      .run(SEED_DIGEST_KEY, set.digest);
  })();
  return { loaded: true };
}
