// The scheduled-events job: on an interval started beside the anniversary ticker, it brings each
// server's Discord event list in line with the round anniversaries of its next 30 days. An event is
// claimed (a row per server and anniversary) before it is created, so that a second process or a
// restart never creates it twice; a claim left by a process that died is settled by looking for the
// event it may have made before making one. Within Discord's cap of 100 events a server, counting
// everyone's; removed again when the server turns events off or an anniversary is withdrawn.
import type { Logger } from 'pino';
import type { AnniversaryStore } from '../core/anniversary-records.js';
import type { AwardsStore } from '../core/awards-facts.js';
import { calendarDateIn } from '../core/calendar.js';
import type { Clock } from '../core/clock.js';
import type { CountdownEventRow, CountdownStore } from '../core/countdown-records.js';
import { anniversaryKey, eventsToCreate, eventsToRemove, eventTimes, type RoundAnniversary } from '../core/countdowns.js';
import { EventRefusal, type ListedEvent, type ScheduledEvents } from '../core/scheduled-events.js';
import type { CountdownDays } from './countdown-days.js';

/** An event's words and cover, in the server's language: handed in, so that the job makes no text. */
export interface EventContent {
  name: string;
  description: string;
  location: string;
  image: Buffer;
}

export interface EventSyncDependencies {
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  countdowns: CountdownStore;
  days: CountdownDays;
  events: ScheduledEvents;
  clock: Clock;
  logger: Logger;
  /** Identifies this process in its claims. */
  processId: string;
  /** Whether this process's client holds the server: each process syncs its own shards' servers. */
  holdsGuild(guildId: string): boolean;
  contentOf(anniversary: RoundAnniversary, guildId: string): EventContent;
}

export interface EventSyncReport {
  created: number;
  removed: number;
  /** Wanted but waiting for room under the cap. */
  leftOut: number;
  failed: number;
}

