// What fans see at the founding catalogue's size, on the real seeds/ in a real store: totals before
// pages, debuts and first wins, acts and shows the store lacks, autocomplete over hundreds of acts
// with their Hangul names and common spellings, and /about; every reply within Discord's limits in
// every language.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext, CommandReply, MessagePayload } from '../../commands/command.js';
import { projectRoot } from '../../db/project-root.js';
import { runAutocomplete, runSlashCommand } from '../../src/command-router.js';
import { winTotals } from '../../src/core/catalogue-summary.js';
import { supportedLocales } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';
import { invocation } from '../support/invocations.js';
import { allPages } from '../support/page-turns.js';
import { minimalSeedFiles, openTestStore, testContext, writeSeedDirectory } from '../support/test-store.js';

const opened = openTestStore({ seedDirectory: join(projectRoot, 'seeds') });
afterAll(() => opened.close());
const context = testContext(opened, '2026-09-12T12:00:00Z');

function run(name: string, options: Record<string, string | number> = {}, locale = 'en-US'): Promise<CommandReply> {
  return runSlashCommand({ ...invocation(name, options), locale }, context, 'test-interaction');
}

async function choices(commandName: string, name: string, value: string) {
  return runAutocomplete({ name, value }, invocation(commandName), context, 'test-autocomplete');
}

function embedText(payload: MessagePayload): string {
  return JSON.stringify(payload.embeds ?? []);
}

