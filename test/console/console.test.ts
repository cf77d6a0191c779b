import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLine, tokenize, CommandLineError } from '../../src/console/command-line.js';
import { runConsole } from '../../src/console/run-console.js';
import { createCommandContext } from '../../src/command-context.js';
import type { OpenedStore } from '../../src/open-store.js';
import { largeSeedFiles } from '../support/large-seed.js';
import type { Artist } from '../../src/core/awards-facts.js';
import { notableFacts } from '../../src/core/notable-facts.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { openTestStore, silentLogger, temporaryDatabasePath, writeSeedDirectory } from '../support/test-store.js';

const opened = openTestStore();
afterAll(() => opened.close());
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

async function consoleRun(argv: string[], stdin = '', store: OpenedStore = opened) {
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (chunk) => (out += chunk));
  errors.on('data', (chunk) => (err += chunk));
  const input = Object.assign(Readable.from([stdin]), { isTTY: false });
  let pinned: Date | null = null;
  const code = await runConsole(
    argv,
    (now) => {
      pinned = now;
      return createCommandContext(store, { now: () => now ?? new Date('2026-11-21T00:00:00Z') }, silentLogger);
    },
    { input, output, errors },
  );
  return { code, out, err, pinned: pinned as Date | null };
}

describe('console lines', () => {
  it('splits words and keeps quoted values together', () => {
    expect(tokenize('/awards artist:"stray kids" result:won')).toEqual(['/awards', 'artist:stray kids', 'result:won']);
    expect(tokenize(`/firsts artist:'tomorrow x together'`)).toEqual(['/firsts', 'artist:tomorrow x together']);
    expect(tokenize('/artist name:"say \\"hi\\""')).toEqual(['/artist', 'name:say "hi"']);
    expect(() => tokenize('/firsts artist:"open')).toThrow(CommandLineError);
  });

  it('reads the command, an optional subcommand and name:value options', () => {
    expect(parseLine('/Firsts artist:blackpink')).toEqual({ commandName: 'firsts', subcommand: null, options: { artist: 'blackpink' } });
    expect(parseLine('/anniversaries setup time:09:00')).toEqual({
      commandName: 'anniversaries',
      subcommand: 'setup',
      options: { time: '09:00' },
    });
    expect(() => parseLine('firsts artist:x')).toThrow(/starts with a slash/);
    expect(() => parseLine('/firsts artist:a artist:b')).toThrow(/given twice/);
  });
});

