// Who an artist is, in the store's terms: aliases, group or members, award counts, latest win.
import type { Artist, ArtistAlias, AwardsStore, NominationFact } from './awards-facts.js';

export interface ArtistProfile {
  artist: Artist;
  aliases: ArtistAlias[];
  groups: Artist[];
  members: Artist[];
  wins: number;
  nominations: number;
  latestWin: NominationFact | null;
  milestoneCount: number;
}

export function describeArtist(store: AwardsStore, artist: Artist): ArtistProfile {
  const counts = store.awardCountsOf(artist.id);
  // nominationsOf returns the newest edition first.
  const latestWin = store.nominationsOf(artist.id, { result: 'won' })[0] ?? null;
  return {
    artist,
    aliases: store.aliasesOf(artist.id),
    groups: store.groupsOf(artist.id),
    members: artist.kind === 'group' ? store.membersOf(artist.id) : [],
    wins: counts.wins,
    nominations: counts.nominations,
    latestWin,
    milestoneCount: store.milestonesOf(artist.id).length,
  };
}
