// `npm run cards:samples`: draws the README's sample cards into docs/cards/ from the real store,
// worded by the presentation layer exactly as the bot words them, to look at after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMilestoneCard } from '../../src/cards/milestone-card.js';
import { notableFacts } from '../../src/core/notable-facts.js';
import { openStore } from '../../src/open-store.js';
import { cardContent } from '../../src/presentation/milestone-card-message.js';
import { translationFor } from '../../src/presentation/translation.js';

const directory = fileURLToPath(new URL('../../docs/cards/', import.meta.url));
mkdirSync(directory, { recursive: true });
const opened = openStore(':memory:');
try {
  const samples = [
    // Rosé's first, on its first anniversary, in English.
    { file: 'rose-song-of-the-year-en.png', artist: 'rose', locale: 'en-US', yearsAgo: 1 },
    // Stray Kids' first VMA, as a Korean server reads it three years on.
    { file: 'stray-kids-best-k-pop-ko.png', artist: 'straykids', locale: 'ko', yearsAgo: 3 },
  ];
  for (const sample of samples) {
    const artist = opened.store.artistsByNormalizedAlias(sample.artist)[0]!;
    const fact = notableFacts(opened.store, artist)[0]!;
    const rendered = renderMilestoneCard(cardContent(fact, translationFor(sample.locale), sample.yearsAgo));
    writeFileSync(`${directory}${sample.file}`, rendered.png);
    process.stdout.write(`docs/cards/${sample.file}: ${rendered.width}x${rendered.height}, ${(rendered.png.length / 1024).toFixed(0)} KiB\n  alt: ${rendered.altText}\n`);
  }
} finally {
  opened.close();
}
