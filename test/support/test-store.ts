// Fresh stores for tests: an in-memory database with the real migrations and the real seeds (or
// seed files written for the test).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { CommandContext } from '../../commands/command.js';
import { createCommandContext } from '../../src/command-context.js';
import type { Capabilities } from '../../commands/command.js';
import type { OnThisDayEntry } from '../../src/core/on-this-day.js';
import { projectRoot } from '../../db/project-root.js';
import { openStore, type OpenedStore } from '../../src/open-store.js';
import { renderAnniversaryPost } from '../../src/presentation/anniversary-post.js';
import { translationFor } from '../../src/presentation/translation.js';
import { roundMessages } from '../../src/presentation/trivia-messages.js';

/**
 * The seed files of the three founding articles, as they stood before the catalogue: tests that
 * name their facts (Rosé's wins, the 2023 VMAs) read this fixed set, so that growing seeds/ never
 * changes what they assert. Tests of the catalogue itself read seeds/.
 */
export const foundingSeedDirectory = join(projectRoot, 'test', 'fixtures', 'founding-seeds');

export function openTestStore(options: { seedDirectory?: string; path?: string } = {}): OpenedStore {
  return openStore(options.path ?? ':memory:', { seedDirectory: options.seedDirectory ?? foundingSeedDirectory });
}

export const silentLogger = pino({ level: 'silent' });

export function testContext(
  opened: OpenedStore,
  now = '2026-11-21T12:00:00Z',
  capabilities: Capabilities = { singlePlayer: false, forms: false, isCurator: () => false },
): CommandContext {
  return createCommandContext(opened, { now: () => new Date(now) }, silentLogger, { capabilities });
}

/** Writes seed files (name -> JSON content) into a new temporary folder and returns its path. */
export function writeSeedDirectory(files: Record<string, unknown>): string {
  const directory = mkdtempSync(join(tmpdir(), 'lightstick-seeds-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(directory, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return directory;
}

export function temporaryDatabasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'lightstick-db-')), 'lightstick.sqlite');
}

/** A small, valid seed set that tests change one field at a time. */
export function minimalSeedFiles() {
  return {
    'sources.json': {
      sources: [{ id: 'article-a.txt', publishedOn: '2024-03-01', headline: 'A test article', outlet: null }],
    },
    'artists.json': {
      artists: [
        { slug: 'group-a', name: 'Group A', kind: 'group', kpop: true, members: ['solo-b'] },
        { slug: 'solo-b', name: 'Solo B', kind: 'soloist', kpop: true, aliases: [{ alias: 'SB', kind: 'short' }] },
      ],
    },
    'ceremonies.json': {
      ceremonies: [
        {
          slug: 'test-awards',
          name: 'Test Awards',
          shortName: 'TAs',
          categories: [{ slug: 'best-song', name: 'Best Song' }],
        },
      ],
    },
    'facts.json': {
      editions: [
        { ceremony: 'test-awards', year: 2024, heldOn: '2024-02-29', timeZone: 'UTC', source: 'article-a.txt' },
      ],
      works: [{ slug: 'song-c', title: 'Song C', kind: 'song', credits: [{ artist: 'solo-b', role: 'primary' }] }],
      nominations: [
        { ceremony: 'test-awards', year: 2024, category: 'best-song', work: 'song-c', result: 'won', sources: ['article-a.txt'] },
      ],
      milestones: [
        {
          key: 'solo-b-first-win',
          kind: 'first',
          artists: ['solo-b'],
          statement: 'First win of Solo B',
          occurredOn: '2024-02-29',
          edition: { ceremony: 'test-awards', year: 2024 },
          nomination: { category: 'best-song', work: 'song-c' },
          sources: ['article-a.txt'],
        },
      ],
    },
  };
}

/** The anniversary ticker's renderer as the bot wires it, in English unless a server says otherwise. */
export function englishPostRendering(languageOf: (guildId: string) => string = () => 'en-US') {
  return {
    languageOf,
    renderPost: (entries: OnThisDayEntry[], localDate: string, language: string, late: boolean) =>
      renderAnniversaryPost(entries, localDate, translationFor(language), { late }),
  };
}

/** Trivia round messages as the bot wires them, in one language. */
export function roundMessagesIn(locale = 'en-US') {
  return () => roundMessages(translationFor(locale));
}
