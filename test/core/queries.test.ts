import { afterAll, describe, expect, it } from 'vitest';
import { describeArtist } from '../../src/core/artist-profile.js';
import { findAwards } from '../../src/core/awards.js';
import { findEditionResults, resolveCeremony } from '../../src/core/ceremonies.js';
import { findFirsts } from '../../src/core/firsts.js';
import { findOnThisDay } from '../../src/core/on-this-day.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { minimalSeedFiles, openTestStore, writeSeedDirectory } from '../support/test-store.js';

const opened = openTestStore();
const { store } = opened;
afterAll(() => opened.close());

function artist(name: string) {
  const resolution = resolveArtist(store, name);
  if (resolution.status !== 'found') throw new Error(`no artist ${name}`);
  return resolution.artist;
}

function ceremony(name: string) {
  const resolution = resolveCeremony(store, name);
  if (resolution.status !== 'found') throw new Error(`no ceremony ${name}`);
  return resolution.ceremony;
}

function ceremonyId(name: string): number {
  return ceremony(name).id;
}

describe('facts as the articles state them', () => {
  it('dates each win by its ceremony at the venue, not by the article', () => {
    const song = findAwards(store, artist('Jungkook'), { result: 'won' });
    const dates = song.editions.map((e) => [e.edition.ceremonyShortName, e.edition.heldOn, e.edition.timeZone]);
    // The 2023 EMAs had no show, so no venue and no time zone: only the day the winners were announced.
    expect(dates).toEqual([['MTV EMAs', '2023-11-05', null], ['MTV VMAs', '2023-09-12', 'America/New_York']]);
    const rose = findAwards(store, artist('Rosé'), { result: 'won' });
    expect(rose.editions[0]!.edition).toMatchObject({ heldOn: '2025-09-07', venue: 'UBS Arena', city: 'New York' });
  });

  it('keeps the cancelled 2023 EMAs show as a note while its winners stand', () => {
    const lookup = findEditionResults(store, ceremony('EMAs'), 2023);
    expect(lookup.status).toBe('found');
    if (lookup.status !== 'found') return;
    expect(lookup.results.edition.notes).toMatch(/No show took place/);
    expect(lookup.results.edition).toMatchObject({ city: null, venue: null, timeZone: null });
    expect(lookup.results.categories.flatMap((c) => c.nominees.filter((n) => n.result === 'won').map((n) => n.categoryName))).toEqual(
      expect.arrayContaining(['Best Song', 'Best K-Pop']),
    );
  });
});

describe('findFirsts', () => {
  it("lists BLACKPINK's own milestones oldest first, then members' solo ones apart", () => {
    const firsts = findFirsts(store, artist('blackpink'));
    const dates = firsts.milestones.map((m) => m.occurredOn);
    expect(dates).toEqual([...dates].sort());
    expect(firsts.milestones[0]).toMatchObject({ occurredOn: '2022', key: 'blackpink-first-kpop-girl-group-to-perform-at-vmas' });
    expect(firsts.milestones.every((m) => m.artists.some((a) => a.slug === 'blackpink'))).toBe(true);
    expect(firsts.memberMilestones.map((m) => m.member.slug)).toEqual(['rose']);
    expect(firsts.memberMilestones[0]!.milestones[0]!.key).toBe('rose-first-korean-artist-vma-top-honor');
    for (const milestone of [...firsts.milestones, ...firsts.memberMilestones.flatMap((m) => m.milestones)]) {
      expect(milestone.sources.length).toBeGreaterThan(0);
    }
  });

  it('gives a soloist no members part', () => {
    const firsts = findFirsts(store, artist('JK'));
    expect(firsts.memberMilestones).toEqual([]);
    expect(firsts.milestones[0]!.key).toBe('jungkook-official-solo-debut-seven');
  });
});

describe('findAwards', () => {
  it('groups wins and nominations by edition, newest first', () => {
    const awards = findAwards(store, artist('Rosé'));
    expect(awards.editions.map((e) => e.edition.year)).toEqual([2025]);
    expect(awards.wins).toBe(1);
    expect(awards.nominations).toBe(8);
  });

  it('filters by ceremony, year and result', () => {
    const jk = artist('Jungkook');
    expect(findAwards(store, jk, { ceremonyId: ceremonyId('VMAs') }).editions.map((e) => e.edition.year)).toEqual([2023]);
    expect(findAwards(store, jk, { year: 2023 }).nominations).toBe(3);
    expect(findAwards(store, jk, { result: 'nominated' }).nominations).toBe(0);
    expect(findAwards(store, artist('Rosé'), { result: 'nominated' }).nominations).toBe(7);
    expect(findAwards(store, jk, { year: 2019 }).editions).toEqual([]);
  });

  it("counts a featured artist's nomination for them too", () => {
    const latto = findAwards(store, artist('Latto'));
    expect(latto.wins).toBe(2);
    expect(latto.editions.flatMap((e) => e.nominations.map((n) => n.artists.find((a) => a.slug === 'latto')?.role))).toEqual([
      'featured',
      'featured',
    ]);
  });
});

