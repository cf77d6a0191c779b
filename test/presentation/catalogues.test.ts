// The message catalogues: every language has every key (with the plural forms its own rules need)
// and no stale ones, keeps every placeholder, is not English in disguise, and follows its glossary.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, defaultLocale, supportedLocales, type SupportedLocale } from '../../src/presentation/translation.js';

const pluralSuffix = /_(ordinal_)?(zero|one|two|few|many|other)$/;

/** Every leaf as `path -> text`. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The keys a language must have: plural keys get exactly the forms its plural rules use. */
function expectedKeys(locale: SupportedLocale): Set<string> {
  const english = leaves(catalogues[defaultLocale]);
  const cardinal = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const match = pluralSuffix.exec(key);
    if (!match) {
      keys.add(key);
      continue;
    }
    const base = key.slice(0, match.index);
    const categories = match[1] ? ordinal : cardinal;
    for (const category of categories) keys.add(`${base}_${match[1] ?? ''}${category}`);
  }
  return keys;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

const english = leaves(catalogues[defaultLocale]);
const baseOf = (key: string) => key.replace(pluralSuffix, '');
const englishByBase = new Map<string, string[]>();
for (const [key, text] of english) englishByBase.set(baseOf(key), [...(englishByBase.get(baseOf(key)) ?? []), text]);

// Words that are the same in every language: names, command syntax, units.
const sharedWords = /\b(Lightstick|Discord|K-pop|IANA|UTC|MTV|VMAs|EMAs|MM-DD|HH:MM|ISO-8601|npm|BLACKPINK|Jungkook|SKZ|Stray Kids|Rosé|TXT|Asia\/Seoul|America\/New_York|A, B, C|D)\b/g;
const englishFunctionWords = /\b(the|and|with|from|this|that|your|you|is|are|was|were|not|of|for|has|have|been|which|who|when|what)\b/i;

/** Text with its placeholders, inline code, mentions and shared names taken out: what must be translated. */
function prose(text: string): string {
  return text
    .replace(/\{\{\s*\w+\s*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[#@][^>]*>/g, ' ')
    .replace(sharedWords, ' ')
    .replace(/--\w+/g, ' ')
    // Command syntax stays English in every language: /review withdraw type:<win|milestone>.
    .replace(/\w+:<[^>]*>/g, ' ')
    .replace(/\/[a-z]+(?: [a-z]+)?/g, ' ');
}

const others = supportedLocales.filter((locale) => locale !== defaultLocale);

describe('the message catalogues', () => {
  it.each(supportedLocales)('%s has every key, with its own plural forms, and no stale ones', (locale) => {
    const have = new Set(leaves(catalogues[locale]).keys());
    const want = expectedKeys(locale);
    expect([...want].filter((key) => !have.has(key)), 'missing keys').toEqual([]);
    expect([...have].filter((key) => !want.has(key)), 'stale keys').toEqual([]);
  });

  it.each(others)('%s keeps every placeholder of the English text', (locale) => {
    const problems: string[] = [];
    for (const [key, text] of leaves(catalogues[locale])) {
      const englishTexts = englishByBase.get(baseOf(key)) ?? [];
      // A plural form may leave out {{count}} ("one" forms often say the number in words).
      const wanted = new Set(englishTexts.flatMap(placeholders));
      const got = placeholders(text);
      const missing = [...wanted].filter((name) => !got.includes(name) && name !== 'count');
      const unknown = got.filter((name) => !wanted.has(name));
      if (missing.length > 0 || unknown.length > 0) problems.push(`${key}: missing ${missing.join(',')} unknown ${unknown.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(others)('%s holds no English sentences', (locale) => {
    const suspicious: string[] = [];
    for (const [key, text] of leaves(catalogues[locale])) {
      if (key.startsWith('languages.')) continue;
      const left = prose(text);
      const englishText = english.get(key);
      if (englishFunctionWords.test(left) || (englishText !== undefined && text === englishText && /[a-z]{4,}/i.test(prose(englishText)))) {
        suspicious.push(`${key}: ${text}`);
      }
    }
    expect(suspicious).toEqual([]);
  });

  it.each(supportedLocales)('%s describes commands, options and choices within Discord\'s 100 characters', (locale) => {
    const tooLong = [...leaves(catalogues[locale])]
      .filter(([key, text]) => (key.startsWith('commands.') || key.startsWith('languages.')) && (text.length > 100 || text.length === 0))
      .map(([key, text]) => `${key} (${text.length}): ${text}`);
    expect(tooLong).toEqual([]);
  });

  it('names each language in its own words, the same in every catalogue', () => {
    for (const locale of supportedLocales) {
      expect(leaves(catalogues[locale]).get(`languages.${locale}`)).toBe(english.get(`languages.${locale}`));
    }
  });
});

describe('the glossaries', () => {
  const directory = join(import.meta.dirname, '../../src/presentation/locales/glossary');
  const files = readdirSync(directory).filter((name) => name.endsWith('.json'));

  it('exist for every language but English', () => {
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...others].sort());
  });

  it.each(others)('%s uses its fandom words consistently', (locale) => {
    const glossary = JSON.parse(readFileSync(join(directory, `${locale}.json`), 'utf8')) as {
      terms: { english: string; use: string; avoid?: string[] }[];
    };
    expect(glossary.terms.length).toBeGreaterThanOrEqual(8);
    const catalogue = leaves(catalogues[locale]);
    const problems: string[] = [];
    for (const term of glossary.terms) {
      for (const [key, text] of catalogue) {
        for (const avoided of term.avoid ?? []) if (text.includes(avoided)) problems.push(`${key} uses "${avoided}" instead of "${term.use}"`);
        // The English prose around placeholders and command syntax, which stay as they are.
        const englishText = prose(english.get(key) ?? '');
        if (new RegExp(`\\b${term.english}\\b`, 'i').test(englishText) && !text.toLowerCase().includes(term.use.toLowerCase())) {
          problems.push(`${key} does not use "${term.use}" for "${term.english}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
