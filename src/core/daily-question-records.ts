// The daily question as core sees it: each server's settings, the question rows that make each
// day's question go out once, the answers, and the store port the ticker and /daily work through.
import type { ShardSelection } from './anniversary-records.js';
import type { QuestionKind } from './trivia-questions.js';

export interface DailySettings {
  guildId: string;
  channelId: string;
  postTime: string;
  timeZone: string;
  enabled: boolean;
  activeFrom: string;
}

/** A server whose next check has come. */
export interface DailyDueServer {
  guildId: string;
  channelId: string;
  postTime: string;
  timeZone: string;
  activeFrom: string;
  /** The check that came: the ticker moves it from this time. */
  nextCheckAt: number;
}

export interface DailyQuestionRow {
  guildId: string;
  localDate: string;
  status: 'claimed' | 'sent' | 'failed';
  channelId: string;
  nonce: string;
  claimedBy: string;
  claimedAt: number;
  attempts: number;
  late: boolean;
  questionKey: string;
  /** The question as asked (JSON of a TriviaQuestion). */
  question: string;
  messageId: string | null;
  sentAt: number | null;
  revealedAt: number | null;
}

export interface NewDailyClaim {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  late: boolean;
  questionKey: string;
  kind: QuestionKind;
  acts: readonly number[];
  question: string;
}

/** What was asked in a server, newest first: so that the next question differs. */
export interface AskedQuestion {
  localDate: string;
  questionKey: string;
  kind: QuestionKind;
  acts: number[];
}

export interface DailyAnswer {
  userId: string;
  userName: string;
  localDate: string;
  choice: number;
  correct: boolean;
}

export interface DailyQuestionStore {
  settings(guildId: string): DailySettings | undefined;
  /** Creates or replaces a server's settings, turning the question on. */
  saveSettings(settings: Omit<DailySettings, 'enabled'> & { nextCheckAt: number; now: number }): void;
  /** Turns the question off; false when it was not on. */
  disable(guildId: string, now: number): boolean;
  /** Enabled servers whose next check has come, soonest first, of the given shards only. */
  dueServers(now: number, limit: number, shards?: ShardSelection): DailyDueServer[];
  /** Moves a server's next check from the time it was read at; a check changed meanwhile is left. */
  moveNextCheck(guildId: string, from: number, at: number): void;
  /** Inserts the claim; true only for the caller whose insert made it. */
  claim(claim: NewDailyClaim, claimedBy: string, claimedAt: number): boolean;
  /** Questions asked (claimed or sent) in a server on or after `since`, newest first. */
  askedSince(guildId: string, since: string): AskedQuestion[];
  question(guildId: string, localDate: string): DailyQuestionRow | undefined;
  /** The newest question sent in a server: the one open for answers. */
  latestSent(guildId: string): DailyQuestionRow | undefined;
  /** The newest question sent before `localDate`. */
  latestSentBefore(guildId: string, localDate: string): DailyQuestionRow | undefined;
  staleClaims(staleBefore: number): DailyQuestionRow[];
  takeOverClaim(row: DailyQuestionRow, claimedBy: string, now: number): boolean;
  markSent(guildId: string, localDate: string, messageId: string, sentAt: number, late: boolean): void;
  markFailed(guildId: string, localDate: string, error: string): void;
  recordAttempt(guildId: string, localDate: string, error: string): void;
  markRevealed(guildId: string, localDate: string, at: number): void;
  /** Records a fan's answer; false when they had answered already (the first click counts). */
  recordAnswer(guildId: string, answer: DailyAnswer, answeredAt: number): boolean;
  answer(guildId: string, localDate: string, userId: string): DailyAnswer | undefined;
  /** How many answered a question, and how many of them right. */
  answerCounts(guildId: string, localDate: string): { answers: number; right: number };
  /** The local dates of every question sent in a server, oldest first. */
  sentDates(guildId: string): string[];
  /** Every answer in a server (or one fan's), oldest first. */
  answers(guildId: string, userId?: string): DailyAnswer[];
  /** Runs `work` in one transaction (synchronous: it may not await). */
  inTransaction<T>(work: () => T): T;
}
