import { describe, expect, it } from 'vitest';
import { editDistance, normalizeName, typoAllowance } from '../../src/core/names.js';

describe('normalizeName', () => {
  it.each([
    ['Rosé', 'rose'],
    ['ROSÉ', 'rose'],
    ['rose', 'rose'],
    ['Black Pink', 'blackpink'],
    ['  BLACK-PINK!! ', 'blackpink'],
    ['TOMORROW X TOGETHER', 'tomorrowxtogether'],
    ['Jung Kook', 'jungkook'],
    ['Beyoncé', 'beyonce'],
    ['정국', '정국'],
    ['스트레이 키즈', '스트레이키즈'],
    ['50%_off', '50off'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps Hangul syllables composed, so they match the stored aliases', () => {
    expect(normalizeName('정국')).toBe('정국'.normalize('NFC'));
    expect(normalizeName('정국'.normalize('NFD'))).toBe('정국');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('blackpink', 'blackpink')).toBe(0);
    expect(editDistance('blakpink', 'blackpink')).toBe(1);
    expect(editDistance('blackpinkk', 'blackpink')).toBe(1);
    expect(editDistance('blacpkink', 'blackpink')).toBe(1);
    expect(editDistance('jungkok', 'jungkook')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early once the limit is passed', () => {
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows more typos in longer names, none in very short ones', () => {
    expect(typoAllowance(2)).toBe(0);
    expect(typoAllowance(4)).toBe(1);
    expect(typoAllowance(8)).toBe(2);
    expect(typoAllowance(17)).toBe(3);
  });
});
