// Suggestions and their review: the queue, an approval's writing (the fact goes live in the same transaction),
// rejection with a reason, and a fan's own suggestions with their outcomes. Who may review is the
// caller's decision; this records ids.
import type { FactSpec } from '../../src/core/contributed-facts.js';
import type {
  ApprovalOutcome,
  RejectionOutcome,
  Suggestion,
  SuggestionStore,
  SuggestionSubmission,
} from '../../src/core/suggestion-records.js';
import type { SuggestionCreations, SuggestionInput } from '../../src/core/suggestions.js';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LightstickDatabase } from '../database.js';
import { suggestions } from '../schema.js';
import type { FactsChanged, FactsRevisionReader } from '../../src/core/awards-facts.js';
import { withdrawFact, writeFacts } from './contribution-store.js';
import { factWriterFor } from './fact-writer.js';

export type { ApprovalOutcome, RejectionOutcome, Suggestion, SuggestionStore, SuggestionSubmission };

/** What the review queue is handed by whoever builds it: core's limit, which the store keeps in its transaction but does not define. */
export interface SuggestionRules {
  /** At most this many suggestions of one fan wait at once. */
  maxWaitingPerSuggester: number;
}

type SuggestionRow = typeof suggestions.$inferSelect;

function toSuggestion(row: Omit<SuggestionRow, 'naturalKey'> | undefined): Suggestion | undefined {
  if (!row) return undefined;
  const proposal = JSON.parse(row.proposal) as { input: SuggestionInput; fact: FactSpec };
  return {
    id: row.id,
    kind: row.kind,
    input: proposal.input,
    fact: proposal.fact,
    creates: JSON.parse(row.creates) as SuggestionCreations,
    suggester: { userId: row.suggesterId, name: row.suggesterName, guildId: row.guildId },
    createdAt: row.createdAt,
    status: row.status,
    reviewerId: row.reviewerId,
    reviewedAt: row.reviewedAt,
    rejectionReason: row.rejectionReason,
    nominationId: row.nominationId,
    milestoneId: row.milestoneId,
  };
}

const suggestionFields = {
  id: suggestions.id,
  kind: suggestions.kind,
  proposal: suggestions.proposal,
  creates: suggestions.creates,
  suggesterId: suggestions.suggesterId,
  suggesterName: suggestions.suggesterName,
  guildId: suggestions.guildId,
  createdAt: suggestions.createdAt,
  status: suggestions.status,
  reviewerId: suggestions.reviewerId,
  reviewedAt: suggestions.reviewedAt,
  rejectionReason: suggestions.rejectionReason,
  nominationId: suggestions.nominationId,
  milestoneId: suggestions.milestoneId,
};

const p = (name: string) => sql.placeholder(name);

