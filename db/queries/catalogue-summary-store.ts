// Counts over the whole store for /about and the catalogue's figures, kept under the facts revision:
// the store changes only when the revision moves, and /about is asked far more often than that.
import { and, countDistinct, count, eq, isNull, max, min, notExists, sql } from 'drizzle-orm';
import type { CatalogueSummary, CatalogueSummaryStore } from '../../src/core/catalogue-summary.js';
import type { LightstickDatabase } from '../database.js';
import {
  artistAliases,
  artists,
  categories,
  ceremonies,
  editions,
  factsRevision,
  milestoneSources,
  milestones,
  nominationSources,
  nominations,
  sources,
} from '../schema.js';

export function createCatalogueSummaryStore(db: LightstickDatabase): CatalogueSummaryStore {
  const liveNomination = isNull(nominations.withdrawnAt);
  const liveMilestone = isNull(milestones.withdrawnAt);
  const statements = {
    revision: db.select({ revision: factsRevision.revision }).from(factsRevision).where(eq(factsRevision.id, 1)).prepare(),
    artists: db
      .select({ all: count(), kpop: sql<number>`coalesce(sum(${artists.isKpop}), 0)` })
      .from(artists)
      .prepare(),
    withHangul: db.select({ n: countDistinct(artistAliases.artistId) }).from(artistAliases).where(eq(artistAliases.kind, 'hangul')).prepare(),
    ceremonies: db
      .select({
        slug: ceremonies.slug,
        name: ceremonies.name,
        kind: ceremonies.kind,
        wins: sql<number>`count(case when ${nominations.result} = 'won' then 1 end)`,
        grandPrizes: sql<number>`count(case when ${nominations.result} = 'won' and ${categories.grandPrize} then 1 end)`,
        firstYear: min(editions.year),
        lastYear: max(editions.year),
      })
      .from(ceremonies)
      .leftJoin(editions, eq(editions.ceremonyId, ceremonies.id))
      .leftJoin(nominations, and(eq(nominations.editionId, editions.id), liveNomination))
      .leftJoin(categories, eq(categories.id, nominations.categoryId))
      .groupBy(ceremonies.id)
      .orderBy(ceremonies.kind, ceremonies.name)
      .prepare(),
    grandPrizeYears: db
      .selectDistinct({ slug: ceremonies.slug, year: editions.year })
      .from(nominations)
      .innerJoin(categories, eq(categories.id, nominations.categoryId))
      .innerJoin(editions, eq(editions.id, nominations.editionId))
      .innerJoin(ceremonies, eq(ceremonies.id, editions.ceremonyId))
      .where(and(liveNomination, eq(nominations.result, 'won'), eq(categories.grandPrize, true)))
      .orderBy(editions.year)
      .prepare(),
    nominations: db.select({ n: count() }).from(nominations).where(liveNomination).prepare(),
    milestones: db
      .select({ all: count(), debuts: sql<number>`count(case when ${milestones.kind} = 'debut' then 1 end)` })
      .from(milestones)
      .where(liveMilestone)
      .prepare(),
    sources: db.select({ n: count() }).from(sources).prepare(),
    // A day has a fact when an edition held that day has a live nomination, or a live milestone
    // is dated to it (a milestone known only to the month or year is not).
    days: db
      .select({ n: sql<number>`count(distinct day)` })
      .from(
        sql`(select ${editions.heldOnMonthDay} as day from ${editions} join ${nominations} on ${nominations.editionId} = ${editions.id}
              where ${nominations.withdrawnAt} is null and ${editions.heldOn} is not null
             union
             select ${milestones.occurredOnMonthDay} from ${milestones}
              where ${milestones.withdrawnAt} is null and length(${milestones.occurredOn}) = 10)`,
      )
      .prepare(),
    uncitedNominations: db
      .select({ n: count() })
      .from(nominations)
      .where(and(liveNomination, notExists(db.select({ one: sql`1` }).from(nominationSources).where(eq(nominationSources.nominationId, nominations.id)))))
      .prepare(),
    uncitedMilestones: db
      .select({ n: count() })
      .from(milestones)
      .where(and(liveMilestone, notExists(db.select({ one: sql`1` }).from(milestoneSources).where(eq(milestoneSources.milestoneId, milestones.id)))))
      .prepare(),
    collisions: db
      .select({ normalized: artistAliases.normalized })
      .from(artistAliases)
      .groupBy(artistAliases.normalized)
      .having(sql`count(distinct ${artistAliases.artistId}) > 1`)
      .prepare(),
  };

  let kept: { revision: number; summary: CatalogueSummary } | null = null;
  return {
    catalogueSummary() {
      const revision = statements.revision.get()?.revision ?? 0;
      if (kept?.revision === revision) return kept.summary;
      const counts = statements.artists.get()!;
      const milestoneCounts = statements.milestones.get()!;
      const grandPrizeYears = statements.grandPrizeYears.all();
      const summary: CatalogueSummary = {
        artists: counts.all,
        kpopArtists: Number(counts.kpop),
        artistsWithHangul: statements.withHangul.get()?.n ?? 0,
        ceremonies: statements.ceremonies.all().map((c) => ({
          ...c,
          wins: Number(c.wins),
          grandPrizes: Number(c.grandPrizes),
          grandPrizeYears: grandPrizeYears.filter((g) => g.slug === c.slug).map((g) => g.year),
        })),
        nominations: statements.nominations.get()?.n ?? 0,
        milestones: milestoneCounts.all,
        debuts: Number(milestoneCounts.debuts),
        sources: statements.sources.get()?.n ?? 0,
        daysWithFacts: Number(statements.days.get()?.n ?? 0),
        factsWithoutSource: (statements.uncitedNominations.get()?.n ?? 0) + (statements.uncitedMilestones.get()?.n ?? 0),
        collidingNames: statements.collisions.all().map((c) => c.normalized),
      };
      kept = { revision, summary };
      return summary;
    },
  };
}
