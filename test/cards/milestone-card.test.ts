import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { cardFontFileFor, charactersWithoutCardFont } from '../../src/cards/card-fonts.js';
import { CARD_HEIGHT, CARD_WIDTH, renderMilestoneCard, type CardContent, type RenderedCard } from '../../src/cards/milestone-card.js';
import { pngDimensions } from '../../src/cards/png-encoding.js';
import { SAMPLE_CARDS } from './sample-cards.js';

const DISCORD_UPLOAD_LIMIT = 10 * 1024 * 1024;
const fonts = new Map<string, fontkit.Font>();

/** Whether the font file really has a glyph for the code point, read by a font parser independent of Skia. */
function fileHasGlyph(path: string, codePoint: number): boolean {
  let font = fonts.get(path);
  if (!font) {
    const opened = fontkit.openSync(path);
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${path} is a font collection`);
    font = opened;
    fonts.set(path, font);
  }
  return font.hasGlyphForCodePoint(codePoint);
}

/** Every character the card drew that no registered font file has a glyph for, with the reason. */
function tofu(card: CardContent, rendered: RenderedCard): string[] {
  const drawn = new Set(rendered.textBoxes.flatMap((box) => box.lines).join(''));
  return [...drawn].flatMap((character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    const label = `${character} U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    const file = cardFontFileFor(codePoint, card.locale);
    if (!file) return [`${label}: no card font claims it`];
    return fileHasGlyph(file.path, codePoint) ? [] : [`${label}: ${file.path} has no glyph`];
  });
}

/** Decodes the IHDR and checks the image data inflates to exactly the declared rows. */
function checkPng(png: Buffer): { width: number; height: number } {
  const size = pngDimensions(png);
  if (!size) throw new Error('not a PNG');
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const bytesPerPixel = png[25] === 2 ? 3 : 4;
  expect(inflateSync(Buffer.concat(chunks)).length).toBe(size.height * (size.width * bytesPerPixel + 1));
  return size;
}

describe('milestone card', () => {
  const rendered = new Map(Object.entries(SAMPLE_CARDS).map(([name, card]) => [name, renderMilestoneCard(card)]));

  it('is a PNG of the declared size, well within Discord’s upload limit', () => {
    for (const card of rendered.values()) {
      expect({ width: card.width, height: card.height }).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
      expect(checkPng(card.png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
      expect(card.png.length).toBeLessThan(DISCORD_UPLOAD_LIMIT / 4);
    }
  });

  it.each(Object.keys(SAMPLE_CARDS))('draws every character of the %s card from a registered font (no boxes)', (name) => {
    const card = SAMPLE_CARDS[name]!;
    const result = rendered.get(name)!;
    // What was drawn is what was asked for, so the check covers the card's real text.
    const drawnName = result.textBoxes.find((box) => box.role === 'artistName')!;
    if (!drawnName.truncated) expect(drawnName.lines.join(' ')).toBe(card.artistName);
    expect(tofu(card, result)).toEqual([]);
  });

  it('finds the characters no card font covers', () => {
    expect(charactersWithoutCardFont('Rosé 로제 ロゼ 玫瑰 โรเซ่ Việt Nam', 'en-US')).toEqual([]);
    expect(charactersWithoutCardFont('BTS 💜', 'en-US')).toEqual(['💜']);
    // The font parser confirms the positive answers: an emoji is claimed by no file.
    expect(cardFontFileFor(0x1f49c, 'en-US')).toBeNull();
    expect(fileHasGlyph(cardFontFileFor(0xb85c, 'ko')!.path, 0xb85c)).toBe(true); // 로
  });

  it('uses the reader’s glyph forms for shared Han characters', () => {
    expect(cardFontFileFor(0x8aa4, 'ja')?.script).toBe('japanese'); // 誤
    expect(cardFontFileFor(0x8aa4, 'zh-TW')?.script).toBe('traditional-chinese');
    expect(cardFontFileFor(0x8bef, 'zh-CN')?.script).toBe('simplified-chinese'); // 误
    expect(cardFontFileFor(0x8bef, 'ja')?.script).toBe('simplified-chinese'); // Japanese has no 误: the next that does
  });

  it('wraps or shrinks long names and statements and keeps every line inside the card', () => {
    for (const [name, card] of rendered) {
      const boxes = card.textBoxes;
      for (const box of boxes) {
        const where = `${name} ${box.role}`;
        expect(box.x, where).toBeGreaterThanOrEqual(40);
        expect(box.y, where).toBeGreaterThanOrEqual(32);
        expect(box.x + box.width, where).toBeLessThanOrEqual(CARD_WIDTH - 40);
        expect(box.y + box.height, where).toBeLessThanOrEqual(CARD_HEIGHT - 24);
      }
      // Body blocks stack top to bottom without overlapping, and all end above the footer.
      const body = boxes.filter((box) => box.role !== 'source' && box.role !== 'mark');
      const footerTop = Math.min(...boxes.filter((box) => box.role === 'source' || box.role === 'mark').map((box) => box.y));
      body.forEach((box, index) => {
        const previous = body[index - 1];
        if (previous) expect(box.y, `${name} ${box.role}`).toBeGreaterThanOrEqual(previous.y + previous.height);
        expect(box.y + box.height, `${name} ${box.role}`).toBeLessThanOrEqual(footerTop);
      });
      const source = boxes.find((box) => box.role === 'source')!;
      const mark = boxes.find((box) => box.role === 'mark')!;
      expect(source.x + source.width).toBeLessThan(mark.x - 32);
    }
  });

  it('shrinks a long statement before cutting it, and cuts only what no size can hold', () => {
    const short = rendered.get('english')!.textBoxes.find((box) => box.role === 'statement')!;
    const long = rendered.get('long')!.textBoxes;
    const longName = long.find((box) => box.role === 'artistName')!;
    const longStatement = long.find((box) => box.role === 'statement')!;
    expect(longName.lines.length).toBe(2);
    expect(longName.fontSizePx).toBeLessThan(rendered.get('english')!.textBoxes.find((box) => box.role === 'artistName')!.fontSizePx);
    expect(longStatement.fontSizePx).toBeLessThanOrEqual(short.fontSizePx);
    expect(longStatement.truncated).toBe(true);
    expect(longStatement.lines.at(-1)).toMatch(/…$/);
    expect(short.truncated).toBe(false);
    // One unbreakable word wider than the card is broken between letters rather than overflowing.
    const word = renderMilestoneCard({ ...SAMPLE_CARDS.english!, artistName: 'W'.repeat(80) });
    const nameBox = word.textBoxes.find((box) => box.role === 'artistName')!;
    expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(CARD_WIDTH - 40);
  });

  it('describes itself for the attachment’s alt text', () => {
    expect(rendered.get('english')!.altText).toBe(
      'ROSÉ (로제). First Korean artist to win one of the MTV VMAs’ top honors: Song of the Year, with “APT.” alongside Bruno Mars. 2025 MTV VMAs · September 7, 2025. 1 year ago today. Source: news article, September 8, 2025.',
    );
    expect(renderMilestoneCard({ ...SAMPLE_CARDS.korean!, altText: '스트레이 키즈 카드' }).altText).toBe('스트레이 키즈 카드');
  });
});
