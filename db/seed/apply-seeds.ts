// Writes a validated seed set into the store in one transaction, upserting on natural keys so that
// loading twice changes nothing and a corrected fact is updated in place. Rows that the seed files
// no longer hold are removed: the files are the reviewed truth of their own facts. Facts that came
// from an import or an approved suggestion are never updated or removed here, nor is anything they
// point at. The rows go in through the one writer of facts, which imports and approvals use too;
// a row that already holds its values is not rewritten, so an unchanged fact keeps every cache.
import type { LightstickDatabase } from '../database.js';
import { factWriterFor } from '../queries/fact-writer.js';
import { editionKey, editionRecordKey, nominationKey, nomineeKey, type SeedSet } from './read-seeds.js';

const SEED_DIGEST_KEY = 'seed_digest';

export interface ApplySeedsResult {
  /** False when the store already holds exactly these seed files. */
  loaded: boolean;
}

/** The digest of the seed files the store last loaded, if any. */
export function loadedSeedDigest(db: LightstickDatabase): string | undefined {
  return factWriterFor(db).meta(SEED_DIGEST_KEY) ?? undefined;
}

export function applySeeds(db: LightstickDatabase, set: SeedSet, options: { force?: boolean } = {}): ApplySeedsResult {
  const writer = factWriterFor(db);
  if (!options.force && writer.meta(SEED_DIGEST_KEY) === set.digest) return { loaded: false };

  // better-sqlite3 transactions are synchronous: nothing in here may await.
  db.$client.transaction(() => {
    // A row above these ids was inserted by this load: it has no old children to remove.
    const before = writer.ids.highest();
    // Every id already in the store, read once: an unchanged row's upsert then needs no look-up.
    const existing = writer.existingIds();

    const sourceIds = new Map(
      set.sources.map((s) => [
        s.id,
        writer.source(
          { identifier: s.id, publishedOn: s.publishedOn ?? null, headline: s.headline, outlet: s.outlet, url: s.url ?? null, readOn: s.readOn ?? null },
          existing.sources.get(s.id),
        ),
      ]),
    );

    const artistIds = new Map<string, number>();
    for (const artist of set.artists) {
      const artistId = writer.artist(
        { slug: artist.slug, name: artist.name, kind: artist.kind, isKpop: artist.kpop, kpopNote: artist.kpopNote ?? null },
        existing.artists.get(artist.slug),
      );
      artistIds.set(artist.slug, artistId);
      writer.aliases(artistId, artist.name, artist.aliases ?? [], artistId <= before.artist);
    }
    for (const group of set.artists) {
      const groupId = artistIds.get(group.slug)!;
      writer.members(groupId, (group.members ?? []).map((slug) => artistIds.get(slug)!), groupId <= before.artist);
    }

    const ceremonyIds = new Map<string, number>();
    const categoryIds = new Map<string, number>();
    for (const ceremony of set.ceremonies) {
      const ceremonyId = writer.ceremony(
        { slug: ceremony.slug, name: ceremony.name, shortName: ceremony.shortName, kind: ceremony.kind ?? 'award_show' },
        existing.ceremonies.get(ceremony.slug),
      );
      ceremonyIds.set(ceremony.slug, ceremonyId);
      writer.ceremonyAliases(ceremonyId, [ceremony.name, ceremony.shortName, ...(ceremony.aliases ?? [])], ceremonyId <= before.ceremony);
      for (const category of ceremony.categories) {
        categoryIds.set(
          `${ceremony.slug}/${category.slug}`,
          writer.category(
            { ceremonyId, slug: category.slug, name: category.name, grandPrize: category.grandPrize ?? false },
            existing.categories.get(`${ceremonyId}/${category.slug}`),
          ),
        );
      }
    }

    const ceremonyKinds = new Map(set.ceremonies.map((c) => [c.slug, c.kind ?? 'award_show']));
    const editionIds = new Map<string, number>();
    for (const e of set.editions) {
      const episode = ceremonyKinds.get(e.ceremony) === 'music_show';
      const ceremonyId = ceremonyIds.get(e.ceremony)!;
      const editionId = writer.edition({
        ceremonyId,
        year: e.year,
        heldOn: e.heldOn ?? null,
        venue: e.venue ?? null,
        city: e.city ?? null,
        timeZone: e.timeZone ?? null,
        notes: e.notes ?? null,
        sourceId: sourceIds.get(e.source)!,
        episode,
      }, existing.editions.get(`${ceremonyId}/${episode ? e.heldOn : e.year}`));
      editionIds.set(editionRecordKey(e, episode ? 'music_show' : 'award_show'), editionId);
    }

    const workIds = new Map<string, number>();
    /** Artist ids credited on each work, in credit order. */
    const creditsByWork = new Map<string, number[]>();
    for (const work of set.works) {
      const workId = writer.work({
        slug: work.slug,
        title: work.title,
        kind: work.kind,
        releasedOn: work.releasedOn ?? null,
        releaseSourceId: work.releaseSource !== undefined ? sourceIds.get(work.releaseSource)! : null,
        note: work.note ?? null,
        noteSourceId: work.noteSource !== undefined ? sourceIds.get(work.noteSource)! : null,
      }, existing.works.get(work.slug));
      workIds.set(work.slug, workId);
      const credited = work.credits.map((credit) => artistIds.get(credit.artist)!);
      creditsByWork.set(work.slug, credited);
      writer.credits(workId, work.credits.map((credit, position) => ({ artistId: credited[position]!, role: credit.role })), workId <= before.work);
    }

    const nominationIds = new Map<string, number>();
    for (const n of set.nominations) {
      const key = nomineeKey(n);
      const edition = editionKey(n.ceremony, n.year, n.date);
      const nominationEdition = editionIds.get(edition)!;
      const nominationCategory = categoryIds.get(`${n.ceremony}/${n.category}`)!;
      const written = writer.nomination({
        editionId: nominationEdition,
        categoryId: nominationCategory,
        workId: n.work !== undefined ? workIds.get(n.work)! : null,
        nomineeKey: key,
        result: n.result,
        awardedOn: n.awardedOn ?? null,
        seedFile: n.origin.file,
        importId: null,
        suggestionId: null,
      }, existing.nominations.get(`${nominationEdition}/${nominationCategory}/${key}`));
      nominationIds.set(nominationKey(edition, n.category, key), written.id);
      // The same fact was contributed first: it stays the contributor's, untouched.
      if (written.contributed) continue;
      const replace = written.id <= before.nomination;
      // A work's nomination is also its credited artists' nomination.
      writer.nominationArtists(written.id, n.artists?.map((slug) => artistIds.get(slug)!) ?? creditsByWork.get(n.work!)!, replace);
      writer.nominationSources(written.id, n.sources.map((source) => sourceIds.get(source)!), replace);
    }

    const listedKeys = new Set<string>();
    for (const list of set.nomineeLists) {
      const editionId = editionIds.get(editionKey(list.ceremony, list.year, list.date))!;
      const categoryId = categoryIds.get(`${list.ceremony}/${list.category}`)!;
      writer.nomineeList({ editionId, categoryId, sourceId: sourceIds.get(list.source)!, complete: list.complete !== false, note: list.note ?? null });
      listedKeys.add(`${editionId}/${categoryId}`);
    }
    writer.pruneNomineeLists(listedKeys);

    const milestoneIds: number[] = [];
    for (const m of set.milestones) {
      const edition = m.edition;
      const editionRef = edition ? editionKey(edition.ceremony, edition.year, edition.date) : null;
      const written = writer.milestone({
        key: m.key,
        kind: m.kind,
        statement: m.statement,
        occurredOn: m.occurredOn ?? null,
        editionId: editionRef ? editionIds.get(editionRef)! : null,
        nominationId: editionRef && m.nomination ? nominationIds.get(nominationKey(editionRef, m.nomination.category, nomineeKey(m.nomination)))! : null,
        workId: m.work !== undefined ? workIds.get(m.work)! : null,
        note: m.note ?? null,
        doubtful: m.doubtful ?? false,
        attribution: m.attribution ?? null,
        asOf: m.asOf ?? null,
        exclusive: m.exclusive !== false,
        seedFile: m.origin.file,
        importId: null,
        suggestionId: null,
      }, existing.milestones.get(m.key));
      // A milestone of this key that was contributed first stays the contributor's.
      if (written.contributed) continue;
      milestoneIds.push(written.id);
      const replace = written.id <= before.milestone;
      writer.milestoneArtists(written.id, m.artists.map((slug) => artistIds.get(slug)!), replace);
      writer.milestoneSources(written.id, m.sources.map((source) => sourceIds.get(source)!), replace);
    }

    // Dependants first, so that nothing still points at a row being removed.
    writer.prune('milestones', milestoneIds);
    writer.prune('nominations', nominationIds.values());
    writer.prune('works', workIds.values());
    writer.prune('editions', editionIds.values());
    writer.prune('categories', categoryIds.values());
    writer.prune('ceremonies', ceremonyIds.values());
    writer.prune('artists', artistIds.values());
    writer.prune('sources', sourceIds.values());

    writer.setMeta(SEED_DIGEST_KEY, set.digest);
  })();
  return { loaded: true };
}
