// A synthetic seed set the size of the founding catalogue: about 300 artists, 3,000 episodes of
// weekly music shows (one edition each), 3,000 nominations, 2,000 works and 300 milestones.
// Deterministic, so that the test and the bench load the same rows.
import type { Located, SeedSet } from '../../db/seed/read-seeds.js';
import type { ArtistRecord, CeremonyRecord, EditionRecord, MilestoneRecord, NominationRecord, SourceRecord, WorkRecord } from '../../db/seed/seed-file-schema.js';

export const FOUNDING_SIZE = { artists: 300, episodes: 3000, works: 2000, milestones: 300 };

const origin = { file: 'founding.json', path: 'generated' };
const located = <T>(record: T): Located<T> => ({ ...record, origin }) as Located<T>;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day `n` days after 2015-01-01, as YYYY-MM-DD. */
function dayAfter(n: number): string {
  return new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

export function foundingCatalogue(size = FOUNDING_SIZE, digest = 'founding-catalogue'): SeedSet {
  const sources: Located<SourceRecord>[] = Array.from({ length: 500 }, (_, i) =>
    located({ id: `founding-${pad(i, 4)}.txt`, publishedOn: dayAfter(i * 7), headline: `Founding article ${i}`, outlet: 'Example News' }),
  );
  const source = (i: number) => sources[i % sources.length]!.id;

  const artists: Located<ArtistRecord>[] = Array.from({ length: size.artists }, (_, i) =>
    located({
      slug: `act-${i}`,
      name: `Act ${i}`,
      kind: i % 3 === 0 ? 'group' : 'soloist',
      kpop: true,
      aliases: [
        { alias: `ACT${i}`, kind: 'short' as const },
        { alias: `액트${i}`, kind: 'hangul' as const },
      ],
    }),
  );
  // Each group takes the two soloists after it as members.
  for (let i = 0; i + 2 < artists.length; i += 3) artists[i]!.members = [`act-${i + 1}`, `act-${i + 2}`];

  const shows = ['music-bank', 'inkigayo', 'show-champion', 'm-countdown', 'music-core', 'the-show'];
  const ceremonies: Located<CeremonyRecord>[] = shows.map((slug) =>
    located({
      slug,
      name: slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
      shortName: slug.replace(/-/g, '').toUpperCase().slice(0, 8),
      kind: 'music_show' as const,
      categories: [{ slug: 'first-place', name: '1st Place' }],
    }),
  );

  const works: Located<WorkRecord>[] = Array.from({ length: size.works }, (_, i) =>
    located({ slug: `song-${i}`, title: `Song ${i}`, kind: 'song' as const, credits: [{ artist: `act-${i % size.artists}`, role: 'primary' as const }] }),
  );

  const editions: Located<EditionRecord>[] = [];
  const nominations: Located<NominationRecord>[] = [];
  for (let e = 0; e < size.episodes; e++) {
    const show = shows[e % shows.length]!;
    // Each show airs once a week: six shows share the days of a week.
    const airDate = dayAfter(Math.floor(e / shows.length) * 7 + (e % shows.length));
    const year = Number(airDate.slice(0, 4));
    editions.push(located({ ceremony: show, year, heldOn: airDate, timeZone: 'Asia/Seoul', source: source(e) }));
    nominations.push(
      located({ ceremony: show, year, date: airDate, category: 'first-place', work: `song-${e % size.works}`, result: 'won' as const, sources: [source(e)] }),
    );
  }

  const milestones: Located<MilestoneRecord>[] = Array.from({ length: size.milestones }, (_, m) => {
    const win = nominations[m * 10]!;
    return located({
      key: `founding-first-${m}`,
      kind: 'first' as const,
      artists: [`act-${(m * 10) % size.artists}`],
      statement: `First music-show win of Act ${(m * 10) % size.artists}`,
      occurredOn: win.date,
      edition: { ceremony: win.ceremony, year: win.year, date: win.date },
      nomination: { category: 'first-place', work: win.work },
      sources: [win.sources[0]!],
    });
  });

  return { sources, artists, ceremonies, editions, works, nomineeLists: [], nominations, milestones, digest };
}
