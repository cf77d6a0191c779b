/**
 * Raw Discord payloads (users, guilds, channels, messages, the application) shaped like the real API's,
 * typed against discord-api-types (re-exported by discord.js) so drift shows up as a type error.
 */
import {
  ApplicationFlags,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIDMChannel,
  APIGroupDMChannel,
  APIEmbed,
  APIGuild,
  APIGuildMember,
  APIMessage,
  APIMessageInteractionMetadata,
  APIAttachment,
  APIMessageReference,
  APIMessageTopLevelComponent,
  APINewsChannel,
  APIRole,
  APITextChannel,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { nextSnowflake } from './snowflake.js';

export interface UserSpec {
  id?: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
}

export function buildUser(spec: UserSpec): APIUser {
  return {
    id: spec.id ?? nextSnowflake(),
    username: spec.username,
    discriminator: '0',
    global_name: spec.globalName ?? null,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
    primary_guild: null,
    // Discord omits `bot` for humans rather than sending false.
    ...(spec.bot ? { bot: true } : {}),
  };
}

/** Permissions Discord gives @everyone in a freshly created server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.MentionEveryone |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.UseVAD;

/** What an invite link with a typical "send and embed" scope grants the bot's managed role. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export type GuildChannelPayload = APITextChannel | APINewsChannel;

export interface ChannelSpec {
  id?: string;
  name: string;
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement;
  topic?: string | null;
  parentId?: string | null;
}

export interface RoleSpec {
  id?: string;
  name: string;
  permissions?: bigint;
  color?: number;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  ownerId?: string;
  /** Defaults to a single #general text channel. */
  channels?: ChannelSpec[];
  roles?: RoleSpec[];
  everyonePermissions?: bigint;
  /** Permissions of the bot's managed role. */
  botPermissions?: bigint;
  preferredLocale?: Locale;
  memberCount?: number;
}

/** A guild as the fake server keeps it: the pieces needed to answer REST and gateway requests. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: Locale;
  joinedAt: string;
  memberCount: number;
  roles: APIRole[];
  botRoleId: string;
  /** Always carry guild_id; GUILD_CREATE strips it, as Discord does. */
  channels: GuildChannelPayload[];
  members: Map<string, APIGuildMember>;
}

function buildRole(spec: Required<Pick<RoleSpec, 'id' | 'name'>> & RoleSpec, position: number): APIRole {
  const color = spec.color ?? 0;
  return {
    id: spec.id,
    name: spec.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: (spec.permissions ?? 0n).toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function buildChannel(spec: ChannelSpec, guildId: string, position: number): GuildChannelPayload {
  const common = {
    id: spec.id ?? nextSnowflake(),
    guild_id: guildId,
    name: spec.name,
    position,
    permission_overwrites: [],
    topic: spec.topic ?? null,
    nsfw: false,
    last_message_id: null,
    last_pin_timestamp: null,
    parent_id: spec.parentId ?? null,
    flags: 0,
  };
  return spec.type === ChannelType.GuildAnnouncement
    ? { ...common, type: ChannelType.GuildAnnouncement }
    : { ...common, type: ChannelType.GuildText, rate_limit_per_user: 0 };
}

export function buildMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function resolveGuild(spec: GuildSpec, bot: APIUser): FakeGuild {
  const id = spec.id ?? nextSnowflake();
  const joinedAt = new Date().toISOString();
  const botRoleId = nextSnowflake();
  const everyone = buildRole(
    { id, name: '@everyone', permissions: spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS },
    0,
  );
  const extraRoles = (spec.roles ?? []).map((role, index) =>
    buildRole({ ...role, id: role.id ?? nextSnowflake() }, index + 1),
  );
  const botRole: APIRole = {
    ...buildRole(
      { id: botRoleId, name: bot.username, permissions: spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS },
      extraRoles.length + 1,
    ),
    managed: true,
    tags: { bot_id: bot.id },
  };
  const channelSpecs = spec.channels ?? [{ name: 'general' }];
  return {
    id,
    name: spec.name ?? 'Test Guild',
    ownerId: spec.ownerId ?? nextSnowflake(),
    preferredLocale: spec.preferredLocale ?? Locale.EnglishUS,
    joinedAt,
    memberCount: spec.memberCount ?? 2,
    roles: [everyone, ...extraRoles, botRole],
    botRoleId,
    channels: channelSpecs.map((channel, index) => buildChannel(channel, id, index)),
    members: new Map([[bot.id, buildMember(bot, [botRoleId], joinedAt)]]),
  };
}

/** Base permissions from roles (no channel overwrites, which the fake server never sets). */
export function permissionsForRoles(guild: FakeGuild, roleIds: readonly string[]): bigint {
  let permissions = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.id || roleIds.includes(role.id)) permissions |= BigInt(role.permissions);
  }
  return permissions & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : permissions;
}

