// The scheduled-events job on a real store with the real migrations, against an event list that
// behaves as Discord's: each anniversary's event is created once by two processes at once, once
// after a process died between Discord making it and the row recording it, and removed when the
// server stops following the artist.
import { afterEach, describe, expect, it } from 'vitest';
import { createCountdownDays } from '../../src/anniversaries/countdown-days.js';
import { createEventSync, STALE_EVENT_CLAIM_MS } from '../../src/anniversaries/event-sync.js';
import { EventRefusal, type ListedEvent, type NewScheduledEvent, type ScheduledEvents } from '../../src/core/scheduled-events.js';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore, silentLogger, temporaryDatabasePath } from '../support/test-store.js';

const GUILD = '330000000000000001';
let opened: OpenedStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

/** One server's event list, shared by every process as Discord's is. */
function eventList(cap = 100) {
  const events: (ListedEvent & { event: NewScheduledEvent })[] = [];
  let next = 1;
  let dropAnswer = false;
  const api: ScheduledEvents = {
    missingPermissions: () => [],
    list: async () => events.map(({ event: _event, ...listed }) => listed),
    async create(_guildId, event) {
      await new Promise((resolve) => setImmediate(resolve));
      if (events.length >= cap) throw new EventRefusal('cap', 'cap');
      const id = String(next++);
      events.push({ id, name: event.name, startsAt: event.start.getTime(), mine: true, event });
      // The process dies (or loses its connection) after Discord made the event, before it heard back.
      if (dropAnswer) {
        dropAnswer = false;
        throw new Error('socket hang up');
      }
      return id;
    },
    async remove(_guildId, eventId) {
      const index = events.findIndex((event) => event.id === eventId);
      if (index >= 0) events.splice(index, 1);
    },
  };
  return { api, events, dropNextAnswer: () => (dropAnswer = true) };
}

function process(path: string, list: ReturnType<typeof eventList>, clock: { now: Date }, processId: string) {
  const store = openTestStore({ path });
  opened.push(store);
  const sync = createEventSync({
    store: store.store,
    anniversaries: store.anniversaries,
    countdowns: store.countdowns,
    days: createCountdownDays(store.store, store.countdowns),
    events: list.api,
    clock: { now: () => clock.now },
    logger: silentLogger,
    processId,
    holdsGuild: () => true,
    contentOf: (anniversary) => ({ name: `${anniversary.years} years: ${anniversary.milestone.statement}`.slice(0, 100), description: 'd', location: 'l', image: Buffer.from('png') }),
  });
  return { store, sync };
}

function followBlackpink(store: OpenedStore) {
  const blackpink = store.store.listArtists(1000).find((artist) => artist.slug === 'blackpink')!;
  store.anniversaries.follow(GUILD, blackpink.id);
  store.countdowns.setEventsEnabled(GUILD, true, 0);
  return blackpink.id;
}

describe('the scheduled-events job', () => {
  // The 2023 VMAs' firsts have their 5th anniversary on 2028-09-12: BLACKPINK has two of them.
  const clock = { now: new Date('2028-08-20T12:00:00Z') };

  it('creates each anniversary once when two processes sync at the same moment, and again changes nothing', async () => {
    const path = temporaryDatabasePath();
    const list = eventList();
    const a = process(path, list, clock, 'a');
    const b = process(path, list, clock, 'b');
    followBlackpink(a.store);
    const [first, second] = await Promise.all([a.sync.run(), b.sync.run()]);
    expect(first.created + second.created).toBe(2);
    expect(list.events).toHaveLength(2);
    expect(a.store.countdowns.eventRows(GUILD).map((row) => row.status)).toEqual(['created', 'created']);
    await Promise.all([a.sync.run(), b.sync.run()]);
    expect(list.events).toHaveLength(2);
  });

  it('after a process died between Discord making an event and recording it, adopts that event rather than making another', async () => {
    const path = temporaryDatabasePath();
    const list = eventList();
    const a = process(path, list, clock, 'a');
    followBlackpink(a.store);
    list.dropNextAnswer();
    await a.sync.run();
    // Discord made the first; the process never heard back, so its claim stays and the pass stops.
    expect(list.events).toHaveLength(1);
    expect(a.store.countdowns.eventRows(GUILD).map((row) => row.status)).toEqual(['claimed']);

    // Another process (or this one restarted) while the claim is fresh: it leaves that one and makes the other.
    const b = process(path, list, clock, 'b');
    await b.sync.run();
    expect(list.events).toHaveLength(2);
    expect(b.store.countdowns.eventRows(GUILD).map((row) => row.status).sort()).toEqual(['claimed', 'created']);
    // Once the claim is stale, the event Discord made is taken for it.
    const later = { now: new Date(clock.now.getTime() + STALE_EVENT_CLAIM_MS + 1000) };
    const c = process(path, list, later, 'c');
    await c.sync.run();
    expect(list.events).toHaveLength(2);
    const rows = c.store.countdowns.eventRows(GUILD);
    expect(rows.map((row) => row.status)).toEqual(['created', 'created']);
    expect(rows.map((row) => row.eventId).sort()).toEqual(list.events.map((event) => event.id).sort());
  });

  it('records nothing for an event Discord refused, and takes an anniversary off the list when the server stops following its artist', async () => {
    const path = temporaryDatabasePath();
    const list = eventList(1);
    const a = process(path, list, clock, 'a');
    const blackpink = followBlackpink(a.store);
    // Discord refuses the second at its cap: nothing is recorded for it, and it is tried again later.
    const report = await a.sync.run();
    expect(report).toMatchObject({ created: 1, failed: 1 });
    expect(list.events).toHaveLength(1);
    expect(a.store.countdowns.eventRows(GUILD)).toHaveLength(1);
    a.store.anniversaries.unfollow(GUILD, blackpink);
    expect(await a.sync.run()).toMatchObject({ removed: 1, created: 0 });
    expect(list.events).toHaveLength(0);
    expect(a.store.countdowns.eventRows(GUILD)).toEqual([]);
  });
});
