/**
 * Raw INTERACTION_CREATE payloads, shaped like the ones Discord sends, so discord.js builds the
 * same ChatInputCommandInteraction / AutocompleteInteraction / ButtonInteraction / ... it would in production.
 */
import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteraction,
  APIDMChannel,
  APIGroupDMChannel,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIModalSubmitInteraction,
  APIUser,
  InteractionType as InteractionTypeEnum,
} from 'discord.js';
import {
  botPermissions,
  buildDmChannel,
  buildMember,
  permissionsForRoles,
  type FakeGuild,
  type GuildChannelPayload,
} from './payloads.js';
import { nextSnowflake } from './snowflake.js';

/** Who triggers an interaction, and where. A null guild means a DM: the bot's, or a private channel. */
export interface InteractionOrigin {
  applicationId: string;
  user: APIUser;
  guild: FakeGuild | null;
  /** Required for guild interactions; a fresh DM channel is made up for DMs when absent. */
  channel?: GuildChannelPayload | APIDMChannel | APIGroupDMChannel;
  /** Extra role ids the invoking member holds (besides @everyone). */
  memberRoles?: string[];
  /** Overrides the member's permissions, which otherwise come from @everyone and memberRoles. */
  memberPermissions?: bigint;
  locale?: Locale;
  /** The server has the app installed (the bot is a member); true unless said otherwise. In DMs: the app's server install reaches the bot's DMs. */
  guildInstall?: boolean;
  /** The person installed the app to their account. */
  userInstall?: boolean;
  /** A DM between people or a group DM (context PRIVATE_CHANNEL): the bot is not in it. */
  privateChannel?: boolean;
  /** The installation types the invoked command is registered for, when known: only those authorize it. */
  commandIntegrationTypes?: readonly number[];
}

/**
 * An option value: primitives map to String / Integer / Number / Boolean by their JS type;
 * pass `{ type, value }` when that guess is wrong (e.g. a Number option holding 3, or a User option).
 */
export type OptionInput =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export type OptionsInput = Record<string, OptionInput> | APIApplicationCommandInteractionDataBasicOption[];

/** What a user in a DM with the bot can do there; Discord sends this as app_permissions in DMs. */
const DM_PERMISSIONS =
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** What an app may do in (G)DMs between people, as Discord sends it: attach, embed, mention. */
const PRIVATE_CHANNEL_PERMISSIONS = PermissionFlagsBits.AttachFiles | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone;

/** Where an interaction happened: Discord's interaction context type. */
export function contextOf(origin: Pick<InteractionOrigin, 'guild' | 'privateChannel'>): InteractionContextType {
  if (origin.guild) return InteractionContextType.Guild;
  return origin.privateChannel ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM;
}

/**
 * Who authorized the interaction, as Discord sends it: a key per installation that the place and the
 * command both allow. A server install is keyed by the server's id ("0" in the bot's DMs); a
 * person's install by their id. A server install never reaches a private channel.
 */
export function authorizingOwners(origin: InteractionOrigin): Partial<Record<ApplicationIntegrationType, string>> {
  const allows = (type: ApplicationIntegrationType) => origin.commandIntegrationTypes?.includes(type) ?? true;
  const owners: Partial<Record<ApplicationIntegrationType, string>> = {};
  const guildInstall = (origin.guildInstall ?? true) && !origin.privateChannel;
  if (guildInstall && allows(ApplicationIntegrationType.GuildInstall)) {
    owners[ApplicationIntegrationType.GuildInstall] = origin.guild?.id ?? '0';
  }
  if (origin.userInstall && allows(ApplicationIntegrationType.UserInstall)) owners[ApplicationIntegrationType.UserInstall] = origin.user.id;
  return owners;
}

/** Interaction tokens are long opaque base64url strings; these are unique, which is all that matters. */
function interactionToken(id: string): string {
  return `aW50ZXJhY3Rpb246${Buffer.from(id).toString('base64url')}${randomBytes(96).toString('base64url')}`;
}

function basicOption(name: string, input: OptionInput): APIApplicationCommandInteractionDataBasicOption {
  if (typeof input === 'object') return { name, ...input } as APIApplicationCommandInteractionDataBasicOption;
  if (typeof input === 'string') return { name, type: ApplicationCommandOptionType.String, value: input };
  if (typeof input === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value: input };
  return Number.isInteger(input)
    ? { name, type: ApplicationCommandOptionType.Integer, value: input }
    : { name, type: ApplicationCommandOptionType.Number, value: input };
}

function basicOptions(input: OptionsInput | undefined): APIApplicationCommandInteractionDataBasicOption[] {
  if (!input) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]) => basicOption(name, value));
}

