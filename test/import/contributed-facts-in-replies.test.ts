// Contributed facts on a real store: a music show's episodes reach every read (awards, on this day
// by air date, anniversary posts, trivia, the show's episodes); the seed loader keeps them across a
// restart and a re-seed; export then import into a fresh store gives the same facts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { exportContributedFacts } from '../../db/queries/export-store.js';
import { seedStore } from '../../db/seed/seed-store.js';
import { anniversariesForServer } from '../../src/core/anniversary-schedule.js';
import { findAwards } from '../../src/core/awards.js';
import { findOnThisDay } from '../../src/core/on-this-day.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { everyQuestion, hasSingleRightAnswer, seededRandom } from '../../src/core/trivia-questions.js';
import { applyImportPlan } from '../../src/import/apply-import.js';
import { planImport } from '../../src/import/plan-import.js';
import { runExport } from '../../src/import/run-export.js';
import { questionFact, questionPrompt } from '../../src/presentation/trivia-messages.js';
import { translationFor } from '../../src/presentation/translation.js';
import type { OpenedStore } from '../../src/open-store.js';
import { minimalSeedFiles, openTestStore, temporaryDatabasePath, writeSeedDirectory } from '../support/test-store.js';

const now = new Date('2026-11-21T12:00:00Z');
const english = translationFor('en-US');
const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,artist_kind,ceremony_kind';
const csv = [
  header,
  'Stray Kids,Music Bank,2023-06-09,1st Place,won,S-Class,https://news.example.com/a,Stray Kids win Music Bank,Example News,2023-06-10,,music_show',
  'Stray Kids,Music Bank,2023-06-16,1st Place,won,S-Class,https://news.example.com/b,A second Music Bank win,Example News,2023-06-17,,',
  'TWICE,MAMA Awards,2023-11-29,Song of the Year,won,,https://news.example.com/c,TWICE win a daesang,Example News,2023-11-30,group,award_show',
].join('\n');

const stores: OpenedStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function open(options: Parameters<typeof openTestStore>[0] = {}): OpenedStore {
  const opened = openTestStore(options);
  stores.push(opened);
  return opened;
}

function importText(opened: OpenedStore, text: string, fileName = 'wins.csv') {
  const planning = planImport(
    { store: opened.store, lookups: createContributionLookups(opened.db) },
    { bytes: Buffer.from(text), fileName, by: 'curator-1', now },
  );
  if (!planning.ok) throw new Error(JSON.stringify(planning.problems));
  return applyImportPlan(opened.db, opened.store, planning.plan, now);
}

