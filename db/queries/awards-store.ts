// Read access to the awards store: every query the core needs, prepared once. Rows come back as
// plain data; nothing here knows about Discord. A withdrawn fact is in no answer: every query over
// nominations and milestones keeps to `withdrawn_at is null`.
import type {
  AliasEntry, Artist, ArtistAlias, ArtistRef, AwardsFilter, AwardsStore, Ceremony, CeremonyEditionResults, CeremonyKind, EditionRef, FactOrigin, MilestoneFact, NominationFact, SourceRef,
} from '../../src/core/awards-facts.js';
import type { LightstickDatabase } from '../database.js';

// The types are core's: the store implements the port core declares.
export type {
  AliasEntry, Artist, ArtistAlias, ArtistRef, AwardsFilter, AwardsStore, Ceremony, CeremonyEditionResults, CeremonyKind, EditionRef, FactOrigin, MilestoneFact, NominationFact, SourceRef,
};

/** Escapes `%`, `_` and the escape character itself so that a user's text matches literally in LIKE. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const editionJson = (alias: string) => `json_object(
  'id', ${alias}.id, 'ceremonySlug', c.slug, 'ceremonyName', c.name, 'ceremonyShortName', c.short_name,
  'ceremonyKind', c.kind, 'year', ${alias}.year, 'episode', json(case when ${alias}.episode = 1 then 'true' else 'false' end),
  'editionKey', ${alias}.edition_key, 'heldOn', ${alias}.held_on, 'venue', ${alias}.venue, 'city', ${alias}.city,
  'timeZone', ${alias}.time_zone, 'notes', ${alias}.notes)`;

const sourcesJson = (linkTable: string, linkColumn: string, ownerAlias: string) =>
  `(select json_group_array(json_object('identifier', s.identifier, 'publishedOn', s.published_on,
    'headline', s.headline, 'outlet', s.outlet, 'url', s.url, 'readOn', s.read_on))
    from ${linkTable} l join sources s on s.id = l.source_id
    where l.${linkColumn} = ${ownerAlias}.id)`;

// Columns of a nomination fact; `n` is the nomination, `e` its edition, `c` the ceremony.
const originColumn = (alias: string) =>
  `case when ${alias}.import_id is not null then 'import' when ${alias}.suggestion_id is not null then 'suggestion' else 'seed' end`;

const nominationColumns = `n.id as id, n.result as result, ${editionJson('e')} as edition,
  cat.name as categoryName, cat.slug as categorySlug, cat.grand_prize as grandPrize,
  w.title as workTitle, w.released_on as workReleasedOn, w.note as workNote, ${originColumn('n')} as origin,
  (select json_group_array(json_object('id', a.id, 'slug', a.slug, 'name', a.name, 'isKpop', a.is_kpop = 1,
      'role', wc.role, 'hangulName', (select h.alias from artist_aliases h where h.artist_id = a.id and h.kind = 'hangul' order by h.rowid limit 1)))
    from (select * from nomination_artists where nomination_id = n.id order by position) na
    join artists a on a.id = na.artist_id
    left join work_credits wc on wc.work_id = n.work_id and wc.artist_id = na.artist_id) as artists,
  ${sourcesJson('nomination_sources', 'nomination_id', 'n')} as sources`;

const nominationFrom = `from nominations n
  join editions e on e.id = n.edition_id
  join ceremonies c on c.id = e.ceremony_id
  join categories cat on cat.id = n.category_id
  left join works w on w.id = n.work_id`;

const milestoneColumns = `m.id as id, m.key as key, m.kind as kind, m.statement as statement,
  m.occurred_on as occurredOn, m.note as note, m.doubtful as doubtful, m.attribution as attribution, m.as_of as asOf, m.exclusive as exclusive,
  ${originColumn('m')} as origin,
  case when e.id is null then null else ${editionJson('e')} end as edition,
  w.title as workTitle,
  (select json_group_array(json_object('id', a.id, 'slug', a.slug, 'name', a.name, 'isKpop', a.is_kpop = 1,
      'role', null, 'hangulName', (select h.alias from artist_aliases h where h.artist_id = a.id and h.kind = 'hangul' order by h.rowid limit 1)))
    from milestone_artists ma join artists a on a.id = ma.artist_id where ma.milestone_id = m.id) as artists,
  ${sourcesJson('milestone_sources', 'milestone_id', 'm')} as sources`;

const milestoneFrom = `from milestones m
  left join editions e on e.id = m.edition_id
  left join ceremonies c on c.id = e.ceremony_id
  left join works w on w.id = m.work_id`;

interface RawNomination {
  id: number;
  result: 'won' | 'nominated';
  edition: string;
  categoryName: string;
  categorySlug: string;
  grandPrize: number;
  workTitle: string | null;
  workReleasedOn: string | null;
  workNote: string | null;
  origin: FactOrigin;
  artists: string;
  sources: string;
}

interface RawMilestone {
  id: number;
  key: string;
  kind: MilestoneFact['kind'];
  statement: string;
  occurredOn: string | null;
  note: string | null;
  doubtful: number;
  attribution: string | null;
  asOf: string | null;
  exclusive: number;
  origin: FactOrigin;
  edition: string | null;
  workTitle: string | null;
  artists: string;
  sources: string;
}

function toNomination(row: RawNomination): NominationFact {
  return {
    id: row.id,
    result: row.result,
    edition: JSON.parse(row.edition) as EditionRef,
    categoryName: row.categoryName,
    categorySlug: row.categorySlug,
    grandPrize: row.grandPrize === 1,
    workTitle: row.workTitle,
    workReleasedOn: row.workReleasedOn,
    workNote: row.workNote,
    artists: parseArtists(row.artists),
    sources: JSON.parse(row.sources) as SourceRef[],
    origin: row.origin,
  };
}

function toMilestone(row: RawMilestone): MilestoneFact {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    statement: row.statement,
    occurredOn: row.occurredOn,
    note: row.note,
    doubtful: row.doubtful === 1,
    attribution: row.attribution,
    asOf: row.asOf,
    exclusive: row.exclusive === 1,
    edition: row.edition === null ? null : (JSON.parse(row.edition) as EditionRef),
    workTitle: row.workTitle,
    artists: parseArtists(row.artists),
    sources: JSON.parse(row.sources) as SourceRef[],
    origin: row.origin,
  };
}

function parseArtists(json: string): ArtistRef[] {
  return (JSON.parse(json) as (Omit<ArtistRef, 'isKpop'> & { isKpop: number | boolean })[]).map((a) => ({
    ...a,
    isKpop: Boolean(a.isKpop),
  }));
}

function toArtist(row: { id: number; slug: string; name: string; kind: 'group' | 'soloist'; isKpop: number; hangulName: string | null }): Artist {
  return { ...row, isKpop: row.isKpop === 1 };
}

const artistColumns = `a.id as id, a.slug as slug, a.name as name, a.kind as kind, a.is_kpop as isKpop,
  (select h.alias from artist_aliases h where h.artist_id = a.id and h.kind = 'hangul' order by h.rowid limit 1) as hangulName`;

/** The SQL of the hottest queries, exported so that the benchmarks can run the very same queries by hand. */
export const hotQuerySql = {
  artistById: `select ${artistColumns} from artists a where a.id = ?`,
  artistsByAlias: `select distinct ${artistColumns} from artist_aliases al join artists a on a.id = al.artist_id
       where al.normalized = ? order by a.name`,
  membersOf: `select ${artistColumns} from memberships m join artists a on a.id = m.member_id where m.group_id = ? order by a.name`,
  milestonesOf: `select ${milestoneColumns} ${milestoneFrom}
       where m.id in (select milestone_id from milestone_artists where artist_id = ?) and m.withdrawn_at is null`,
  nominationsOf: `select ${nominationColumns} ${nominationFrom}
       where n.id in (select nomination_id from nomination_artists where artist_id = @artistId)
         and (@ceremonyId is null or e.ceremony_id = @ceremonyId)
         and (@year is null or e.year = @year)
         and (@result is null or n.result = @result)
         and n.withdrawn_at is null
       order by e.year desc, coalesce(e.held_on, '') desc, c.name, n.result = 'won' desc, cat.name`,
  winsOnMonthDay: `select ${nominationColumns} ${nominationFrom}
       where e.held_on_month_day = ? and n.result = 'won' and n.withdrawn_at is null
       order by e.held_on, c.name, cat.name`,
  milestonesOnMonthDay: `select ${milestoneColumns} ${milestoneFrom}
       where m.occurred_on_month_day = ? and m.withdrawn_at is null order by m.occurred_on, m.id`,
};

