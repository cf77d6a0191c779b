// The one rule for a cited page's address: parsed by the WHATWG URL parser, kept in its normalised
// form, and refused, with the reason, when it holds what no address holds.
import { describe, expect, it } from 'vitest';
import { characterLabel, citedLink } from '../../src/core/contributed-facts.js';

describe('citedLink', () => {
  it('keeps the normalised form: host lowercased and punycoded, letters of any script percent-encoded, a bare host given its path', () => {
    expect(citedLink('  https://Example.ORG/News  ')).toEqual({ ok: true, url: 'https://example.org/News' });
    expect(citedLink('https://example.org')).toEqual({ ok: true, url: 'https://example.org/' });
    expect(citedLink('HTTP://example.org:80/a/../b')).toEqual({ ok: true, url: 'http://example.org/b' });
    expect(citedLink('https://namu.wiki/w/스트레이키즈')).toEqual({ ok: true, url: 'https://namu.wiki/w/%EC%8A%A4%ED%8A%B8%EB%A0%88%EC%9D%B4%ED%82%A4%EC%A6%88' });
    expect(citedLink('https://케이팝.kr/a')).toEqual({ ok: true, url: 'https://xn--hu5b11lksd.kr/a' });
    // Odd but valid: what pages really have.
    expect(citedLink("https://en.wikipedia.org/wiki/Stray_Kids_(band)?a=1*2&b=it's#~x")).toEqual({ ok: true, url: 'https://en.wikipedia.org/wiki/Stray_Kids_(band)?a=1*2&b=it%27s#~x' });
    expect(citedLink('https://medium.com/@writer/post-1%20b')).toEqual({ ok: true, url: 'https://medium.com/@writer/post-1%20b' });
  });

  it('refuses the masked link smuggled into an address, naming the characters', () => {
    expect(citedLink('https://example.org/a>)**[OFFICIAL](https://evil.example/phish)**')).toEqual({ ok: false, problem: 'link-characters', characters: ['>', '[', ']'] });
  });

  it.each([
    ['a space', 'https://example.org/a b', [' ']],
    ['a tab', 'https://example.org/a\tb', ['\t']],
    ['a line break', 'https://example.org/a\nb', ['\n']],
    ['a no-break space', 'https://example.org/a\u00a0b', ['\u00a0']],
    ['a zero-width space', 'https://exam\u200bple.org/', ['\u200b']],
    ['a right-to-left override', 'https://example.org/\u202egpj.exe', ['\u202e']],
    ['a NUL', 'https://example.org/\u0000', ['\u0000']],
    ['angle brackets', 'https://example.org/<t:0:R>', ['<', '>']],
    ['a quote and a backtick', 'https://example.org/"`', ['"', '`']],
    ['a backslash', 'https://example.org\\@evil.example/', ['\\']],
    ['braces, a caret and a pipe', 'https://example.org/{a}^|', ['{', '}', '^', '|']],
    ['brackets', 'https://example.org/[x](y)', ['[', ']']],
    ['a % that starts no encoding', 'https://example.org/100%', ['%']],
  ])('refuses %s', (_name, typed, characters) => {
    expect(citedLink(typed)).toEqual({ ok: false, problem: 'link-characters', characters });
  });

  it('refuses a user name or password before the host, which hides where the link goes', () => {
    expect(citedLink('https://example.org@evil.example/phish')).toEqual({ ok: false, problem: 'link-credentials' });
    expect(citedLink('https://user:secret@example.org/')).toEqual({ ok: false, problem: 'link-credentials' });
  });

  it.each(['not a link', 'javascript:alert(1)', 'ftp://example.org/a', 'data:text/html,hi', 'https://localhost/a', 'https://', 'example.org/a', ''])(
    'refuses %j as no http(s) address',
    (typed) => {
      expect(citedLink(typed)).toEqual({ ok: false, problem: 'bad-url' });
    },
  );
});

describe('characterLabel', () => {
  it('names a character that cannot be seen by its code point, and shows the others as they are', () => {
    expect(['>', ' ', '\u200b', '\u202e', '\t', '\u0000', '한'].map(characterLabel)).toEqual(['>', 'U+0020', 'U+200B', 'U+202E', 'U+0009', 'U+0000', '한']);
  });
});

describe('the seed format and JSON imports', () => {
  it("keep a web source's address in its normalised form and refuse one that hides a link, with the characters", async () => {
    const { webUrl } = await import('../../db/seed/seed-file-schema.js');
    expect(webUrl.parse(' https://Example.ORG ')).toBe('https://example.org/');
    const refused = webUrl.safeParse('https://example.org/a>)**[OFFICIAL](https://evil.example/phish)**');
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ message: expect.stringContaining('(> [ ])'), params: { problem: 'link-characters', characters: ['>', '[', ']'] } });
  });
});
