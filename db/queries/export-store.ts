// Reads every contributed fact (imported or approved, not withdrawn) as a file in the seeds/ format:
// the facts, with their provenance, and everything they name (artists, ceremonies and categories,
// editions, works, sources), so that importing the file into a fresh store gives the same facts.
import type { SeedFile } from '../seed/seed-file-schema.js';
import type { LightstickDatabase } from '../database.js';

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

const provenanceColumns = (alias: string) => `
  i.file_name as importFile, i.digest as importDigest, i.imported_by as importedBy, i.imported_at as importedAt,
  case when s.id is null then null else s.suggester_name || ' (' || s.suggester_id || ')' end as suggestedBy,
  s.reviewer_id as approvedBy, s.reviewed_at as approvedAt
  from ${alias === 'n' ? 'nominations' : 'milestones'} ${alias}
  left join imports i on i.id = ${alias}.import_id
  left join suggestions s on s.id = ${alias}.suggestion_id`;

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

export function exportContributedFacts(db: LightstickDatabase): SeedFile {
  const client = db.$client;
  const contributed = (alias: string) =>
    `(${alias}.import_id is not null or ${alias}.suggestion_id is not null) and ${alias}.withdrawn_at is null`;

  const nominationRows = client
    .prepare(
      `select n.id as id, c.slug as ceremony, e.year as year, case when e.episode = 1 then e.held_on end as date,
         cat.slug as category, w.slug as work, n.result as result,
         (select json_group_array(a.slug) from (select * from nomination_artists where nomination_id = n.id order by position) na
           join artists a on a.id = na.artist_id) as artists,
         (select json_group_array(src.identifier) from nomination_sources ns join sources src on src.id = ns.source_id
           where ns.nomination_id = n.id) as sources,
         ${provenanceColumns('n')}
       join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
       join categories cat on cat.id = n.category_id left join works w on w.id = n.work_id
       where ${contributed('n')} order by n.id`,
    )
    .all() as (RawProvenance & {
    id: number;
    ceremony: string;
    year: number;
    date: string | null;
    category: string;
    work: string | null;
    result: 'won' | 'nominated';
    artists: string;
    sources: string;
  })[];

  const milestoneRows = client
    .prepare(
      `select m.key as key, m.kind as kind, m.statement as statement, m.occurred_on as occurredOn,
         c.slug as ceremony, e.year as year, case when e.episode = 1 then e.held_on end as date,
         ncat.slug as nominationCategory, nom.nominee_key as nomineeKey, w.slug as work, m.note as note,
         m.doubtful as doubtful, m.attribution as attribution, m.as_of as asOf, m.exclusive as exclusive,
         (select json_group_array(a.slug) from milestone_artists ma join artists a on a.id = ma.artist_id
           where ma.milestone_id = m.id) as artists,
         (select json_group_array(src.identifier) from milestone_sources ms join sources src on src.id = ms.source_id
           where ms.milestone_id = m.id) as sources,
         ${provenanceColumns('m')}
       left join editions e on e.id = m.edition_id left join ceremonies c on c.id = e.ceremony_id
       left join nominations nom on nom.id = m.nomination_id left join categories ncat on ncat.id = nom.category_id
       left join works w on w.id = m.work_id
       where ${contributed('m')} order by m.id`,
    )
    .all() as (RawProvenance & {
    key: string;
    kind: 'first' | 'record' | 'performance' | 'chart' | 'debut';
    statement: string;
    occurredOn: string | null;
    ceremony: string | null;
    year: number | null;
    date: string | null;
    nominationCategory: string | null;
    nomineeKey: string | null;
    work: string | null;
    note: string | null;
    doubtful: number;
    attribution: string | null;
    asOf: string | null;
    exclusive: number;
    artists: string;
    sources: string;
  })[];

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
    const work = client
      .prepare(
        `select w.id as id, w.slug as slug, w.title as title, w.kind as kind, w.released_on as releasedOn, s.identifier as releaseSource
         from works w left join sources s on s.id = w.release_source_id where w.slug = ?`,
      )
      .get(slug) as { id: number; slug: string; title: string; kind: 'song' | 'album'; releasedOn: string | null; releaseSource: string | null };
    const credits = client
      .prepare(
        `select a.slug as artist, wc.role as role from work_credits wc join artists a on a.id = wc.artist_id where wc.work_id = ? order by wc.position`,
      )
      .all(work.id) as { artist: string; role: 'primary' | 'featured' }[];
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
    const edition = client
      .prepare(
        `select c.slug as ceremony, e.year as year, e.held_on as heldOn, e.venue as venue, e.city as city,
           e.time_zone as timeZone, e.notes as notes, s.identifier as source
         from editions e join ceremonies c on c.id = e.ceremony_id join sources s on s.id = e.source_id
         where c.slug = ? and e.edition_key = ?`,
      )
      .get(ceremony, editionKey) as Record<string, string | number | null> & { source: string };
    sourceIds.add(edition.source);
    return withoutNulls(edition) as unknown as NonNullable<SeedFile['editions']>[number];
  });

  const ceremonySlugs = new Set([...categoryKeys].map((key) => key.split('|')[0]!));
  for (const key of editionKeys) ceremonySlugs.add(key.split('|')[0]!);
  const ceremonies = [...ceremonySlugs].map((slug) => {
    const ceremony = client
      .prepare(`select id, slug, name, short_name as shortName, kind from ceremonies where slug = ?`)
      .get(slug) as { id: number; slug: string; name: string; shortName: string; kind: 'award_show' | 'music_show' };
    const aliases = (
      client.prepare(`select alias from ceremony_aliases where ceremony_id = ? order by rowid`).all(ceremony.id) as { alias: string }[]
    )
      .map((row) => row.alias)
      .filter((alias) => alias !== ceremony.name && alias !== ceremony.shortName);
    const categories = (
      client
        .prepare(`select slug, name, grand_prize as grandPrize from categories where ceremony_id = ? order by id`)
        .all(ceremony.id) as { slug: string; name: string; grandPrize: number }[]
    )
      .filter((category) => categoryKeys.has(`${slug}|${category.slug}`))
      .map((category) => ({ slug: category.slug, name: category.name, ...(category.grandPrize ? { grandPrize: true } : {}) }));
    return { slug: ceremony.slug, name: ceremony.name, shortName: ceremony.shortName, kind: ceremony.kind, ...(aliases.length ? { aliases } : {}), categories };
  });

  const artists = [...artistSlugs].sort().map((slug) => {
    const artist = client
      .prepare(`select id, slug, name, kind, is_kpop as kpop, kpop_note as kpopNote from artists where slug = ?`)
      .get(slug) as { id: number; slug: string; name: string; kind: 'group' | 'soloist'; kpop: number; kpopNote: string | null };
    const aliases = client
      .prepare(`select alias, kind from artist_aliases where artist_id = ? and kind <> 'name' order by rowid`)
      .all(artist.id) as { alias: string; kind: 'name' | 'stage' | 'birth' | 'romanisation' | 'hangul' | 'short' }[];
    return withoutNulls({
      slug: artist.slug,
      name: artist.name,
      kind: artist.kind,
      kpop: artist.kpop === 1,
      kpopNote: artist.kpopNote,
      ...(aliases.length ? { aliases } : {}),
    });
  });

  const sources = [...sourceIds].sort().map((id) => {
    const source = client
      .prepare(`select identifier as id, published_on as publishedOn, headline, outlet, url, read_on as readOn from sources where identifier = ?`)
      .get(id) as { id: string; publishedOn: string | null; headline: string; outlet: string | null; url: string | null; readOn: string | null };
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
