// Which bias roles a server's anniversary post mentions: with pings on, each celebrated artist's
// linked role (else a member's group's), and only roles that still exist and work; a role with a
// problem is logged and left out, and the post goes out all the same.
import type { Logger } from 'pino';
import type { BiasRoleStore } from '../../db/queries/bias-role-store.js';
import type { AwardsStore } from '../core/awards-facts.js';
import { artistsOfEntries, linkProblems, postRoleMentions } from '../core/bias-roles.js';
import type { GuildRoles } from '../core/guild-roles.js';
import type { OnThisDayEntry } from '../core/on-this-day.js';

export interface AnniversaryPingDependencies {
  biasRoles: BiasRoleStore;
  store: Pick<AwardsStore, 'groupsOf'>;
  roles: GuildRoles;
  logger: Logger;
}

/** The role ids a server's post of these entries mentions; [] with pings off. */
export function createAnniversaryPings(deps: AnniversaryPingDependencies): (guildId: string, entries: OnThisDayEntry[]) => string[] {
  return (guildId, entries) => {
    if (!deps.biasRoles.settings(guildId).pings) return [];
    const links = deps.biasRoles.links(guildId);
    if (links.length === 0) return [];
    const snapshot = deps.roles.snapshot(guildId);
    if (!snapshot) return [];
    const artists = artistsOfEntries(entries).map((artistId) => ({ artistId, groupIds: deps.store.groupsOf(artistId).map((group) => group.id) }));
    const wanted = postRoleMentions(artists, new Map(links.map((link) => [link.artistId, link.roleId])), () => true);
    return wanted.filter((roleId) => {
      const problems = linkProblems(snapshot, roleId);
      if (problems.length > 0) deps.logger.warn({ guildId, roleId, problems }, 'bias role not mentioned in the anniversary post');
      return problems.length === 0;
    });
  };
}
