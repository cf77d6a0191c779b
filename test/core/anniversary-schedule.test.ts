import { describe, expect, it } from 'vitest';
import {
  anniversariesForServer,
  anniversariesOn,
  dueAnniversaryPost,
  entriesByArtist,
  decideCheck,
  firstActiveDate,
  isLate,
  isRoundAnniversary,
  LATE_AFTER_MS,
  localDateOfMonthDay,
  nextCheckTime,
  nextPostWithAnniversaries,
  scheduleAsOf,
  type AnniversarySchedule,
} from '../../src/core/anniversary-schedule.js';
import { calendarDateIn } from '../../src/core/calendar.js';
import { addDays, localTimeOfDay, zonedInstant } from '../../src/core/zoned-time.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { openTestStore, writeSeedDirectory } from '../support/test-store.js';

const MINUTE = 60_000;
const zones = [
  'UTC',
  'Asia/Seoul',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Paris',
  'Europe/London',
  'Australia/Sydney',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Pacific/Chatham',
];

describe('zonedInstant', () => {
  it.each([
    ['2026-09-12', '09:00', 'Asia/Seoul', '2026-09-12T00:00:00.000Z'],
    ['2026-01-15', '09:00', 'America/New_York', '2026-01-15T14:00:00.000Z'],
    ['2026-07-15', '09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00.000Z'], // gap: 03:00 EDT
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'], // overlap: the first 01:30
    ['2026-03-29', '02:15', 'Europe/Paris', '2026-03-29T01:00:00.000Z'], // gap: 03:00 CEST
    ['2026-10-04', '02:30', 'Australia/Sydney', '2026-10-03T16:00:00.000Z'], // gap: 03:00 AEDT
    ['2026-04-05', '02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'], // overlap: AEDT first
    ['2026-09-12', '23:59', 'Asia/Kolkata', '2026-09-12T18:29:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(zonedInstant(date, time, zone).toISOString()).toBe(expected);
  });
});

/** Runs the schedule the way the ticker does: looks at each next check time, a little late. */
function simulate(schedule: AnniversarySchedule, from: Date, to: Date, lag: (i: number) => number) {
  const posts: { localDate: string; at: Date; scheduledAt: Date; late: boolean }[] = [];
  let checkAt = nextCheckTime(schedule, from);
  for (let i = 0; checkAt.getTime() < to.getTime(); i++) {
    const now = new Date(checkAt.getTime() + lag(i));
    const due = dueAnniversaryPost(schedule, now);
    if (due) {
      posts.push({ localDate: due.localDate, at: now, scheduledAt: due.scheduledAt, late: due.late });
      schedule.lastPostDate = due.localDate;
    }
    checkAt = nextCheckTime(schedule, now);
    expect(checkAt.getTime()).toBeGreaterThan(now.getTime());
  }
  return posts;
}

describe('exactly one post per local day', () => {
  for (const zone of zones) {
    for (const postTime of ['00:00', '01:30', '02:30', '09:00', '23:45']) {
      it(`${zone} at ${postTime}, 2024 to 2027 (both daylight-saving changes of each year)`, () => {
        const schedule: AnniversarySchedule = { postTime, timeZone: zone, activeFrom: '2024-01-01', lastPostDate: null };
        const from = new Date('2023-12-31T00:00:00Z');
        const to = new Date('2028-01-02T00:00:00Z');
        const posts = simulate(schedule, from, to, (i) => (i * 7919) % (45 * 1000));
        const dates = posts.map((p) => p.localDate);
        expect(new Set(dates).size).toBe(dates.length);
        // Every day from the first to the last has its post, leap days included.
        let expected = '2024-01-01';
        for (const date of dates) {
          expect(date).toBe(expected);
          expected = addDays(expected, 1);
        }
        expect(dates).toContain('2024-02-29');
        expect(dates.at(-1)! >= '2027-12-31').toBe(true);
        for (const post of posts) {
          // Posted on its local day, at its time or, in a spring-forward gap, just after.
          expect(calendarDateIn(post.at, zone)).toBe(post.localDate);
          const local = localTimeOfDay(post.scheduledAt, zone);
          if (local !== postTime) {
            expect(local > postTime, `${post.localDate} ${local}`).toBe(true);
            expect(zonedInstant(post.localDate, postTime, zone).getTime()).toBe(post.scheduledAt.getTime());
          }
          expect(post.late).toBe(false);
        }
      });
    }
  }

  it('never posts twice however often it is asked, minute by minute across a spring-forward and a fall-back day', () => {
    for (const [zone, days] of [
      ['America/New_York', ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02']],
      ['Europe/Paris', ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']],
    ] as const) {
      for (const postTime of ['02:30', '01:30', '02:00']) {
        const schedule: AnniversarySchedule = { postTime, timeZone: zone, activeFrom: '2026-01-01', lastPostDate: null };
        const counts = new Map<string, number>();
        for (const day of days) {
          const start = zonedInstant(day, '00:00', zone).getTime();
          const end = zonedInstant(addDays(day, 1), '00:00', zone).getTime();
          for (let t = start; t < end; t += MINUTE) {
            const due = dueAnniversaryPost(schedule, new Date(t));
            if (due) {
              counts.set(due.localDate, (counts.get(due.localDate) ?? 0) + 1);
              schedule.lastPostDate = due.localDate;
            }
          }
        }
        expect([...counts.values()].every((n) => n === 1), `${zone} ${postTime}`).toBe(true);
        expect([...counts.keys()]).toEqual([...days]);
      }
    }
  });

  it('puts a post time inside the spring-forward gap at the first valid instant after it', () => {
    const schedule: AnniversarySchedule = { postTime: '02:30', timeZone: 'America/New_York', activeFrom: '2026-03-01', lastPostDate: '2026-03-07' };
    expect(dueAnniversaryPost(schedule, new Date('2026-03-08T06:59:00Z'))).toBeNull();
    expect(dueAnniversaryPost(schedule, new Date('2026-03-08T07:00:00Z'))).toMatchObject({ localDate: '2026-03-08', late: false });
    expect(localTimeOfDay(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('03:00');
  });
});

describe('after downtime', () => {
  const schedule = (): AnniversarySchedule => ({ postTime: '09:00', timeZone: 'Asia/Seoul', activeFrom: '2026-01-01', lastPostDate: '2026-09-09' });

  it('sends today\'s post when back, marked late, and nothing for the days that passed', () => {
    const due = dueAnniversaryPost(schedule(), new Date('2026-09-12T05:00:00Z')); // 14:00 in Seoul
    expect(due).toEqual({ localDate: '2026-09-12', scheduledAt: new Date('2026-09-12T00:00:00Z'), late: true });
  });

  it('is not late within a few minutes of its time', () => {
    const due = dueAnniversaryPost(schedule(), new Date(Date.parse('2026-09-12T00:00:00Z') + LATE_AFTER_MS));
    expect(due?.late).toBe(false);
  });

  it('waits for today\'s time when back before it', () => {
    expect(dueAnniversaryPost(schedule(), new Date('2026-09-11T23:00:00Z'))).toBeNull();
    expect(nextCheckTime(schedule(), new Date('2026-09-11T23:00:00Z'))).toEqual(new Date('2026-09-12T00:00:00Z'));
  });
});

describe('setting up', () => {
  it('starts today when today\'s time is still ahead, tomorrow otherwise', () => {
    expect(firstActiveDate('09:00', 'Asia/Seoul', new Date('2026-09-11T23:00:00Z'))).toBe('2026-09-12');
    expect(firstActiveDate('09:00', 'Asia/Seoul', new Date('2026-09-12T01:00:00Z'))).toBe('2026-09-13');
    const schedule: AnniversarySchedule = { postTime: '09:00', timeZone: 'Asia/Seoul', activeFrom: '2026-09-13', lastPostDate: null };
    expect(dueAnniversaryPost(schedule, new Date('2026-09-12T01:00:00Z'))).toBeNull();
  });
});

describe('round anniversaries', () => {
  it('are the 1st and every 5th', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 11, 15, 20, 25].filter(isRoundAnniversary)).toEqual([1, 5, 10, 15, 20, 25]);
  });
});

describe("a server's anniversaries picked by artist", () => {
  it('are the same entries, in the same order, as reading every entry of the day', () => {
    for (const opened of [openTestStore(), openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles()) })]) {
      try {
        const artists = opened.store.listArtists(10_000);
        let compared = 0;
        for (let day = 0; day < 365; day++) {
          const localDate = addDays('2030-01-01', day);
          const all = anniversariesOn(opened.store, localDate);
          if (all.length === 0) continue;
          const byArtist = entriesByArtist(all);
          for (const [index, artist] of artists.entries()) {
            const followed = [artist.id, artists[(index * 7) % artists.length]!.id];
            const picked = anniversariesForServer(opened.store, localDate, followed, all, byArtist);
            expect(picked).toEqual(anniversariesForServer(opened.store, localDate, followed, all));
            compared += picked.length;
          }
          expect(anniversariesForServer(opened.store, localDate, [], all, byArtist)).toBe(all);
        }
        expect(compared).toBeGreaterThan(0);
      } finally {
        opened.close();
      }
    }
  });
});

