// An artist's firsts and milestones, oldest first; for a group, its members' solo ones apart.
import type { Artist, ArtistFacts, MilestoneFact } from './awards-facts.js';

export interface ArtistFirsts {
  artist: Artist;
  milestones: MilestoneFact[];
  /** For a group: each member who has milestones of their own, with them. */
  memberMilestones: { member: Artist; milestones: MilestoneFact[] }[];
}

export function findFirsts(store: ArtistFacts, artist: Artist): ArtistFirsts {
  const members = artist.kind === 'group' ? store.membersOf(artist.id) : [];
  const each = store.milestonesOfEach([artist.id, ...members.map((member) => member.id)]);
  const memberMilestones = members
    .map((member) => ({ member, milestones: sortOldestFirst(each.get(member.id) ?? []) }))
    .filter((entry) => entry.milestones.length > 0);
  return { artist, milestones: sortOldestFirst(each.get(artist.id) ?? []), memberMilestones };
}

/**
 * When a milestone happened, for ordering: its own date, else its ceremony's date or year, else the
 * earliest report of it. Partial dates ("2020") sort before full dates of the same year.
 */
export function milestoneSortDate(milestone: MilestoneFact): string {
  if (milestone.occurredOn) return milestone.occurredOn;
  if (milestone.edition) return milestone.edition.heldOn ?? String(milestone.edition.year);
  return milestone.sources.flatMap((s) => (s.publishedOn ? [s.publishedOn] : [])).sort()[0] ?? '9999';
}

export function sortOldestFirst(milestones: MilestoneFact[]): MilestoneFact[] {
  return [...milestones].sort(
    (a, b) => milestoneSortDate(a).localeCompare(milestoneSortDate(b)) || a.id - b.id,
  );
}
