// The anniversary store on a real SQLite file with the real migrations: the next checks (one per server
// whose posts are on, read in time order, moved only from the time they were read at) and the
// follows the ticker reads for a batch of servers.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type LightstickDatabase } from '../../db/database.js';
import { createAnniversaryStore } from '../../db/queries/anniversary-store.js';
import { temporaryDatabasePath } from '../support/test-store.js';

const NINE = Date.parse('2026-09-12T09:00:00Z');
const TEN = Date.parse('2026-09-12T10:00:00Z');
const TOMORROW = NINE + 86_400_000;

let databases: LightstickDatabase[] = [];
afterEach(() => {
  for (const db of databases) db.$client.close();
  databases = [];
});

function openStore(path = temporaryDatabasePath()) {
  const db = openDatabase(path);
  databases.push(db);
  return { db, anniversaries: createAnniversaryStore(db) };
}

function save(anniversaries: ReturnType<typeof createAnniversaryStore>, guildId: string, nextCheckAt: number) {
  anniversaries.saveSettings({
    guildId,
    channelId: `2${guildId.slice(1)}`,
    postTime: '09:00',
    timeZone: 'UTC',
    activeFrom: '2026-09-12',
    nextCheckAt,
    now: NINE - 3_600_000,
  });
}

const checkRows = (db: LightstickDatabase) =>
  db.$client.prepare(`select guild_id as guildId, next_check_at as at from anniversary_checks order by next_check_at, guild_id`).all();

describe('the anniversary next checks', () => {
  it('keeps one next check per server: saving again replaces it, turning posts off removes it', () => {
    const { db, anniversaries } = openStore();
    save(anniversaries, '100000000000000001', NINE);
    save(anniversaries, '100000000000000002', NINE);
    save(anniversaries, '100000000000000001', TEN);
    expect(checkRows(db)).toEqual([
      { guildId: '100000000000000002', at: NINE },
      { guildId: '100000000000000001', at: TEN },
    ]);
    expect(anniversaries.disable('100000000000000002', NINE)).toBe(true);
    expect(anniversaries.disable('100000000000000002', NINE)).toBe(false);
    expect(anniversaries.nextCheckAt('100000000000000002')).toBeNull();
    expect(anniversaries.settings('100000000000000002')).toMatchObject({ enabled: false, postTime: '09:00' });
    save(anniversaries, '100000000000000002', TOMORROW);
    expect(checkRows(db)).toEqual([
      { guildId: '100000000000000001', at: TEN },
      { guildId: '100000000000000002', at: TOMORROW },
    ]);
  });

  it('reads due servers soonest first, up to the limit, of the given shards only', () => {
    const { anniversaries } = openStore();
    // Shard of a server: (id >> 22) % shard count; these four fall on shards 0, 1, 0, 1 of 2.
    const ids = [0n, 1n, 2n, 3n].map((i) => String(100000000000000000n - (100000000000000000n % 8388608n) + i * 4194304n));
    ids.forEach((guildId, i) => save(anniversaries, guildId, NINE - i * 60_000));
    save(anniversaries, '100000000000000009', TEN);
    expect(anniversaries.dueServers(NINE, 10).map((server) => server.guildId)).toEqual([...ids].reverse());
    expect(anniversaries.dueServers(NINE, 2).map((server) => server.guildId)).toEqual([ids[3], ids[2]]);
    expect(anniversaries.dueServers(NINE, 10, { ids: [0], count: 2 }).map((server) => server.guildId)).toEqual([ids[2], ids[0]]);
    expect(anniversaries.dueServers(NINE, 10, { ids: [1], count: 2 }).map((server) => server.guildId)).toEqual([ids[3], ids[1]]);
  });

  it('moves a check only from the time it was read at: one changed or removed meanwhile stays as it is', () => {
    const { db, anniversaries } = openStore();
    for (const guildId of ['100000000000000001', '100000000000000002', '100000000000000003']) save(anniversaries, guildId, NINE);
    const due = anniversaries.dueServers(NINE, 10);
    expect(due).toHaveLength(3);
    // Meanwhile, one server is set up again for ten o'clock and another turns its posts off.
    save(anniversaries, '100000000000000002', TEN);
    anniversaries.disable('100000000000000003', NINE);
    anniversaries.moveNextChecks(due.map((server) => ({ guildId: server.guildId, from: server.nextCheckAt, at: TOMORROW })));
    expect(checkRows(db)).toEqual([
      { guildId: '100000000000000002', at: TEN },
      { guildId: '100000000000000001', at: TOMORROW },
    ]);
    // A second process moving the same checks from the same reading changes nothing more.
    anniversaries.moveNextChecks(due.map((server) => ({ guildId: server.guildId, from: server.nextCheckAt, at: TOMORROW + 1 })));
    expect(anniversaries.nextCheckAt('100000000000000001')).toBe(TOMORROW);
  });
});

describe("a batch of servers' follows", () => {
  it('are read in one go, each in the order followed, a followed group bringing its members', () => {
    const { db, anniversaries } = openStore();
    db.$client.exec(`
      insert into artists (id, slug, name, kind, is_kpop) values
        (1, 'group-a', 'Group A', 'group', 1), (2, 'member-b', 'Member B', 'soloist', 1), (3, 'member-c', 'Member C', 'soloist', 1),
        (4, 'solo-d', 'Solo D', 'soloist', 1), (5, 'group-e', 'Group E', 'group', 1);
      insert into memberships (group_id, member_id) values (1, 2), (1, 3);
    `);
    anniversaries.follow('100000000000000001', 4);
    anniversaries.follow('100000000000000001', 1);
    anniversaries.follow('100000000000000002', 5);
    anniversaries.follow('100000000000000003', 2);
    const follows = anniversaries.followsOf(['100000000000000001', '100000000000000002', '100000000000000004']);
    expect([...follows.keys()].sort()).toEqual(['100000000000000001', '100000000000000002']);
    const first = follows.get('100000000000000001')!;
    expect(first.artistIds).toEqual([4, 1]);
    expect([...first.withMembers].sort()).toEqual([1, 2, 3, 4]);
    expect(follows.get('100000000000000002')).toEqual({ artistIds: [5], withMembers: [5] });
    expect(anniversaries.followsOf([])).toEqual(new Map());
  });
});
