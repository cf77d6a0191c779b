// Trivia as core sees it: rounds, the questions asked, answers and scores, and the store port the
// trivia engine keeps them through.

export type RoundStatus = 'active' | 'finished' | 'stopped' | 'interrupted';

export interface TriviaRound {
  id: number;
  guildId: string | null;
  channelId: string;
  startedBy: string;
  status: RoundStatus;
  questionCount: number;
  secondsPerQuestion: number;
  artistId: number | null;
  createdAt: number;
  endedAt: number | null;
}

export interface StoredQuestion {
  id: number;
  roundId: number;
  position: number;
  questionKey: string;
  question: string;
  messageId: string | null;
  openedAt: number | null;
  closesAt: number | null;
  revealedAt: number | null;
}

export interface NewAnswer {
  questionId: number;
  userId: string;
  userName: string;
  guildId: string | null;
  choice: number;
  correct: boolean;
  elapsedMs: number;
  points: number;
  answeredAt: number;
}

export interface StoredAnswer extends NewAnswer {}

export interface PlayerScore {
  userId: string;
  userName: string;
  points: number;
  correct: number;
  answers: number;
}

export interface PlayerStats extends PlayerScore {
  rounds: number;
  fastestCorrectMs: number | null;
}

export interface TriviaStore {
  /** Starts a round; null when the channel already has an active one. */
  startRound(round: Omit<TriviaRound, 'id' | 'status' | 'endedAt'>): number | null;
  round(id: number): TriviaRound | undefined;
  activeRoundIn(channelId: string): TriviaRound | undefined;
  activeRounds(): TriviaRound[];
  /** Ends an active round; false when it had already ended. */
  endRound(id: number, status: Exclude<RoundStatus, 'active'>, at: number): boolean;
  addQuestion(question: Omit<StoredQuestion, 'id' | 'messageId' | 'revealedAt'>): number;
  question(id: number): StoredQuestion | undefined;
  /** The round's last question that made it to the channel. */
  latestPostedQuestion(roundId: number): StoredQuestion | undefined;
  setQuestionMessage(questionId: number, messageId: string): void;
  markRevealed(questionId: number, at: number): void;
  /** Records a click; false when this person already answered this question. */
  recordAnswer(answer: NewAnswer): boolean;
  answer(questionId: number, userId: string): StoredAnswer | undefined;
  answers(questionId: number): StoredAnswer[];
  roundStandings(roundId: number, limit: number): PlayerScore[];
  leaderboard(guildId: string, since: number, limit: number): PlayerScore[];
  playerStats(guildId: string, userId: string): PlayerStats | undefined;
}