describe('the next post /anniversaries announces', () => {
  const daily: AnniversarySchedule = { postTime: '09:00', timeZone: 'Asia/Seoul', activeFrom: '2026-01-01', lastPostDate: null };

  it('is the first day still ahead with anniversaries: today while its time is ahead, not once it has passed', () => {
    const onlyOn = (date: string) => (localDate: string) => (localDate === date ? 2 : 0);
    expect(nextPostWithAnniversaries(daily, new Date('2026-06-09T23:59:00Z'), onlyOn('2026-06-10'))).toEqual({
      localDate: '2026-06-10',
      at: new Date('2026-06-10T00:00:00Z'),
      count: 2,
    });
    // Past today's time: a year later, the same day.
    expect(nextPostWithAnniversaries(daily, new Date('2026-06-10T00:00:01Z'), onlyOn('2026-06-10'))).toBeNull();
    expect(nextPostWithAnniversaries(daily, new Date('2026-06-10T00:00:01Z'), onlyOn('2027-06-10'))?.localDate).toBe('2027-06-10');
  });

  it('looks a little over a year ahead, and no further', () => {
    const asked: string[] = [];
    // 05:00 in Seoul: today's post is still ahead, and counts as the first day.
    expect(nextPostWithAnniversaries(daily, new Date('2026-02-28T20:00:00Z'), (localDate) => (asked.push(localDate), 0))).toBeNull();
    expect(asked).toHaveLength(370);
    expect([asked[0], asked.at(-1)]).toEqual(['2026-03-01', '2027-03-05']);
  });

  it('skips the days that already have a post, and starts at the first active day', () => {
    const any = () => 1;
    expect(nextPostWithAnniversaries({ ...daily, lastPostDate: '2026-06-10' }, new Date('2026-06-09T12:00:00Z'), any)?.localDate).toBe('2026-06-11');
    expect(nextPostWithAnniversaries({ ...daily, activeFrom: '2026-07-01' }, new Date('2026-06-09T12:00:00Z'), any)?.localDate).toBe('2026-07-01');
  });
});

