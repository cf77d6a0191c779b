// Which fact a picture is made of: the headline of a day's anniversaries, an artist's most notable
// milestone. Plain choices over facts the store already holds; nothing is inferred beyond them.
import type { Artist, ArtistFacts, MilestoneFact, NominationFact } from './awards-facts.js';
import { isRoundAnniversary } from './anniversary-schedule.js';
import type { OnThisDayEntry } from './on-this-day.js';

const milestoneRank: Record<MilestoneFact['kind'], number> = { first: 0, record: 1, chart: 2, performance: 3, debut: 4 };

/** The entry a day's post is headlined by: a round-year anniversary first, then a first, a grand prize, any win. */
export function headlineEntry(entries: readonly OnThisDayEntry[]): OnThisDayEntry | undefined {
  const score = (entry: OnThisDayEntry) =>
    (isRoundAnniversary(entry.yearsAgo) ? 0 : 10) +
    (entry.kind === 'milestone' ? (entry.milestone.doubtful ? 9 : milestoneRank[entry.milestone.kind]) : entry.nomination.grandPrize ? 0.5 : 1);
  return [...entries].sort((a, b) => score(a) - score(b))[0];
}

export type NotableFact = { kind: 'milestone'; milestone: MilestoneFact } | { kind: 'win'; nomination: NominationFact };

/** An artist's facts worth a card, most notable first: firsts and records, then grand prizes and wins. */
export function notableFacts(store: ArtistFacts, artist: Artist): NotableFact[] {
  const milestones = store
    .milestonesOf(artist.id)
    .filter((m) => !m.doubtful)
    .sort((a, b) => milestoneRank[a.kind] - milestoneRank[b.kind] || (a.occurredOn ?? '').localeCompare(b.occurredOn ?? ''));
  const wins = store
    .nominationsOf(artist.id, { result: 'won' })
    .sort((a, b) => Number(b.grandPrize) - Number(a.grandPrize));
  return [
    ...milestones.map((milestone) => ({ kind: 'milestone' as const, milestone })),
    ...wins.map((nomination) => ({ kind: 'win' as const, nomination })),
  ];
}
