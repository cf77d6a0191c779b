// A server's roles as a port the bias commands use: read from the gateway's caches, changed
// through Discord's REST API by the Discord runtime. The console has none.
import type { GuildRole, GuildRoleSnapshot, RoleProblem } from './bias-roles.js';

/** Discord refused a role change; `problem` says why when Discord's answer tells. */
export class RoleChangeRefused extends Error {
  constructor(readonly problem: RoleProblem) {
    super(problem);
    this.name = 'RoleChangeRefused';
  }
}

export interface GuildRoles {
  /** The server's roles and the bot's place among them; undefined when the bot is not in it. */
  snapshot(guildId: string): GuildRoleSnapshot | undefined;
  /** Creates a mentionable role with no permissions. Throws RoleChangeRefused. */
  createRole(guildId: string, name: string): Promise<GuildRole>;
  /** Throws RoleChangeRefused. */
  addMemberRole(guildId: string, userId: string, roleId: string): Promise<void>;
  /** Throws RoleChangeRefused. */
  removeMemberRole(guildId: string, userId: string, roleId: string): Promise<void>;
}
