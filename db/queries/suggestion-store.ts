// Suggestions and their review: the queue, approval (the fact goes live in the same transaction),
// rejection with a reason, and a fan's own suggestions with their outcomes. Who may review is the
// caller's decision; this records ids.
import type { FactSpec } from '../../src/core/contributed-facts.js';
import type { ContributionLookups } from '../../src/core/contribution-records.js';
import type {
  ApprovalOutcome,
  RejectionOutcome,
  Suggestion,
  SuggestionStore,
  SuggestionSubmission,
} from '../../src/core/suggestion-records.js';
import type { SuggestionCheck, SuggestionCreations, SuggestionInput } from '../../src/core/suggestions.js';
import type { LightstickDatabase } from '../database.js';
import type { AwardsStore } from './awards-store.js';
import { createContributionLookups, withdrawFact, writeFacts } from './contribution-store.js';
import { factWriterFor } from './fact-writer.js';

export type { ApprovalOutcome, RejectionOutcome, Suggestion, SuggestionStore, SuggestionSubmission };

/** What the review queue is handed by whoever builds it: core's rules, which the store applies but does not define. */
export interface SuggestionRules {
  /** At most this many suggestions of one fan wait at once. */
  maxWaitingPerSuggester: number;
  /** Checks a suggestion again against the store as it is now (core's `resolveSuggestion`). */
  recheck(context: { store: AwardsStore; lookups: ContributionLookups; now: Date }, input: SuggestionInput): SuggestionCheck;
}

interface RawSuggestion {
  id: number;
  kind: 'win' | 'milestone';
  proposal: string;
  creates: string;
  suggesterId: string;
  suggesterName: string;
  guildId: string | null;
  createdAt: number;
  status: Suggestion['status'];
  reviewerId: string | null;
  reviewedAt: number | null;
  rejectionReason: string | null;
  nominationId: number | null;
  milestoneId: number | null;
}

function toSuggestion(row: RawSuggestion | undefined): Suggestion | undefined {
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

const columns = `id, kind, proposal, creates, suggester_id as suggesterId, suggester_name as suggesterName, guild_id as guildId,
  created_at as createdAt, status, reviewer_id as reviewerId, reviewed_at as reviewedAt, rejection_reason as rejectionReason,
  nomination_id as nominationId, milestone_id as milestoneId`;

export function createSuggestionStore(db: LightstickDatabase, store: AwardsStore, rules: SuggestionRules): SuggestionStore {
  const client = db.$client;
  const lookups = createContributionLookups(db);
  const writer = factWriterFor(db);
  const statements = {
    insert: client.prepare(
      `insert into suggestions (kind, proposal, natural_key, creates, suggester_id, suggester_name, guild_id, created_at, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'waiting') returning id`,
    ),
    byId: client.prepare(`select ${columns} from suggestions where id = ?`),
    waitingCount: client.prepare(`select count(*) as n from suggestions where suggester_id = ? and status = 'waiting'`),
    waitingWithKey: client.prepare(`select id from suggestions where natural_key = ? and status = 'waiting' order by id limit 1`),
    oldestWaiting: client.prepare(`select ${columns} from suggestions where status = 'waiting' order by created_at, id limit 1`),
    waitingAfter: client.prepare(
      `select ${columns} from suggestions where status = 'waiting'
       and (created_at, id) > (select created_at, id from suggestions where id = ?)
       order by created_at, id limit 1`,
    ),
    waitingTotal: client.prepare(`select count(*) as n from suggestions where status = 'waiting'`),
    by: client.prepare(`select ${columns} from suggestions where suggester_id = ? order by created_at desc, id desc limit ?`),
    markApproved: client.prepare(
      `update suggestions set status = 'approved', reviewer_id = ?, reviewed_at = ?, nomination_id = ?, milestone_id = ?
       where id = ? and status = 'waiting'`,
    ),
    markRejected: client.prepare(
      `update suggestions set status = 'rejected', reviewer_id = ?, reviewed_at = ?, rejection_reason = ?
       where id = ? and status = 'waiting'`,
    ),
  };
  const byId = (id: number) => toSuggestion(statements.byId.get(id) as RawSuggestion | undefined);
  const waitingCountOf = (suggesterId: string) => (statements.waitingCount.get(suggesterId) as { n: number }).n;
  const waitingWithKey = (key: string) => statements.waitingWithKey.get(key) as { id: number } | undefined;

  return {
    waitingCountOf,
    waitingWithKey,
    byId,
    submit: (checked, suggester, now) =>
      client.transaction((): SuggestionSubmission => {
        if (waitingCountOf(suggester.userId) >= rules.maxWaitingPerSuggester) return { status: 'too-many-waiting', limit: rules.maxWaitingPerSuggester };
        const waiting = waitingWithKey(checked.naturalKey);
        if (waiting) return { status: 'duplicate-waiting', suggestionId: waiting.id };
        const { id } = statements.insert.get(
          checked.input.kind,
          JSON.stringify({ input: checked.input, fact: checked.fact }),
          checked.naturalKey,
          JSON.stringify(checked.creates),
          suggester.userId,
          suggester.name,
          suggester.guildId,
          now.getTime(),
        ) as { id: number };
        return { status: 'created', suggestion: byId(id)! };
      })(),
    oldestWaiting: (after) =>
      toSuggestion((after === undefined ? statements.oldestWaiting.get() : statements.waitingAfter.get(after)) as RawSuggestion | undefined),
    waitingTotal: () => (statements.waitingTotal.get() as { n: number }).n,
    approve: (id, reviewerId, now) => {
      const outcome = client.transaction((): ApprovalOutcome => {
        const suggestion = byId(id);
        if (!suggestion) return { status: 'not-found' };
        if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
        // Checked again against the store as it is now: another approval or import may have added
        // the fact, or the new artist the fan proposed.
        const checked = rules.recheck({ store, lookups, now }, suggestion.input);
        if (!checked.ok) return { status: 'no-longer-valid', suggestion, problems: checked.problems };
        const { fact, creates } = checked.suggestion;
        const ids = writeFacts(
          writer,
          { newArtists: creates.artists, newCeremonies: creates.ceremonies, newCategories: creates.categories, newWorks: creates.works, facts: [fact] },
          { suggestionId: id },
        );
        const factId = [...ids.values()][0]!;
        const factType = fact.type;
        statements.markApproved.run(reviewerId, now.getTime(), factType === 'nomination' ? factId : null, factType === 'milestone' ? factId : null, id);
        return { status: 'approved', suggestion: byId(id)!, factType, factId };
      })();
      if (outcome.status === 'approved') store.invalidate();
      return outcome;
    },
    reject: (id, reviewerId, reason, now) =>
      client.transaction((): RejectionOutcome => {
        const suggestion = byId(id);
        if (!suggestion) return { status: 'not-found' };
        if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
        statements.markRejected.run(reviewerId, now.getTime(), reason.trim(), id);
        return { status: 'rejected', suggestion: byId(id)! };
      })(),
    suggestionsBy: (suggesterId, limit = 25) =>
      (statements.by.all(suggesterId, limit) as RawSuggestion[]).map((row) => toSuggestion(row)!),
    withdraw: (target, curatorId, reason, now) =>
      client.transaction(() => withdrawFact(db, target, curatorId, reason.trim(), now.getTime()))(),
  };
}
