/**
 * The fonts a card draws with: Noto Sans in variable weight, from @fontsource-variable packages in
 * node_modules, registered explicitly under our own family names. No system font is ever named, so a card
 * looks the same on every machine, and a test can check every drawn character against these files.
 *
 * Why these packages: @napi-rs/canvas (Skia) reads WOFF2 and variable fonts, and the @fontsource-variable
 * builds are one variable file per Unicode slice (weight 100-900 in one file), about 23 MB for Latin with
 * Vietnamese, Hangul, Japanese, Simplified and Traditional Chinese and Thai together, where the static
 * @fontsource packages weigh 50-80 MB for each CJK script alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

export type CardScript = 'latin' | 'hangul' | 'japanese' | 'simplified-chinese' | 'traditional-chinese' | 'thai';

interface CardFontPackage {
  script: CardScript;
  /** The family name a card asks Skia for. */
  family: string;
  packageName: string;
}

const PACKAGES: readonly CardFontPackage[] = [
  { script: 'latin', family: 'Lightstick Latin', packageName: '@fontsource-variable/noto-sans' },
  { script: 'hangul', family: 'Lightstick Hangul', packageName: '@fontsource-variable/noto-sans-kr' },
  { script: 'japanese', family: 'Lightstick Japanese', packageName: '@fontsource-variable/noto-sans-jp' },
  { script: 'simplified-chinese', family: 'Lightstick Simplified Chinese', packageName: '@fontsource-variable/noto-sans-sc' },
  { script: 'traditional-chinese', family: 'Lightstick Traditional Chinese', packageName: '@fontsource-variable/noto-sans-tc' },
  { script: 'thai', family: 'Lightstick Thai', packageName: '@fontsource-variable/noto-sans-thai' },
];

/** One registered font file: a Unicode slice of one family, with the code points fontsource says it holds. */
export interface CardFontFile {
  family: string;
  script: CardScript;
  path: string;
  /** Inclusive [first, last] code point ranges from the package's unicode.json. */
  ranges: readonly (readonly [number, number])[];
}

const require = createRequire(import.meta.url);

function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [first = '', last] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(first, 16);
    return [start, last === undefined ? start : Number.parseInt(last, 16)];
  });
}

function filesOf(fontPackage: CardFontPackage): CardFontFile[] {
  const root = path.dirname(require.resolve(`${fontPackage.packageName}/package.json`));
  const unicode = JSON.parse(readFileSync(path.join(root, 'unicode.json'), 'utf8')) as Record<string, string>;
  const baseName = path.basename(fontPackage.packageName);
  const present = new Set(readdirSync(path.join(root, 'files')));
  return Object.entries(unicode).flatMap(([slice, range]) => {
    // Keys are a subset name ("latin-ext") or a numbered slice ("[12]"); files are named after them.
    const name = `${baseName}-${slice.replace(/^\[(\d+)\]$/, '$1')}-wght-normal.woff2`;
    if (!present.has(name)) return [];
    return [{ family: fontPackage.family, script: fontPackage.script, path: path.join(root, 'files', name), ranges: parseUnicodeRange(range) }];
  });
}

let files: CardFontFile[] | null = null;

/** Every font file a card may draw with, registered or not yet. */
export function cardFontFiles(): readonly CardFontFile[] {
  files ??= PACKAGES.flatMap(filesOf);
  return files;
}

const registeredPaths = new Set<string>();

/**
 * The file that draws a character for a reader of `locale`: from the first family in the locale's order whose
 * slices claim it (fontsource cuts its slices by the glyphs each font really has). Null when no card font
 * has the character: it would be drawn as a box, or from a system font on a machine that has one.
 */
export function cardFontFileFor(codePoint: number, locale: string): CardFontFile | null {
  for (const family of familiesForCharacter(String.fromCodePoint(codePoint), locale)) {
    for (const file of cardFontFiles()) {
      if (file.family !== family) continue;
      if (file.ranges.some(([first, last]) => codePoint >= first && codePoint <= last)) return file;
    }
  }
  return null;
}

/**
 * The locale's order, with the family made for the character's own script first: fontsource's slice ranges
 * are CSS unicode-ranges, and a Chinese font's range may claim Hangul it has no glyph for.
 */
function familiesForCharacter(character: string, locale: string): string[] {
  const stack = cardFontStack(locale);
  const own: CardScript | null = /\p{Script=Hangul}/u.test(character)
    ? 'hangul'
    : /\p{Script=Thai}/u.test(character)
      ? 'thai'
      : /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(character)
        ? 'japanese'
        : null;
  const preferred = own ? PACKAGES.find((entry) => entry.script === own)?.family : undefined;
  return preferred ? [preferred, ...stack.filter((family) => family !== preferred)] : stack;
}

/** The characters of `text` that no card font draws, each once, in order. */
export function charactersWithoutCardFont(text: string, locale: string): string[] {
  return [...new Set(Array.from(text))].filter((character) => cardFontFileFor(character.codePointAt(0) ?? 0, locale) === null);
}

/**
 * Registers with Skia the font files that draw these texts, and returns the CSS family list to draw them with.
 *
 * Files are registered as characters first need them, not all at start: Skia's fallback walks every face of
 * every named family for each new string, so with all ~600 slices registered, measuring a new string took
 * about 2 ms and a first use of each weight about 0.5 s; with the few slices a card needs, 0.1 ms and 20 ms.
 * A file once registered stays registered for the process.
 */
export function prepareCardFonts(texts: readonly string[], locale: string): string {
  const families = new Set<string>(['Lightstick Latin']);
  const seen = new Set<number>();
  for (const text of texts) {
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      if (seen.has(codePoint)) continue;
      seen.add(codePoint);
      const file = cardFontFileFor(codePoint, locale);
      if (!file) continue;
      families.add(file.family);
      if (registeredPaths.has(file.path)) continue;
      if (!GlobalFonts.registerFromPath(file.path, file.family)) throw new Error(`Could not register the card font ${file.path}`);
      registeredPaths.add(file.path);
    }
  }
  // Always the locale's order, whatever order the characters came in.
  return cardFontStack(locale)
    .filter((family) => families.has(family))
    .map((family) => `"${family}"`)
    .join(', ');
}

/** The order of scripts to try for text in each language: the reader's own CJK forms win for shared Han characters. */
function scriptOrder(locale: string): CardScript[] {
  const tag = locale.toLowerCase();
  const first: CardScript[] = tag.startsWith('ja')
    ? ['japanese']
    : tag === 'zh-tw' || tag === 'zh-hk' || tag.startsWith('zh-hant')
      ? ['traditional-chinese']
      : tag.startsWith('zh')
        ? ['simplified-chinese']
        : tag.startsWith('th')
          ? ['thai']
          : ['hangul'];
  const rest: CardScript[] = ['hangul', 'japanese', 'simplified-chinese', 'traditional-chinese', 'thai'];
  return ['latin', ...first, ...rest.filter((script) => !first.includes(script))];
}

/** Family names in fallback order for a locale; Skia takes each character from the first family that has it. */
export function cardFontStack(locale: string): string[] {
  return scriptOrder(locale).map((script) => PACKAGES.find((entry) => entry.script === script)?.family ?? '');
}

/** A CSS font shorthand for the canvas: weight, pixel size and a family list from prepareCardFonts. */
export function cardFont(weight: number, sizePx: number, families: string): string {
  return `${weight} ${sizePx}px ${families}`;
}
