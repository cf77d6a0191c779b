// Names, titles and statements as stored: NFC, one line, nothing invisible; and the lookalike
// test (UTS #39's confusable skeleton) that warns a curator of "Strаy Kids" beside Stray Kids.
import { describe, expect, it } from 'vitest';
import { cleanTypedText, confusableSkeleton } from '../../src/core/typed-text.js';

describe('cleanTypedText', () => {
  it('stores one Unicode form: an accent typed as a combining mark is the composed letter', () => {
    expect(cleanTypedText('Rose\u0301')).toBe('Ros\u00e9');
    expect(cleanTypedText('\u1100\u1161')).toBe('\uac00');
  });

  it('drops NUL, controls, direction overrides and isolates, zero-width characters and the BOM', () => {
    expect(cleanTypedText('Stray\u0000 Kids')).toBe('Stray Kids');
    expect(cleanTypedText('\u202eSKZ\u202c \u2066x\u2069')).toBe('SKZ x');
    expect(cleanTypedText('Str\u200bay\u200c Ki\u200dds\ufeff\u00ad')).toBe('Stray Kids');
    expect(cleanTypedText('a\u0007b\u001bc')).toBe('a b c');
  });

  it('makes a title one line: line breaks and tabs become one space, and the ends are trimmed', () => {
    expect(cleanTypedText('  Seven\n# heading\r\n- list\rquote\u2028x\ty  ')).toBe('Seven # heading - list quote x y');
  });
});

describe('confusableSkeleton', () => {
  it('is the same for names that look alike', () => {
    const straykids = confusableSkeleton('Stray Kids');
    expect(confusableSkeleton('Str\u0430y Kids')).toBe(straykids); // Cyrillic а
    expect(confusableSkeleton('STRAY KIDS')).toBe(straykids);
    expect(confusableSkeleton('\uff33\uff34\uff32\uff21\uff39 \uff2b\uff29\uff24\uff33')).toBe(straykids); // full-width
    expect(confusableSkeleton('Stray\u202e Kids')).toBe(straykids);
    expect(confusableSkeleton('TW\u0399CE')).toBe(confusableSkeleton('TWICE')); // Greek Ι
  });

  it('tells apart names that do not look alike', () => {
    expect(confusableSkeleton('Stray Kids')).not.toBe(confusableSkeleton('Stray Kid'));
    expect(confusableSkeleton('BLACKPINK')).not.toBe(confusableSkeleton('BLACKPINK2'));
    expect(confusableSkeleton('정국')).not.toBe(confusableSkeleton('지민'));
  });
});
