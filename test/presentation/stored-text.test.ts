// The one escaping of stored text: whatever a name, a title or a statement holds, it shows as typed.
import { describe, expect, it } from 'vitest';
import { storedText } from '../../src/presentation/stored-text.js';

describe('storedText', () => {
  it.each([
    ['a timestamp', '<t:0:R>', '\\<t:0:R\\>'],
    ['a command mention', '</trivia start:1>', '\\</trivia start:1\\>'],
    ['custom emoji', '<:kpop:1> <a:kpop:2>', '\\<:kpop:1\\> \\<a:kpop:2\\>'],
    ['user, role and channel mentions', '<@1> <@!2> <@&3> <#4>', '\\<\\@1\\> \\<\\@!2\\> \\<\\@&3\\> \\<#4\\>'],
    ['@everyone and @here', '@everyone @here', '\\@everyone \\@here'],
    ['a masked link', '[OFFICIAL](https://evil.example)', '\\[OFFICIAL\\](https\\://evil.example)'],
    ['spoilers and code', '||x|| `y` ```z```', '\\|\\|x\\|\\| \\`y\\` \\`\\`\\`z\\`\\`\\`'],
    ['bold, italics, underline and strikethrough', '**a** *b* __c__ ~~d~~', '\\*\\*a\\*\\* \\*b\\* \\_\\_c\\_\\_ \\~\\~d\\~\\~'],
    ['a heading at the start', '# Seven', '\\# Seven'],
    ['subtext at the start', '-# small', '\\-# small'],
    ['a quote at the start', '> quoted', '\\> quoted'],
    ['a list at the start', '- item', '\\- item'],
    ['a numbered list at the start', '1. first', '1\\. first'],
    ['a backslash', 'a\\*b', 'a\\\\\\*b'],
  ])('shows %s as typed', (_what, text, shown) => {
    expect(storedText(text)).toBe(shown);
  });

  it('turns a title with line breaks into one line, so that no heading, list or quote starts inside a reply', () => {
    expect(storedText('Seven\n# Heading\r\n> quote\u2028- list')).toBe('Seven # Heading \\> quote - list');
  });

  it('drops invisible characters and leaves ordinary names as they are', () => {
    expect(storedText('Stray\u200b Kids\u202e')).toBe('Stray Kids');
    expect(storedText('(G)I-DLE')).toBe('(G)I-DLE');
    expect(storedText('Rosé & Bruno Mars: APT.')).toBe('Rosé & Bruno Mars: APT.');
    expect(storedText('스트레이 키즈')).toBe('스트레이 키즈');
  });
});
