// The countdown store on a real SQLite file with the real migrations: reminder days and the events
// switch, and the event rows that make each scheduled event be created once, even by two processes.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { createCountdownStore } from '../../db/queries/countdown-store.js';
import { temporaryDatabasePath } from '../support/test-store.js';

let databases: LightstickDatabase[] = [];
afterEach(() => {
  for (const db of databases) db.$client.close();
  databases = [];
});

function open(path = temporaryDatabasePath()) {
  const db = openDatabase(path);
  databases.push(db);
  return createCountdownStore(db);
}

const NOW = Date.parse('2028-08-20T12:00:00Z');
const row = (claimedBy: string, anniversaryKey = '17:2028-09-12') => ({
  guildId: '320000000000000001',
  anniversaryKey,
  localDate: anniversaryKey.slice(-10),
  name: '5 years since BLACKPINK: First K-pop girl group to win Group of the Year at the MTV VMAs',
  startsAt: Date.parse('2028-09-11T15:00:00Z'),
  claimedBy,
  claimedAt: NOW,
});

describe('countdown settings', () => {
  it('keeps reminder days and the events switch apart, off by default', () => {
    const store = open();
    expect(store.reminderDays('1')).toEqual([]);
    expect(store.settings('1')).toBeUndefined();
    store.setReminderDays('1', [7, 1], NOW);
    expect(store.reminderDays('1')).toEqual([7, 1]);
    expect(store.setEventsEnabled('1', true, NOW)).toBe(true);
    expect(store.setEventsEnabled('1', true, NOW)).toBe(false);
    expect(store.settings('1')).toEqual({ reminderDays: [7, 1], eventsEnabled: true });
    store.setReminderDays('1', [], NOW);
    expect(store.settings('1')).toEqual({ reminderDays: [], eventsEnabled: true });
    expect(store.setEventsEnabled('2', false, NOW)).toBe(false);
    expect(store.guildsWithEvents()).toEqual(['1']);
  });
});

describe('scheduled event rows', () => {
  it('lets only one of two processes claim an anniversary, and records the event it made', () => {
    const path = temporaryDatabasePath();
    const first = open(path);
    const second = open(path);
    expect(first.claimEvent(row('process-a'))).toBe(true);
    expect(second.claimEvent(row('process-b'))).toBe(false);
    first.markEventCreated('320000000000000001', '17:2028-09-12', '990000000000000001');
    expect(second.eventRows('320000000000000001')).toEqual([
      { ...row('process-a'), status: 'created', eventId: '990000000000000001' },
    ]);
    // A server with rows is looked at even with events off, so that they can be removed.
    expect(second.guildsWithEvents()).toEqual(['320000000000000001']);
  });

  it('lets one process take over a claim left unfinished, and only once', () => {
    const path = temporaryDatabasePath();
    const first = open(path);
    const second = open(path);
    first.claimEvent(row('dead-process'));
    const [left] = second.eventRows('320000000000000001');
    expect(first.takeOverEventClaim(left!, 'process-a', NOW + 300_000)).toBe(true);
    expect(second.takeOverEventClaim(left!, 'process-b', NOW + 300_000)).toBe(false);
    expect(second.eventRows('320000000000000001')[0]).toMatchObject({ status: 'claimed', claimedBy: 'process-a' });
  });

  it('forgets the rows of days that are over, and removes one by its key', () => {
    const store = open();
    store.claimEvent(row('a', '1:2028-08-19'));
    store.claimEvent(row('a', '2:2028-08-20'));
    store.claimEvent(row('a', '3:2028-09-12'));
    store.forgetEventsBefore('320000000000000001', '2028-08-20');
    expect(store.eventRows('320000000000000001').map((r) => r.anniversaryKey)).toEqual(['2:2028-08-20', '3:2028-09-12']);
    store.removeEventRow('320000000000000001', '3:2028-09-12');
    expect(store.eventRows('320000000000000001').map((r) => r.anniversaryKey)).toEqual(['2:2028-08-20']);
  });
});
