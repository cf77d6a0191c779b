// A synthetic store far larger than any real one, deterministic from a seed number, built through
// the same code as the real one: the seed loader (applySeeds) and the anniversary settings store.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../db/database.js';
import { createAnniversaryStore } from '../db/queries/anniversary-store.js';
import { applySeeds } from '../db/seed/apply-seeds.js';
import type { Located, SeedSet } from '../db/seed/read-seeds.js';
import type { ArtistRecord, EditionRecord, MilestoneRecord, NominationRecord, WorkRecord } from '../db/seed/seed-file-schema.js';
import { enableAnniversaryPosts } from '../src/anniversaries/enable-posts.js';
import { seededRandom } from '../src/core/trivia-questions.js';

export interface SyntheticSize {
  artists: number;
  nominations: number;
  milestones: number;
  servers: number;
}

export const FULL_SIZE: SyntheticSize = { artists: 20_000, nominations: 1_000_000, milestones: 200_000, servers: 100_000 };

const origin = { file: 'synthetic.json', path: 'generated' };
const located = <T>(record: T): Located<T> => ({ ...record, origin }) as Located<T>;

const syllables = ['ka', 'ri', 'mo', 'so', 'jin', 'hae', 'lu', 'na', 'ye', 'bin', 'seo', 'da', 'mi', 'ro', 'ha', 'yu'];
const hangul = ['가', '리', '모', '소', '진', '해', '루', '나', '예', '빈', '서', '다', '미', '로', '하', '유'];
export const timeZones = ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Asia/Manila', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The seed set: sources, artists with aliases and members, ceremonies, editions, works, nominations, milestones. */
export function syntheticSeedSet(size: SyntheticSize, seed: number): SeedSet {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sources = Array.from({ length: 1000 }, (_, i) =>
    located({ id: `synthetic-${pad(i, 4)}.txt`, publishedOn: `20${pad(10 + (i % 15), 2)}-0${1 + (i % 9)}-1${i % 9}`, headline: `Synthetic article ${i}`, outlet: null }),
  );
  const sourceId = () => pick(sources).id;

  const artists: Located<ArtistRecord>[] = [];
  const soloists: number[] = [];
  for (let i = 0; i < size.artists; i++) {
    const name = `${syllables[i % 16]}${syllables[Math.floor(i / 16) % 16]}${syllables[Math.floor(i / 256) % 16]} ${i}`;
    const group = random() < 0.3;
    artists.push(
      located({
        slug: `artist-${i}`,
        name: name[0]!.toUpperCase() + name.slice(1),
        kind: group ? 'group' : 'soloist',
        kpop: random() < 0.6,
        aliases: [
          { alias: `A${i}`, kind: 'short' as const },
          { alias: `${hangul[i % 16]}${hangul[Math.floor(i / 16) % 16]}${hangul[Math.floor(i / 256) % 16]}${i}`, kind: 'hangul' as const },
          { alias: `${name.replace(' ', '-')} official`, kind: 'romanisation' as const },
        ],
      }),
    );
    if (!group) soloists.push(i);
  }
  // Groups take unclaimed soloists as members.
  let nextSoloist = 0;
  for (const artist of artists) {
    if (artist.kind !== 'group' || nextSoloist >= soloists.length) continue;
    const count = 4 + Math.floor(random() * 5);
    artist.members = soloists.slice(nextSoloist, nextSoloist + count).map((i) => `artist-${i}`);
    nextSoloist += count;
  }

  const categoriesPerCeremony = 100;
  const ceremonies = Array.from({ length: 8 }, (_, c) =>
    located({
      slug: `ceremony-${c}`,
      name: `Synthetic Music Awards ${c}`,
      shortName: `SMA${c}`,
      aliases: [`S${c}`],
      categories: Array.from({ length: categoriesPerCeremony }, (_, k) => ({ slug: `category-${k}`, name: `Category ${k}` })),
    }),
  );
  const editions: Located<EditionRecord>[] = [];
  for (const ceremony of ceremonies) {
    for (let year = 1966; year <= 2025; year++) {
      editions.push(
        located({
          ceremony: ceremony.slug,
          year,
          heldOn: `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`,
          venue: 'Synthetic Arena',
          city: 'Nowhere',
          timeZone: pick(timeZones),
          notes: null,
          source: sourceId(),
        }),
      );
    }
  }

  const works: Located<WorkRecord>[] = [];
  const nominations: Located<NominationRecord>[] = [];
  const perCategory = Math.ceil(size.nominations / (editions.length * categoriesPerCeremony));
  outer: for (const edition of editions) {
    for (let k = 0; k < categoriesPerCeremony; k++) {
      for (let n = 0; n < perCategory; n++) {
        if (nominations.length >= size.nominations) break outer;
        const result = n === 0 ? 'won' : 'nominated';
        const lead = Math.floor(random() * size.artists);
        if (random() < 0.6) {
          const slug = `work-${works.length}`;
          const credits = [{ artist: `artist-${lead}`, role: 'primary' as const }];
          if (random() < 0.3) credits.push({ artist: `artist-${(lead + 1 + Math.floor(random() * 100)) % size.artists}`, role: 'primary' });
          works.push(located({ slug, title: `Song ${works.length}`, kind: 'song', credits }));
          nominations.push(located({ ceremony: edition.ceremony, year: edition.year, category: `category-${k}`, work: slug, result, sources: [sourceId()] }));
        } else {
          // A different artist per nominee within the category keeps natural keys unique.
          const artist = (lead + n) % size.artists;
          nominations.push(located({ ceremony: edition.ceremony, year: edition.year, category: `category-${k}`, artists: [`artist-${artist}`], result, sources: [sourceId()] }));
        }
      }
    }
  }
  // Artist nominations may collide on (edition, category, artist); drop the repeats.
  const seen = new Set<string>();
  const uniqueNominations = nominations.filter((n) => {
    const key = `${n.ceremony}/${n.year}/${n.category}/${n.work ?? n.artists!.join('+')}`;
    return !seen.has(key) && seen.add(key);
  });

  const milestones: Located<MilestoneRecord>[] = [];
  for (let m = 0; m < size.milestones; m++) {
    const year = 1966 + Math.floor(random() * 60);
    const fullDate = random() < 0.7;
    milestones.push(
      located({
        key: `milestone-${m}`,
        kind: pick(['first', 'record', 'performance', 'chart', 'debut'] as const),
        artists: [`artist-${Math.floor(random() * size.artists)}`],
        statement: `Synthetic milestone number ${m}, the first of its kind`,
        occurredOn: fullDate ? `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}` : String(year),
        sources: [sourceId()],
      }),
    );
  }

  return {
    sources,
    artists,
    ceremonies,
    editions,
    works,
    nomineeLists: [],
    nominations: uniqueNominations,
    milestones,
    digest: `synthetic-${seed}-${size.artists}-${size.nominations}-${size.milestones}`,
  };
}