export function createSuggestionStore(db: LightstickDatabase, store: FactsChanged & FactsRevisionReader, rules: SuggestionRules): SuggestionStore {
  const client = db.$client;
  const after = alias(suggestions, 'after');
  const writer = factWriterFor(db);
  const waiting = eq(suggestions.status, 'waiting');
  const queueOrder = [asc(suggestions.createdAt), asc(suggestions.id)];
  const statements = {
    insert: db
      .insert(suggestions)
      .values({
        kind: p('kind'),
        proposal: p('proposal'),
        naturalKey: p('naturalKey'),
        creates: p('creates'),
        suggesterId: p('suggesterId'),
        suggesterName: p('suggesterName'),
        guildId: p('guildId'),
        createdAt: p('createdAt'),
        status: 'waiting',
      })
      .returning({ id: suggestions.id })
      .prepare(),
    byId: db.select(suggestionFields).from(suggestions).where(eq(suggestions.id, p('id'))).prepare(),
    waitingCount: db.select({ n: count() }).from(suggestions).where(and(eq(suggestions.suggesterId, p('suggesterId')), waiting)).prepare(),
    waitingWithKey: db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(and(eq(suggestions.naturalKey, p('key')), waiting))
      .orderBy(suggestions.id)
      .limit(1)
      .prepare(),
    oldestWaiting: db.select(suggestionFields).from(suggestions).where(waiting).orderBy(...queueOrder).limit(1).prepare(),
    // A row-value comparison: the builder has no (a, b) > (c, d), so a typed fragment (covered by test/commands/review-buttons.test.ts).
    waitingAfter: db
      .select(suggestionFields)
      .from(suggestions)
      .where(
        and(
          waiting,
          sql<boolean>`(${suggestions.createdAt}, ${suggestions.id}) > (${db
            .select({ createdAt: after.createdAt, id: after.id })
            .from(after)
            .where(eq(after.id, p('after')))})`,
        ),
      )
      .orderBy(...queueOrder)
      .limit(1)
      .prepare(),
    waitingTotal: db.select({ n: count() }).from(suggestions).where(waiting).prepare(),
    by: db
      .select(suggestionFields)
      .from(suggestions)
      .where(eq(suggestions.suggesterId, p('suggesterId')))
      .orderBy(desc(suggestions.createdAt), desc(suggestions.id))
      .limit(p('limit'))
      .prepare(),
    markApproved: db
      .update(suggestions)
      .set({
        status: 'approved',
        reviewerId: sql`${p('reviewerId')}`,
        reviewedAt: sql`${p('reviewedAt')}`,
        nominationId: sql`${p('nominationId')}`,
        milestoneId: sql`${p('milestoneId')}`,
      })
      .where(and(eq(suggestions.id, p('id')), waiting))
      .prepare(),
    markRejected: db
      .update(suggestions)
      .set({ status: 'rejected', reviewerId: sql`${p('reviewerId')}`, reviewedAt: sql`${p('reviewedAt')}`, rejectionReason: sql`${p('reason')}` })
      .where(and(eq(suggestions.id, p('id')), waiting))
      .prepare(),
  };
  const byId = (id: number) => toSuggestion(statements.byId.get({ id }));
  const waitingCountOf = (suggesterId: string) => statements.waitingCount.get({ suggesterId })?.n ?? 0;
  const waitingWithKey = (key: string) => statements.waitingWithKey.get({ key });

  return {
    waitingCountOf,
    waitingWithKey,
    byId,
    submit: (checked, suggester, now) =>
      client.transaction((): SuggestionSubmission => {
        if (waitingCountOf(suggester.userId) >= rules.maxWaitingPerSuggester) return { status: 'too-many-waiting', limit: rules.maxWaitingPerSuggester };
        const waiting = waitingWithKey(checked.naturalKey);
        if (waiting) return { status: 'duplicate-waiting', suggestionId: waiting.id };
        const { id } = statements.insert.get({
          kind: checked.input.kind,
          proposal: JSON.stringify({ input: checked.input, fact: checked.fact }),
          naturalKey: checked.naturalKey,
          creates: JSON.stringify(checked.creates),
          suggesterId: suggester.userId,
          suggesterName: suggester.name,
          guildId: suggester.guildId,
          createdAt: now.getTime(),
        })!;
        return { status: 'created', suggestion: byId(id)! };
      })(),
    oldestWaiting: (after) =>
      toSuggestion(after === undefined ? statements.oldestWaiting.get() : statements.waitingAfter.get({ after })),
    waitingTotal: () => statements.waitingTotal.get()?.n ?? 0,
    recordApproval: (id, checked, reviewerId, now, decidedAtRevision) => {
      // Immediate: the write lock is held from the first read, so nothing changes between the
      // revision read here and the write.
      const outcome = client.transaction((): ApprovalOutcome | { status: 'facts-moved' } => {
        if (store.revision() !== decidedAtRevision) return { status: 'facts-moved' };
        // Read again in the transaction: another curator may have reviewed it since it was checked.
        const suggestion = byId(id);
        if (!suggestion) return { status: 'not-found' };
        if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
        const { fact, creates } = checked;
        const ids = writeFacts(
          writer,
          { newArtists: creates.artists, newCeremonies: creates.ceremonies, newCategories: creates.categories, newWorks: creates.works, facts: [fact] },
          { suggestionId: id },
        );
        const factId = [...ids.values()][0]!;
        const factType = fact.type;
        statements.markApproved.run({
          reviewerId,
          reviewedAt: now.getTime(),
          nominationId: factType === 'nomination' ? factId : null,
          milestoneId: factType === 'milestone' ? factId : null,
          id,
        });
        return { status: 'approved', suggestion: byId(id)!, factType, factId };
      }).immediate();
      if (outcome.status === 'approved') store.invalidate();
      return outcome;
    },
    reject: (id, reviewerId, reason, now) =>
      client.transaction((): RejectionOutcome => {
        const suggestion = byId(id);
        if (!suggestion) return { status: 'not-found' };
        if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
        statements.markRejected.run({ reviewerId, reviewedAt: now.getTime(), reason: reason.trim(), id });
        return { status: 'rejected', suggestion: byId(id)! };
      })(),
    suggestionsBy: (suggesterId, limit = 25) =>
      statements.by.all({ suggesterId, limit }).map((row) => toSuggestion(row)!),
    withdraw: (target, curatorId, reason, now) =>
      client.transaction(() => withdrawFact(db, target, curatorId, reason.trim(), now.getTime()))(),
  };
}
