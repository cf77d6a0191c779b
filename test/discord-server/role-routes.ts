/**
 * Guild roles and members' roles, as Discord keeps and guards them: create, edit and delete roles,
 * add and remove a member's role, each refused with 403 / 50013 "Missing Permissions" where Discord
 * refuses (no Manage Roles; a role at or above the bot's highest role; a managed role), and mirrored
 * to the gateway as GUILD_ROLE_CREATE/UPDATE/DELETE and GUILD_MEMBER_UPDATE.
 */
import { GatewayIntentBits, PermissionFlagsBits, type APIGuildMember, type APIRole, type RoleFlags } from 'discord.js';
import type { DiscordState } from './discord-state.js';
import { permissionsForRoles, type FakeGuild } from './payloads.js';
import type { RestReply, RestRequest } from './rest-routes.js';
import { discordError } from './rest-routes.js';
import { nextSnowflake } from './snowflake.js';

type Handler = (params: Record<string, string>, request: RestRequest) => RestReply;
export type RouteDefiner = (method: string, template: string, handler: Handler) => void;
/** Sends a guild's gateway event; `intent` limits it to sessions that asked for it. */
export type GuildDispatch = (t: string, d: unknown, guildId: string, intent?: number) => void;

const missingPermissions = (): RestReply => discordError(403, 50013, 'Missing Permissions');
const unknownRole = (): RestReply => discordError(404, 10011, 'Unknown Role');
const unknownMember = (): RestReply => discordError(404, 10007, 'Unknown Member');
const unknownGuild = (): RestReply => discordError(404, 10004, 'Unknown Guild');

/** What a role create or edit may set, as the fake server reads it. */
export interface RoleFields {
  name?: string;
  permissions?: bigint;
  color?: number;
  hoist?: boolean;
  mentionable?: boolean;
  position?: number;
  managed?: boolean;
}