describe('findOnThisDay', () => {
  it('finds the 2023 VMAs wins and firsts on September 12, with years ago from now', () => {
    const day = findOnThisDay(store, { month: 9, day: 12 }, new Date('2026-09-12T15:00:00Z'));
    const wins = day.entries.filter((e) => e.kind === 'win');
    expect(wins.map((e) => e.kind === 'win' && e.nomination.categoryName).sort()).toEqual(
      ['Best K-Pop', 'Group of the Year', 'PUSH Performance of the Year', 'Song of Summer'].sort(),
    );
    expect(new Set(day.entries.map((e) => e.yearsAgo))).toEqual(new Set([3]));
    expect(day.entries.some((e) => e.kind === 'milestone' && e.milestone.key === 'jungkook-first-kpop-soloist-vma-main-category')).toBe(true);
  });

  it('counts only earlier years and nothing on a quiet day', () => {
    expect(findOnThisDay(store, { month: 9, day: 7 }, new Date('2025-09-07T12:00:00Z')).entries).toEqual([]);
    expect(findOnThisDay(store, { month: 9, day: 7 }, new Date('2026-01-01T00:00:00Z')).entries[0]).toMatchObject({ yearsAgo: 1 });
    expect(findOnThisDay(store, { month: 1, day: 1 }, new Date('2026-01-01T00:00:00Z')).entries).toEqual([]);
  });

  it('finds a milestone dated only by its edition nowhere, and a release day on its day', () => {
    const july14 = findOnThisDay(store, { month: 7, day: 14 }, new Date('2026-07-14T00:00:00Z'));
    expect(july14.entries.map((e) => e.kind === 'milestone' && e.milestone.key)).toEqual(['jungkook-official-solo-debut-seven']);
  });

  it('uses the calendar day of `now` in the given time zone', () => {
    const instant = new Date('2026-09-12T23:30:00Z');
    expect(findOnThisDay(store, { month: 9, day: 12 }, instant, 'UTC').today).toBe('2026-09-12');
    expect(findOnThisDay(store, { month: 9, day: 12 }, instant, 'Asia/Seoul').today).toBe('2026-09-13');
  });

  it('remembers February 29 on February 28 of a common year, and on the day itself in a leap year', () => {
    const leap = openTestStore({ seedDirectory: writeSeedDirectory(minimalSeedFiles()) });
    try {
      const commonYear = findOnThisDay(leap.store, { month: 2, day: 28 }, new Date('2027-02-28T12:00:00Z'));
      expect(commonYear.entries.map((e) => e.kind)).toEqual(['win', 'milestone']);
      expect(commonYear.entries[0]!.yearsAgo).toBe(3);
      expect(findOnThisDay(leap.store, { month: 2, day: 28 }, new Date('2028-02-28T12:00:00Z')).entries).toEqual([]);
      expect(findOnThisDay(leap.store, { month: 2, day: 29 }, new Date('2028-02-29T12:00:00Z')).entries.length).toBe(2);
    } finally {
      leap.close();
    }
  });
});

describe('findEditionResults', () => {
  it('puts K-pop acts first, and does not call a list full that the source does not', () => {
    const lookup = findEditionResults(store, ceremony('mtv vma'), 2023);
    if (lookup.status !== 'found') throw new Error('no 2023 VMAs');
    const songOfSummer = lookup.results.categories.find((c) => c.categorySlug === 'song-of-summer')!;
    // The article lists the songs "Seven" beat without saying they are every nominee.
    expect(songOfSummer.complete).toBe(false);
    expect(songOfSummer.nominees).toHaveLength(16);
    expect(songOfSummer.nominees[0]!.workTitle).toBe('Seven');
    // No source says FIFTY FIFTY is a K-pop act, so TXT's song is the only other K-pop one.
    expect(songOfSummer.nominees[1]!.workTitle).toBe('Do It Like That');
    expect(songOfSummer.nominees[2]!.artists.every((a) => !a.isKpop)).toBe(true);
  });

  it('says which years exist when asked for one that does not', () => {
    expect(findEditionResults(store, ceremony('EMA'), 2021)).toMatchObject({ status: 'no-edition', knownYears: [2022, 2023] });
  });
});

describe('describeArtist', () => {
  it('gives aliases, group, counts and the latest win', () => {
    const profile = describeArtist(store, artist('rose'));
    expect(profile.groups.map((g) => g.name)).toEqual(['BLACKPINK']);
    expect(profile.aliases.map((a) => a.alias)).toContain('로제');
    expect(profile).toMatchObject({ wins: 1, nominations: 8 });
    expect(profile.latestWin?.categoryName).toBe('Song of the Year');
  });

  it('lists a group\'s members', () => {
    const profile = describeArtist(store, artist('BLACKPINK'));
    expect(profile.members.map((m) => m.name).sort()).toEqual(['Jennie', 'Jisoo', 'Lisa', 'Rosé']);
    expect(profile.latestWin?.edition.year).toBe(2023);
  });
});
