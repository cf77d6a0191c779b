import { afterAll, describe, expect, it } from 'vitest';
import { artistChoices, resolveArtist } from '../../src/core/resolve-artist.js';
import { openTestStore } from '../support/test-store.js';

const opened = openTestStore();
afterAll(() => opened.close());

function resolvedSlug(typed: string): string | null {
  const resolution = resolveArtist(opened.store, typed);
  return resolution.status === 'found' ? resolution.artist.slug : null;
}

describe('resolveArtist', () => {
  it.each([
    ['rose', 'rose'],
    ['Rosé', 'rose'],
    ['ROSÉ', 'rose'],
    ['  rosé ', 'rose'],
    ['Rosie', 'rose'],
    ['로제', 'rose'],
    ['JK', 'jungkook'],
    ['jk', 'jungkook'],
    ['Jung Kook', 'jungkook'],
    ['정국', 'jungkook'],
    ['SKZ', 'stray-kids'],
    ['stray kids', 'stray-kids'],
    ['STRAY-KIDS', 'stray-kids'],
    ['TXT', 'txt'],
    ['TOMORROW X TOGETHER', 'txt'],
    ['tomorrow x together', 'txt'],
    ['Black Pink', 'blackpink'],
    ['blackpink', 'blackpink'],
    ['BLACKPINK', 'blackpink'],
    ['블랙핑크', 'blackpink'],
    ['방탄소년단', 'bts'],
    ['Lalisa Manobal', 'lisa'],
    ['Beyonce', 'beyonce'],
  ])('"%s" is %s', (typed, slug) => {
    expect(resolvedSlug(typed)).toBe(slug);
  });

  it('answers a typo with up to three suggestions instead of a wrong artist', () => {
    for (const typo of ['blakpink', 'blackpnik', 'jungkok', 'stray kid', 'strai kids', 'tomorow x together']) {
      const resolution = resolveArtist(opened.store, typo);
      expect(resolution.status, typo).toBe('not-found');
      if (resolution.status !== 'not-found') continue;
      expect(resolution.suggestions.length, typo).toBeGreaterThan(0);
      expect(resolution.suggestions.length, typo).toBeLessThanOrEqual(3);
    }
    const blackpink = resolveArtist(opened.store, 'blakpink');
    expect(blackpink.status === 'not-found' && blackpink.suggestions[0]?.slug).toBe('blackpink');
    const jungkook = resolveArtist(opened.store, 'jungkok');
    expect(jungkook.status === 'not-found' && jungkook.suggestions[0]?.slug).toBe('jungkook');
  });

  it('finds nobody, and suggests nobody, for text that is nothing like a name', () => {
    for (const typed of ['', '   ', '!!!', '%', '_', 'zzzzqqqqxxxx']) {
      const resolution = resolveArtist(opened.store, typed);
      expect(resolution.status, typed).toBe('not-found');
      expect(resolution.status === 'not-found' && resolution.suggestions, typed).toEqual([]);
    }
  });
});

describe('artistChoices', () => {
  it('matches aliases and shows which one matched', () => {
    const choices = artistChoices(opened.store, 'skz');
    expect(choices[0]).toEqual({ name: 'Stray Kids (SKZ)', value: 'Stray Kids' });
  });

  it('matches the start of a name and text inside it', () => {
    expect(artistChoices(opened.store, 'black').map((c) => c.value)).toContain('BLACKPINK');
    expect(artistChoices(opened.store, 'kook').map((c) => c.value)).toContain('Jungkook');
  });

  it('never offers more than 25 choices, K-pop acts first before anything is typed', () => {
    const choices = artistChoices(opened.store, '');
    expect(choices.length).toBe(25);
    expect(choices[0]!.value).toBe('BLACKPINK');
    for (const prefix of ['a', 'e', 's']) expect(artistChoices(opened.store, prefix).length).toBeLessThanOrEqual(25);
  });

  it('ignores punctuation such as % and _ instead of treating it as a wildcard', () => {
    expect(artistChoices(opened.store, '%')).toEqual(artistChoices(opened.store, ''));
    expect(artistChoices(opened.store, 'black_pink')[0]).toEqual({ name: 'BLACKPINK', value: 'BLACKPINK' });
  });

  it('offers typo suggestions when nothing starts with the text', () => {
    expect(artistChoices(opened.store, 'blakpink').map((c) => c.value)).toContain('BLACKPINK');
  });
});