describe('one-shot', () => {
  it('prints the reply as readable text', async () => {
    const { code, out, err } = await consoleRun(['/firsts artist:blackpink']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('BLACKPINK: firsts and milestones\n');
    expect(out).toContain('🥇 September 12, 2023 · 2023 MTV VMAs — First K-pop girl group to win Group of the Year at the MTV VMAs [1]');
    expect(out).toContain('Sources: [1] 000_d1ab5ae3684b4ccb.txt, published September 13, 2023');
    expect(out).not.toContain('**');
  });

  it('prints exactly the payload with --json, and nothing else', async () => {
    const { code, out } = await consoleRun(['--json', '/awards artist:"stray kids" result:won']);
    expect(code).toBe(0);
    const payload = JSON.parse(out);
    expect(Object.keys(payload)).toEqual(['embeds']);
    expect(payload.embeds[0].title).toBe('Stray Kids: awards');
    expect(payload.embeds[0].fields[0].value).toBe('🏆 **Won** Best K-Pop: "S-Class" (Stray Kids) [1]');
  });

  it('marks a private answer with the ephemeral flag in --json', async () => {
    const { out } = await consoleRun(['--json', '/firsts artist:blakpink']);
    expect(JSON.parse(out)).toEqual({
      content: "\"blakpink\" is not in Lightstick's records yet. Did you mean **BLACKPINK**? If not, add a fact with its source using `/suggest win` or `/suggest milestone`.",
      flags: 64,
    });
  });

  it('prints a V2 card as text: its heading, the fact, the sources, and where the picture was saved with its alt text', async () => {
    const blackpink = (resolveArtist(opened.store, 'blackpink') as { artist: Artist }).artist;
    const fact = notableFacts(opened.store, blackpink).find((f) => f.kind === 'milestone' && f.milestone.attribution === 'Koreaboo')!;
    const { code, out } = await consoleRun([`/card artist:blackpink milestone:m${(fact as { milestone: { id: number } }).milestone.id}`]);
    expect(code).toBe(0);
    expect(out).toContain('BLACKPINK: a milestone card\n───');
    expect(out).toContain('First K-pop girl group to perform at the MTV VMAs (according to Koreaboo)');
    expect(out).toContain('🔗 Sources');
    expect(out).toContain('000_d1ab5ae3684b4ccb.txt');
    expect(out).toMatch(/🖼️ Card saved to .*lightstick-card\.png\n {2}BLACKPINK \(블랙핑크\)\. First K-pop girl group to perform at the MTV VMAs \(according to Koreaboo\)/);
    expect(out).not.toContain('-# ');
    expect(out).not.toContain('**');
  });

  it('prints a V2 card with --json as Discord gets it: components and the flag, the file as its attachment', async () => {
    const { out } = await consoleRun(['--json', '/card artist:rose']);
    const payload = JSON.parse(out);
    expect(Object.keys(payload).sort()).toEqual(['attachments', 'components', 'flags']);
    expect(payload.flags).toBe(1 << 15);
    expect(payload.components[0].type).toBe(17);
    expect(payload.components[0].components[1]).toEqual({
      type: 12,
      items: [{ media: { url: 'attachment://lightstick-card.png' }, description: payload.attachments[0].description }],
    });
  });

  it('pins the clock with --now', async () => {
    const { out, pinned } = await consoleRun(['--now', '2026-07-14T08:00:00Z', '--json', '/onthisday']);
    expect(pinned?.toISOString()).toBe('2026-07-14T08:00:00.000Z');
    const embed = JSON.parse(out).embeds[0];
    expect(embed.title).toBe('On this day: July 14');
    expect(embed.fields[0].name).toBe('2023 · 3 years ago');
  });

  it.each([
    [['/firsts'], /needs the option artist:<artist>/],
    [["/firsts artist:\"open"], /A quote \(" *\) is not closed/],
    [['/awards artist:rose year:twenty'], /year must be a whole number/],
    [['/awards artist:rose result:maybe'], /result must be one of: won, nominated, all/],
    [['/awards artist:rose colour:pink'], /\/awards has no option "colour"/],
    [['--now', 'yesterday', '/onthisday'], /--now needs an ISO-8601 instant/],
    [['--frobnicate'], /Unknown option/],
  ])('exits 2 with the usage on standard error for %j', async (argv, message) => {
    const { code, out, err } = await consoleRun(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toContain('Usage: npm run --silent console --');
  });

  it('previews an anniversary post on any day with --now', async () => {
    const { code, out } = await consoleRun(['--now', '2028-09-12T08:00:00Z', '/anniversaries preview']);
    expect(code).toBe(0);
    expect(out).toContain('🎂 On this day in K-pop: September 12');
    expect(out).toContain('🎉 2023: the 5th anniversary!');
  });

  it('explains that setting up posts needs a Discord server', async () => {
    const { out } = await consoleRun(['/anniversaries setup channel:123456789012345678']);
    expect(out).toContain('Anniversary posts belong to a server: use this command in one.');
  });

  it('lists the commands for an unknown one', async () => {
    const { code, err } = await consoleRun(['/grammys year:2024']);
    expect(code).toBe(2);
    expect(err).toContain('There is no /grammys command. Commands: /firsts, /awards, /onthisday, /artist, /card, /ceremony, /anniversaries, /bias, /trivia, /daily, /language, /suggest, /review, /import, /about.');
    expect(err).toContain('/ceremony name:<name> [year:<year>] [date:<date>]');
  });
});

describe('piped', () => {
  it('runs one command per line, one JSON document each', async () => {
    const { code, out } = await consoleRun(['--json'], '/artist name:TXT\n\n# a comment\n/ceremony name:EMAs year:2023\n');
    expect(code).toBe(0);
    const documents = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(documents.map((d) => d.embeds[0].title)).toEqual(['TOMORROW X TOGETHER', '2023 MTV EMAs: results']);
  });

  it('presses a button of the last reply to turn the page', async () => {
    const large = openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
    try {
      const { code, out } = await consoleRun([], '/firsts artist:"Mega Group"\npress 2\n', large);
      expect(code).toBe(0);
      expect(out).toMatch(/Page 1 of (\d+)[\s\S]*\[1: ◀ Previous \(disabled\)\] \[2: Next ▶\][\s\S]*Page 2 of \1/);
    } finally {
      large.close();
    }
  });

  it('plays a trivia round for one person answering with letters', async () => {
    const { code, out, err } = await consoleRun([], '/trivia start questions:2 seconds:10\nA\nb\n');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('🎮 Trivia! 2 questions, 10 seconds each, started by you. Type A, B, C or D to answer.');
    expect(out.match(/🔒 Locked in: A: /g)).toHaveLength(1);
    expect(out.match(/🔒 Locked in: B: /g)).toHaveLength(1);
    expect(out.match(/✅ The answer: [ABCD]: /g)).toHaveLength(2);
    expect(out).toMatch(/🏁 Round over! Standings\n─+\n🥇 you: \d+ points \(\d right\)/);
    // Questions come after the announcement, and each answer goes to the next question.
    expect(out.indexOf('🎮 Trivia!')).toBeLessThan(out.indexOf('Question 1 of 2'));
    expect(out.indexOf('Locked in: A')).toBeLessThan(out.indexOf('Question 2 of 2'));
  });

  it('says so when the last reply has no such button', async () => {
    const { code, err } = await consoleRun([], '/artist name:jungkook\npress 1\n');
    expect(code).toBe(2);
    expect(err).toBe('line 2: There is no button 1 on the last reply.\n');
  });

  it('reports a malformed line, goes on, and exits 2', async () => {
    const { code, out, err } = await consoleRun([], '/firsts\n/firsts artist:txt\n');
    expect(code).toBe(2);
    expect(err).toBe('line 1: /firsts needs the option artist:<artist>.\n');
    expect(out).toContain('TOMORROW X TOGETHER: firsts and milestones');
  });
});

describe('the real entry points', () => {
  const environment = { ...process.env, DATABASE_PATH: temporaryDatabasePath(), DISCORD_TOKEN: '', LOG_LEVEL: '' };

  it('`npm run console` one-shot --json prints only the payload', () => {
    const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/src/console/main.js', '--json', '/firsts artist:blackpink'], {
      cwd: projectRoot,
      env: environment,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).embeds[0].title).toBe('BLACKPINK: firsts and milestones');
  });

  it('`npm start` without a token opens the console with a note on standard error', () => {
    const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
      cwd: projectRoot,
      env: environment,
      input: '/firsts artist:blackpink\n',
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^No DISCORD_TOKEN set, so this is the offline console\. To go live, .*\n$/);
    expect(result.stdout).toContain('BLACKPINK: firsts and milestones');
  });

  it('fails to start with a message naming the broken setting', () => {
    const result = spawnSync(process.execPath, ['--enable-source-maps', 'dist/src/main.js'], {
      cwd: projectRoot,
      env: { ...environment, LOG_LEVEL: 'loud' },
      input: '',
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent');
  });
});
