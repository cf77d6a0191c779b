/** Everything the fake Discord remembers: the bot, guilds, channels, messages, interactions and commands. */
import type { APIApplicationCommand, APIDMChannel, APIGroupDMChannel, APIMessage, APIUser } from 'discord.js';
import type { RawInteraction } from './interaction-payloads.js';
import {
  buildDmChannel,
  buildMessage,
  buildUser,
  resolveGuild,
  type FakeApplication,
  type FakeGuild,
  type GuildChannelPayload,
  type GuildSpec,
  type MessageSpec,
  type UserSpec,
} from './payloads.js';

/** The body a bot POSTs to /interactions/{id}/{token}/callback. */
export interface InteractionCallbackBody {
  type: number;
  data?: Record<string, unknown> & {
    content?: string;
    embeds?: unknown[];
    components?: unknown[];
    flags?: number;
    choices?: unknown[];
  };
}

export interface TrackedInteraction {
  raw: RawInteraction;
  dispatchedAt: number;
  /** The accepted initial response; null until the bot answers. */
  callback: InteractionCallbackBody | null;
  /** What `@original` points at: the reply, or for component updates the clicked message. */
  originalMessageId: string | null;
  /** Messages this interaction's webhook token may read, edit and delete. */
  messageIds: Set<string>;
  /** Follow-up messages created so far (POST /webhooks/{app}/{token}). */
  followUps: number;
}

export type ChannelLocation =
  | { kind: 'guild'; channel: GuildChannelPayload; guild: FakeGuild }
  | { kind: 'dm'; channel: APIDMChannel; guild: null };

export class DiscordState {
  readonly guilds = new Map<string, FakeGuild>();
  /** Servers the bot is not in, where people who installed the app to their account use it. */
  readonly guildsWithoutBot = new Map<string, FakeGuild>();
  /** DMs between people and group DMs: the bot is in none of them. */
  readonly privateChannels = new Map<string, APIDMChannel | APIGroupDMChannel>();
  readonly users = new Map<string, APIUser>();
  readonly messages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, TrackedInteraction>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  /** Uploaded files by the path of their attachment url, e.g. /attachments/{channel}/{id}/card.png. */
  readonly attachmentFiles = new Map<string, { contentType: string; bytes: Buffer }>();
  private readonly dmChannels = new Map<string, APIDMChannel>();
  private readonly nonces = new Map<string, { messageId: string; at: number }>();

  constructor(
    readonly bot: APIUser,
    readonly owner: APIUser,
    readonly application: FakeApplication,
  ) {
    this.users.set(bot.id, bot);
    this.users.set(owner.id, owner);
  }

  addGuild(spec: GuildSpec): FakeGuild {
    const guild = resolveGuild({ ownerId: this.owner.id, ...spec }, this.bot);
    this.guilds.set(guild.id, guild);
    return guild;
  }

  /** A server the bot was never added to: no bot member or role, and nothing of it reaches the gateway. */
  addGuildWithoutBot(spec: GuildSpec): FakeGuild {
    const resolved = resolveGuild({ ownerId: this.owner.id, ...spec }, this.bot);
    resolved.roles = resolved.roles.filter((role) => role.id !== resolved.botRoleId);
    resolved.members.delete(this.bot.id);
    this.guildsWithoutBot.set(resolved.id, resolved);
    return resolved;
  }

  /** Whether a channel is one the bot cannot see: in a server without it, or a private channel of people. */
  isOutOfReach(channelId: string): boolean {
    if (this.privateChannels.has(channelId)) return true;
    return [...this.guildsWithoutBot.values()].some((guild) => guild.channels.some((channel) => channel.id === channelId));
  }

  /** Accepts a full user (kept as is) or a spec (built, or reused when its id is already known). */
  user(input: APIUser | UserSpec): APIUser {
    if ('discriminator' in input) {
      this.users.set(input.id, input);
      return input;
    }
    const known = input.id ? this.users.get(input.id) : undefined;
    if (known) return known;
    const user = buildUser(input);
    this.users.set(user.id, user);
    return user;
  }

  locateChannel(channelId: string): ChannelLocation | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.find((candidate) => candidate.id === channelId);
      if (channel) return { kind: 'guild', channel, guild };
    }
    for (const channel of this.dmChannels.values()) {
      if (channel.id === channelId) return { kind: 'dm', channel, guild: null };
    }
    return undefined;
  }

  /** The one DM channel between the bot and this user, created on first use as Discord does. */
  dmChannelWith(user: APIUser): APIDMChannel {
    let channel = this.dmChannels.get(user.id);
    if (!channel) {
      channel = buildDmChannel(user);
      this.dmChannels.set(user.id, channel);
    }
    return channel;
  }

  createMessage(spec: MessageSpec): APIMessage {
    const message = buildMessage(spec);
    this.messages.set(message.id, message);
    return message;
  }

  /** Applies the fields a message edit may change; returns the stored, edited message. */
  editMessage(messageId: string, patch: Partial<Pick<APIMessage, 'content' | 'embeds' | 'components' | 'flags' | 'attachments'>>) {
    const current = this.messages.get(messageId);
    if (!current) return undefined;
    const edited: APIMessage = {
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined && value !== null)),
      edited_timestamp: new Date().toISOString(),
    };
    this.messages.set(messageId, edited);
    return edited;
  }

  /** An uploaded file by its url's path (decoded), as the fake CDN serves it. */
  attachmentAt(path: string): { contentType: string; bytes: Buffer } | undefined {
    return this.attachmentFiles.get(path);
  }

  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((message) => message.channel_id === channelId);
  }

  /** The message created in this channel with this nonce within the window, if any. */
  recentMessageWithNonce(channelId: string, nonce: string | number, windowMs: number): APIMessage | undefined {
    const entry = this.nonces.get(`${channelId}:${nonce}`);
    if (!entry || Date.now() - entry.at > windowMs) return undefined;
    return this.messages.get(entry.messageId);
  }

  rememberNonce(channelId: string, nonce: string | number, messageId: string): void {
    this.nonces.set(`${channelId}:${nonce}`, { messageId, at: Date.now() });
  }

  trackInteraction(raw: RawInteraction): TrackedInteraction {
    const tracked: TrackedInteraction = {
      raw,
      dispatchedAt: Date.now(),
      callback: null,
      originalMessageId: null,
      messageIds: new Set(),
      followUps: 0,
    };
    this.interactions.set(raw.id, tracked);
    return tracked;
  }

  interactionByToken(token: string): TrackedInteraction | undefined {
    for (const tracked of this.interactions.values()) {
      if (tracked.raw.token === token) return tracked;
    }
    return undefined;
  }

  commandsFor(guildId: string | null): Map<string, APIApplicationCommand> {
    if (guildId === null) return this.globalCommands;
    let commands = this.guildCommands.get(guildId);
    if (!commands) {
      commands = new Map();
      this.guildCommands.set(guildId, commands);
    }
    return commands;
  }
}
