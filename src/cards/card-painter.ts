// Draws cards, each distinct one once: an anniversary tick that sends the same headline to many
// servers renders its card a single time, and a fan asking /card again gets the same bytes.
import { renderMilestoneCard, type CardContent, type RenderedCard } from './milestone-card.js';

export interface CachingCardPainter {
  paint(content: CardContent): RenderedCard;
  /** How many cards were actually drawn (not served from the cache). */
  readonly drawn: number;
}

export function createCardPainter(capacity = 64, render: (content: CardContent) => RenderedCard = renderMilestoneCard): CachingCardPainter {
  const cards = new Map<string, RenderedCard>();
  let drawn = 0;
  return {
    paint(content) {
      const key = JSON.stringify(content);
      let card = cards.get(key);
      if (card) {
        // Most recently used last, so that the oldest is the one dropped.
        cards.delete(key);
      } else {
        card = render(content);
        drawn++;
      }
      cards.set(key, card);
      if (cards.size > capacity) cards.delete(cards.keys().next().value!);
      return card;
    },
    get drawn() {
      return drawn;
    },
  };
}