/** Nests options under a subcommand (and group), the way Discord encodes `/cmd group sub opt:...`. */
function nestUnderSubcommand(
  options: APIApplicationCommandInteractionDataBasicOption[],
  subcommand: string | undefined,
  subcommandGroup: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  if (!subcommand) return options;
  const sub: APIApplicationCommandInteractionDataOption = {
    name: subcommand,
    type: ApplicationCommandOptionType.Subcommand,
    options,
  };
  if (!subcommandGroup) return [sub];
  return [{ name: subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

/** The fields every interaction shares: identity, token, where it happened and who did it. */
function interactionEnvelope<Type extends InteractionTypeEnum>(origin: InteractionOrigin, type: Type) {
  const id = nextSnowflake();
  const locale = origin.locale ?? Locale.EnglishUS;
  const common = {
    id,
    application_id: origin.applicationId,
    type,
    token: interactionToken(id),
    version: 1 as const,
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  const { guild } = origin;
  const authorizing_integration_owners = authorizingOwners(origin);
  const context = contextOf(origin);
  if (!guild) {
    const channel = origin.channel && origin.channel.type !== ChannelType.GuildText && origin.channel.type !== ChannelType.GuildAnnouncement
      ? origin.channel
      : buildDmChannel(origin.user);
    return {
      ...common,
      channel_id: channel.id,
      channel,
      // In DMs Discord sends the user, never a member.
      user: origin.user,
      app_permissions: (origin.privateChannel ? PRIVATE_CHANNEL_PERMISSIONS : DM_PERMISSIONS).toString(),
      authorizing_integration_owners,
      context,
    };
  }
  const channel = origin.channel;
  if (!channel || (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)) {
    throw new Error('A guild interaction needs a guild channel');
  }
  // The member's roles as the server holds them (a role added a moment ago included), unless the test says.
  const roles = origin.memberRoles ?? guild.members.get(origin.user.id)?.roles ?? [];
  const permissions = (origin.memberPermissions ?? permissionsForRoles(guild, roles)).toString();
  const member: APIInteractionGuildMember = {
    ...(guild.members.get(origin.user.id) ?? buildMember(origin.user, roles, new Date().toISOString())),
    user: origin.user,
    roles,
    permissions,
  };
  const botInGuild = origin.guildInstall ?? true;
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_locale: guild.preferredLocale,
    channel_id: channel.id,
    // Interaction channels carry the invoker's resolved permissions in that channel.
    channel: { ...channel, permissions },
    member,
    // Without the bot in the server, an external app may do what everyone there may.
    app_permissions: (botInGuild ? botPermissions(guild) : permissionsForRoles(guild, [])).toString(),
    authorizing_integration_owners,
    context,
  };
}

export interface ChatInputSpec {
  commandName: string;
  /** The registered command's id; a fresh one when omitted. */
  commandId?: string;
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
  resolved?: APIInteractionDataResolved;
}

export function chatInputInteraction(
  origin: InteractionOrigin,
  spec: ChatInputSpec,
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionEnvelope(origin, InteractionType.ApplicationCommand),
    data: {
      id: spec.commandId ?? nextSnowflake(),
      name: spec.commandName,
      type: ApplicationCommandType.ChatInput,
      options: nestUnderSubcommand(basicOptions(spec.options), spec.subcommand, spec.subcommandGroup),
      ...(spec.resolved ? { resolved: spec.resolved } : {}),
    },
  };
}

export interface AutocompleteSpec {
  commandName: string;
  commandId?: string;
  /** The option being typed into; Discord sends what has been typed so far as its value. */
  focused: {
    name: string;
    value: string | number;
    type?: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number;
  };
  /** Options already filled in. */
  options?: OptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
}

export function autocompleteInteraction(
  origin: InteractionOrigin,
  spec: AutocompleteSpec,
): APIApplicationCommandAutocompleteInteraction {
  const focused = {
    name: spec.focused.name,
    type: spec.focused.type ?? ApplicationCommandOptionType.String,
    value: spec.focused.value,
    focused: true,
  } as APIApplicationCommandInteractionDataBasicOption;
  const options = [...basicOptions(spec.options), focused];
  return {
    ...interactionEnvelope(origin, InteractionType.ApplicationCommandAutocomplete),
    data: {
      id: spec.commandId ?? nextSnowflake(),
      name: spec.commandName,
      type: ApplicationCommandType.ChatInput,
      options: nestUnderSubcommand(options, spec.subcommand, spec.subcommandGroup),
    },
  } as APIApplicationCommandAutocompleteInteraction;
}

export interface ButtonSpec {
  customId: string;
  /** The message carrying the button, as the fake server returned it. */
  message: APIMessage;
}

export function buttonInteraction(origin: InteractionOrigin, spec: ButtonSpec): APIMessageComponentButtonInteraction {
  return {
    ...interactionEnvelope(origin, InteractionType.MessageComponent),
    message: spec.message,
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
  };
}

export interface StringSelectSpec {
  customId: string;
  values: string[];
  message: APIMessage;
}

export function stringSelectInteraction(
  origin: InteractionOrigin,
  spec: StringSelectSpec,
): APIMessageComponentSelectMenuInteraction {
  return {
    ...interactionEnvelope(origin, InteractionType.MessageComponent),
    message: spec.message,
    data: { custom_id: spec.customId, component_type: ComponentType.StringSelect, values: spec.values },
  };
}

export interface ModalSubmitSpec {
  customId: string;
  /** Text input custom_id -> submitted value. */
  fields: Record<string, string>;
  /** Present when the modal was opened from a component on this message. */
  message?: APIMessage;
}

export function modalSubmitInteraction(origin: InteractionOrigin, spec: ModalSubmitSpec): APIModalSubmitInteraction {
  return {
    ...interactionEnvelope(origin, InteractionType.ModalSubmit),
    ...(spec.message ? { message: spec.message } : {}),
    data: {
      custom_id: spec.customId,
      // One action row per text input: the layout of a classic modal.
      components: Object.entries(spec.fields).map(([customId, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
      })),
    },
  } as APIModalSubmitInteraction;
}

export type RawInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIMessageComponentButtonInteraction
  | APIMessageComponentSelectMenuInteraction
  | APIModalSubmitInteraction;
