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

/** Shortens `line` by graphemes until it and an ellipsis fit: the longest such prefix, found by bisection. */
function withEllipsis(line: string, maxWidth: number, measure: (text: string) => number): string {
  const parts = graphemes(line.trimEnd());
  const cut = (count: number) => `${parts.slice(0, count).join('').trimEnd()}${ELLIPSIS}`;
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (measure(cut(middle)) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}

const REFERENCE_PX = 100;
/** Token widths at REFERENCE_PX, per measuring function (a renderer makes one per weight per card). */
const referenceWidths = new WeakMap<MeasureText, Map<string, number>>();

/**
 * A token's width at a size, estimated from its width at REFERENCE_PX: outline glyphs scale linearly, so
 * each token is shaped once however many sizes are tried. Shaping a new string costs far more than
 * arithmetic; the lines finally chosen are measured exactly.
 */
function estimator(measure: MeasureText, sizePx: number): (token: string) => number {
  let widths = referenceWidths.get(measure);
  if (!widths) {
    widths = new Map();
    referenceWidths.set(measure, widths);
  }
  const cache = widths;
  return (token) => {
    let width = cache.get(token);
    if (width === undefined) {
      width = measure(token, REFERENCE_PX);
      cache.set(token, width);
    }
    return (width * sizePx) / REFERENCE_PX;
  };
}

/** Wraps by estimated widths with a small margin, then confirms each line exactly; measures exactly if one fails. */
function wrapAt(tokens: readonly string[], maxWidth: number, measure: MeasureText, sizePx: number): string[] {
  const estimate = estimator(measure, sizePx);
  const budget = maxWidth * 0.985;
  const lines: string[] = [];
  let current: string[] = [];
  let currentWidth = 0;
  const flush = () => {
    const line = current.join('').trimEnd();
    if (line) lines.push(line);
    current = [];
    currentWidth = 0;
  };
  const exact = (text: string) => measure(text, sizePx);
  for (const token of tokens) {
    const trimmed = token.trimEnd();
    if (current.length > 0 && currentWidth + estimate(trimmed) > budget) flush();
    if (current.length === 0 && estimate(trimmed) > budget) return wrapText(tokens, maxWidth, exact);
    current.push(token);
    currentWidth += estimate(token);
  }
  flush();
  return lines.every((line) => exact(line) <= maxWidth) ? lines : wrapText(tokens, maxWidth, exact);
}

/**
 * The largest size (down to smallestPx, in steps of 2) at which the text fits in maxLines lines of maxWidth,
 * found by bisection; at the smallest size, whatever does not fit is cut with an ellipsis. Every returned
 * line fits maxWidth.
 */
export function fitText(request: FitRequest, measure: MeasureText): FittedText {
  const tokens = breakableTokens(request.text.replace(/\s+/gu, ' ').trim(), request.locale);
  const wrapped = new Map<number, string[]>();
  const linesAt = (sizePx: number) => {
    let lines = wrapped.get(sizePx);
    if (!lines) {
      lines = wrapAt(tokens, request.maxWidth, measure, sizePx);
      wrapped.set(sizePx, lines);
    }
    return lines;
  };
  const steps = Math.max(0, Math.floor((request.largestPx - request.smallestPx) / 2));
  const sizeAt = (step: number) => request.largestPx - 2 * step;
  // Smallest step (largest size) that fits; fitting is monotonic in size for practical purposes.
  let low = 0;
  let high = steps;
  if (linesAt(sizeAt(0)).length <= request.maxLines) high = 0;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (linesAt(sizeAt(middle)).length <= request.maxLines) high = middle;
    else low = middle + 1;
  }
  const fits = linesAt(sizeAt(high)).length <= request.maxLines;
  const sizePx = fits ? sizeAt(high) : request.smallestPx;
  const at = (text: string) => measure(text, sizePx);
  const lines = linesAt(sizePx);
  const kept = lines.slice(0, request.maxLines);
  const truncated = lines.length > request.maxLines;
  if (truncated && kept.length > 0) {
    const lastIndex = kept.length - 1;
    kept[lastIndex] = withEllipsis(kept[lastIndex] ?? '', request.maxWidth, at);
  }
  const width = kept.reduce((widest, line) => Math.max(widest, at(line)), 0);
  return { lines: kept, sizePx, width, truncated };
}