/** Discord's order of roles: by position, then the older (lower id) role is higher. Positive when a is above b. */
export function compareRoles(a: APIRole, b: APIRole): number {
  if (a.position !== b.position) return a.position - b.position;
  const [idA, idB] = [BigInt(a.id), BigInt(b.id)];
  return idA === idB ? 0 : idA < idB ? 1 : -1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of a create/edit body; permissions arrive as a string or an integer (the spec says integer). */
function fieldsOf(body: unknown): RoleFields | null {
  if (body === null || body === undefined) return {};
  if (!isRecord(body)) return null;
  const fields: RoleFields = {};
  if (typeof body.name === 'string') fields.name = body.name;
  if (typeof body.permissions === 'string' || typeof body.permissions === 'number') fields.permissions = BigInt(body.permissions);
  if (typeof body.color === 'number') fields.color = body.color;
  if (typeof body.hoist === 'boolean') fields.hoist = body.hoist;
  if (typeof body.mentionable === 'boolean') fields.mentionable = body.mentionable;
  return fields;
}

export class GuildRoleEdits {
  constructor(
    private readonly state: DiscordState,
    private readonly dispatch: GuildDispatch,
  ) {}

  private guild(guildId: string): FakeGuild | undefined {
    return this.state.guilds.get(guildId);
  }

  private botMember(guild: FakeGuild): APIGuildMember | undefined {
    return guild.members.get(this.state.bot.id);
  }

  /** The bot's permissions from all its roles (Administrator grants everything). */
  botPermissions(guild: FakeGuild): bigint {
    return permissionsForRoles(guild, this.botMember(guild)?.roles ?? []);
  }

  /** The bot's highest role: @everyone when it holds no other. */
  botHighestRole(guild: FakeGuild): APIRole {
    const held = new Set(this.botMember(guild)?.roles ?? []);
    return guild.roles.filter((role) => role.id === guild.id || held.has(role.id)).reduce((highest, role) => (compareRoles(role, highest) > 0 ? role : highest));
  }

  /** Why Discord would refuse the bot a change to this role, or null. The owner is above every rule. */
  private refusal(guild: FakeGuild, role: APIRole | null): RestReply | null {
    if (guild.ownerId === this.state.bot.id) return null;
    if ((this.botPermissions(guild) & PermissionFlagsBits.ManageRoles) === 0n) return missingPermissions();
    if (role && compareRoles(role, this.botHighestRole(guild)) >= 0) return missingPermissions();
    return null;
  }

  private emitRoleUpdate(guild: FakeGuild, role: APIRole): void {
    this.dispatch('GUILD_ROLE_UPDATE', { guild_id: guild.id, role }, guild.id);
  }

  /** GUILD_MEMBER_UPDATE goes to sessions with the Guild Members intent; the bot's own update to every session. */
  private emitMemberUpdate(guild: FakeGuild, member: APIGuildMember): void {
    const self = member.user.id === this.state.bot.id;
    this.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...member }, guild.id, self ? undefined : GatewayIntentBits.GuildMembers);
  }

  /** A new role goes just above @everyone, lifting the others, as Discord places it. */
  create(guild: FakeGuild, fields: RoleFields): APIRole {
    const color = fields.color ?? 0;
    const role: APIRole = {
      id: nextSnowflake(),
      name: fields.name ?? 'new role',
      color,
      colors: { primary_color: color, secondary_color: null, tertiary_color: null },
      hoist: fields.hoist ?? false,
      icon: null,
      unicode_emoji: null,
      position: 1,
      // Without permissions Discord gives the new role @everyone's.
      permissions: (fields.permissions ?? BigInt(guild.roles.find((candidate) => candidate.id === guild.id)?.permissions ?? '0')).toString(),
      managed: fields.managed ?? false,
      mentionable: fields.mentionable ?? false,
      flags: 0 as RoleFlags,
    };
    const lifted = guild.roles.filter((other) => other.id !== guild.id && other.position >= 1);
    for (const other of lifted) other.position += 1;
    guild.roles.push(role);
    this.dispatch('GUILD_ROLE_CREATE', { guild_id: guild.id, role }, guild.id);
    for (const other of lifted) this.emitRoleUpdate(guild, other);
    return role;
  }

  /** Changes a role as the server's owner would in its settings: no permission checks. */
  edit(guild: FakeGuild, roleId: string, fields: RoleFields): APIRole | undefined {
    const role = guild.roles.find((candidate) => candidate.id === roleId);
    if (!role) return undefined;
    if (fields.name !== undefined) role.name = fields.name;
    if (fields.permissions !== undefined) role.permissions = fields.permissions.toString();
    if (fields.color !== undefined) role.color = fields.color;
    if (fields.hoist !== undefined) role.hoist = fields.hoist;
    if (fields.mentionable !== undefined) role.mentionable = fields.mentionable;
    if (fields.position !== undefined) role.position = fields.position;
    this.emitRoleUpdate(guild, role);
    return role;
  }

  /** Deletes a role, taking it from every member first, as Discord does. */
  remove(guild: FakeGuild, roleId: string): boolean {
    const index = guild.roles.findIndex((candidate) => candidate.id === roleId);
    if (index < 0 || roleId === guild.id) return false;
    guild.roles.splice(index, 1);
    for (const member of guild.members.values()) {
      if (!member.roles.includes(roleId)) continue;
      member.roles = member.roles.filter((held) => held !== roleId);
      this.emitMemberUpdate(guild, member);
    }
    this.dispatch('GUILD_ROLE_DELETE', { guild_id: guild.id, role_id: roleId }, guild.id);
    return true;
  }

  /** Adds or removes a member's role; false when nothing changed. */
  setMemberRole(guild: FakeGuild, member: APIGuildMember, roleId: string, held: boolean): boolean {
    if (member.roles.includes(roleId) === held) return false;
    member.roles = held ? [...member.roles, roleId] : member.roles.filter((role) => role !== roleId);
    this.emitMemberUpdate(guild, member);
    return true;
  }

  defineRoutes(route: RouteDefiner): void {
    route('POST', '/guilds/:guildId/roles', ({ guildId = '' }, request) => {
      const guild = this.guild(guildId);
      if (!guild) return unknownGuild();
      const fields = fieldsOf(request.body);
      if (!fields) return discordError(400, 50035, 'Invalid Form Body');
      const refused = this.refusal(guild, null);
      if (refused) return refused;
      // A bot may not grant a permission it lacks.
      const permissions = this.botPermissions(guild);
      if (fields.permissions !== undefined && (fields.permissions & ~permissions) !== 0n) return missingPermissions();
      return { status: 200, body: this.create(guild, fields) };
    });
    route('PATCH', '/guilds/:guildId/roles/:roleId', ({ guildId = '', roleId = '' }, request) => {
      const guild = this.guild(guildId);
      if (!guild) return unknownGuild();
      const role = guild.roles.find((candidate) => candidate.id === roleId);
      if (!role) return unknownRole();
      const fields = fieldsOf(request.body);
      if (!fields) return discordError(400, 50035, 'Invalid Form Body');
      const refused = this.refusal(guild, role);
      if (refused) return refused;
      if (role.managed && (fields.name !== undefined || fields.permissions !== undefined)) return missingPermissions();
      return { status: 200, body: this.edit(guild, roleId, { ...fields, position: undefined }) };
    });
    route('DELETE', '/guilds/:guildId/roles/:roleId', ({ guildId = '', roleId = '' }) => {
      const guild = this.guild(guildId);
      if (!guild) return unknownGuild();
      const role = guild.roles.find((candidate) => candidate.id === roleId);
      if (!role || roleId === guild.id) return unknownRole();
      const refused = this.refusal(guild, role);
      if (refused) return refused;
      if (role.managed) return missingPermissions();
      this.remove(guild, roleId);
      return { status: 204 };
    });
    const memberRole = (held: boolean): Handler => ({ guildId = '', userId = '', roleId = '' }) => {
      const guild = this.guild(guildId);
      if (!guild) return unknownGuild();
      const member = guild.members.get(userId);
      if (!member) return unknownMember();
      const role = guild.roles.find((candidate) => candidate.id === roleId);
      if (!role || roleId === guild.id) return unknownRole();
      const refused = this.refusal(guild, role);
      if (refused) return refused;
      if (role.managed) return missingPermissions();
      this.setMemberRole(guild, member, roleId, held);
      return { status: 204 };
    };
    route('PUT', '/guilds/:guildId/members/:userId/roles/:roleId', memberRole(true));
    route('DELETE', '/guilds/:guildId/members/:userId/roles/:roleId', memberRole(false));
  }
}
