// Anniversary posts as core sees them: each server's settings, the post rows that make each post go
// out once, and the store port the ticker works through.

export interface AnniversarySettings {
  guildId: string;
  channelId: string;
  postTime: string;
  timeZone: string;
  enabled: boolean;
  activeFrom: string;
  lastProblem: string | null;
  lastProblemAt: number | null;
  /** The latest local date with a post row. */
  lastPostDate: string | null;
}

/** A server whose next check has come: what the ticker decides and claims with. */
export interface DueServer {
  guildId: string;
  channelId: string;
  postTime: string;
  timeZone: string;
  activeFrom: string;
  /** The check that came: the ticker moves it from this time. */
  nextCheckAt: number;
}

/** A due server's next check moved from the time it was read at to a later one. */
export interface NextCheckMove {
  guildId: string;
  from: number;
  at: number;
}

export interface AnniversaryPost {
  guildId: string;
  localDate: string;
  status: 'claimed' | 'sent' | 'failed';
  channelId: string;
  nonce: string;
  claimedBy: string;
  claimedAt: number;
  attempts: number;
  late: boolean;
  messageId: string | null;
  sentAt: number | null;
  error: string | null;
}

export interface NewClaim {
  guildId: string;
  localDate: string;
  channelId: string;
  nonce: string;
  claimedBy: string;
  claimedAt: number;
  late: boolean;
}

/** The artists a server follows (in the order it followed them), and whose anniversaries that brings it. */
export interface ServerFollows {
  artistIds: number[];
  /** The followed artists and the members of the groups among them. */
  withMembers: number[];
}

export interface ShardSelection {
  ids: readonly number[];
  count: number;
}

export interface AnniversaryStore {
  settings(guildId: string): AnniversarySettings | undefined;
  /** Creates or replaces a server's settings, turning posts on and clearing any old problem. */
  saveSettings(settings: {
    guildId: string;
    channelId: string;
    postTime: string;
    timeZone: string;
    activeFrom: string;
    nextCheckAt: number;
    now: number;
  }): void;
  disable(guildId: string, now: number): boolean;
  followedArtistIds(guildId: string): number[];
  follow(guildId: string, artistId: number): boolean;
  unfollow(guildId: string, artistId: number): boolean;
  /**
   * Enabled servers whose next check time has come, soonest first (a range of the checks, clustered
   * by time), of the given shards only: Discord puts a server on shard (id >> 22) % shardCount.
   */
  dueServers(now: number, limit: number, shards?: ShardSelection): DueServer[];
  /** When the ticker next looks at a server; null when its posts are off. Scans: not for hot paths. */
  nextCheckAt(guildId: string): number | null;
  /**
   * What each of these servers follows, with the members of the groups it follows, in one query
   * (servers following nobody are absent).
   */
  followsOf(guildIds: readonly string[]): Map<string, ServerFollows>;
  /**
   * Inserts many claims in one statement; returns the servers whose claim this call made (a claim
   * already there, made by another process, is left alone).
   */
  claimPosts(claims: readonly Omit<NewClaim, 'claimedBy' | 'claimedAt'>[], claimedBy: string, claimedAt: number): Set<string>;
  /**
   * Moves many servers' next checks in one statement, each from the time it was read at: a check
   * changed meanwhile (posts turned off, or set up again) is left as it is.
   */
  moveNextChecks(moves: readonly NextCheckMove[]): void;
  recordProblem(guildId: string, problem: string | null, at: number): void;
  lastPost(guildId: string): AnniversaryPost | undefined;
  /** Inserts the claim; true only for the caller whose insert made it. */
  claimPost(claim: NewClaim): boolean;
  /** Claims left unsent since before `staleBefore`, for recovery after a crash. */
  staleClaims(staleBefore: number): AnniversaryPost[];
  /** Takes over a stale claim; true only for the one caller that did. */
  takeOverClaim(post: AnniversaryPost, claimedBy: string, now: number): boolean;
  /** `late` is decided when the post actually went out. */
  markSent(guildId: string, localDate: string, messageId: string, sentAt: number, late?: boolean): void;
  markFailed(guildId: string, localDate: string, error: string): void;
  recordAttempt(guildId: string, localDate: string, error: string): void;
  /** Runs `work` in one transaction (synchronous: it may not await). */
  inTransaction<T>(work: () => T): T;
}
