import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { CommandContext, CommandReply, MessagePayload } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { apologyText, runAutocomplete, runButton, runSlashCommand } from '../../src/command-router.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { translationFor } from '../../src/presentation/translation.js';

const APOLOGY = apologyText(translationFor('en-US'));
import { discordLimitProblems } from '../support/discord-limits.js';
import { invocation } from '../support/invocations.js';
import { allPages } from '../support/page-turns.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { openTestStore, testContext, writeSeedDirectory } from '../support/test-store.js';
import { createReplyCache } from '../../src/reply-cache.js';

const real = openTestStore();
const large = openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
afterAll(() => {
  real.close();
  large.close();
});
const context = testContext(real, '2026-09-12T12:00:00Z');
const largeContext = testContext(large, '2026-09-12T12:00:00Z');

function run(name: string, options = {}, ctx: CommandContext = context): Promise<CommandReply> {
  return runSlashCommand(invocation(name, options), ctx, 'test-interaction');
}

function text(payload: MessagePayload): string {
  return JSON.stringify(payload);
}

describe('every command on the real store', () => {
  const cases: [string, Record<string, string | number>][] = [
    ['firsts', { artist: 'blackpink' }],
    ['firsts', { artist: 'Jungkook' }],
    ['awards', { artist: 'stray kids', result: 'won' }],
    ['awards', { artist: 'Rosé', ceremony: 'VMAs', year: 2025 }],
    ['onthisday', {}],
    ['onthisday', { date: '11-05' }],
    ['artist', { name: 'TXT' }],
    ['ceremony', { name: 'vmas', year: 2023 }],
    ['ceremony', { name: 'EMAs', year: 2023 }],
  ];
  it.each(cases)('/%s %j answers within Discord limits, citing its sources', async (name, options) => {
    const reply = await run(name, options);
    expect(reply.ephemeral ?? false).toBe(false);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
    const body = text(reply.payload);
    expect(body).not.toContain('@everyone');
    if (name !== 'artist') expect(reply.payload.embeds?.[0]?.footer?.text).toMatch(/Sources: \[1\] \d{3}_[0-9a-f]+\.txt, published/);
  });

  it('/firsts blackpink gives the firsts with dates written out and members apart', async () => {
    const embed = (await run('firsts', { artist: 'blackpink' })).payload.embeds![0]!;
    expect(embed.title).toBe('BLACKPINK: firsts and milestones');
    expect(embed.fields![0]!.value).toContain('**September 12, 2023** · 2023 MTV VMAs — First K-pop girl group to win Group of the Year');
    expect(embed.fields![1]!.name).toBe('Solo: Rosé');
  });

  it('/onthisday defaults to today (UTC) and says how many years ago', async () => {
    const embed = (await run('onthisday')).payload.embeds![0]!;
    expect(embed.title).toBe('On this day: September 12');
    expect(embed.fields![0]!.name).toBe('2023 · 3 years ago');
    expect(embed.fields![0]!.value).toContain('Jungkook ft. Latto won Song of Summer with "Seven" at the 2023 MTV VMAs');
  });

  it("/onthisday's today is the server's day in the time zone of its anniversary posts", async () => {
    const late = testContext(real, '2026-09-11T20:00:00Z'); // September 12 in Seoul, still the 11th in UTC
    expect((await run('onthisday', {}, late)).payload.embeds![0]!.title).toBe('On this day: September 11');
    real.anniversaries.saveSettings({
      guildId: '200000000000000001',
      channelId: '300000000000000001',
      postTime: '09:00',
      timeZone: 'Asia/Seoul',
      activeFrom: '2026-09-12',
      nextCheckAt: 0,
      now: 0,
    });
    try {
      expect((await run('onthisday', {}, late)).payload.embeds![0]!.title).toBe('On this day: September 12');
    } finally {
      real.db.$client.prepare('delete from anniversary_settings').run();
    }
  });

  it('/ceremony lists K-pop acts first and says when a nominee list is only what the sources name', async () => {
    const embed = (await run('ceremony', { name: 'vmas', year: 2023 })).payload.embeds![0]!;
    const songOfSummer = embed.fields!.find((f) => f.name.startsWith('Song of Summer'))!;
    // The article lists the songs "Seven" beat, without saying they are all the nominees.
    expect(songOfSummer.name).toBe('Song of Summer · nominees named in the sources');
    expect(songOfSummer.value.split('\n').slice(0, 2)).toEqual([
      '🏆 **"Seven" (Jungkook ft. Latto)** [1]',
      '▫️ **"Do It Like That" (TOMORROW X TOGETHER & Jonas Brothers)** [1]',
    ]);
    const emas = (await run('ceremony', { name: 'EMAs', year: 2023 })).payload.embeds![0]!;
    expect(emas.fields!.find((f) => f.name.startsWith('Best Song'))!.name).toBe('Best Song · nominees named in the sources');
    expect(emas.description).toContain('No show took place');
    expect(emas.description).not.toContain('Paris ·');
  });

  it('/artist shows who they are', async () => {
    const embed = (await run('artist', { name: '로제' })).payload.embeds![0]!;
    expect(embed.title).toBe('Rosé');
    expect(embed.description).toBe('K-pop soloist, member of **BLACKPINK**');
    expect(embed.fields!.find((f) => f.name === 'Latest win')!.value).toBe(
      'Song of the Year at the 2025 MTV VMAs (September 7, 2025, UBS Arena, New York), with "APT."',
    );
  });
});