/** The first id at or after a point `fraction` of the way through [low, high], wrapping around. */
function idNear(
  range: { get(): unknown },
  atOrAfter: { get(id: number): unknown },
  fraction: number,
): number | undefined {
  const { low, high } = range.get() as { low: number | null; high: number | null };
  if (low === null || high === null) return undefined;
  const start = low + Math.floor(Math.min(Math.max(fraction, 0), 0.999999) * (high - low + 1));
  const row = (atOrAfter.get(start) ?? atOrAfter.get(low)) as { id: number } | undefined;
  return row?.id;
}

export function createAwardsStore(db: LightstickDatabase): AwardsStore {
  const client = db.$client;
  // Plain better-sqlite3 statements over SQL kept in this module: the hot paths run one prepared
  // statement each and map rows by hand, with no per-call query building.
  const statements = {
    artistById: client.prepare(hotQuerySql.artistById),
    listArtists: client.prepare(`select ${artistColumns} from artists a order by a.is_kpop desc, a.name limit ?`),
    artistsByAlias: client.prepare(hotQuerySql.artistsByAlias),
    aliasesStartingWith: client.prepare(
      `select al.artist_id as artistId, a.name as artistName, al.alias as alias, al.normalized as normalized
       from artist_aliases al join artists a on a.id = al.artist_id
       where al.normalized like ? escape '\\'
       order by al.normalized = ? desc, al.kind = 'name' desc, length(al.normalized), a.name limit ?`,
    ),
    aliasesContaining: client.prepare(
      `select al.artist_id as artistId, a.name as artistName, al.alias as alias, al.normalized as normalized
       from artist_aliases al join artists a on a.id = al.artist_id
       where al.normalized like ? escape '\\'
       order by al.kind = 'name' desc, length(al.normalized), a.name limit ?`,
    ),
    allAliases: client.prepare(
      `select al.artist_id as artistId, a.name as artistName, al.alias as alias, al.normalized as normalized
       from artist_aliases al join artists a on a.id = al.artist_id`,
    ),
    aliasesOf: client.prepare(
      `select alias, kind from artist_aliases where artist_id = ? and kind <> 'name' order by rowid`,
    ),
    membersOf: client.prepare(hotQuerySql.membersOf),
    groupsOf: client.prepare(
      `select ${artistColumns} from memberships m join artists a on a.id = m.group_id where m.member_id = ? order by a.name`,
    ),
    milestonesOf: client.prepare(hotQuerySql.milestonesOf),
    nominationsOf: client.prepare(hotQuerySql.nominationsOf),
    awardCountsOf: client.prepare(
      `select coalesce(sum(n.result = 'won'), 0) as wins, count(*) as nominations
       from nomination_artists na join nominations n on n.id = na.nomination_id
       where na.artist_id = ? and n.withdrawn_at is null`,
    ),
    winsOnMonthDay: client.prepare(hotQuerySql.winsOnMonthDay),
    milestonesOnMonthDay: client.prepare(hotQuerySql.milestonesOnMonthDay),
    ceremonies: client.prepare(`select id, slug, name, short_name as shortName, kind from ceremonies order by name`),
    ceremoniesByAlias: client.prepare(
      `select distinct c.id as id, c.slug as slug, c.name as name, c.short_name as shortName, c.kind as kind
       from ceremony_aliases ca join ceremonies c on c.id = ca.ceremony_id where ca.normalized = ?`,
    ),
    ceremoniesStartingWith: client.prepare(
      `select c.id as id, c.slug as slug, c.name as name, c.short_name as shortName, c.kind as kind, min(ca.alias) as alias
       from ceremony_aliases ca join ceremonies c on c.id = ca.ceremony_id
       where ca.normalized like ? escape '\\' group by c.id order by c.name limit ?`,
    ),
    editionYears: client.prepare(`select distinct year from editions where ceremony_id = ? order by year`),
    // By the edition's key: the year for an annual show, the air date for an episode.
    edition: client.prepare(
      `select ${editionJson('e')} as edition from editions e join ceremonies c on c.id = e.ceremony_id
       where e.ceremony_id = ? and e.edition_key = ? and e.episode = ?`,
    ),
    episodesInYear: client.prepare(
      `select ${editionJson('e')} as edition from editions e join ceremonies c on c.id = e.ceremony_id
       where e.ceremony_id = ? and e.year = ? and e.episode = 1 order by e.held_on`,
    ),
    editionNominations: client.prepare(
      `select ${nominationColumns} ${nominationFrom} where n.edition_id = ? and n.withdrawn_at is null order by cat.name, n.id`,
    ),
    nominationById: client.prepare(`select ${nominationColumns} ${nominationFrom} where n.id = ? and n.withdrawn_at is null`),
    milestoneById: client.prepare(`select ${milestoneColumns} ${milestoneFrom} where m.id = ? and m.withdrawn_at is null`),
    // Over all ids; the seek below then steps to the next win. Separate subqueries, because SQLite
    // answers a lone min() or max() from the primary key but scans the table for both together.
    winIdRange: client.prepare(`select (select min(id) from nominations) as low, (select max(id) from nominations) as high`),
    winIdAtOrAfter: client.prepare(
      `select id from nominations where id >= ? and result = 'won' and withdrawn_at is null order by id limit 1`,
    ),
    milestoneIdRange: client.prepare(`select (select min(id) from milestones) as low, (select max(id) from milestones) as high`),
    milestoneIds: client.prepare(`select id from milestones where doubtful = 0 and withdrawn_at is null order by id`),
    milestoneIdAtOrAfter: client.prepare(
      `select id from milestones where id >= ? and doubtful = 0 and withdrawn_at is null order by id limit 1`,
    ),
    categoryNominations: client.prepare(
      // The category id first, so that the (edition, category) prefix of the natural key is used.
      `select ${nominationColumns} ${nominationFrom}
       where n.edition_id = @editionId and n.category_id = (
         select k.id from categories k join editions x on x.ceremony_id = k.ceremony_id where x.id = @editionId and k.slug = @categorySlug)
         and n.withdrawn_at is null
       order by n.id`,
    ),
    hasCompleteList: client.prepare(
      `select 1 from complete_nominee_lists l join categories cat on cat.id = l.category_id
       where l.edition_id = ? and cat.slug = ? and l.complete = 1`,
    ),
    editions: client.prepare(`select ${editionJson('e')} as edition from editions e join ceremonies c on c.id = e.ceremony_id order by e.year, c.name`),
    worksOf: client.prepare(
      // Works that some live fact is about: a work known only from withdrawn facts is not offered.
      `select w.id as id, w.title as title from work_credits wc join works w on w.id = wc.work_id
       where wc.artist_id = ? and exists (select 1 from nominations n where n.work_id = w.id and n.withdrawn_at is null)
       order by w.id`,
    ),
    artistsOfKind: client.prepare(
      `select ${artistColumns} from artists a where a.kind = ? and a.id >= ? order by a.id limit ?`,
    ),
    artistIdRange: client.prepare(`select (select min(id) from artists) as low, (select max(id) from artists) as high`),
    wonCategoryNamed: client.prepare(
      // CROSS JOIN keeps the artist's few nominations as the outer loop, not the edition's many.
      `select 1 from nomination_artists na cross join nominations n on n.id = na.nomination_id
       join categories cat on cat.id = n.category_id left join works w on w.id = n.work_id
       where na.artist_id = @artistId and n.edition_id = @editionId and cat.name = @categoryName and n.result = 'won'
         and n.withdrawn_at is null
         and (@workTitle is null or w.title = @workTitle) limit 1`,
    ),
    completeCategories: client.prepare(
      `select cat.slug as slug from complete_nominee_lists l join categories cat on cat.id = l.category_id
       where l.edition_id = ? and l.complete = 1`,
    ),
  };

  const resultsOf = (row: unknown): CeremonyEditionResults | undefined => {
    if (!row) return undefined;
    const edition = JSON.parse((row as { edition: string }).edition) as EditionRef;
    return {
      edition,
      nominations: (statements.editionNominations.all(edition.id) as RawNomination[]).map(toNomination),
      completeCategories: new Set((statements.completeCategories.all(edition.id) as { slug: string }[]).map((r) => r.slug)),
    };
  };

  let aliasCache: AliasEntry[] | null = null;
  let editionCache: EditionRef[] | null = null;

  return {
    artistById: (id) => {
      const row = statements.artistById.get(id) as Parameters<typeof toArtist>[0] | undefined;
      return row && toArtist(row);
    },
    listArtists: (limit) => (statements.listArtists.all(limit) as Parameters<typeof toArtist>[0][]).map(toArtist),
    artistsByNormalizedAlias: (normalized) =>
      (statements.artistsByAlias.all(normalized) as Parameters<typeof toArtist>[0][]).map(toArtist),
    aliasesStartingWith: (prefix, limit) =>
      statements.aliasesStartingWith.all(`${escapeLike(prefix)}%`, prefix, limit) as AliasEntry[],
    aliasesContaining: (fragment, limit) =>
      statements.aliasesContaining.all(`%${escapeLike(fragment)}%`, limit) as AliasEntry[],
    allAliases: () => (aliasCache ??= statements.allAliases.all() as AliasEntry[]),
    aliasesOf: (artistId) => statements.aliasesOf.all(artistId) as ArtistAlias[],
    membersOf: (groupId) => (statements.membersOf.all(groupId) as Parameters<typeof toArtist>[0][]).map(toArtist),
    groupsOf: (memberId) => (statements.groupsOf.all(memberId) as Parameters<typeof toArtist>[0][]).map(toArtist),
    milestonesOf: (artistId) => (statements.milestonesOf.all(artistId) as RawMilestone[]).map(toMilestone),
    nominationsOf: (artistId, filter = {}) =>
      (
        statements.nominationsOf.all({
          artistId,
          ceremonyId: filter.ceremonyId ?? null,
          year: filter.year ?? null,
          result: filter.result ?? null,
        }) as RawNomination[]
      ).map(toNomination),
    awardCountsOf: (artistId) => statements.awardCountsOf.get(artistId) as { wins: number; nominations: number },
    winsOnMonthDay: (monthDay) => (statements.winsOnMonthDay.all(monthDay) as RawNomination[]).map(toNomination),
    milestonesOnMonthDay: (monthDay) =>
      (statements.milestonesOnMonthDay.all(monthDay) as RawMilestone[]).map(toMilestone),
    ceremonies: () => statements.ceremonies.all() as Ceremony[],
    ceremoniesByNormalizedAlias: (normalized) => statements.ceremoniesByAlias.all(normalized) as Ceremony[],
    ceremoniesStartingWith: (prefix, limit) =>
      statements.ceremoniesStartingWith.all(`${escapeLike(prefix)}%`, limit) as (Ceremony & { alias: string })[],
    editionYears: (ceremonyId) => (statements.editionYears.all(ceremonyId) as { year: number }[]).map((r) => r.year),
    editionResults: (ceremonyId, year) => resultsOf(statements.edition.get(ceremonyId, String(year), 0)),
    episodesInYear: (ceremonyId, year) =>
      (statements.episodesInYear.all(ceremonyId, year) as { edition: string }[]).map((row) => JSON.parse(row.edition) as EditionRef),
    episodeResults: (ceremonyId, airDate) => resultsOf(statements.edition.get(ceremonyId, airDate, 1)),
    nominationById: (id) => {
      const row = statements.nominationById.get(id) as RawNomination | undefined;
      return row && toNomination(row);
    },
    milestoneById: (id) => {
      const row = statements.milestoneById.get(id) as RawMilestone | undefined;
      return row && toMilestone(row);
    },
    winIdNear: (fraction) => idNear(statements.winIdRange, statements.winIdAtOrAfter, fraction),
    milestoneIdNear: (fraction) => idNear(statements.milestoneIdRange, statements.milestoneIdAtOrAfter, fraction),
    categoryNominations: (editionId, categorySlug) =>
      (statements.categoryNominations.all({ editionId, categorySlug }) as RawNomination[]).map(toNomination),
    nominationsAt: (editionId) => (statements.editionNominations.all(editionId) as RawNomination[]).map(toNomination),
    milestoneIds: () => (statements.milestoneIds.all() as { id: number }[]).map((row) => row.id),
    hasCompleteNomineeList: (editionId, categorySlug) => statements.hasCompleteList.get(editionId, categorySlug) !== undefined,
    editions: () =>
      (editionCache ??= (statements.editions.all() as { edition: string }[]).map((row) => JSON.parse(row.edition) as EditionRef)),
    worksOf: (artistId) => statements.worksOf.all(artistId) as { id: number; title: string }[],
    artistsOfKind: (kind, fraction, limit) => {
      const range = statements.artistIdRange.get() as { low: number | null; high: number | null };
      if (range.low === null || range.high === null) return [];
      const start = range.low + Math.floor(fraction * (range.high - range.low + 1));
      const rows = statements.artistsOfKind.all(kind, start, limit) as Parameters<typeof toArtist>[0][];
      // Wrap around to the start of the range when the random start was near its end.
      const wrapped =
        rows.length < limit ? (statements.artistsOfKind.all(kind, range.low, limit - rows.length) as Parameters<typeof toArtist>[0][]) : [];
      const seen = new Set<number>();
      return [...rows, ...wrapped]
        .filter((row) => !seen.has(row.id) && seen.add(row.id))
        .map(toArtist)
        .sort((a, b) => Number(b.isKpop) - Number(a.isKpop));
    },
    wonCategoryNamed: (artistId, editionId, categoryName, workTitle = null) =>
      statements.wonCategoryNamed.get({ artistId, editionId, categoryName, workTitle }) !== undefined,
    invalidate: () => {
      aliasCache = null;
      editionCache = null;
    },
  };
}
