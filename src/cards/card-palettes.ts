// The colour schemes cards are drawn in, and which one an artist gets: the same choice colours the
// message a card is sent in, so the picture and the container around it match.

export interface Palette {
  /** Background gradient, top-left to bottom-right. */
  background: [string, string, string];
  /** The glow behind the lightstick light, as r,g,b. */
  glow: string;
  /** Badge, native name and rule colour. */
  accent: string;
}

/** Concert-hall colours: a dark stage lit by one colour of lightsticks. */
export const PALETTES: readonly Palette[] = [
  { background: ['#0d0826', '#2c1160', '#8e1c74'], glow: '255,102,204', accent: '#ffb8e8' },
  { background: ['#04101f', '#0d3160', '#127f8c'], glow: '72,236,224', accent: '#a8fff4' },
  { background: ['#14061f', '#4f1150', '#d9485a'], glow: '255,138,110', accent: '#ffd0b8' },
  { background: ['#080c22', '#22205a', '#a4741a'], glow: '255,204,77', accent: '#ffe49a' },
  { background: ['#0a0a24', '#24186a', '#4b4fd8'], glow: '140,160,255', accent: '#c8d2ff' },
  { background: ['#1a0714', '#5c1038', '#d2477f'], glow: '255,128,176', accent: '#ffcade' },
];

export function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 16777619);
  }
  return value >>> 0;
}

/** The scheme a card is drawn in: by its palette seed, else the artist's name, so an artist keeps their colours. */
export function paletteIndexFor(card: { artistName: string; paletteSeed?: string }): number {
  return hash(card.paletteSeed ?? card.artistName) % PALETTES.length;
}

/** The card's accent colour as a 24-bit number (a Discord container's `accent_color`). */
export function cardAccentColor(card: { artistName: string; paletteSeed?: string }): number {
  return Number.parseInt(PALETTES[paletteIndexFor(card)]!.accent.slice(1), 16);
}
