// Seed files written side by side (one per ceremony) each name the artists, works and sources they
// need; the loader wants each defined once. This moves them into one shared file per kind, merging
// duplicates, and renames references where two files gave one act two slugs. Rerun it whenever a
// new ceremony file arrives:
//
//   npx tsx scripts/catalogue/reconcile-shared-records.ts
//
// A conflict it cannot settle (two kinds for one act, two credits for one work slug) is printed and
// the first record kept; nothing is guessed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root.js';
import type { ArtistRecord, SeedFile, SourceRecord, WorkRecord } from '../../db/seed/seed-file-schema.js';
import { normalizeName } from '../../src/core/names.js';
import { generatedSeedFile } from './convert-music-show-wins.js';

const seedsFolder = join(projectRoot, 'seeds');
/** The founding files keep their own records; the shared files are this script's output. */
const keptInPlace = new Set(['artists.json', 'sources.json']);
export const sharedFiles = { artists: 'award-show-artists.json', works: 'award-show-works.json', sources: 'award-show-sources.json' } as const;

export interface Reconciled {
  files: Record<string, SeedFile>;
  conflicts: string[];
  renamed: Record<string, string>;
}

export function reconcile(files: Record<string, SeedFile>): Reconciled {
  const conflicts: string[] = [];
  const renamed: Record<string, string> = {};
  const names = Object.keys(files).sort();
  const shared = new Set<string>(Object.values(sharedFiles));

  // Artists: the founding list first, then every other file's in file order.
  const artists = new Map<string, ArtistRecord>();
  const slugByFolded = new Map<string, string>();
  const founding = files['artists.json']?.artists ?? [];
  const take = (artist: ArtistRecord, from: string, isFounding: boolean) => {
    const folded = [artist.name, ...(artist.aliases ?? []).map((a) => a.alias)].map(normalizeName);
    const sameSlug = artists.get(artist.slug);
    const sameName = folded.map((f) => slugByFolded.get(f)).find((s) => s !== undefined);
    const target = sameSlug ? artist.slug : sameName;
    if (!target) {
      artists.set(artist.slug, { ...artist, aliases: [...(artist.aliases ?? [])] });
      for (const f of folded) if (!slugByFolded.has(f)) slugByFolded.set(f, artist.slug);
      return;
    }
    if (target !== artist.slug) renamed[artist.slug] = target;
    const kept = artists.get(target)!;
    if (kept.kind !== artist.kind) conflicts.push(`${from}: ${artist.slug} is a ${artist.kind}, but ${kept.slug} is kept as a ${kept.kind}`);
    // A file that says an act is not K-pop and why (its note) is the more careful claim: it stands.
    const kpop = kept.kpop && artist.kpop ? true : kept.kpop === artist.kpop ? kept.kpop : !(artist.kpop ? kept.kpopNote : artist.kpopNote);
    const kpopNote = kpop ? kept.kpopNote : (kept.kpop ? artist.kpopNote : kept.kpopNote) ?? artist.kpopNote;
    if (kept.kpop !== artist.kpop && !isFounding) conflicts.push(`${from}: ${artist.slug} has kpop ${artist.kpop}, ${kept.slug} had ${kept.kpop}; kept ${kpop}`);
    const aliases = new Map((kept.aliases ?? []).map((a) => [normalizeName(a.alias), a]));
    for (const alias of [{ alias: artist.name, kind: 'name' as const }, ...(artist.aliases ?? [])]) {
      const f = normalizeName(alias.alias);
      if (f !== normalizeName(kept.name) && !aliases.has(f) && (slugByFolded.get(f) ?? target) === target) {
        aliases.set(f, alias);
        slugByFolded.set(f, target);
      }
    }
    const members = [...new Set([...(kept.members ?? []), ...(artist.members ?? [])])];
    const merged: ArtistRecord = { ...kept, kpop, aliases: [...aliases.values()], ...(members.length > 0 ? { members } : {}) };
    if (kpopNote) merged.kpopNote = kpopNote;
    else delete merged.kpopNote;
    artists.set(target, merged);
  };
  for (const artist of founding) take(artist, 'artists.json', true);
  const foundingSlugs = new Set(founding.map((a) => a.slug));
  for (const name of names) {
    if (keptInPlace.has(name) || generatedSeedFile(name)) continue;
    for (const artist of files[name]!.artists ?? []) take(artist, name, false);
  }
  const renameArtist = (slug: string) => renamed[slug] ?? slug;
  for (const artist of artists.values()) {
    if (artist.members) artist.members = [...new Set(artist.members.map(renameArtist))];
    if (artist.aliases?.length === 0) delete artist.aliases;
  }

  // Works and sources: one definition per slug or id; a second one must say the same.
  const works = new Map<string, WorkRecord>();
  const sources = new Map<string, SourceRecord>();
  const foundingSources = new Set((files['sources.json']?.sources ?? []).map((s) => s.id));
  for (const name of names) {
    if (generatedSeedFile(name)) continue;
    const file = files[name]!;
    for (const work of file.works ?? []) {
      const credits = work.credits.map((c) => ({ ...c, artist: renameArtist(c.artist) }));
      const kept = works.get(work.slug);
      const key = (c: { artist: string; role: string }) => `${c.artist}/${c.role}`;
      const keptKeys = new Set(kept?.credits.map(key));
      const primaries = (list: { artist: string; role: string }[]) => list.filter((c) => c.role === 'primary').map(key).join();
      if (!kept) works.set(work.slug, { ...work, credits });
      // One source names only the primary act, another the featured one too: the fuller credits stand.
      else if (primaries(kept.credits) === primaries(credits) && credits.length > kept.credits.length && kept.credits.every((c) => credits.some((n) => key(n) === key(c)))) {
        works.set(work.slug, { ...kept, credits });
      } else if (credits.some((c) => !keptKeys.has(key(c)))) conflicts.push(`${name}: work ${work.slug} is credited differently from the one kept`);
    }
    if (keptInPlace.has(name)) continue;
    for (const source of file.sources ?? []) {
      if (foundingSources.has(source.id)) continue;
      const kept = sources.get(source.id);
      if (kept && (kept.publishedOn !== source.publishedOn || kept.outlet !== source.outlet)) conflicts.push(`${name}: source ${source.id} is described differently from the one kept`);
      if (!kept) sources.set(source.id, source);
    }
  }

  // Rewrite every file: its own artists, works and sources move to the shared files.
  const out: Record<string, SeedFile> = {};
  for (const name of names) {
    if (shared.has(name)) continue;
    const file = files[name]!;
    const { artists: _artists, works: _works, sources: _sources, ...rest } = file;
    const rewritten: SeedFile = keptInPlace.has(name) ? { ...file } : { ...rest };
    if (keptInPlace.has(name)) delete rewritten.works;
    if (name === 'artists.json') rewritten.artists = founding.map((a) => artists.get(a.slug)!);
    if (generatedSeedFile(name)) {
      out[name] = file;
      continue;
    }
    if (rewritten.nominations) rewritten.nominations = rewritten.nominations.map((n) => (n.artists ? { ...n, artists: n.artists.map(renameArtist) } : n));
    if (rewritten.milestones) {
      rewritten.milestones = rewritten.milestones.map((m) => ({
        ...m,
        artists: m.artists.map(renameArtist),
        ...(m.nomination?.artists ? { nomination: { ...m.nomination, artists: m.nomination.artists.map(renameArtist) } } : {}),
      }));
    }
    out[name] = rewritten;
  }
  out[sharedFiles.artists] = { artists: [...artists.values()].filter((a) => !foundingSlugs.has(a.slug)).sort((a, b) => a.slug.localeCompare(b.slug)) };
  out[sharedFiles.works] = { works: [...works.values()].sort((a, b) => a.slug.localeCompare(b.slug)) };
  out[sharedFiles.sources] = { sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)) };
  return { files: out, conflicts, renamed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files: Record<string, SeedFile> = {};
  for (const name of readdirSync(seedsFolder).filter((n) => n.endsWith('.json'))) files[name] = JSON.parse(readFileSync(join(seedsFolder, name), 'utf8'));
  const result = reconcile(files);
  for (const [name, file] of Object.entries(result.files)) {
    if (generatedSeedFile(name)) continue;
    const empty = Object.values(file).every((list) => Array.isArray(list) && list.length === 0);
    if (!empty || Object.values(sharedFiles).includes(name as never)) writeFileSync(join(seedsFolder, name), `${JSON.stringify(file, null, 2)}\n`);
  }
  for (const [from, to] of Object.entries(result.renamed)) console.log(`renamed ${from} -> ${to}`);
  for (const conflict of result.conflicts) console.log(`conflict: ${conflict}`);
}
