/**
 * Draws a milestone card: the picture a fan reposts for a win's anniversary. Pure presentation: it is given
 * text already worded in the reader's language and knows nothing of the store, Discord or the catalogue.
 *
 * Drawn with @napi-rs/canvas (Skia, prebuilt as npm packages per platform, no browser, no build step): it
 * draws straight onto pixels with real text shaping and font fallback, where satori + resvg would first lay
 * out JSX into SVG and then rasterise it, two libraries and a second pass for the same picture.
 *
 * Size: 1200x630, the 1.91:1 Open Graph shape that X, Facebook and link previews use, so a reposted card
 * is not cropped. Discord shows an embed image at most about 520 px wide, scaled down and never cropped, so
 * the card is drawn at over twice that density (sharp on high-DPI screens) and its smallest type is 24 px,
 * about 10 px on screen, like an embed footer; the headline is 50-100 px.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { cardFont, prepareCardFonts } from './card-fonts.js';
import { fitText, type FittedText, type MeasureText } from './card-text-layout.js';
import { encodeOpaquePng } from './png-encoding.js';
import { paletteIndexFor, PALETTES, type Palette } from './card-palettes.js';

/** Everything a card says, already in the reader's language. */
export interface CardContent {
  /** BCP 47 / Discord locale of the text (e.g. 'en-US', 'ko', 'ja', 'zh-CN', 'zh-TW', 'th'): picks the CJK glyph forms and line breaking. */
  locale: string;
  /** The artist's name as shown to fans, e.g. 'ROSÉ'. */
  artistName: string;
  /** The name in Hangul (or another native script) when the store has one, e.g. '로제'. */
  nativeName?: string;
  /** The milestone or win in words, e.g. 'First Korean artist to win Song of the Year at the MTV VMAs'. */
  statement: string;
  /** Ceremony and date, e.g. '2025 MTV VMAs · September 7, 2025'. */
  occasion: string;
  /** On an anniversary, e.g. '1 year ago today'; drawn as a badge above the name. */
  anniversary?: string;
  /** The source's publisher line in small type, e.g. 'Source: Billboard, September 8, 2025'. */
  source: string;
  /** The quiet mark in the corner; defaults to 'Lightstick'. */
  mark?: string;
  /** Alt text for the attachment; by default the card's own text joined into sentences. */
  altText?: string;
  /** Picks the colour scheme; defaults to the artist's name, so an artist keeps their colours. */
  paletteSeed?: string;
}

export type CardTextRole = 'anniversary' | 'artistName' | 'nativeName' | 'statement' | 'occasion' | 'source' | 'mark';

/** Where one piece of text was drawn: its lines, size, and the box they fill, in card pixels. */
export interface CardTextBox {
  role: CardTextRole;
  lines: string[];
  fontSizePx: number;
  /** Left edge and top of the first line's em box; width of the widest line; height of all lines. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** True when the text did not fit at the smallest size and was cut with an ellipsis. */
  truncated: boolean;
}

export interface RenderedCard {
  png: Buffer;
  width: number;
  height: number;
  altText: string;
  /** Every piece of text drawn, for tests and for callers that want to know what was cut. */
  textBoxes: CardTextBox[];
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const PAD_X = 80;
const PAD_TOP = 64;
const PAD_BOTTOM = 52;
const CONTENT_WIDTH = CARD_WIDTH - 2 * PAD_X;
const FOOTER_SIZE = 24;
const FOOTER_GAP = 36;

/** A small deterministic generator, so one card always looks the same. */
function random(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function drawBackground(ctx: SKRSContext2D, palette: Palette, seed: number): void {
  const base = ctx.createLinearGradient(0, 0, CARD_WIDTH, CARD_HEIGHT);
  base.addColorStop(0, palette.background[0]);
  base.addColorStop(0.55, palette.background[1]);
  base.addColorStop(1, palette.background[2]);
  ctx.fillStyle = base;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);

  // The light of a lightstick held up at the top right, and its spill at the bottom left.
  const glow = ctx.createRadialGradient(1010, 120, 0, 1010, 120, 560);
  glow.addColorStop(0, `rgba(${palette.glow},0.55)`);
  glow.addColorStop(0.35, `rgba(${palette.glow},0.18)`);
  glow.addColorStop(1, `rgba(${palette.glow},0)`);
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  const spill = ctx.createRadialGradient(120, CARD_HEIGHT + 60, 0, 120, CARD_HEIGHT + 60, 420);
  spill.addColorStop(0, `rgba(${palette.glow},0.22)`);
  spill.addColorStop(1, `rgba(${palette.glow},0)`);
  ctx.fillStyle = spill;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);

