// The store side of contributed facts: the look-ups an import or a suggestion is checked against,
// and the one writer that puts checked facts in, with their provenance. The writer runs inside the
// caller's synchronous better-sqlite3 transaction: nothing here awaits.
import type { Database } from 'better-sqlite3';
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
import type { Ceremony, FactOrigin } from './awards-store.js';
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

const originColumn = (alias: string) =>
  `case when ${alias}.import_id is not null then 'import' when ${alias}.suggestion_id is not null then 'suggestion' else 'seed' end`;

interface RawExisting {
  id: number;
  origin: FactOrigin;
  seedFile: string | null;
  withdrawnAt: number | null;
  withdrawalReason: string | null;
  result: 'won' | 'nominated' | null;
  statement: string | null;
  sources: string;
}

function toExisting(row: RawExisting | undefined): ExistingFact | undefined {
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
  const client = db.$client;
  const statements = {
    artistBySlug: client.prepare(`select id, slug, name, kind from artists where slug = ?`),
    ceremonyBySlug: client.prepare(`select id, slug, name, short_name as shortName, kind from ceremonies where slug = ?`),
    categoriesOf: client.prepare(`select slug, name, grand_prize as grandPrize from categories where ceremony_id = ? order by id`),
    edition: client.prepare(`select id, held_on as heldOn, episode from editions where ceremony_id = ? and edition_key = ?`),
    worksCreditedTo: client.prepare(
      `select w.slug as slug, w.title as title from work_credits wc join works w on w.id = wc.work_id where wc.artist_id = ? order by w.id`,
    ),
    workBySlug: client.prepare(`select id, slug, title from works where slug = ?`),
    workCredits: client.prepare(
      `select a.slug as artistSlug, wc.role as role from work_credits wc join artists a on a.id = wc.artist_id
       where wc.work_id = ? order by wc.position`,
    ),
    slugTaken: {
      artists: client.prepare(`select 1 from artists where slug = ?`),
      ceremonies: client.prepare(`select 1 from ceremonies where slug = ?`),
      works: client.prepare(`select 1 from works where slug = ?`),
    },
    nomination: client.prepare(
      `select n.id as id, ${originColumn('n')} as origin, n.seed_file as seedFile, n.withdrawn_at as withdrawnAt,
         n.withdrawal_reason as withdrawalReason, n.result as result, null as statement,
         (select json_group_array(s.identifier) from nomination_sources ns join sources s on s.id = ns.source_id
           where ns.nomination_id = n.id) as sources
       from editions e
         join categories cat on cat.ceremony_id = e.ceremony_id and cat.slug = @categorySlug
         join nominations n on n.edition_id = e.id and n.category_id = cat.id and n.nominee_key = @nomineeKey
       where e.ceremony_id = @ceremonyId and e.edition_key = @editionKey`,
    ),
    milestone: client.prepare(
      `select m.id as id, ${originColumn('m')} as origin, m.seed_file as seedFile, m.withdrawn_at as withdrawnAt,
         m.withdrawal_reason as withdrawalReason, null as result, m.statement as statement,
         (select json_group_array(s.identifier) from milestone_sources ms join sources s on s.id = ms.source_id
           where ms.milestone_id = m.id) as sources
       from milestones m where m.key = ?`,
    ),
    sourceByIdentifier: client.prepare(
      `select identifier, url, headline as title, outlet as publisher, published_on as publishedOn, read_on as readOn
       from sources where identifier = ?`,
    ),
    importsWithDigest: client.prepare(
      `select id, file_name as fileName, digest, imported_at as importedAt, imported_by as importedBy
       from imports where digest = ? order by id`,
    ),
  };
  return {
    artistBySlug: (slug) => statements.artistBySlug.get(slug) as ReturnType<ContributionLookups['artistBySlug']>,
    ceremonyBySlug: (slug) => statements.ceremonyBySlug.get(slug) as Ceremony | undefined,
    categoriesOf: (ceremonyId) =>
      (statements.categoriesOf.all(ceremonyId) as { slug: string; name: string; grandPrize: number }[]).map((c) => ({
        ...c,
        grandPrize: c.grandPrize === 1,
      })),
    edition: (ceremonyId, editionKey) => {
      const row = statements.edition.get(ceremonyId, editionKey) as { id: number; heldOn: string | null; episode: number } | undefined;
      return row && { ...row, episode: row.episode === 1 };
    },
    worksCreditedTo: (artistId) => statements.worksCreditedTo.all(artistId) as { slug: string; title: string }[],
    workBySlug: (slug) => {
      const work = statements.workBySlug.get(slug) as { id: number; slug: string; title: string } | undefined;
      if (!work) return undefined;
      const credits = statements.workCredits.all(work.id) as { artistSlug: string; role: 'primary' | 'featured' }[];
      return { slug: work.slug, title: work.title, credits };
    },
    slugTaken: (table, slug) => statements.slugTaken[table].get(slug) !== undefined,
    nomination: (ceremonyId, editionKey, categorySlug, nomineeKey) =>
      // The category is found by its slug first, so the whole natural key of nominations is searched.
      toExisting(statements.nomination.get({ ceremonyId, editionKey, categorySlug, nomineeKey }) as RawExisting | undefined),
    milestone: (key) => toExisting(statements.milestone.get(key) as RawExisting | undefined),
    importsWithDigest: (digest) => statements.importsWithDigest.all(digest) as ImportRecord[],
    sourceByIdentifier: (identifier) => statements.sourceByIdentifier.get(identifier) as SourceSpec | undefined,
  };
}

/** Records one import run; its facts point at the returned id. */
export function recordImport(client: Database, record: Omit<ImportRecord, 'id'>): number {
  return (
    client
      .prepare(`insert into imports (file_name, digest, imported_at, imported_by) values (?, ?, ?, ?) returning id`)
      .get(record.fileName, record.digest, record.importedAt, record.importedBy) as { id: number }
  ).id;
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
  client: Database,
  target: { type: 'nomination' | 'milestone'; id: number },
  by: string,
  reason: string,
  at: number,
): 'withdrawn' | 'not-found' | 'seed-fact' | 'already-withdrawn' {
  const table = target.type === 'nomination' ? 'nominations' : 'milestones';
  const row = client
    .prepare(`select import_id as importId, suggestion_id as suggestionId, withdrawn_at as withdrawnAt from ${table} where id = ?`)
    .get(target.id) as { importId: number | null; suggestionId: number | null; withdrawnAt: number | null } | undefined;
  if (!row) return 'not-found';
  if (row.importId === null && row.suggestionId === null) return 'seed-fact';
  if (row.withdrawnAt !== null) return 'already-withdrawn';
  client
    .prepare(`update ${table} set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? where id = ?`)
    .run(at, by, reason, target.id);
  return 'withdrawn';
}
