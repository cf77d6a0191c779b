// Bias roles, decided without Discord: whether the bot may hand a role out (Discord's role
// hierarchy), what is wrong with a server's links, which roles a post mentions, and what a fan's
// picks change. The Discord runtime supplies the server's roles as plain data (GuildRoleSnapshot).
import type { OnThisDayEntry } from './on-this-day.js';

/** One role of a server, as far as bias roles care. */
export interface GuildRole {
  id: string;
  name: string;
  position: number;
  /** Owned by an integration (a bot's own role, the booster role): nobody may hand it out. */
  managed: boolean;
  /** Anyone may mention it; otherwise only someone with Mention Everyone. */
  mentionable: boolean;
}

/** A server's roles and where the bot stands among them. */
export interface GuildRoleSnapshot {
  guildId: string;
  roles: GuildRole[];
  botRoleIds: string[];
  /** Manage Roles (or Administrator), from the bot's roles. */
  botCanManageRoles: boolean;
  /** Mention Everyone (or Administrator): the bot may mention roles that are not mentionable. */
  botCanMentionEveryone: boolean;
}

/** Why a role cannot be handed out, or mentioned. */
export type RoleProblem =
  | 'role-deleted'
  | 'missing-manage-roles'
  | 'role-above-bot'
  | 'role-managed'
  | 'role-everyone'
  | 'not-mentionable';

/**
 * Discord's order of roles: by position, and at equal positions the older role (lower id) is
 * higher. Positive when `a` is above `b`.
 */
export function compareRolePositions(a: Pick<GuildRole, 'id' | 'position'>, b: Pick<GuildRole, 'id' | 'position'>): number {
  if (a.position !== b.position) return a.position - b.position;
  const [idA, idB] = [BigInt(a.id), BigInt(b.id)];
  return idA === idB ? 0 : idA < idB ? 1 : -1;
}

/** The bot's highest role; @everyone when it has no other. */
export function botHighestRole(snapshot: GuildRoleSnapshot): GuildRole | undefined {
  const held = snapshot.roles.filter((role) => role.id === snapshot.guildId || snapshot.botRoleIds.includes(role.id));
  return held.reduce<GuildRole | undefined>((highest, role) => (!highest || compareRolePositions(role, highest) > 0 ? role : highest), undefined);
}

/** Everything that stops the bot from adding or removing this role, in the order to fix them. */
export function assignProblems(snapshot: GuildRoleSnapshot, roleId: string): RoleProblem[] {
  if (roleId === snapshot.guildId) return ['role-everyone'];
  const role = snapshot.roles.find((candidate) => candidate.id === roleId);
  if (!role) return ['role-deleted'];
  const problems: RoleProblem[] = [];
  if (!snapshot.botCanManageRoles) problems.push('missing-manage-roles');
  if (role.managed) problems.push('role-managed');
  const highest = botHighestRole(snapshot);
  // Discord lets a bot manage only roles strictly below its own highest.
  if (!highest || compareRolePositions(role, highest) >= 0) problems.push('role-above-bot');
  return problems;
}

/** What stops the bot from creating a role it can then hand out (Discord puts a new role just above @everyone). */
export function createProblems(snapshot: GuildRoleSnapshot): RoleProblem[] {
  const problems: RoleProblem[] = [];
  if (!snapshot.botCanManageRoles) problems.push('missing-manage-roles');
  const highest = botHighestRole(snapshot);
  if (!highest || highest.id === snapshot.guildId) problems.push('role-above-bot');
  return problems;
}

/** Whether a post can mention the role: it exists and is mentionable by the bot. */
export function mentionProblems(snapshot: GuildRoleSnapshot, roleId: string): RoleProblem[] {
  const role = snapshot.roles.find((candidate) => candidate.id === roleId);
  if (!role) return ['role-deleted'];
  return role.mentionable || snapshot.botCanMentionEveryone ? [] : ['not-mentionable'];
}

