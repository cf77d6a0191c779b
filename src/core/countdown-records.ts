// Countdowns as core sees them: a server's reminder days and events switch, the rows that make each
// scheduled event be created once, and the store port the ticker and the event job work through.

export interface CountdownSettings {
  /** Days ahead the daily post announces round anniversaries, largest first; empty for none. */
  reminderDays: number[];
  eventsEnabled: boolean;
}

/** An anniversary put on a server's event list: claimed before it is created, then marked with its id. */
export interface CountdownEventRow {
  guildId: string;
  anniversaryKey: string;
  localDate: string;
  status: 'claimed' | 'created';
  eventId: string | null;
  name: string;
  startsAt: number;
  claimedBy: string;
  claimedAt: number;
}

export interface CountdownStore {
  settings(guildId: string): CountdownSettings | undefined;
  /** A server's reminder days ([] when it has none), read for each post the ticker claims. */
  reminderDays(guildId: string): number[];
  setReminderDays(guildId: string, days: readonly number[], now: number): void;
  /** Turns events on or off; false when they already were. */
  setEventsEnabled(guildId: string, enabled: boolean, now: number): boolean;
  /** Servers the event job looks at: events on, or events recorded that may need removing. */
  guildsWithEvents(): string[];
  eventRows(guildId: string): CountdownEventRow[];
  /** Inserts the claim; true only for the caller whose insert made it. */
  claimEvent(row: Omit<CountdownEventRow, 'status' | 'eventId'>): boolean;
  /** Takes over a claim left unfinished (by a process that died); true only for the one caller that did. */
  takeOverEventClaim(row: CountdownEventRow, claimedBy: string, now: number): boolean;
  markEventCreated(guildId: string, anniversaryKey: string, eventId: string): void;
  removeEventRow(guildId: string, anniversaryKey: string): void;
  /** Forgets the rows of days before `localDate`: their events are over. */
  forgetEventsBefore(guildId: string, localDate: string): void;
}
