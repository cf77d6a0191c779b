// Suggestions and their review: the queue, approval (the fact goes live in the same transaction),
// rejection with a reason, and a fan's own suggestions with their outcomes. Who may review is the
// caller's decision; this records ids.
import type { FactSpec } from '../../src/core/contributed-facts.js';
import {
  MAX_WAITING_PER_SUGGESTER,
  resolveSuggestion,
  type CheckedSuggestion,
  type Suggester,
  type SuggestionCreations,
  type SuggestionInput,
  type SuggestionLookups,
} from '../../src/core/suggestions.js';
import type { LightstickDatabase } from '../database.js';
import type { AwardsStore } from './awards-store.js';
import { createContributionLookups, withdrawFact, writeFacts } from './contribution-store.js';

export interface Suggestion {
  id: number;
  kind: 'win' | 'milestone';
  input: SuggestionInput;
  /** The fact as checked when it was suggested. */
  fact: FactSpec;
  /** New artists, ceremonies, categories and works it would create: flagged as new to the curator. */
  creates: SuggestionCreations;
  suggester: Suggester;
  createdAt: number;
  status: 'waiting' | 'approved' | 'rejected';
  reviewerId: string | null;
  reviewedAt: number | null;
  rejectionReason: string | null;
  /** The fact it created, once approved. */
  nominationId: number | null;
  milestoneId: number | null;
}

export type SuggestionSubmission =
  | { status: 'created'; suggestion: Suggestion }
  | { status: 'too-many-waiting'; limit: number }
  | { status: 'duplicate-waiting'; suggestionId: number };

export type ApprovalOutcome =
  | { status: 'approved'; suggestion: Suggestion; factType: 'nomination' | 'milestone'; factId: number }
  | { status: 'not-found' }
  | { status: 'already-reviewed'; suggestion: Suggestion }
  /** Since it was suggested, the store came to hold the fact, or a name no longer resolves. */
  | { status: 'no-longer-valid'; suggestion: Suggestion; problems: { field: string; code: string }[] };

export type RejectionOutcome =
  | { status: 'rejected'; suggestion: Suggestion }
  | { status: 'not-found' }
  | { status: 'already-reviewed'; suggestion: Suggestion };

export interface SuggestionStore extends SuggestionLookups {
  /** Records a checked suggestion, re-checking the cap and waiting duplicates in the same transaction. */
  submit(checked: CheckedSuggestion, suggester: Suggester, now: Date): SuggestionSubmission;
  byId(id: number): Suggestion | undefined;
  /** The oldest waiting suggestion not in `skip` (the ids a curator skipped), or undefined. */
  oldestWaiting(skip?: number[]): Suggestion | undefined;
  waitingTotal(): number;
  /** Applies the suggestion in one transaction: the fact is live when this returns. */
  approve(id: number, reviewerId: string, now: Date): ApprovalOutcome;
  reject(id: number, reviewerId: string, reason: string, now: Date): RejectionOutcome;
  /** A fan's suggestions, newest first, with their outcomes. */
  suggestionsBy(suggesterId: string, limit?: number): Suggestion[];
  /** Withdraws a contributed fact (who, when, why): gone from every reply, kept in the history. */
  withdraw(
    target: { type: 'nomination' | 'milestone'; id: number },
    curatorId: string,
    reason: string,
    now: Date,
  ): 'withdrawn' | 'not-found' | 'seed-fact' | 'already-withdrawn';
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

export function createSuggestionStore(db: LightstickDatabase, store: AwardsStore): SuggestionStore {
  const client = db.$client;
  const lookups = createContributionLookups(db);
  const statements = {
    insert: client.prepare(
      `insert into suggestions (kind, proposal, natural_key, creates, suggester_id, suggester_name, guild_id, created_at, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'waiting') returning id`,
    ),
    byId: client.prepare(`select ${columns} from suggestions where id = ?`),
    waitingCount: client.prepare(`select count(*) as n from suggestions where suggester_id = ? and status = 'waiting'`),
    waitingWithKey: client.prepare(`select id from suggestions where natural_key = ? and status = 'waiting' order by id limit 1`),
    oldestWaiting: client.prepare(
      `select ${columns} from suggestions where status = 'waiting' and id not in (select value from json_each(?))
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
        if (waitingCountOf(suggester.userId) >= MAX_WAITING_PER_SUGGESTER) return { status: 'too-many-waiting', limit: MAX_WAITING_PER_SUGGESTER };
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
    oldestWaiting: (skip = []) => toSuggestion(statements.oldestWaiting.get(JSON.stringify(skip)) as RawSuggestion | undefined),
    waitingTotal: () => (statements.waitingTotal.get() as { n: number }).n,
    approve: (id, reviewerId, now) => {
      const outcome = client.transaction((): ApprovalOutcome => {
        const suggestion = byId(id);
        if (!suggestion) return { status: 'not-found' };
        if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
        // Checked again against the store as it is now: another approval or import may have added
        // the fact, or the new artist the fan proposed.
        const checked = resolveSuggestion({ store, lookups, now }, suggestion.input);
        if (!checked.ok) return { status: 'no-longer-valid', suggestion, problems: checked.problems };
        const { fact, creates } = checked.suggestion;
        const ids = writeFacts(
          client,
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
      client.transaction(() => withdrawFact(client, target, curatorId, reason.trim(), now.getTime()))(),
  };
}
