// The Discord side of bias roles: a server's roles and the bot's standing read from the gateway's
// caches (kept current by GUILD_ROLE_* and the bot's own GUILD_MEMBER_UPDATE), changes made through REST.
import { DiscordAPIError, PermissionFlagsBits, Routes, type APIMessage, type APIRole, type Client } from 'discord.js';
import type { GuildRole, RoleProblem } from '../core/bias-roles.js';
import { RoleChangeRefused, type GuildRoles } from '../core/guild-roles.js';
import type { MessagePayload } from '../presentation/message-payload.js';
import { restMessage } from './rest-message.js';

function refusal(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  const problems: Record<number, RoleProblem> = { 10011: 'role-deleted', 50013: 'missing-manage-roles', 50001: 'missing-manage-roles' };
  const problem = typeof error.code === 'number' ? problems[error.code] : undefined;
  return problem ? new RoleChangeRefused(problem) : error;
}

function roleOf(role: Pick<APIRole, 'id' | 'name' | 'position' | 'managed' | 'mentionable'>): GuildRole {
  return { id: role.id, name: role.name, position: role.position, managed: role.managed, mentionable: role.mentionable };
}

export function createDiscordRoles(client: Client): GuildRoles {
  return {
    snapshot(guildId) {
      const guild = client.guilds.cache.get(guildId);
      const me = guild?.members.me;
      if (!guild || !me) return undefined;
      const permissions = me.permissions;
      return {
        guildId,
        // rawPosition is Discord's own number; discord.js's `position` is its place in the sorted list.
        roles: guild.roles.cache.map((role) => roleOf({ id: role.id, name: role.name, position: role.rawPosition, managed: role.managed, mentionable: role.mentionable })),
        botRoleIds: me.roles.cache.filter((role) => role.id !== guildId).map((role) => role.id),
        botCanManageRoles: permissions.has(PermissionFlagsBits.ManageRoles),
        botCanMentionEveryone: permissions.has(PermissionFlagsBits.MentionEveryone),
      };
    },
    async createRole(guildId, name) {
      try {
        const role = (await client.rest.post(Routes.guildRoles(guildId), {
          // No permissions of its own (Discord's default would be @everyone's); an integer, as the API describes it.
          body: { name, permissions: 0, mentionable: true },
        })) as APIRole;
        return roleOf(role);
      } catch (error) {
        throw refusal(error);
      }
    },
    async addMemberRole(guildId, userId, roleId) {
      try {
        await client.rest.put(Routes.guildMemberRole(guildId, userId, roleId));
      } catch (error) {
        throw refusal(error);
      }
    },
    async removeMemberRole(guildId, userId, roleId) {
      try {
        await client.rest.delete(Routes.guildMemberRole(guildId, userId, roleId));
      } catch (error) {
        throw refusal(error);
      }
    },
  };
}

/** Posts a message (a bias panel) in a channel; resolves with its id. */
export function createChannelPoster(client: Client): (channelId: string, payload: MessagePayload) => Promise<string> {
  return async (channelId, payload) => {
    const message = (await client.rest.post(Routes.channelMessages(channelId), restMessage(payload))) as APIMessage;
    return message.id;
  };
}
