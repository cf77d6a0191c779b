// What a curator's approval of a suggestion comes to, decided against the store as it is now: the
// store then writes the fact (or nothing). Plain data in, plain data out.
import type { ContributionFacts } from './awards-facts.js';
import type { ContributionLookups } from './contribution-records.js';
import type { ApprovalOutcome, Suggestion } from './suggestion-records.js';
import { resolveSuggestion, type CheckedSuggestion } from './suggestions.js';

export type ApprovalDecision =
  /** The fact (and what it creates) to write as the suggestion's, checked just now. */
  | { status: 'approve'; suggestion: Suggestion; checked: CheckedSuggestion }
  | Exclude<ApprovalOutcome, { status: 'approved' }>;

/**
 * Checks the suggestion again against the store as it is now: another approval or import may have
 * added the fact, or the new artist the fan proposed; a curator may have withdrawn it.
 */
export function decideApproval(
  context: { store: ContributionFacts; lookups: ContributionLookups; now: Date },
  suggestion: Suggestion | undefined,
): ApprovalDecision {
  if (!suggestion) return { status: 'not-found' };
  if (suggestion.status !== 'waiting') return { status: 'already-reviewed', suggestion };
  const checked = resolveSuggestion(context, suggestion.input);
  if (!checked.ok) return { status: 'no-longer-valid', suggestion, problems: checked.problems };
  return { status: 'approve', suggestion, checked: checked.suggestion };
}