  // Rings of light around the glow, like a lightstick's lens.
  ctx.lineWidth = 2;
  for (const [radius, alpha] of [
    [150, 0.22],
    [240, 0.14],
    [340, 0.08],
  ] as const) {
    ctx.strokeStyle = `rgba(255,255,255,${alpha})`;
    ctx.beginPath();
    ctx.arc(1010, 120, radius, 0, Math.PI * 2);
    ctx.stroke();
  }

  // A crowd of lightsticks in the dark: soft dots, denser towards the right.
  const next = random(seed);
  for (let index = 0; index < 34; index++) {
    const x = CARD_WIDTH * (0.35 + 0.65 * Math.sqrt(next()));
    const y = CARD_HEIGHT * next();
    const radius = 2 + next() * next() * 12;
    const alpha = 0.1 + next() * 0.35;
    const dot = ctx.createRadialGradient(x, y, 0, x, y, radius);
    dot.addColorStop(0, `rgba(255,255,255,${alpha})`);
    dot.addColorStop(0.45, `rgba(${palette.glow},${alpha * 0.6})`);
    dot.addColorStop(1, `rgba(${palette.glow},0)`);
    ctx.fillStyle = dot;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.fill();
  }

  // A soft shade behind the text column keeps white text readable on the brightest schemes.
  const shade = ctx.createLinearGradient(0, 0, CARD_WIDTH * 0.8, 0);
  shade.addColorStop(0, 'rgba(5,3,20,0.35)');
  shade.addColorStop(1, 'rgba(5,3,20,0)');
  ctx.fillStyle = shade;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
}

