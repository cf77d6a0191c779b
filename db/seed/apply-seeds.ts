// Writes a validated seed set into the store in one transaction, upserting on natural keys so that
// loading twice changes nothing and a corrected fact is updated in place. Rows that the seed files
// no longer hold are removed: the files are the reviewed truth of their own facts. Facts that came
// from an import or an approved suggestion are never updated or removed here, nor is anything they
// point at. Every statement is prepared once, since a large store means a million rows.
import type { Statement } from 'better-sqlite3';
import { normalizeName } from '../../src/core/names.js';
import type { LightstickDatabase } from '../database.js';
import { editionKey, editionRecordKey, nominationKey, nomineeKey, type SeedSet } from './read-seeds.js';

const SEED_DIGEST_KEY = 'seed_digest';

export interface ApplySeedsResult {
  /** False when the store already holds exactly these seed files. */
  loaded: boolean;
}

/** Upserts that return the row id, keyed on each table's natural key. */
const upsertSql = {
  source: `insert into sources (identifier, published_on, headline, outlet, url, read_on) values (?, ?, ?, ?, ?, ?)
    on conflict (identifier) do update set published_on = excluded.published_on, headline = excluded.headline, outlet = excluded.outlet,
      url = excluded.url, read_on = excluded.read_on
    returning id`,
  artist: `insert into artists (slug, name, kind, is_kpop, kpop_note) values (?, ?, ?, ?, ?)
    on conflict (slug) do update set name = excluded.name, kind = excluded.kind, is_kpop = excluded.is_kpop,
      kpop_note = excluded.kpop_note returning id`,
  ceremony: `insert into ceremonies (slug, name, short_name, kind) values (?, ?, ?, ?)
    on conflict (slug) do update set name = excluded.name, short_name = excluded.short_name, kind = excluded.kind returning id`,
  category: `insert into categories (ceremony_id, slug, name, grand_prize) values (?, ?, ?, ?)
    on conflict (ceremony_id, slug) do update set name = excluded.name, grand_prize = excluded.grand_prize returning id`,
  edition: `insert into editions (ceremony_id, year, held_on, venue, city, time_zone, notes, source_id, episode) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (ceremony_id, edition_key) do update set held_on = excluded.held_on, venue = excluded.venue, city = excluded.city,
      time_zone = excluded.time_zone, notes = excluded.notes, source_id = excluded.source_id returning id`,
  work: `insert into works (slug, title, kind, released_on, release_source_id, note, note_source_id) values (?, ?, ?, ?, ?, ?, ?)
    on conflict (slug) do update set title = excluded.title, kind = excluded.kind, released_on = excluded.released_on,
      release_source_id = excluded.release_source_id, note = excluded.note, note_source_id = excluded.note_source_id returning id`,
  // A contributed fact with the same natural key is left as it is (no row is returned then).
  nomination: `insert into nominations (edition_id, category_id, work_id, nominee_key, result, seed_file) values (?, ?, ?, ?, ?, ?)
    on conflict (edition_id, category_id, nominee_key) do update set work_id = excluded.work_id, result = excluded.result,
      seed_file = excluded.seed_file
      where nominations.import_id is null and nominations.suggestion_id is null returning id`,
  milestone: `insert into milestones (key, kind, statement, occurred_on, edition_id, nomination_id, work_id, note, doubtful,
      attribution, as_of, exclusive, seed_file)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (key) do update set kind = excluded.kind, statement = excluded.statement, occurred_on = excluded.occurred_on,
      edition_id = excluded.edition_id, nomination_id = excluded.nomination_id, work_id = excluded.work_id,
      note = excluded.note, doubtful = excluded.doubtful, attribution = excluded.attribution, as_of = excluded.as_of,
      exclusive = excluded.exclusive, seed_file = excluded.seed_file
      where milestones.import_id is null and milestones.suggestion_id is null returning id`,
};