/**
 * Builds (or reuses, when already built for this seed and size) the synthetic database at `path`,
 * with `size.servers` configured anniversary servers.
 */
export function buildSyntheticStore(path: string, size: SyntheticSize, seed: number, log: (line: string) => void): void {
  const marker = `${path}.${seed}-${size.artists}-${size.nominations}-${size.milestones}-${size.servers}.done`;
  if (existsSync(path) && existsSync(marker)) return;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const building = `${path}.building`;
  const db = openDatabase(building);
  db.$client.pragma('synchronous = OFF');
  const started = Date.now();
  const set = syntheticSeedSet(size, seed);
  log(`generated ${set.artists.length} artists, ${set.nominations.length} nominations, ${set.milestones.length} milestones in ${Date.now() - started} ms`);
  applySeeds(db, set, { force: true });
  log(`loaded through applySeeds in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const anniversaries = createAnniversaryStore(db);
  const random = seededRandom(seed + 1);
  const now = new Date('2026-09-12T00:00:00Z');
  db.$client.transaction(() => {
    for (let i = 0; i < size.servers; i++) {
      const guildId = String(100_000_000_000_000_000n + BigInt(i) * 4_194_304n + BigInt(Math.floor(random() * 4_000_000)));
      const timeZone = timeZones[i % timeZones.length]!;
      const postTime = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`;
      enableAnniversaryPosts(anniversaries, { guildId, channelId: String(200_000_000_000_000_000n + BigInt(i)), postTime, timeZone }, now);
      if (random() < 0.3) anniversaries.follow(guildId, 1 + Math.floor(random() * size.artists));
    }
  })();
  log(`configured ${size.servers} servers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  writeFileSync(marker, new Date().toISOString());
}
