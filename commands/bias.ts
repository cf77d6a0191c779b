// /bias link|unlink|list|limit|pick|panel — bias roles: an admin links artists to the server's
// roles, and fans pick the artists they love from a select menu to get their roles.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { BiasRoleLink } from '../db/queries/bias-role-store.js';
import {
  MAX_BIAS_LINKS,
  assignProblems,
  botHighestRole,
  createProblems,
  linkProblems,
  pickChange,
  type GuildRoleSnapshot,
  type RoleProblem,
} from '../src/core/bias-roles.js';
import { RoleChangeRefused, type GuildRoles } from '../src/core/guild-roles.js';
import { artistChoices, type Choice } from '../src/core/resolve-artist.js';
import { channelRefusal } from '../src/presentation/anniversary-settings-messages.js';
import {
  biasListMessage,
  biasStatusField,
  panelMessage,
  pickMessage,
  pickResultText,
  roleMention,
  roleProblemsText,
  type LinkRow,
  type PickOption,
} from '../src/presentation/bias-messages.js';
import { discordLimits, truncate } from '../src/presentation/discord-limits.js';
import { escaped } from '../src/presentation/fact-text.js';
import type { Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { installableInServers } from './command-installs.js';
import { artistFromOption, optionalInteger, optionalString, readerTranslation, requiredArtistOption, stringOption } from './command-options.js';
import {
  StaleButtonError,
  UserError,
  type ButtonPress,
  type ButtonReply,
  type CommandContext,
  type CommandInvocation,
  type CommandReply,
  type Requester,
  type SlashCommand,
} from './command.js';

const definition = installableInServers(described(new SlashCommandBuilder().setName('bias'), 'bias.commands.description'))
  // Fans use /bias pick: the admin subcommands check Manage Server in their handlers.
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    described(sub.setName('link'), 'bias.commands.link.description')
      .addStringOption((option) => requiredArtistOption(option, 'bias.commands.link.options.artist'))
      .addRoleOption((option) => described(option.setName('role'), 'bias.commands.link.options.role'))
      .addBooleanOption((option) => described(option.setName('create'), 'bias.commands.link.options.create')),
  )
  .addSubcommand((sub) =>
    described(sub.setName('unlink'), 'bias.commands.unlink.description').addStringOption((option) =>
      requiredArtistOption(option, 'bias.commands.unlink.options.artist'),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('list'), 'bias.commands.list.description'))
  .addSubcommand((sub) =>
    described(sub.setName('limit'), 'bias.commands.limit.description').addIntegerOption((option) =>
      described(option.setName('count'), 'bias.commands.limit.options.count').setMinValue(1).setMaxValue(MAX_BIAS_LINKS),
    ),
  )
  .addSubcommand((sub) => described(sub.setName('pick'), 'bias.commands.pick.description'))
  .addSubcommand((sub) =>
    described(sub.setName('panel'), 'bias.commands.panel.description').addChannelOption((option) =>
      described(option.setName('channel'), 'bias.commands.panel.options.channel')
        .setRequired(true)
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    ),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** An artist's name as the replies show it: bold, with its markdown escaped. */
function named(name: string): string {
  return `**${escaped(name)}**`;
}

function privately(content: string): CommandReply {
  return { payload: { content }, ephemeral: true };
}

function guildOf(requester: Requester, translation: Translation): string {
  if (!requester.guildId) throw new UserError(translation.t('bias.needsServer'));
  return requester.guildId;
}

/** Checked here, not only by Discord's default permissions, which a server may change. */
export function requireManageServer(invocation: CommandInvocation, translation: Translation): void {
  const permissions = invocation.memberPermissions;
  const allowed = permissions !== null && (permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) !== 0n;
  if (!allowed) throw new UserError(translation.t('bias.needsManageServer'));
}

function rolesOf(context: CommandContext, translation: Translation): GuildRoles {
  if (!context.capabilities.roles) throw new UserError(translation.t('bias.needsDiscord'));
  return context.capabilities.roles;
}

function snapshotOf(roles: GuildRoles, guildId: string, translation: Translation): GuildRoleSnapshot {
  const snapshot = roles.snapshot(guildId);
  if (!snapshot) throw new UserError(translation.t('bias.needsDiscord'));
  return snapshot;
}

/** The bot's highest role, for "move my role above it"; none when it has only @everyone. */
function botRoleIdOf(snapshot: GuildRoleSnapshot): string | undefined {
  const highest = botHighestRole(snapshot);
  return highest && highest.id !== snapshot.guildId ? highest.id : undefined;
}

function artistName(context: CommandContext, artistId: number): string {
  return context.store.artistById(artistId)?.name ?? `#${artistId}`;
}

/** Every link of the server with its problems, by artist name. */
export function linkRows(context: CommandContext, guildId: string, snapshot: GuildRoleSnapshot | undefined): LinkRow[] {
  return context.biasRoles
    .links(guildId)
    .map((link) => ({
      artistId: link.artistId,
      artist: artistName(context, link.artistId),
      roleId: link.roleId,
      problems: snapshot ? linkProblems(snapshot, link.roleId) : [],
    }))
    .sort((a, b) => a.artist.localeCompare(b.artist));
}

function pickOptions(context: CommandContext, guildId: string): { options: PickOption[]; links: BiasRoleLink[] } {
  const links = context.biasRoles.links(guildId);
  const options = links.map((link) => ({ artistId: link.artistId, artist: artistName(context, link.artistId) })).sort((a, b) => a.artist.localeCompare(b.artist));
  return { options, links };
}

function refusalText(kind: 'cannotLink' | 'cannotCreate', problems: RoleProblem[], roleId: string, artist: string, snapshot: GuildRoleSnapshot, translation: Translation): string {
  const problemText = roleProblemsText(problems, roleId, botRoleIdOf(snapshot), translation);
  return kind === 'cannotLink'
    ? translation.t('bias.cannotLink', { role: roleMention(roleId), problems: problemText })
    : translation.t('bias.cannotCreate', { artist: named(artist), problems: problemText });
}

async function link(invocation: CommandInvocation, context: CommandContext): Promise<CommandReply> {
  const translation = readerTranslation(invocation, context);
  const { t } = translation;
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const artist = artistFromOption(invocation, 'artist', context, translation);
  const roleId = optionalString(invocation, 'role');
  const create = invocation.options.create === true;
  if (roleId === undefined && !create) throw new UserError(t('bias.roleOrCreate', { artist: named(artist.name) }));
  if (roleId !== undefined && create) throw new UserError(t('bias.roleAndCreate'));
  const store = context.biasRoles;
  if (!store.linkOfArtist(guildId, artist.id) && store.linkCount(guildId) >= MAX_BIAS_LINKS) {
    throw new UserError(t('bias.tooManyLinks', { count: MAX_BIAS_LINKS }));
  }
  const roles = rolesOf(context, translation);
  const snapshot = snapshotOf(roles, guildId, translation);
  const now = context.clock.now().getTime();
  if (roleId !== undefined) {
    const taken = store.linkOfRole(guildId, roleId);
    if (taken && taken.artistId !== artist.id) {
      throw new UserError(t('bias.roleTaken', { role: roleMention(roleId), artist: named(artistName(context, taken.artistId)) }));
    }
    const problems = assignProblems(snapshot, roleId);
    if (problems.length > 0) throw new UserError(refusalText('cannotLink', problems, roleId, artist.name, snapshot, translation));
    store.link(guildId, artist.id, roleId, now);
    return privately(t('bias.linked', { role: roleMention(roleId), artist: named(artist.name) }));
  }
  const problems = createProblems(snapshot);
  if (problems.length > 0) throw new UserError(refusalText('cannotCreate', problems, '0', artist.name, snapshot, translation));
  let role;
  try {
    role = await roles.createRole(guildId, truncate(artist.name, 100));
  } catch (error) {
    if (error instanceof RoleChangeRefused) throw new UserError(refusalText('cannotCreate', [error.problem], '0', artist.name, snapshot, translation));
    throw error;
  }
  store.link(guildId, artist.id, role.id, now);
  context.logger.info({ guildId, artistId: artist.id, roleId: role.id }, 'bias role created');
  return privately(t('bias.created', { role: roleMention(role.id), artist: named(artist.name) }));
}

function unlink(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const artist = artistFromOption(invocation, 'artist', context, translation);
  const removed = context.biasRoles.unlink(guildId, artist.id);
  return privately(translation.t(removed ? 'bias.unlinked' : 'bias.notLinked', { artist: named(artist.name) }));
}

function list(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const snapshot = snapshotOf(rolesOf(context, translation), guildId, translation);
  const rows = linkRows(context, guildId, snapshot);
  for (const row of rows.filter((candidate) => candidate.problems.length > 0)) {
    context.logger.warn({ guildId, artistId: row.artistId, roleId: row.roleId, problems: row.problems }, 'bias role has a problem');
  }
  return { payload: biasListMessage(rows, context.biasRoles.settings(guildId), botRoleIdOf(snapshot), translation), ephemeral: true };
}

function limit(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const count = optionalInteger(invocation, 'count', translation);
  if (count !== undefined && (count < 1 || count > MAX_BIAS_LINKS)) {
    throw new UserError(translation.t('errors.outOfRange', { name: 'count', min: 1, max: MAX_BIAS_LINKS }));
  }
  context.biasRoles.setPickLimit(guildId, count ?? null, context.clock.now().getTime());
  return privately(count === undefined ? translation.t('bias.limitRemoved') : translation.t('bias.limitSet', { count }));
}

function heldArtists(links: BiasRoleLink[], memberRoleIds: readonly string[]): Set<number> {
  const held = new Set(memberRoleIds);
  return new Set(links.filter((link) => held.has(link.roleId)).map((link) => link.artistId));
}

function pick(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  rolesOf(context, translation);
  const { options, links } = pickOptions(context, guildId);
  if (options.length === 0) return privately(translation.t('bias.nothingToPick'));
  const held = heldArtists(links, invocation.memberRoleIds ?? []);
  return { payload: pickMessage(options, held, context.biasRoles.settings(guildId).pickLimit, translation), ephemeral: true };
}

async function panel(invocation: CommandInvocation, context: CommandContext): Promise<CommandReply> {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const channelId = stringOption(invocation, 'channel', translation);
  const post = context.capabilities.postToChannel;
  if (!context.capabilities.guilds || !post) throw new UserError(translation.t('bias.needsDiscord'));
  const refusal = channelRefusal(context.capabilities.guilds.checkPostingChannel(guildId, channelId), channelId, translation);
  if (refusal) throw new UserError(refusal);
  const { options } = pickOptions(context, guildId);
  if (options.length === 0) return privately(translation.t('bias.nothingToPick'));
  // The whole channel reads the panel: in the server's language.
  await post(channelId, panelMessage(options, context.biasRoles.settings(guildId).pickLimit, context.translator.forServer(guildId)));
  return privately(translation.t('bias.panelPosted', { channel: `<#${channelId}>` }));
}

/** Artist ids from a menu's values, exactly as the bot writes them; anything else is a forged menu. */
function artistIds(values: readonly string[] | undefined): number[] {
  return (values ?? []).map((value) => {
    if (!/^[1-9]\d{0,14}$/.test(value)) throw new StaleButtonError(`bias value ${JSON.stringify(value)}`);
    return Number(value);
  });
}

/** A fan's picks from a menu: add and remove roles to match, within the server's cap. */
async function picked(press: ButtonPress, context: CommandContext): Promise<ButtonReply> {
  const [kind, menu, ...rest] = press.args;
  if ((kind !== 'pick' && kind !== 'panel') || menu === undefined || !/^[0-4]$/.test(menu) || rest.length > 0) {
    throw new StaleButtonError(`bias:${press.args.join(':')}`);
  }
  const translation = readerTranslation(press, context);
  const guildId = guildOf(press, translation);
  const roles = rolesOf(context, translation);
  const snapshot = snapshotOf(roles, guildId, translation);
  const offered = artistIds(press.offered);
  const chosen = artistIds(press.values).filter((id) => offered.includes(id));
  const { options, links } = pickOptions(context, guildId);
  const roleOf = new Map(links.map((link) => [link.artistId, link.roleId]));
  const rolesFor = (ids: number[]) => ids.map((id) => roleOf.get(id)).filter((role): role is string => role !== undefined);
  const memberRoleIds = press.memberRoleIds ?? [];
  const pickLimit = context.biasRoles.settings(guildId).pickLimit;
  const change = pickChange({
    linkedRoleIds: links.map((link) => link.roleId),
    offeredRoleIds: rolesFor(offered),
    pickedRoleIds: rolesFor(chosen),
    memberRoleIds,
    limit: pickLimit,
  });
  const answer = (text: string, roleIdsAfter: readonly string[]): ButtonReply =>
    kind === 'pick'
      ? { kind: 'update', payload: pickMessage(options, heldArtists(links, roleIdsAfter), pickLimit, translation, text) }
      : { kind: 'reply', payload: { content: text }, ephemeral: true };
  if (change.overLimit) {
    return answer(translation.t('bias.overLimit', { count: pickLimit ?? 0, held: change.heldAfter }), memberRoleIds);
  }
  for (const roleId of [...change.add, ...change.remove]) {
    const problems = assignProblems(snapshot, roleId);
    if (problems.length > 0) {
      context.logger.warn({ guildId, roleId, problems }, 'bias role cannot be handed out');
      return answer(translation.t('bias.cannotPick', { role: roleMention(roleId), problems: roleProblemsText(problems, roleId, botRoleIdOf(snapshot), translation) }), memberRoleIds);
    }
  }
  const done = { added: [] as string[], removed: [] as string[] };
  try {
    for (const roleId of change.add) {
      await roles.addMemberRole(guildId, press.user.id, roleId);
      done.added.push(roleId);
    }
    for (const roleId of change.remove) {
      await roles.removeMemberRole(guildId, press.user.id, roleId);
      done.removed.push(roleId);
    }
  } catch (error) {
    if (!(error instanceof RoleChangeRefused)) throw error;
    const roleId = [...change.add, ...change.remove][done.added.length + done.removed.length] ?? '0';
    context.logger.warn({ guildId, roleId, problem: error.problem }, 'Discord refused a bias role change');
    const soFar = done.added.length + done.removed.length > 0 ? `${pickResultText(done.added, done.removed, translation)}\n` : '';
    const after = memberRoleIds.filter((role) => !done.removed.includes(role)).concat(done.added);
    return answer(`${soFar}${translation.t('bias.cannotPick', { role: roleMention(roleId), problems: roleProblemsText([error.problem], roleId, botRoleIdOf(snapshot), translation) })}`, after);
  }
  const after = memberRoleIds.filter((role) => !change.remove.includes(role)).concat(change.add);
  return answer(truncate(pickResultText(change.add, change.remove, translation), discordLimits.content - 600), after);
}

/** /anniversaries pings on|off: whether posts mention the celebrated artist's bias role. */
export function setAnniversaryPings(invocation: CommandInvocation, context: CommandContext): CommandReply {
  const translation = readerTranslation(invocation, context);
  const guildId = guildOf(invocation, translation);
  requireManageServer(invocation, translation);
  const on = optionalString(invocation, 'state') === 'on';
  context.biasRoles.setPings(guildId, on, context.clock.now().getTime());
  if (!on) return privately(translation.t('bias.pingsTurnedOff'));
  const none = context.biasRoles.linkCount(guildId) === 0;
  return privately(`${translation.t('bias.pingsTurnedOn')}${none ? ` ${translation.t('bias.pingsNoLinks')}` : ''}`);
}

/** The on/off choices of /anniversaries pings. */
export function pingChoices() {
  return [localizedChoice('on', 'bias.commands.pings.on'), localizedChoice('off', 'bias.commands.pings.off')];
}

/** What /anniversaries status says about bias roles, or nothing when the server uses none. */
export function biasStatusFieldFor(context: CommandContext, guildId: string, translation: Translation) {
  const snapshot = context.capabilities.roles?.snapshot(guildId);
  const rows = linkRows(context, guildId, snapshot);
  return biasStatusField(rows, context.biasRoles.settings(guildId).pings, snapshot ? botRoleIdOf(snapshot) : undefined, translation);
}

function linkedArtistChoices(context: CommandContext, guildId: string, typed: string): Choice[] {
  const wanted = typed.toLowerCase();
  return linkRows(context, guildId, undefined)
    .filter((row) => row.artist.toLowerCase().includes(wanted))
    .slice(0, 25)
    .map((row) => ({ name: row.artist, value: row.artist }));
}

export const biasCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    switch (invocation.subcommand) {
      case 'link':
        return link(invocation, context);
      case 'unlink':
        return unlink(invocation, context);
      case 'list':
        return list(invocation, context);
      case 'limit':
        return limit(invocation, context);
      case 'pick':
        return pick(invocation, context);
      case 'panel':
        return panel(invocation, context);
      default:
        throw new UserError(readerTranslation(invocation, context).t('errors.useSubcommand', { subcommands: 'link, unlink, list, limit, pick, panel' }));
    }
  },
  autocomplete(focused, invocation, context) {
    if (invocation.subcommand === 'unlink' && invocation.guildId) return linkedArtistChoices(context, invocation.guildId, focused.value);
    return artistChoices(context.store, focused.value);
  },
  press: picked,
};