/**
 * Removes the rows of one table that the seed files no longer hold, keeping those that a
 * contributed fact (or anything else left) still points at: `stillUsed` lists those ids.
 */
const pruneSql = {
  milestones: `delete from milestones where import_id is null and suggestion_id is null
    and id not in (select value from json_each(?))`,
  nominations: `delete from nominations where import_id is null and suggestion_id is null
    and id not in (select value from json_each(?))`,
  works: `delete from works where id not in (select value from json_each(?))
    and id not in (select work_id from nominations where work_id is not null)
    and id not in (select work_id from milestones where work_id is not null)`,
  editions: `delete from editions where id not in (select value from json_each(?))
    and id not in (select edition_id from nominations)
    and id not in (select edition_id from milestones where edition_id is not null)`,
  categories: `delete from categories where id not in (select value from json_each(?))
    and id not in (select category_id from nominations)`,
  ceremonies: `delete from ceremonies where id not in (select value from json_each(?))
    and id not in (select ceremony_id from editions) and id not in (select ceremony_id from categories)`,
  artists: `delete from artists where id not in (select value from json_each(?))
    and id not in (select artist_id from nomination_artists) and id not in (select artist_id from milestone_artists)
    and id not in (select artist_id from work_credits)`,
  sources: `delete from sources where id not in (select value from json_each(?))
    and id not in (select source_id from nomination_sources) and id not in (select source_id from milestone_sources)
    and id not in (select source_id from editions where source_id is not null)
    and id not in (select release_source_id from works where release_source_id is not null)
    and id not in (select note_source_id from works where note_source_id is not null)
    and id not in (select source_id from complete_nominee_lists)`,
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
    const sourceIds = new Map(
      set.sources.map((s) => [s.id, id(upsert.source, s.id, s.publishedOn, s.headline, s.outlet, s.url ?? null, s.readOn ?? null)]),
    );

    const artistIds = new Map<string, number>();
    for (const artist of set.artists) {
      const artistId = id(upsert.artist, artist.slug, artist.name, artist.kind, artist.kpop ? 1 : 0, artist.kpopNote ?? null);
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
      const ceremonyId = id(upsert.ceremony, ceremony.slug, ceremony.name, ceremony.shortName, ceremony.kind ?? 'award_show');
      ceremonyIds.set(ceremony.slug, ceremonyId);
      const aliases = new Map<string, [string, string]>();
      for (const alias of [ceremony.name, ceremony.shortName, ...(ceremony.aliases ?? [])]) {
        const normalized = normalizeName(alias);
        if (normalized.length > 0 && !aliases.has(normalized)) aliases.set(normalized, [normalized, alias]);
      }
      syncChildren(children.ceremonyAliases, ceremonyId, [...aliases.values()]);
      for (const category of ceremony.categories) {
        categoryIds.set(
          `${ceremony.slug}/${category.slug}`,
          id(upsert.category, ceremonyId, category.slug, category.name, category.grandPrize ? 1 : 0),
        );
      }
    }

    const ceremonyKinds = new Map(set.ceremonies.map((c) => [c.slug, c.kind ?? 'award_show']));
    const editionIds = new Map<string, number>();
    for (const e of set.editions) {
      const episode = ceremonyKinds.get(e.ceremony) === 'music_show';
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
        episode ? 1 : 0,
      );
      editionIds.set(editionRecordKey(e, episode ? 'music_show' : 'award_show'), editionId);
    }

    const workIds = new Map<string, number>();
    /** Artist ids credited on each work, in credit order. */
    const creditsByWork = new Map<string, number[]>();
    for (const work of set.works) {
      const releaseSource = work.releaseSource !== undefined ? sourceIds.get(work.releaseSource)! : null;
      const noteSource = work.noteSource !== undefined ? sourceIds.get(work.noteSource)! : null;
      const workId = id(upsert.work, work.slug, work.title, work.kind, work.releasedOn ?? null, releaseSource, work.note ?? null, noteSource);
      workIds.set(work.slug, workId);
      const credited = work.credits.map((credit) => artistIds.get(credit.artist)!);
      creditsByWork.set(work.slug, credited);
      syncChildren(children.credits, workId, work.credits.map((credit, position) => [credited[position]!, credit.role, position]));
    }

    const nominationIds = new Map<string, number>();
    const contributedNomination = client.prepare(
      `select id from nominations where edition_id = ? and category_id = ? and nominee_key = ?`,
    );
    for (const n of set.nominations) {
      const key = nomineeKey(n);
      const editionId = editionIds.get(editionKey(n.ceremony, n.year, n.date))!;
      const categoryId = categoryIds.get(`${n.ceremony}/${n.category}`)!;
      const workId = n.work !== undefined ? workIds.get(n.work)! : null;
      const seeded = upsert.nomination.get(editionId, categoryId, workId, key, n.result, n.origin.file) as { id: number } | undefined;
      if (!seeded) {
        // The same fact was contributed first: it stays the contributor's, untouched.
        const existing = contributedNomination.get(editionId, categoryId, key) as { id: number };
        nominationIds.set(nominationKey(editionKey(n.ceremony, n.year, n.date), n.category, key), existing.id);
        continue;
      }
      const nominationId = seeded.id;
      nominationIds.set(nominationKey(editionKey(n.ceremony, n.year, n.date), n.category, key), nominationId);
      // A work's nomination is also its credited artists' nomination.
      const nominated = n.artists?.map((slug) => artistIds.get(slug)!) ?? creditsByWork.get(n.work!)!;
      syncChildren(children.nominationArtists, nominationId, nominated.map((artistId, position) => [artistId, position]));
      syncChildren(children.nominationSources, nominationId, n.sources.map((source) => [sourceIds.get(source)!]));
    }

    const listedKeys = new Set<string>();
    const insertList = client.prepare(
      `insert into complete_nominee_lists (edition_id, category_id, source_id, complete, note) values (?, ?, ?, ?, ?)
       on conflict (edition_id, category_id) do update set source_id = excluded.source_id, complete = excluded.complete,
         note = excluded.note`,
    );
    for (const list of set.nomineeLists) {
      const editionId = editionIds.get(editionKey(list.ceremony, list.year, list.date))!;
      const categoryId = categoryIds.get(`${list.ceremony}/${list.category}`)!;
      insertList.run(editionId, categoryId, sourceIds.get(list.source)!, list.complete === false ? 0 : 1, list.note ?? null);
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
      const editionRef = edition ? editionKey(edition.ceremony, edition.year, edition.date) : null;
      const seeded = upsert.milestone.get(
        m.key,
        m.kind,
        m.statement,
        m.occurredOn ?? null,
        editionRef ? editionIds.get(editionRef)! : null,
        editionRef && m.nomination ? nominationIds.get(nominationKey(editionRef, m.nomination.category, nomineeKey(m.nomination)))! : null,
        m.work !== undefined ? workIds.get(m.work)! : null,
        m.note ?? null,
        m.doubtful ? 1 : 0,
        m.attribution ?? null,
        m.asOf ?? null,
        m.exclusive === false ? 0 : 1,
        m.origin.file,
      ) as { id: number } | undefined;
      // A milestone of this key that was contributed first stays the contributor's.
      if (!seeded) continue;
      const milestoneId = seeded.id;
      milestoneIds.push(milestoneId);
      syncChildren(children.milestoneArtists, milestoneId, m.artists.map((slug) => [artistIds.get(slug)!]));
      syncChildren(children.milestoneSources, milestoneId, m.sources.map((source) => [sourceIds.get(source)!]));
    }

    // Dependants first, so that nothing still points at a row being removed.
    const prune = (table: keyof typeof pruneSql, keep: Iterable<number>) =>
      client.prepare(pruneSql[table]).run(JSON.stringify([...keep]));
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