describe('autocomplete over the catalogue', () => {
  it.each([
    ['트와이스', 'TWICE'],
    ['twice', 'TWICE'],
    ['newjeans', 'NewJeans'],
    ['New Jeans', 'NewJeans'],
    ['뉴진스', 'NewJeans'],
    ['gidle', '(G)I-DLE'],
    ['(G)I-DLE', '(G)I-DLE'],
    ['여자아이들', '(G)I-DLE'],
    ['txt', 'TOMORROW X TOGETHER'],
    ['정국', 'Jungkook'],
  ])('"%s" offers %s first', async (typed, name) => {
    const offered = await choices('awards', 'artist', typed);
    expect(offered[0]?.value).toBe(name);
    expect(offered.length).toBeLessThanOrEqual(25);
    for (const choice of offered) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('offers the act behind a typo, and 25 acts before anything is typed', async () => {
    expect((await choices('firsts', 'artist', 'twcie')).map((c) => c.value)).toContain('TWICE');
    expect(await choices('artist', 'name', '')).toHaveLength(25);
  });

  it('every value it offers is resolved by the command it fills', async () => {
    for (const typed of ['a', '아', 'bl', 'se', 'gidle', '트']) {
      for (const choice of await choices('artist', 'name', typed)) {
        const reply = await run('artist', { name: choice.value });
        expect(reply.ephemeral ?? false, `${typed} -> ${choice.value}`).toBe(false);
      }
    }
  });
});

describe('/awards at BTS size', () => {
  it('leads with totals by show and by ceremony and the daesang count, and pages the rest within limits', async () => {
    const reply = await run('awards', { artist: 'bts' });
    const description = reply.payload.embeds![0]!.description!;
    const [counts, shows, ceremonies, grandPrizes] = description.split('\n');
    expect(counts).toMatch(/^[\d,]+ wins from [\d,]+ nominations in the store$/);
    expect(shows).toMatch(/^Music-show wins: .*Music Bank \*\*\d+\*\*/);
    expect(ceremonies).toMatch(/^Award shows \(wins\/nominations\): .*MAMA \*\*\d+\*\*\/\d+/);
    expect(grandPrizes).toMatch(/^👑 \d+ grand prizes \(daesang\)$/);
    const pages = await allPages(reply.payload, context);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(discordLimitProblems(page)).toEqual([]);
    // The totals count what the pages list: a line of a show's episodes says how many times it won.
    const wins = pages.flatMap((page) => page.embeds![0]!.fields ?? []).flatMap((f) => f.value.split('\n')).filter((line) => /Won/.test(line));
    const winCount = wins.reduce((sum, line) => sum + Number(/ · (\d+) times: /.exec(line)?.[1] ?? 1), 0);
    expect(winCount).toBeGreaterThan(wins.length);
    expect(counts).toContain(`${winCount} wins`);
    // A weekly show's episodes of a year are one section, not one per episode.
    const headings = pages.flatMap((page) => page.embeds![0]!.fields ?? []).map((f) => f.name);
    expect(headings.filter((name) => /^2020 Music Bank/.test(name))).toHaveLength(1);
  });

  it.each(supportedLocales)('stays within limits in %s', async (locale) => {
    for (const artist of ['bts', 'twice', 'seventeen']) {
      const reply = await run('awards', { artist }, locale);
      expect(discordLimitProblems(reply.payload), `${artist} in ${locale}`).toEqual([]);
    }
  });
});

describe('/artist with the catalogue', () => {
  it('shows a debut, the first music-show win where a milestone proves it, the latest win and counts apart', async () => {
    const text = embedText((await run('artist', { name: 'jonghyun' })).payload);
    expect(text).toContain('"name":"Debut"');
    expect(text).toContain('"name":"First music-show win"');
    expect(text).toContain('"name":"Latest win"');
    expect(text).toMatch(/🏆 \d+ music-show wins/);
    expect(text).toContain('https://en.wikipedia.org/wiki/');
  });

  it('never calls a win a first that no milestone proves: it is the earliest in the store', async () => {
    const text = embedText((await run('artist', { name: 'twice' })).payload);
    expect(text).toContain('"name":"Debut"');
    expect(text).not.toContain('First music-show win');
    expect(text).toContain('"name":"Earliest win in the store"');
  });

  it("shows a member's own solo debut", async () => {
    const text = embedText((await run('artist', { name: 'jungkook' })).payload);
    expect(text).toMatch(/"name":"Debut","value":"July 14, 2023: [^"]*solo debut/i);
  });

  it.each(supportedLocales)('stays within limits in %s', async (locale) => {
    for (const name of ['bts', 'jungkook', 'twice', 'jonghyun', 'newjeans', 'iu']) {
      const reply = await run('artist', { name }, locale);
      expect(reply.ephemeral ?? false).toBe(false);
      expect(discordLimitProblems(reply.payload), `${name} in ${locale}`).toEqual([]);
    }
  });
});

describe('acts and shows the store does not know yet', () => {
  it.each(supportedLocales)('are "not in the records yet" with the closest names and /suggest in %s, never 0 wins', async (locale) => {
    for (const [command, options] of [
      ['awards', { artist: 'zzqqxxzzqq' }],
      ['artist', { name: 'twicee' }],
      ['ceremony', { name: 'inkigayoo show', year: 2020 }],
    ] as const) {
      const reply = await run(command, options, locale);
      expect(reply.ephemeral).toBe(true);
      const content = reply.payload.content!;
      expect(content.length).toBeLessThanOrEqual(2000);
      expect(content).toContain('`/suggest win`');
      expect(content).not.toMatch(/\b0\b/);
      expect(discordLimitProblems(reply.payload)).toEqual([]);
    }
  });

  it('in English, says so and offers the closest names', async () => {
    expect((await run('artist', { name: 'twicee' })).payload.content).toMatch(/^"twicee" is not in Lightstick's records yet\. Did you mean \*\*TWICE\*\*/);
    expect((await run('ceremony', { name: 'inkigayoo', year: 2020 })).payload.content).toMatch(/^"inkigayoo" is not in Lightstick's records yet\. Try \*\*Inkigayo\*\*/);
  });

  it('offers only years that have results', async () => {
    const content = (await run('ceremony', { name: 'inkigayo', year: 2013 })).payload.content!;
    const years = content.match(/Years with results: ([\d, ]+)\./)![1]!.split(', ').map(Number);
    expect(years.length).toBeGreaterThan(0);
    const inkigayo = context.store.ceremonies().find((c) => c.name === 'Inkigayo')!;
    for (const year of years) expect(context.store.episodesInYear(inkigayo.id, year).length, String(year)).toBeGreaterThan(0);
    for (const ceremony of context.store.ceremonies()) {
      for (const year of context.store.editionYears(ceremony.id)) {
        const results =
          ceremony.kind === 'music_show' ? context.store.episodesInYear(ceremony.id, year).length : context.store.editionResults(ceremony.id, year)?.nominations.length;
        expect(results, `${ceremony.shortName} ${year}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('/about', () => {
  it('tells an admin what the store holds and where it comes from', async () => {
    const reply = await run('about');
    const summary = context.catalogue.catalogueSummary();
    const { musicShowWins, awardShowWins } = winTotals(summary);
    const text = embedText(reply.payload);
    expect(text).toContain(`${summary.artists.toLocaleString('en-US')} acts`);
    expect(text).toContain(`${musicShowWins.toLocaleString('en-US')} wins on 6 shows`);
    expect(text).toContain(`${awardShowWins.toLocaleString('en-US')} wins at`);
    expect(text).toContain('Every fact here is cited');
    expect(text).toMatch(/Wikipedia \([\d,]+\)/);
    expect(text).toContain('Inkigayo 2014–2025');
  });

  it.each(supportedLocales)('stays within limits in %s', async (locale) => {
    const reply = await run('about', {}, locale);
    expect(reply.ephemeral ?? false).toBe(false);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
    const embed = reply.payload.embeds![0]!;
    const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });
});

describe('an act the store holds with no award yet', () => {
  it.each(supportedLocales)('is never said to have "0 wins from 0 nominations" in %s', async (locale) => {
    const small = openTestStore({ seedDirectory: writeSeedDirectory(minimalSeedFiles()) });
    try {
      const smallContext = testContext(small);
      for (const [command, options] of [['awards', { artist: 'Group A' }], ['artist', { name: 'Group A' }]] as const) {
        const reply = await runSlashCommand({ ...invocation(command, { ...options }), locale }, smallContext, 'test-interaction');
        const text = embedText(reply.payload);
        expect(text, `${command} in ${locale}`).not.toMatch(/\b0\b/);
        expect(text).toContain('`/suggest win`');
        expect(discordLimitProblems(reply.payload)).toEqual([]);
      }
    } finally {
      small.close();
    }
  });
});
