// Who an artist is, in the store's terms: aliases, group or members, debut, first and latest win,
// and counts with weekly music shows and award shows apart.
import type { Artist, ArtistAlias, ArtistFacts, MilestoneFact, NominationFact } from './awards-facts.js';

export interface ArtistProfile {
  artist: Artist;
  aliases: ArtistAlias[];
  groups: Artist[];
  members: Artist[];
  wins: number;
  nominations: number;
  /** Wins on weekly music shows. */
  musicShowWins: number;
  /** Wins and nominations at annual award shows. */
  awardShowWins: number;
  awardShowNominations: number;
  grandPrizes: number;
  /** The act's own debut; for a member without one, the debut of a group they are in. */
  debut: { milestone: MilestoneFact; group: Artist | null } | null;
  /**
   * The first win on a weekly music show where a milestone states or the records prove it;
   * otherwise the earliest win the store holds, which is not called a first.
   */
  firstWin: { proven: MilestoneFact } | { earliest: NominationFact } | null;
  latestWin: NominationFact | null;
  milestoneCount: number;
}

/** The key the catalogue gives an act's first music-show win (stated, or derived inside recorded coverage). */
export const firstMusicShowWinKey = (artistSlug: string) => `${artistSlug}-first-music-show-win`;

export function describeArtist(store: ArtistFacts, artist: Artist): ArtistProfile {
  // nominationsOf returns the newest edition first; the wins and the counts are read out of the one
  // list (every live nomination of the act, once each), not asked again.
  const all = store.nominationsOf(artist.id);
  const wins = all.filter((n) => n.result === 'won');
  const milestones = store.milestonesOf(artist.id);
  const groups = store.groupsOf(artist.id);
  const proven = milestones.find((m) => m.key === firstMusicShowWinKey(artist.slug));
  const earliest = earliestWin(wins);
  return {
    artist,
    aliases: store.aliasesOf(artist.id),
    groups,
    members: artist.kind === 'group' ? store.membersOf(artist.id) : [],
    wins: wins.length,
    nominations: all.length,
    musicShowWins: wins.filter((w) => w.edition.ceremonyKind === 'music_show').length,
    awardShowWins: wins.filter((w) => w.edition.ceremonyKind === 'award_show').length,
    awardShowNominations: all.filter((n) => n.edition.ceremonyKind === 'award_show').length,
    grandPrizes: wins.filter((w) => w.grandPrize).length,
    debut: debutOf(store, milestones, groups),
    firstWin: proven ? { proven } : earliest ? { earliest } : null,
    latestWin: wins[0] ?? null,
    milestoneCount: milestones.length,
  };
}

function debutOf(store: ArtistFacts, own: MilestoneFact[], groups: Artist[]): ArtistProfile['debut'] {
  const debut = earliestDebut(own);
  if (debut) return { milestone: debut, group: null };
  for (const group of groups) {
    const groupDebut = earliestDebut(store.milestonesOf(group.id));
    if (groupDebut) return { milestone: groupDebut, group };
  }
  return null;
}

function earliestDebut(milestones: MilestoneFact[]): MilestoneFact | undefined {
  return milestones
    .filter((m) => m.kind === 'debut')
    .sort((a, b) => (a.occurredOn ?? '9999').localeCompare(b.occurredOn ?? '9999'))[0];
}

/** The oldest win; in its year a dated one before an undated one, which may have come later. */
function earliestWin(wins: NominationFact[]): NominationFact | undefined {
  let earliest: NominationFact | undefined;
  for (const win of wins) {
    if (!earliest || compareWhen(win, earliest) < 0) earliest = win;
  }
  return earliest;
}

function compareWhen(a: NominationFact, b: NominationFact): number {
  if (a.edition.year !== b.edition.year) return a.edition.year - b.edition.year;
  // A ceremony held over several days dates each award by its own day.
  const dayOf = (n: NominationFact) => n.awardedOn ?? n.edition.heldOn;
  const [dayA, dayB] = [dayOf(a), dayOf(b)];
  if (dayA === null || dayB === null) return Number(dayA === null) - Number(dayB === null);
  return dayA.localeCompare(dayB);
}