describe('friendly answers to bad input', () => {
  it.each([
    ['firsts', { artist: 'blakpink' }, /Did you mean \*\*BLACKPINK\*\*\?/],
    // Never "0 wins from 0 nominations": an act the store lacks is said to be missing from its records, with /suggest.
    ['awards', { artist: 'zzqqxxzzqq' }, /"zzqqxxzzqq" is not in Lightstick's records yet\. .*`\/suggest win`/],
    ['awards', { artist: 'Rosé', ceremony: 'grammys' }, /"grammys" is not in Lightstick's records yet\. Try \*\*MTV EMAs\*\* or \*\*MTV VMAs\*\*/],
    // The closest names first: a typo of one ceremony offers it before the other.
    ['awards', { artist: 'Rosé', ceremony: 'mtv vnas' }, /"mtv vnas" is not in Lightstick's records yet\. Try \*\*MTV VMAs\*\* or \*\*MTV EMAs\*\*, or add/],
    ['onthisday', { date: '13-40' }, /isn't a day of the year. Write it as MM-DD/],
    ['onthisday', { date: '02-30' }, /isn't a day of the year/],
    ['ceremony', { name: 'EMAs', year: 2021 }, /The MTV EMAs in 2021 is not in Lightstick's records yet\. Years with results: 2022, 2023\./],
    ['artist', { name: '@everyone' }, /"\\@everyone" is not in Lightstick's records yet/],
    ['firsts', { artist: '**bold** `code`' }, /\\\*\\\*bold\\\*\\\*/],
  ] as const)('/%s %j', async (name, options, expected) => {
    const reply = await run(name, options);
    expect(reply.ephemeral).toBe(true);
    expect(reply.payload.content).toMatch(expected);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
  });

  it('answers a handler that throws with an apology and logs it with the interaction id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const broken: CommandContext = {
      ...context,
      logger,
      store: { ...context.store, milestonesOfEach: () => { throw new Error('disk on fire'); } },
      // Not the answer kept from an earlier test: this one must be made, and fail.
      replies: createReplyCache(),
    };
    const reply = await runSlashCommand(invocation('firsts', { artist: 'blackpink' }), broken, 'interaction-42');
    expect(reply).toEqual({ payload: { content: APOLOGY }, ephemeral: true });
    expect(lines.join('')).toContain('"interactionId":"interaction-42"');
    expect(lines.join('')).toContain('disk on fire');
  });

  it('names the commands for an unknown one', async () => {
    const reply = await run('grammys');
    expect(reply.payload.content).toBe('There is no /grammys command. Commands: /firsts, /awards, /onthisday, /artist, /card, /ceremony, /anniversaries, /bias, /trivia, /daily, /language, /suggest, /review, /import, /about.');
  });

  it('answers a stale or forged button privately', async () => {
    const press = { user: { id: '1', name: 'fan' }, guildId: null, channelId: null, locale: 'en-US' };
    const noLongerWorks = { kind: 'reply', ephemeral: true, payload: { content: 'That button no longer works. Run the command again for a fresh answer.' } };
    expect(await runButton('nothing:here', press, context, 'b')).toEqual(noLongerWorks);
    expect(await runButton('awards:page:999999:-:-:all:3', press, context, 'b')).toEqual(noLongerWorks);
    expect(await runButton('firsts:shuffle:1:0', press, context, 'b')).toEqual(noLongerWorks);
    // Ids and options only as the bot writes them: no exponent, hex, sign, blank or unknown filter.
    const found = resolveArtist(real.store, 'Stray Kids');
    if (found.status !== 'found') throw new Error(found.status);
    const artistId = String(found.artist.id);
    expect(await runButton(`awards:page:${artistId}:-:-:won:0`, press, context, 'b')).toMatchObject({ kind: 'update' });
    for (const forged of [
      `awards:page:${artistId}:-:-:lost:0`,
      `awards:page:${artistId}e0:-:-:won:0`,
      `awards:page:${artistId}:-:-:won:0x1`,
      `awards:page:${artistId}:-:-:won:`,
      `awards:page:${artistId}:-:-:won:0:more`,
      `firsts:page:${artistId}:1e0`,
      `firsts:page:+${artistId}:0`,
      `firsts:page::0`,
    ]) {
      expect(await runButton(forged, press, context, 'b'), forged).toEqual(noLongerWorks);
    }
    // An option value that is none of its choices is refused too, not read as the default.
    const win = { artist: 'Stray Kids', ceremony: 'Inkigayo', date: '2023-06-11', category: 'Mutizen Song', source: 'https://news.example.com/a' };
    for (const forged of [{ result: 'lost' }, { new_artist: 'band' }, { new_ceremony: 'gala' }] as Record<string, string>[]) {
      const reply = await runSlashCommand(invocation('suggest', { ...win, ...forged }, 'win'), context, 'forged-option');
      expect(reply, JSON.stringify(forged)).toEqual({ ephemeral: true, payload: noLongerWorks.payload });
    }
    expect(real.contributions.suggestions.waitingTotal()).toBe(0);
  });
});

describe('long lists', () => {
  it.each([
    ['firsts', { artist: 'Mega Group' }, 150],
    ['awards', { artist: 'Mega Group' }, 480],
    ['onthisday', { date: '09-12' }, 40 * 4 + 150],
  ] as const)('/%s %j is paged with buttons, every item once, every page within limits', async (name, options, items) => {
    const first = await run(name, options, largeContext);
    const pages = await allPages(first.payload, largeContext);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(discordLimitProblems(page)).toEqual([]);
    const lines = pages.flatMap((p) => p.embeds![0]!.fields!.flatMap((f) => f.value.split('\n')));
    expect(lines.length).toBe(items);
    expect(new Set(lines).size).toBe(lines.length);
    expect(pages.at(-1)!.embeds![0]!.footer!.text).toMatch(new RegExp(`^Page ${pages.length} of ${pages.length}`));
    expect(pages.at(-1)!.components![0]!.components[1]!.disabled).toBe(true);
  });

  it('/ceremony with many categories stays within limits', async () => {
    const reply = await run('ceremony', { name: 'TAs', year: 2000 }, largeContext);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
  });

  it('/artist cuts a long alias list with "and N more"', async () => {
    const reply = await run('artist', { name: 'Mega Group' }, largeContext);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
    expect(reply.payload.embeds![0]!.fields![0]!.value).toMatch(/and \d+ more$/);
  });
});

describe('autocomplete', () => {
  it('offers at most 25 choices for every artist and ceremony option', () => {
    for (const command of commands) {
      for (const option of command.definition.options ?? []) {
        if (!('autocomplete' in option) || !option.autocomplete) continue;
        for (const typed of ['', 'b', 'jk', 'vma', 'zzzz']) {
          const choices = runAutocomplete({ name: option.name, value: typed }, invocation(command.definition.name), context, 'a');
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('matches ceremony aliases', () => {
    const choices = runAutocomplete({ name: 'ceremony', value: 'ema' }, invocation('awards'), context, 'a');
    expect(choices).toEqual([{ name: 'MTV Europe Music Awards (MTV EMAs)', value: 'MTV EMAs' }]);
  });
});
