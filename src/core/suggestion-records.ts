// Suggestions as core and presentation see them, and the store port of the review queue.
import type { FactSpec } from './contributed-facts.js';
import type { FactProblem } from './resolve-contributed-win.js';
import type { CheckedSuggestion, Suggester, SuggestionCreations, SuggestionInput, SuggestionLookups } from './suggestions.js';

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
  /** Since it was suggested, the store came to hold the fact, a curator withdrew it, or a name no longer resolves. */
  | { status: 'no-longer-valid'; suggestion: Suggestion; problems: FactProblem[] };

export type RejectionOutcome =
  | { status: 'rejected'; suggestion: Suggestion }
  | { status: 'not-found' }
  | { status: 'already-reviewed'; suggestion: Suggestion };

export interface SuggestionStore extends SuggestionLookups {
  /** Records a checked suggestion, re-checking the cap and waiting duplicates in the same transaction. */
  submit(checked: CheckedSuggestion, suggester: Suggester, now: Date): SuggestionSubmission;
  byId(id: number): Suggestion | undefined;
  /**
   * The oldest waiting suggestion, or with `after` the next waiting one behind suggestion #after in
   * queue order (what Skip shows): a cursor rather than a list of skipped ids, so none is out of reach.
   */
  oldestWaiting(after?: number): Suggestion | undefined;
  waitingTotal(): number;
  /**
   * Writes an approval core decided on (`decideApproval`) with the facts at `decidedAtRevision`, in
   * one transaction: the fact is live when this returns, unless the suggestion was reviewed meanwhile,
   * or the facts moved since the decision (another process imported or approved something), which
   * `facts-moved` says, so that the decision is made again rather than written on stale checks.
   */
  recordApproval(
    id: number,
    checked: Pick<CheckedSuggestion, 'fact' | 'creates'>,
    reviewerId: string,
    now: Date,
    decidedAtRevision: number,
  ): ApprovalOutcome | { status: 'facts-moved' };
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
