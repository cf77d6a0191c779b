// Daily question streaks, worked out from the server's question days and a fan's answers.
//
// A streak counts the server's question days in a row that a fan answered right. A wrong answer
// or a question left unanswered ends it. Days are the server's local dates, so a daylight-saving
// change (a 23- or 25-hour day) is one day like any other. A day on which no question was posted
// (the bot was down, or the question was off) is no question day at all: it neither counts nor
// breaks a streak, since nobody could answer it. The newest question, while still open, does not
// break a streak before it is answered.

export interface StreakAnswer {
  localDate: string;
  correct: boolean;
}

export interface Streak {
  current: number;
  best: number;
}

/**
 * `questionDays`: the local dates with a question, in any order; `answers`: the fan's answers;
 * `openDay`: the question still taking answers, if any.
 */
export function streakOf(questionDays: readonly string[], answers: readonly StreakAnswer[], openDay: string | null): Streak {
  const answered = new Map(answers.map((answer) => [answer.localDate, answer.correct]));
  const days = [...new Set(questionDays)].sort();
  let run = 0;
  let best = 0;
  for (const day of days) {
    const correct = answered.get(day);
    if (correct === true) {
      run++;
      best = Math.max(best, run);
    } else if (correct === undefined && day === openDay) {
      // Not answered yet: the streak stands until the question closes.
    } else {
      run = 0;
    }
  }
  return { current: run, best };
}

export interface StreakStanding extends Streak {
  userId: string;
  userName: string;
  /** Right answers on question days on or after the window's first day. */
  recentRight: number;
}

/**
 * Every fan's streaks and recent right answers in a server, best first: current streak, then best
 * streak, then recent right answers. `recentFrom` is the first local date of the window.
 */
export function streakStandings(
  questionDays: readonly string[],
  answers: readonly (StreakAnswer & { userId: string; userName: string })[],
  openDay: string | null,
  recentFrom: string,
): StreakStanding[] {
  const byUser = new Map<string, { userName: string; answers: StreakAnswer[] }>();
  for (const answer of answers) {
    const fan = byUser.get(answer.userId) ?? { userName: answer.userName, answers: [] };
    fan.userName = answer.userName;
    fan.answers.push(answer);
    byUser.set(answer.userId, fan);
  }
  return [...byUser]
    .map(([userId, fan]) => ({
      userId,
      userName: fan.userName,
      ...streakOf(questionDays, fan.answers, openDay),
      recentRight: fan.answers.filter((a) => a.correct && a.localDate >= recentFrom).length,
    }))
    .filter((standing) => standing.best > 0 || standing.recentRight > 0)
    .sort((a, b) => b.current - a.current || b.best - a.best || b.recentRight - a.recentRight || (a.userId < b.userId ? -1 : 1));
}
