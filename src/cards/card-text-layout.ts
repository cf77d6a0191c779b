/**
 * Line breaking and fitting for card text, independent of the canvas: it is given a function that measures
 * a string at a font size. Break opportunities come from Intl.Segmenter, so Thai and Japanese (which put no
 * spaces between words) wrap between words as well as English and Korean do.
 */

/** Measures `text` in pixels at `sizePx`. */
export type MeasureText = (text: string, sizePx: number) => number;

export interface FitRequest {
  text: string;
  locale: string;
  maxWidth: number;
  maxLines: number;
  /** Largest and smallest font size to try, in pixels; tried from the largest down in steps of 2. */
  largestPx: number;
  smallestPx: number;
}

export interface FittedText {
  lines: string[];
  sizePx: number;
  /** Width of the widest line, in pixels. */
  width: number;
  /** True when even the smallest size needed more lines and the last line was cut with an ellipsis. */
  truncated: boolean;
}

const ELLIPSIS = '…';
const OPENING_PUNCTUATION = /^[\p{Ps}\p{Pi}"'¿¡]+$/u;
const SPACE = /^\s+$/u;

const segmenters = new Map<string, Intl.Segmenter>();
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/**
 * The text cut into pieces that may not be split across lines: words with their trailing spaces and
 * punctuation, an opening quote or bracket glued to the word after it. A line may break between any two.
 */
export function breakableTokens(text: string, locale: string): string[] {
  const tokens: string[] = [];
  let pendingOpening = '';
  for (const { segment, isWordLike } of wordSegmenter(locale).segment(text)) {
    if (!isWordLike && !SPACE.test(segment) && OPENING_PUNCTUATION.test(segment)) {
      pendingOpening += segment;
      continue;
    }
    const last = tokens.length - 1;
    // Spaces and closing punctuation stay with the word before them, so no line starts with them.
    const attachToPrevious = !isWordLike && pendingOpening === '' && last >= 0;
    if (attachToPrevious) tokens[last] += segment;
    else tokens.push(pendingOpening + segment);
    pendingOpening = '';
  }
  if (pendingOpening) tokens.push(pendingOpening);
  return tokens;
}

function graphemes(text: string): string[] {
  return [...graphemeSegmenter.segment(text)].map((part) => part.segment);
}

/** Greedy wrapping at one size; a token wider than a whole line is broken between graphemes. */
export function wrapText(tokens: readonly string[], maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  const push = (line: string) => {
    const trimmed = line.trimEnd();
    if (trimmed) lines.push(trimmed);
  };
  for (const token of tokens) {
    const candidate = current + token;
    if (measure(candidate.trimEnd()) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) push(current);
    current = '';
    if (measure(token.trimEnd()) <= maxWidth) {
      current = token;
      continue;
    }
    for (const piece of graphemes(token)) {
      if (current && measure((current + piece).trimEnd()) > maxWidth) {
        push(current);
        current = '';
      }
      current += piece;
    }
  }
  push(current);
  return lines;
}

/** Shortens `line` by graphemes until it and an ellipsis fit. */
function withEllipsis(line: string, maxWidth: number, measure: (text: string) => number): string {
  const parts = graphemes(line.trimEnd());
  while (parts.length > 0 && measure(`${parts.join('').trimEnd()}${ELLIPSIS}`) > maxWidth) parts.pop();
  return `${parts.join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * The largest size (down to smallestPx) at which the text fits in maxLines lines of maxWidth; at the
 * smallest size, whatever does not fit is cut with an ellipsis. Every returned line fits maxWidth.
 */
export function fitText(request: FitRequest, measure: MeasureText): FittedText {
  const tokens = breakableTokens(request.text.replace(/\s+/gu, ' ').trim(), request.locale);
  for (let size = request.largestPx; ; size -= 2) {
    const sizePx = Math.max(size, request.smallestPx);
    const at = (text: string) => measure(text, sizePx);
    const lines = wrapText(tokens, request.maxWidth, at);
    const fits = lines.length <= request.maxLines;
    if (fits || sizePx === request.smallestPx) {
      const kept = lines.slice(0, request.maxLines);
      const truncated = !fits;
      if (truncated && kept.length > 0) {
        const lastIndex = kept.length - 1;
        kept[lastIndex] = withEllipsis(kept[lastIndex] ?? '', request.maxWidth, at);
      }
      const width = kept.reduce((widest, line) => Math.max(widest, at(line)), 0);
      return { lines: kept, sizePx, width, truncated };
    }
  }
}
