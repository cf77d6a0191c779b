// Points for an answer: a right answer scores, and a fast one scores more.

export const BASE_POINTS = 100;
export const MAX_SPEED_BONUS = 50;

/** 100 for a right answer, plus up to 50 the sooner it came; nothing for a wrong one. */
export function pointsFor(correct: boolean, elapsedMs: number, durationMs: number): number {
  if (!correct) return 0;
  const remaining = Math.min(1, Math.max(0, 1 - elapsedMs / durationMs));
  return BASE_POINTS + Math.round(MAX_SPEED_BONUS * remaining);
}

export type LeaderboardPeriod = 'week' | 'month' | 'all';

/** The start of a leaderboard period ending at `now`: the last 7 or 30 days, or all time. */
export function periodStart(period: LeaderboardPeriod, now: Date): number {
  const day = 86_400_000;
  if (period === 'week') return now.getTime() - 7 * day;
  if (period === 'month') return now.getTime() - 30 * day;
  return 0;
}