/** A lightstick: a rod with a glowing round head. */
function drawLightstickIcon(ctx: SKRSContext2D, x: number, baseline: number, palette: Palette): number {
  const headX = x + 11;
  const headY = baseline - 22;
  const halo = ctx.createRadialGradient(headX, headY, 0, headX, headY, 20);
  halo.addColorStop(0, `rgba(${palette.glow},0.7)`);
  halo.addColorStop(1, `rgba(${palette.glow},0)`);
  ctx.fillStyle = halo;
  ctx.beginPath();
  ctx.arc(headX, headY, 20, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(headX, headY, 8, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.roundRect(headX - 2.5, headY + 9, 5, 16, 2.5);
  ctx.fill();
  return 22;
}

interface Block {
  role: CardTextRole;
  fitted: FittedText;
  weight: number;
  lineHeight: number;
  /** Space above the block. */
  gapBefore: number;
}

interface BlockSpec {
  role: CardTextRole;
  text: string;
  weight: number;
  largestPx: number;
  smallestPx: number;
  maxLines: number;
  lineHeight: number;
  gapBefore: number;
  maxWidth: number;
}

function blockHeight(block: Block): number {
  return block.fitted.lines.length * block.fitted.sizePx * block.lineHeight;
}

export function defaultAltText(card: CardContent): string {
  const name = card.nativeName ? `${card.artistName} (${card.nativeName})` : card.artistName;
  const sentence = (text: string) => (/[.!?。！？]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  return [name, card.statement, card.occasion, card.anniversary, card.source]
    .filter((part): part is string => Boolean(part?.trim()))
    .map(sentence)
    .join(' ');
}

export function renderMilestoneCard(card: CardContent): RenderedCard {
  const markText = card.mark?.trim() || 'Lightstick';
  const families = prepareCardFonts(
    [card.artistName, card.nativeName ?? '', card.statement, card.occasion, card.anniversary ?? '', card.source, markText, '…'],
    card.locale,
  );
  // One canvas for every card: rendering is synchronous, and the background repaints every pixel.
  surface ??= createSurface();
  const { canvas, ctx } = surface;
  ctx.save();
  try {
    return drawCard(card, canvas, ctx, families, markText);
  } finally {
    ctx.restore();
  }
}

let surface: { canvas: Canvas; ctx: SKRSContext2D } | null = null;

function createSurface(): { canvas: Canvas; ctx: SKRSContext2D } {
  const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT);
  return { canvas, ctx: canvas.getContext('2d', { alpha: false }) };
}

/**
 * Each palette's background, drawn once: its gradients, rings and soft dots are most of a card's
 * pixels, so a card copies its background and only lays out and draws its text.
 */
const backgrounds = new Map<number, Canvas>();

function backgroundFor(paletteIndex: number): Canvas {
  let background = backgrounds.get(paletteIndex);
  if (!background) {
    background = createCanvas(CARD_WIDTH, CARD_HEIGHT);
    drawBackground(background.getContext('2d', { alpha: false }), PALETTES[paletteIndex]!, paletteIndex + 1);
    backgrounds.set(paletteIndex, background);
  }
  return background;
}

function drawCard(card: CardContent, canvas: Canvas, ctx: SKRSContext2D, families: string, markText: string): RenderedCard {
  const paletteIndex = paletteIndexFor(card);
  const palette = PALETTES[paletteIndex] ?? PALETTES[0]!;
  ctx.drawImage(backgroundFor(paletteIndex), 0, 0);

  const { locale } = card;
  // One measuring function per weight for the whole card, so the layout caches its token widths across tries.
  const measurers = new Map<number, MeasureText>();
  const measureAt = (weight: number): MeasureText => {
    let measure = measurers.get(weight);
    if (!measure) {
      measure = (text: string, sizePx: number) => {
        ctx.font = cardFont(weight, sizePx, families);
        return ctx.measureText(text).width;
      };
      measurers.set(weight, measure);
    }
    return measure;
  };
  const textBoxes: CardTextBox[] = [];
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';

  // Footer first: the source at the left, the mark at the right; the rest of the card is above it.
  const markFit = fitText(
    { text: markText, locale, maxWidth: 260, maxLines: 1, largestPx: FOOTER_SIZE, smallestPx: 18 },
    measureAt(600),
  );
  const iconWidth = 22;
  const markWidth = iconWidth + 10 + markFit.width;
  const footerTop = CARD_HEIGHT - PAD_BOTTOM - FOOTER_SIZE;
  const fitSource = (maxLines: number) =>
    fitText({ text: card.source, locale, maxWidth: CONTENT_WIDTH - markWidth - 48, maxLines, largestPx: FOOTER_SIZE, smallestPx: 20 }, measureAt(400));
  // Several sources may need a second line: each is cited whole rather than cut off.
  let sourceFit = fitSource(1);
  if (sourceFit.truncated) sourceFit = fitSource(2);
  const sourceLineStep = sourceFit.sizePx * 1.25;
  const sourceTop = footerTop + (FOOTER_SIZE - sourceFit.sizePx) / 2 - (sourceFit.lines.length - 1) * sourceLineStep;

  // The body: badge, name, native name, statement, occasion; shrunk together until it fits above the footer.
  const bodyTop = PAD_TOP;
  const bodyBottom = Math.min(footerTop, sourceTop) - FOOTER_GAP;
  const specs = (scale: number): BlockSpec[] => {
    const size = (px: number) => Math.round(px * scale);
    const list: BlockSpec[] = [];
    if (card.anniversary?.trim()) {
      list.push({ role: 'anniversary', text: card.anniversary, weight: 700, largestPx: 26, smallestPx: 22, maxLines: 1, lineHeight: 1.25, gapBefore: 0, maxWidth: CONTENT_WIDTH - 48 });
    }
    list.push({ role: 'artistName', text: card.artistName, weight: 800, largestPx: size(100), smallestPx: 48, maxLines: 2, lineHeight: 1.12, gapBefore: list.length ? 26 : 0, maxWidth: CONTENT_WIDTH });
    if (card.nativeName?.trim()) {
      list.push({ role: 'nativeName', text: card.nativeName, weight: 500, largestPx: size(44), smallestPx: 28, maxLines: 1, lineHeight: 1.3, gapBefore: 4, maxWidth: CONTENT_WIDTH });
    }
    list.push({ role: 'statement', text: card.statement, weight: 600, largestPx: size(46), smallestPx: 28, maxLines: 3, lineHeight: 1.3, gapBefore: 26, maxWidth: CONTENT_WIDTH });
    list.push({ role: 'occasion', text: card.occasion, weight: 500, largestPx: size(30), smallestPx: 24, maxLines: 2, lineHeight: 1.3, gapBefore: 22, maxWidth: CONTENT_WIDTH - 24 });
    return list;
  };
  const fitBlocks = (scale: number): Block[] =>
    specs(scale).map((spec) => ({
      role: spec.role,
      weight: spec.weight,
      lineHeight: spec.lineHeight,
      gapBefore: spec.gapBefore,
      fitted: fitText(
        { text: spec.text, locale, maxWidth: spec.maxWidth, maxLines: spec.maxLines, largestPx: Math.max(spec.largestPx, spec.smallestPx), smallestPx: spec.smallestPx },
        measureAt(spec.weight),
      ),
    }));
  const totalHeight = (blocks: Block[]) =>
    blocks.reduce((sum, block) => sum + block.gapBefore + blockHeight(block) + (block.role === 'anniversary' ? 20 : 0), 0);
  let blocks = fitBlocks(1);
  for (let scale = 0.9; totalHeight(blocks) > bodyBottom - bodyTop && scale >= 0.5; scale -= 0.1) blocks = fitBlocks(scale);
  // Still too tall at the smallest sizes: the statement gives up lines, then the name does.
  for (const role of ['statement', 'artistName', 'occasion'] as const) {
    const block = blocks.find((candidate) => candidate.role === role);
    while (block && block.fitted.lines.length > 1 && totalHeight(blocks) > bodyBottom - bodyTop) {
      const fewer = block.fitted.lines.length - 1;
      const spec = specs(0.5).find((candidate) => candidate.role === role)!;
      block.fitted = fitText(
        { text: spec.text, locale, maxWidth: spec.maxWidth, maxLines: fewer, largestPx: spec.smallestPx, smallestPx: spec.smallestPx },
        measureAt(spec.weight),
      );
    }
  }

  // Short cards sit a little lower, so the name is near the optical centre rather than pinned to the top.
  const spare = Math.max(0, bodyBottom - bodyTop - totalHeight(blocks));
  let y = bodyTop + (card.anniversary?.trim() ? Math.min(spare * 0.35, 40) : Math.min(spare * 0.45, 80));
  for (const block of blocks) {
    y += block.gapBefore;
    const { fitted } = block;
    const lineStep = fitted.sizePx * block.lineHeight;
    ctx.font = cardFont(block.weight, fitted.sizePx, families);
    let x = PAD_X;
    if (block.role === 'anniversary') {
      const padX = 18;
      const pillHeight = lineStep + 20;
      ctx.fillStyle = 'rgba(255,255,255,0.12)';
      ctx.strokeStyle = palette.accent;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.roundRect(PAD_X, y, fitted.width + 2 * padX, pillHeight, pillHeight / 2);
      ctx.fill();
      ctx.stroke();
      x = PAD_X + padX;
      ctx.fillStyle = palette.accent;
      const textTop = y + (pillHeight - fitted.sizePx) / 2 - fitted.sizePx * 0.06;
      fitted.lines.forEach((line, index) => ctx.fillText(line, x, textTop + index * lineStep));
      textBoxes.push({ role: block.role, lines: fitted.lines, fontSizePx: fitted.sizePx, x, y: textTop, width: fitted.width, height: lineStep, truncated: fitted.truncated });
      y += pillHeight;
      continue;
    }
    if (block.role === 'occasion') {
      // An accent rule before the ceremony line.
      ctx.fillStyle = palette.accent;
      ctx.fillRect(PAD_X, y + fitted.sizePx * 0.2, 5, fitted.sizePx * 0.95);
      x = PAD_X + 24;
    }
    ctx.fillStyle =
      block.role === 'nativeName' ? palette.accent : block.role === 'occasion' ? 'rgba(255,255,255,0.82)' : block.role === 'statement' ? 'rgba(255,255,255,0.94)' : '#ffffff';
    if (block.role === 'artistName') {
      ctx.shadowColor = `rgba(${palette.glow},0.55)`;
      ctx.shadowBlur = 10;
    }
    fitted.lines.forEach((line, index) => ctx.fillText(line, x, y + index * lineStep));
    ctx.shadowBlur = 0;
    ctx.shadowColor = 'rgba(0,0,0,0)';
    const height = fitted.lines.length * lineStep;
    textBoxes.push({ role: block.role, lines: fitted.lines, fontSizePx: fitted.sizePx, x, y, width: fitted.width, height, truncated: fitted.truncated });
    y += height;
  }

  // Footer.
  ctx.font = cardFont(400, sourceFit.sizePx, families);
  ctx.fillStyle = 'rgba(255,255,255,0.6)';
  sourceFit.lines.forEach((line, index) => ctx.fillText(line, PAD_X, sourceTop + index * sourceLineStep));
  textBoxes.push({ role: 'source', lines: sourceFit.lines, fontSizePx: sourceFit.sizePx, x: PAD_X, y: sourceTop, width: sourceFit.width, height: sourceFit.lines.length * sourceLineStep, truncated: sourceFit.truncated });

  const markX = CARD_WIDTH - PAD_X - markWidth;
  drawLightstickIcon(ctx, markX, footerTop + FOOTER_SIZE, palette);
  ctx.font = cardFont(600, markFit.sizePx, families);
  ctx.fillStyle = 'rgba(255,255,255,0.72)';
  const markTextX = markX + iconWidth + 10;
  ctx.fillText(markFit.lines[0] ?? '', markTextX, footerTop);
  textBoxes.push({ role: 'mark', lines: markFit.lines, fontSizePx: markFit.sizePx, x: markTextX, y: footerTop, width: markFit.width, height: markFit.sizePx * 1.25, truncated: markFit.truncated });

  const png = encodeOpaquePng(canvas.data(), CARD_WIDTH, CARD_HEIGHT);
  return { png, width: CARD_WIDTH, height: CARD_HEIGHT, altText: card.altText?.trim() || defaultAltText(card), textBoxes };
}