/** A link's problems: a role that cannot be handed out or mentioned; [] when it is healthy. */
export function linkProblems(snapshot: GuildRoleSnapshot, roleId: string): RoleProblem[] {
  const assign = assignProblems(snapshot, roleId);
  if (assign.includes('role-deleted')) return assign;
  return [...assign, ...mentionProblems(snapshot, roleId)];
}

/** Who a post is about: each artist, with the groups it belongs to (for a member's solo milestone). */
export interface PostArtist {
  artistId: number;
  groupIds: number[];
}

/** The artists a day's entries celebrate, each once, in the order they appear. */
export function artistsOfEntries(entries: OnThisDayEntry[]): number[] {
  const seen = new Set<number>();
  for (const entry of entries) {
    const artists = entry.kind === 'win' ? entry.nomination.artists : entry.milestone.artists;
    for (const artist of artists) seen.add(artist.id);
  }
  return [...seen];
}

/**
 * The roles a post mentions: each artist's linked role, else (a member's solo milestone) a group's
 * role; only roles that may be mentioned, each once, in the order the artists appear.
 */
export function postRoleMentions(artists: PostArtist[], roleOfArtist: ReadonlyMap<number, string>, mentionable: (roleId: string) => boolean): string[] {
  const mentions: string[] = [];
  for (const artist of artists) {
    const own = roleOfArtist.get(artist.artistId);
    const roles = own !== undefined ? [own] : artist.groupIds.map((groupId) => roleOfArtist.get(groupId)).filter((role): role is string => role !== undefined);
    for (const role of roles) if (mentionable(role) && !mentions.includes(role)) mentions.push(role);
  }
  return mentions;
}

export interface PickRequest {
  /** Every role the server links to an artist. */
  linkedRoleIds: readonly string[];
  /** The roles the menu offered: picks replace the fan's roles among these, and leave the others. */
  offeredRoleIds: readonly string[];
  pickedRoleIds: readonly string[];
  memberRoleIds: readonly string[];
  /** The server's cap on bias roles per fan; null for none. */
  limit: number | null;
}

export interface PickChange {
  add: string[];
  remove: string[];
  /** How many bias roles the fan holds once the change is made. */
  heldAfter: number;
  /** True when the change would put the fan over the cap: then nothing is changed. */
  overLimit: boolean;
}

/** What a fan's picks add and remove. Picks of roles the menu did not offer, or no longer linked, are ignored. */
export function pickChange(request: PickRequest): PickChange {
  const linked = new Set(request.linkedRoleIds);
  const offered = new Set(request.offeredRoleIds.filter((role) => linked.has(role)));
  const picked = new Set(request.pickedRoleIds.filter((role) => offered.has(role)));
  const held = new Set(request.memberRoleIds.filter((role) => linked.has(role)));
  const add = [...picked].filter((role) => !held.has(role));
  const remove = [...offered].filter((role) => held.has(role) && !picked.has(role));
  const heldAfter = held.size + add.length - remove.length;
  const overLimit = request.limit !== null && add.length > 0 && heldAfter > request.limit;
  return { add, remove, heldAfter, overLimit };
}

/** Discord's limits on string select menus: options per menu, and menus per message (one per action row). */
export const SELECT_OPTIONS_PER_MENU = 25;
export const SELECT_MENUS_PER_MESSAGE = 5;
/** A server links at most as many artists as one message's menus can offer. */
export const MAX_BIAS_LINKS = SELECT_OPTIONS_PER_MENU * SELECT_MENUS_PER_MESSAGE;

/** The links split into menus of at most 25 options, in the order given. */
export function menusOf<T>(items: readonly T[]): T[][] {
  const menus: T[][] = [];
  for (let start = 0; start < items.length && menus.length < SELECT_MENUS_PER_MESSAGE; start += SELECT_OPTIONS_PER_MENU) {
    menus.push(items.slice(start, start + SELECT_OPTIONS_PER_MENU));
  }
  return menus;
}
