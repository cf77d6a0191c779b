// A source line is the one place a fact's link is made: nothing in a page's title, publisher or
// address may close the link, open another, mention anyone, or start markup. Also checked with
// many random hostile strings.
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/core/awards-facts.js';
import { inertText, linkTarget } from '../../src/presentation/fact-text.js';
import { linksField, sourceLinkLine } from '../../src/presentation/paged-embed.js';
import { translationFor } from '../../src/presentation/translation.js';

const en = translationFor('en-US');
const source = (url: string | null, headline = 'Stray Kids win', outlet: string | null = 'News'): SourceRef => ({
  identifier: url ?? 'article.txt',
  url,
  headline,
  outlet,
  publishedOn: '2024-01-02',
  readOn: '2024-01-03',
});

// A source line as Discord's link rule reads it: [text](<target>) then the publisher and date.
const ONE_LINK = /^\[([^[\]]*)\]\(<([^\s<>()\\]*)>\) \(([^\n]*)\)$/;
// Everything Discord would read as a mention, a timestamp, a slash command, custom emoji, a
// spoiler, a link or an autolinked address, once the escaped characters are taken out.
const LIVE_MARKUP = /@everyone|@here|<@|<#|<t:|<\/|<a?:|\|\||\]\(|\[|:\/\/|\*\*|__|~~|`/;

/** The text as Discord would take it: each backslash-escaped character is inert, so it is left out. */
function withoutEscapes(text: string): string {
  return text.replace(/\\[^\p{L}\p{N}\s]/gu, '·');
}

/** Why a rendered source line is unsafe, or null when it is one link (or, without one, plain text). */
function unsafeBecause(line: string, url: string | null): string | null {
  if (/[\n\r\u2028\u2029]/.test(line)) return 'a line break';
  if (/[\p{Cc}\p{Cf}]/u.test(line)) return 'an invisible character';
  const link = ONE_LINK.exec(line);
  const target = url ? linkTarget(url) : null;
  if (target) {
    if (!link) return 'not exactly one link';
    const [, text, href, rest] = link as unknown as [string, string, string, string];
    if (href !== target) return 'a link target other than the page';
    if (new URL(href).host !== new URL(url!).host) return 'a link to another host';
    for (const part of [text, rest]) {
      const live = LIVE_MARKUP.exec(withoutEscapes(part));
      if (live) return `live markup ${JSON.stringify(live[0])}`;
    }
    return null;
  }
  const live = LIVE_MARKUP.exec(withoutEscapes(line));
  return live ? `live markup ${JSON.stringify(live[0])} in a line without a link` : null;
}

describe('sourceLinkLine', () => {
  it('renders a stored address that smuggles a masked link (from before the check) as one link to the page', () => {
    const hostile = 'https://example.org/a>)**[OFFICIAL](https://evil.example/phish)**';
    const line = sourceLinkLine(source(hostile), en);
    expect(line).toBe('[Stray Kids win](<https://example.org/a%3E%29%2A%2A%5BOFFICIAL%5D%28https://evil.example/phish%29%2A%2A>) (News, January 2, 2024)');
    expect(unsafeBecause(line, hostile)).toBeNull();
  });

  it('links an odd but valid address as one link, its parentheses encoded so that they cannot end it', () => {
    const url = 'https://en.wikipedia.org/wiki/Stray_Kids_(band)?a=1*2#~x';
    const line = sourceLinkLine(source(url, 'Stray Kids (band)'), en);
    expect(line).toBe('[Stray Kids (band)](<https://en.wikipedia.org/wiki/Stray_Kids_%28band%29?a=1%2A2#~x>) (News, January 2, 2024)');
    expect(new URL(linkTarget(url)!).pathname).toBe('/wiki/Stray_Kids_%28band%29');
  });

  it('shows a title and a publisher that try markup, mentions and a second link as typed', () => {
    const line = sourceLinkLine(source('https://example.org/', 'Official](https://evil.example) @everyone <@&1> <t:0:R>\n# ||hi||', '<@123> **Big** `News`'), en);
    expect(line).toBe(
      '[Official)(https\\://evil.example) \\@everyone \\<\\@&1\\> \\<t:0:R\\> # \\|\\|hi\\|\\|](<https://example.org/>) (\\<\\@123\\> \\*\\*Big\\*\\* \\`News\\`, January 2, 2024)',
    );
    expect(unsafeBecause(line, 'https://example.org/')).toBeNull();
  });

  it('drops direction overrides and zero-width characters from titles', () => {
    expect(inertText('Stray\u200b Kids \u202eecnerefer')).toBe('Stray Kids ecnerefer');
    expect(inertText('[x](https://evil.example)')).toBe('\\[x\\](https\\://evil.example)');
  });

  it('gives no link, only the title, for a stored address that is not http(s)', () => {
    const line = sourceLinkLine(source('javascript:alert(1)'), en);
    expect(line).toBe('Stray Kids win (News, January 2, 2024)');
  });
});

describe('source lines of random hostile strings', () => {
  const pieces = [
    '@everyone', '@here', '<@&123>', '<@!45>', '<#6>', '<t:0:R>', '</trivia start:1>', '<:kpop:7>', '<a:kpop:8>', '||', '[', ']', '(', ')', '](',
    '[OFFICIAL](https://evil.example/phish)', '**', '__', '~~', '`', '```', '\\', '\n', '\r\n', '\u2028', '# ', '-# ', '> ', '1. ', '- ',
    'https://evil.example/', 'http://', '<', '>', ':', '"', "'", '*', '_', '~', '|', '%', '%3E', '\u202e', '\u2066', '\u200b', '\u200d', '\u0000',
    '\u0085', 'Stray Kids', ' ', 'a', '한', 'ไทย', '?', '#', '&', '=', '@', '!',
  ];
  // A fixed seed: the same strings every run, so that a failure can be replayed.
  let seed = 0x2a;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const hostile = () => Array.from({ length: Math.floor(random() * 9) }, () => pieces[Math.floor(random() * pieces.length)]).join('');

  it('never lets a mention, a masked link, a heading, a timestamp or a spoiler through, nor a link that goes elsewhere', () => {
    const failures: { url: string; headline: string; outlet: string; line: string; why: string }[] = [];
    for (let round = 0; round < 5000; round++) {
      const url = `${random() < 0.5 ? 'https' : 'http'}://example.org/${hostile()}`;
      const headline = hostile() || 'x';
      const outlet = hostile();
      const line = sourceLinkLine(source(url, headline, outlet || null), en);
      const why = unsafeBecause(line, url);
      if (why) failures.push({ url, headline, outlet, line, why });
      // The links field of a reply holds several such lines, one to a line.
      const field = linksField([source(url, headline, outlet || null), source('https://example.org/second', hostile() || 'y')], new Map([[url, 1], ['https://example.org/second', 2]]), en);
      for (const fieldLine of field!.value.split('\n')) {
        const marker = /^\[\d\] /.exec(fieldLine);
        if (!marker) failures.push({ url, headline, outlet, line: fieldLine, why: 'a field line without its number' });
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