export interface EventSync {
  /** One pass over every server with events on or recorded. */
  run(): Promise<EventSyncReport>;
  /** A pass soon, after a server changed its events (the next pass if one is running). */
  nudge(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** A claim not marked created after this long is taken to belong to a process that died. */
export const STALE_EVENT_CLAIM_MS = 2 * 60_000;

/** The event a claim may have made before its process died: the bot's own, with the same name and start. */
function madeFor(row: CountdownEventRow, listed: readonly ListedEvent[]): ListedEvent | undefined {
  return listed.find((event) => event.mine && event.name === row.name && event.startsAt === row.startsAt);
}

export function createEventSync(deps: EventSyncDependencies): EventSync {
  const { countdowns, events, logger } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<EventSyncReport> | null = null;
  let again = false;

  async function removeRow(guildId: string, row: CountdownEventRow, listed: () => Promise<ListedEvent[]>, report: EventSyncReport) {
    const eventId = row.eventId ?? madeFor(row, await listed())?.id ?? null;
    if (eventId) await events.remove(guildId, eventId);
    countdowns.removeEventRow(guildId, row.anniversaryKey);
    report.removed++;
  }

  async function create(guildId: string, anniversary: RoundAnniversary, timeZone: string, now: number, report: EventSyncReport): Promise<boolean> {
    const content = deps.contentOf(anniversary, guildId);
    const { start, end } = eventTimes(anniversary.localDate, timeZone);
    const key = anniversaryKey(anniversary);
    const claimed = countdowns.claimEvent({
      guildId,
      anniversaryKey: key,
      localDate: anniversary.localDate,
      name: content.name,
      startsAt: start.getTime(),
      claimedBy: deps.processId,
      claimedAt: now,
    });
    // Another process claimed it: that one creates it.
    if (!claimed) return true;
    try {
      const eventId = await events.create(guildId, { ...content, start, end });
      countdowns.markEventCreated(guildId, key, eventId);
      report.created++;
      return true;
    } catch (error) {
      if (error instanceof EventRefusal) {
        // Refused, so nothing was made: the claim goes, and the anniversary is tried on a later pass.
        countdowns.removeEventRow(guildId, key);
        report.failed++;
        logger.warn({ guildId, anniversary: key, err: error }, 'scheduled event refused');
        return error.reason === 'other';
      }
      // No answer: the event may exist. The claim stays, and is settled once stale.
      throw error;
    }
  }

  /** Settles claims a process left unfinished: the event it made is adopted, else the claim is released. */
  async function settleStaleClaims(guildId: string, rows: CountdownEventRow[], listed: () => Promise<ListedEvent[]>, now: number) {
    for (const row of rows) {
      if (row.status !== 'claimed' || row.claimedAt >= now - STALE_EVENT_CLAIM_MS) continue;
      if (!countdowns.takeOverEventClaim(row, deps.processId, now)) continue;
      const made = madeFor(row, await listed());
      if (made) countdowns.markEventCreated(guildId, row.anniversaryKey, made.id);
      else countdowns.removeEventRow(guildId, row.anniversaryKey);
    }
  }

  async function syncGuild(guildId: string, report: EventSyncReport) {
    const now = deps.clock.now();
    const timeZone = deps.anniversaries.settings(guildId)?.timeZone ?? 'UTC';
    const today = calendarDateIn(now, timeZone);
    // Days before today are over, and their events with them.
    countdowns.forgetEventsBefore(guildId, today);
    const enabled = countdowns.settings(guildId)?.eventsEnabled ?? false;
    const followed = enabled ? deps.anniversaries.followedArtistIds(guildId) : [];
    // Events only for the artists a server follows: "everyone" would fill its list with strangers.
    const wanted = followed.length > 0 ? deps.days.roundAnniversariesAhead(now, timeZone, followed, deps.store.revision()) : [];
    let listing: Promise<ListedEvent[]> | null = null;
    const listed = () => (listing ??= events.list(guildId));

    const rows = countdowns.eventRows(guildId);
    await settleStaleClaims(guildId, rows, listed, now.getTime());
    const current = countdowns.eventRows(guildId);
    // Turned off, every event goes, today's too; else those no longer wanted, of days ahead.
    for (const row of enabled ? eventsToRemove(wanted, current, today) : current) {
      if (row.status === 'claimed' && row.claimedBy !== deps.processId) continue;
      await removeRow(guildId, row, listed, report);
    }
    if (wanted.length === 0) return;
    if (events.missingPermissions(guildId).length > 0) {
      logger.warn({ guildId }, 'scheduled events: missing Create Events');
      return;
    }
    // Counted after the removals: everyone's events count against the cap, not only Lightstick's.
    listing = null;
    const existing = (await listed()).length;
    const recorded = new Set(countdowns.eventRows(guildId).map((row) => row.anniversaryKey));
    const { create: toCreate, leftOut } = eventsToCreate(wanted, recorded, existing);
    report.leftOut += leftOut;
    if (leftOut > 0) logger.info({ guildId, leftOut }, 'scheduled events: the server is at its cap of 100');
    for (const anniversary of toCreate) {
      if (!(await create(guildId, anniversary, timeZone, now.getTime(), report))) break;
    }
  }

  async function pass(): Promise<EventSyncReport> {
    const report: EventSyncReport = { created: 0, removed: 0, leftOut: 0, failed: 0 };
    for (const guildId of countdowns.guildsWithEvents()) {
      if (!deps.holdsGuild(guildId)) continue;
      try {
        await syncGuild(guildId, report);
      } catch (error) {
        // One server's trouble never stops the others'; it is looked at again next pass.
        report.failed++;
        logger.error({ err: error, guildId }, 'scheduled events sync failed');
      }
    }
    return report;
  }

  function run(): Promise<EventSyncReport> {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = null;
      if (again) {
        again = false;
        void run();
      }
    });
    return running;
  }

  return {
    run,
    nudge() {
      run().catch((error: unknown) => logger.error({ err: error }, 'scheduled events sync failed'));
    },
    start(intervalMs) {
      timer ??= setInterval(() => this.nudge(), intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      again = false;
      await running?.catch(() => undefined);
    },
  };
}