describe('February 29 in a preview', () => {
  it('is the 28th in a common year and itself in a leap year', () => {
    expect(localDateOfMonthDay({ month: 2, day: 29 }, 2027)).toBe('2027-02-28');
    expect(localDateOfMonthDay({ month: 2, day: 29 }, 2028)).toBe('2028-02-29');
    expect(localDateOfMonthDay({ month: 9, day: 12 }, 2026)).toBe('2026-09-12');
  });
});

describe('what the ticker decides for a server it looks at', () => {
  it('a due post, and the next look at the next day', () => {
    const schedule: AnniversarySchedule = { postTime: '09:00', timeZone: 'UTC', activeFrom: '2026-01-01', lastPostDate: null };
    expect(decideCheck(schedule, new Date('2026-09-12T09:00:20Z'))).toEqual({
      due: { localDate: '2026-09-12', scheduledAt: new Date('2026-09-12T09:00:00Z'), late: false },
      nextCheckAt: Date.parse('2026-09-13T09:00:00Z'),
    });
    expect(decideCheck(schedule, new Date('2026-09-12T08:00:00Z'))).toEqual({ due: null, nextCheckAt: Date.parse('2026-09-12T09:00:00Z') });
  });
});

describe('sharing one decision between servers', () => {
  it('decides the same as the full schedule, for start dates and last posts before, on and after today', () => {
    const now = new Date('2026-03-08T09:30:00Z');
    const dates = ['2026-03-01', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-20'];
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Seoul', 'Pacific/Kiritimati']) {
      for (const postTime of ['00:00', '02:30', '09:00', '23:45']) {
        const today = calendarDateIn(now, timeZone);
        for (const activeFrom of dates) {
          for (const lastPostDate of [null, ...dates]) {
            const schedule: AnniversarySchedule = { postTime, timeZone, activeFrom, lastPostDate };
            const shared = scheduleAsOf(schedule, today);
            expect(dueAnniversaryPost(shared, now)).toEqual(dueAnniversaryPost(schedule, now));
            expect(nextCheckTime(shared, now)).toEqual(nextCheckTime(schedule, now));
          }
        }
      }
    }
  });

  it('calls a post late only past five minutes after its time', () => {
    expect(isLate(0, 5 * 60_000)).toBe(false);
    expect(isLate(0, 5 * 60_000 + 1)).toBe(true);
  });
});
