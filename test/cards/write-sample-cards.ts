// `npm run cards:samples`: draws the README's sample cards into docs/cards/, to look at after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMilestoneCard } from '../../src/cards/milestone-card.js';
import { SAMPLE_CARDS } from './sample-cards.js';

const directory = fileURLToPath(new URL('../../docs/cards/', import.meta.url));
mkdirSync(directory, { recursive: true });
for (const [file, card] of [
  ['rose-song-of-the-year-en.png', SAMPLE_CARDS.english!],
  ['stray-kids-best-k-pop-ko.png', SAMPLE_CARDS.korean!],
] as const) {
  const rendered = renderMilestoneCard(card);
  writeFileSync(`${directory}${file}`, rendered.png);
  process.stdout.write(`docs/cards/${file}: ${rendered.width}x${rendered.height}, ${(rendered.png.length / 1024).toFixed(0)} KiB\n  alt: ${rendered.altText}\n`);
}