function artistId(opened: OpenedStore, name: string): number {
  const found = resolveArtist(opened.store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist.id;
}

/** The contributed facts, by natural key, as fans would see them. */
function contributedFacts(opened: OpenedStore) {
  return opened.db.$client
    .prepare(
      `select c.slug || '/' || e.edition_key || '/' || cat.slug || '/' || n.nominee_key as fact, n.result as result,
         (select group_concat(s.identifier, ' ') from nomination_sources ns join sources s on s.id = ns.source_id where ns.nomination_id = n.id) as sources
       from nominations n join editions e on e.id = n.edition_id join ceremonies c on c.id = e.ceremony_id
       join categories cat on cat.id = n.category_id
       where (n.import_id is not null or n.suggestion_id is not null) and n.withdrawn_at is null order by fact`,
    )
    .all();
}

describe("a music show's wins", () => {
  it('are two facts for two episodes, and show in awards, on this day, anniversary posts, trivia and the show', () => {
    const opened = open();
    importText(opened, csv);
    const skz = artistId(opened, 'skz');
    const wins = findAwards(opened.store, opened.store.artistById(skz)!, { result: 'won' }).editions.filter(
      (e) => e.edition.ceremonyKind === 'music_show',
    );
    expect(wins.map((e) => [e.edition.editionKey, e.edition.episode])).toEqual([
      ['2023-06-16', true],
      ['2023-06-09', true],
    ]);

    const day = findOnThisDay(opened.store, { month: 6, day: 9 }, now);
    expect(day.entries).toMatchObject([{ kind: 'win', date: '2023-06-09', nomination: { categoryName: '1st Place', edition: { ceremonyName: 'Music Bank' } } }]);
    expect(anniversariesForServer(opened.store, '2026-06-16', [skz]).map((e) => e.date)).toEqual(['2023-06-16']);

    const musicBank = opened.store.ceremoniesByNormalizedAlias('musicbank')[0]!;
    expect(musicBank.kind).toBe('music_show');
    expect(opened.store.episodesInYear(musicBank.id, 2023).map((e) => e.heldOn)).toEqual(['2023-06-09', '2023-06-16']);
    expect(opened.store.episodeResults(musicBank.id, '2023-06-16')?.nominations).toHaveLength(1);
    expect(opened.store.editionResults(musicBank.id, 2023)).toBeUndefined();

    const questions = everyQuestion(opened.store, seededRandom(3));
    const aboutMusicBank = questions.filter((q) => questionPrompt(q, english).includes('Music Bank') || questionFact(q, english).includes('Music Bank'));
    expect(aboutMusicBank.length).toBeGreaterThan(0);
    expect(aboutMusicBank.every((q) => hasSingleRightAnswer(opened.store, q))).toBe(true);
    expect(aboutMusicBank.flatMap((q) => q.sources).some((s) => s.url?.startsWith('https://news.example.com/'))).toBe(true);
  });
});

describe('the seed loader and contributed facts', () => {
  it('keeps contributed facts across a restart and a re-seed, and still removes a fact taken out of seeds/', () => {
    const files = minimalSeedFiles();
    const seedDirectory = writeSeedDirectory(files);
    const path = temporaryDatabasePath();
    const first = openTestStore({ seedDirectory, path });
    importText(
      first,
      [header, 'Solo B,Test Awards,2024,Best Newcomer,won,,https://news.example.com/n,Solo B wins,,2024-03-02,,'].join('\n'),
    );
    const imported = contributedFacts(first);
    expect(imported).toHaveLength(1);
    first.close();

    // A restart, and a forced re-seed.
    const second = open({ seedDirectory, path });
    expect(contributedFacts(second)).toEqual(imported);
    seedStore(second.db, { directory: seedDirectory, force: true });
    expect(contributedFacts(second)).toEqual(imported);

    // The seed win leaves seeds/: it goes; the imported one stays, and so does what it needs.
    const facts = files['facts.json'] as unknown as Record<string, unknown[]>;
    facts.nominations = [];
    facts.milestones = [];
    seedStore(second.db, { directory: writeSeedDirectory(files) });
    const seedWins = second.db.$client
      .prepare(`select count(*) as n from nominations where import_id is null and suggestion_id is null`)
      .get();
    expect(seedWins).toEqual({ n: 0 });
    expect(contributedFacts(second)).toEqual(imported);
    expect(findAwards(second.store, second.store.artistById(artistId(second, 'Solo B'))!).editions).toHaveLength(1);
  });
});

describe('export', () => {
  it('writes every contributed fact with its provenance, and importing it into a fresh store gives the same facts', async () => {
    const path = temporaryDatabasePath();
    const opened = open({ path });
    importText(opened, csv);
    const facts = contributedFacts(opened);
    expect(facts).toHaveLength(3);

    const file = join(mkdtempSync(join(tmpdir(), 'lightstick-export-')), 'facts.json');
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await runExport([file], { DATABASE_PATH: path })).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const exported = readFileSync(file, 'utf8');
    expect(JSON.parse(exported).nominations[0].provenance).toMatchObject({ origin: 'import', fileName: 'wins.csv', importedBy: 'curator-1' });
    expect(exportContributedFacts(opened.db)).toEqual(JSON.parse(exported));

    const fresh = open();
    expect(importText(fresh, exported, 'facts.json')).toMatchObject({ status: 'applied', added: 3 });
    expect(contributedFacts(fresh)).toEqual(facts);
    const twice = fresh.store.artistsByNormalizedAlias('twice')[0]!;
    expect(twice).toMatchObject({ name: 'TWICE', kind: 'group' });
    expect(fresh.store.ceremoniesByNormalizedAlias('musicbank')[0]!.kind).toBe('music_show');
    // And again: nothing to change.
    expect(importText(fresh, exported, 'facts.json')).toEqual({ status: 'nothing-to-change' });
  });
});
