// 6. Milestone cards: one card drawn and encoded as a PNG, as an anniversary post or /card needs it.
// The first render of a process also registers the font slices it needs; it is reported apart.
import { performance } from 'node:perf_hooks';
import { renderMilestoneCard, type CardContent } from '../src/cards/milestone-card.js';
import { SAMPLE_CARDS } from '../test/cards/sample-cards.js';
import { distribution, timeEach, type Distribution } from './measure.js';

export interface CardRenderResult {
  firstMs: number;
  render: Distribution;
  /** CPU time of the process per render: on a shared machine, what a render costs without waiting for a core. */
  cpu: Distribution;
  /** Typical and largest PNG, in bytes. */
  bytes: { p50: number; max: number };
}

export function measureCardRender(iterations: number): CardRenderResult {
  const cards: CardContent[] = Object.values(SAMPLE_CARDS);
  const started = performance.now();
  renderMilestoneCard(cards[0]!);
  const firstMs = performance.now() - started;
  const sizes: number[] = [];
  // Each language once before timing, so every font slice the samples need is registered.
  const samples = timeEach(
    iterations,
    (i) => sizes.push(renderMilestoneCard(cards[i % cards.length]!).png.length),
    cards.length * 2,
  );
  const cpu: number[] = [];
  for (let i = 0; i < Math.min(iterations, 100); i++) {
    const before = process.cpuUsage();
    renderMilestoneCard(cards[i % cards.length]!);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const sizeDistribution = distribution(sizes);
  return { firstMs, render: distribution(samples), cpu: distribution(cpu), bytes: { p50: sizeDistribution.p50, max: sizeDistribution.max } };
}
