// A server's Discord event list as the countdown job sees it: a port the Discord runtime implements
// (the console has none), so the job stays free of discord.js.

export interface ListedEvent {
  id: string;
  name: string;
  /** The start instant in ms. */
  startsAt: number;
  /** Made by this bot: only its own events may be taken for one it lost track of. */
  mine: boolean;
}

export interface NewScheduledEvent {
  name: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  /** The cover picture, a PNG. */
  image: Buffer;
}

/** A permission the bot needs on a server for its event list. */
export type EventPermission = 'create-events';

/** What Discord answered when it refused; `cap` when the server has 100 events already. */
export class EventRefusal extends Error {
  constructor(
    message: string,
    readonly reason: 'cap' | 'permission' | 'unknown-guild' | 'other',
  ) {
    super(message);
    this.name = 'EventRefusal';
  }
}

export interface ScheduledEvents {
  /** What the bot lacks on the server to make and remove its events, from the gateway's caches. */
  missingPermissions(guildId: string): EventPermission[];
  /** Every scheduled event of the server (Discord counts them all against its cap). */
  list(guildId: string): Promise<ListedEvent[]>;
  /** Creates the event; resolves with its id. Throws EventRefusal when Discord refuses. */
  create(guildId: string, event: NewScheduledEvent): Promise<string>;
  /** Deletes the event; one already gone counts as deleted. */
  remove(guildId: string, eventId: string): Promise<void>;
}