export function botPermissions(guild: FakeGuild): bigint {
  return permissionsForRoles(guild, [guild.botRoleId]);
}

/** The guild object of GET /guilds/{id}: no channels, members or gateway-only fields. */
export function restGuildPayload(guild: FakeGuild): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 25_000_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

export function guildCreatePayload(guild: FakeGuild): GatewayGuildCreateDispatchData {
  return {
    ...restGuildPayload(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.memberCount,
    voice_states: [],
    members: [...guild.members.values()],
    // Gateway guild payloads leave guild_id off their channels.
    channels: guild.channels.map(({ guild_id: _omitted, ...channel }) => channel),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function buildDmChannel(recipient: APIUser): APIDMChannel {
  return {
    id: nextSnowflake(),
    type: ChannelType.DM,
    name: null,
    last_message_id: null,
    last_pin_timestamp: null,
    flags: 0 as ChannelFlags,
    recipients: [recipient],
  };
}

/** A group DM among people; the bot is never one of its recipients. */
export function buildGroupDmChannel(owner: APIUser, others: APIUser[], name: string | null = null): APIGroupDMChannel {
  return {
    id: nextSnowflake(),
    type: ChannelType.GroupDM,
    name,
    icon: null,
    owner_id: owner.id,
    last_message_id: null,
    last_pin_timestamp: null,
    flags: 0 as ChannelFlags,
    recipients: others,
  };
}

export interface MessageSpec {
  id?: string;
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  type?: MessageType;
  nonce?: string | number;
  tts?: boolean;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
  messageReference?: APIMessageReference;
  attachments?: APIAttachment[];
}

/** An embed as Discord stores it: with its type, and every field's `inline` filled in. */
export function storedEmbed(embed: APIEmbed): APIEmbed {
  const fields = embed.fields?.map((field) => ({ inline: false, ...field }));
  return { type: 'rich' as APIEmbed['type'], ...embed, ...(fields ? { fields } : {}) };
}

export function buildMessage(spec: MessageSpec): APIMessage {
  return {
    id: spec.id ?? nextSnowflake(),
    type: spec.type ?? MessageType.Default,
    channel_id: spec.channelId,
    author: spec.author,
    content: spec.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: spec.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: spec.attachments ?? [],
    embeds: (spec.embeds ?? []).map(storedEmbed),
    components: spec.components ?? [],
    pinned: false,
    flags: spec.flags ?? 0,
    ...(spec.nonce !== undefined ? { nonce: spec.nonce } : {}),
    ...(spec.webhookId ? { webhook_id: spec.webhookId } : {}),
    ...(spec.applicationId ? { application_id: spec.applicationId } : {}),
    ...(spec.interactionMetadata ? { interaction_metadata: spec.interactionMetadata } : {}),
    ...(spec.messageReference ? { message_reference: spec.messageReference } : {}),
  };
}

export interface FakeApplication {
  id: string;
  name: string;
  flags: number;
}

/** The privileged-intent flags of a small unverified bot that enabled them, as READY reports them. */
export const DEFAULT_APPLICATION_FLAGS =
  ApplicationFlags.GatewayGuildMembersLimited | ApplicationFlags.GatewayMessageContentLimited;

/** GET /applications/@me: the fields discord.js's ClientApplication reads. */
export function applicationPayload(application: FakeApplication, bot: APIUser, owner: APIUser) {
  return {
    id: application.id,
    name: application.name,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: application.flags,
    hook: true,
    is_monetized: false,
    is_verified: false,
    is_discoverable: false,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    interactions_endpoint_url: null,
    redirect_uris: [],
    tags: [],
    // Installable to servers (0) and to people's accounts (1).
    integration_types_config: { '0': {}, '1': {} },
    bot,
    owner,
    team: null,
  };
}
