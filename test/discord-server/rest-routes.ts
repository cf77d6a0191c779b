/**
 * The REST half of the fake Discord: a route table over DiscordState answering the way Discord does,
 * including its error bodies ({ message, code }), so bot error handling sees realistic failures.
 */
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
} from 'discord.js';
import type { DiscordState, InteractionCallbackBody, TrackedInteraction, ChannelLocation } from './discord-state.js';
import { applicationPayload, restGuildPayload, storedEmbed, type FakeGuild } from './payloads.js';
import { attachmentFor, type UploadedFile } from './multipart.js';
import { nextSnowflake } from './snowflake.js';
import { defineScheduledEventRoutes } from './scheduled-event-routes.js';
import { componentsV2Refusal } from './components-v2.js';
import type { GuildRoleEdits } from './role-routes.js';

export interface RestRequest {
  method: string;
  /** Decoded, without the /api/v10 prefix or query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Files of a multipart request (payload_json + files[n]). */
  files?: UploadedFile[];
  headers: Record<string, string | string[] | undefined>;
}

export interface RestReply {
  status: number;
  /** Sent as JSON; omitted for 204s. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Side effects the gateway should mirror (MESSAGE_CREATE etc.). */
export interface MessageEvents {
  created(message: APIMessage, location: ChannelLocation | undefined): void;
  updated(message: APIMessage, location: ChannelLocation | undefined): void;
  deleted(message: APIMessage, location: ChannelLocation | undefined): void;
}

export interface RestOptions {
  gatewayUrl: () => string;
  /** What GET /gateway/bot recommends. */
  shards: number;
  maxConcurrency: number;
  interactionResponseDeadlineMs: number;
  nonceWindowMs: number;
  /** Where an uploaded file is served from. */
  attachmentUrl: (channelId: string, attachmentId: string, filename: string) => string;
  events: MessageEvents;
  /** Guild roles and members' roles (role-routes.ts). */
  roles: GuildRoleEdits;
}

type Handler = (params: Record<string, string>, request: RestRequest) => RestReply;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  /** Webhook-token routes (interaction responses, follow-ups) need no bot token. */
  needsBotToken: boolean;
  handler: Handler;
}

/** The request body of a message create/edit, as far as the fake server looks at it. */
interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  nonce?: string | number | null;
  enforce_nonce?: boolean | null;
  tts?: boolean | null;
  sticker_ids?: string[] | null;
  poll?: unknown;
  attachments?: { id?: unknown; filename?: unknown; description?: unknown }[] | null;
  message_reference?: { message_id?: string | null; fail_if_not_exists?: boolean | null } | null;
}

const MAX_CONTENT_LENGTH = 2000;
/** Flags a bot may set when sending; Discord ignores the rest. */
const SENDABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;

export function discordError(status: number, code: number, message: string, errors?: unknown): RestReply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

const notFound = (): RestReply => discordError(404, 0, '404: Not Found');
const unknownChannel = (): RestReply => discordError(404, 10003, 'Unknown Channel');
const unknownMessage = (): RestReply => discordError(404, 10008, 'Unknown Message');
const unknownWebhook = (): RestReply => discordError(404, 10015, 'Unknown Webhook');
const unknownInteraction = (): RestReply => discordError(404, 10062, 'Unknown interaction');
const missingAccess = (): RestReply => discordError(403, 50001, 'Missing Access');

/** Follow-ups Discord allows one interaction that only a person's install authorized. */
export const USER_INSTALL_FOLLOW_UP_LIMIT = 5;

/** Whether only a person's install authorized the interaction (the server, if any, never added the app). */
function onlyUserInstall(raw: TrackedInteraction['raw']): boolean {
  const owners = (raw.authorizing_integration_owners ?? {}) as Record<string, string>;
  return '1' in owners && !('0' in owners);
}

/** Files in an interaction's answer need Attach Files where it happened, as `app_permissions` says. */
function uploadRefused(raw: TrackedInteraction['raw'], files: UploadedFile[] | undefined): RestReply | null {
  if (!files || files.length === 0) return null;
  const allowed = (BigInt(raw.app_permissions ?? '0') & PermissionFlagsBits.AttachFiles) !== 0n;
  return allowed ? null : discordError(403, 50013, 'Missing Permissions');
}

/** A server that turned off Use External Apps gets a user install's answers privately, whatever the app asked. */
function forcedEphemeral(raw: TrackedInteraction['raw']): boolean {
  if (!onlyUserInstall(raw) || !raw.guild_id) return false;
  return (BigInt(raw.member?.permissions ?? '0') & PermissionFlagsBits.UseExternalApps) === 0n;
}

function invalidFormBody(field: string, code: string, message: string): RestReply {
  return discordError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

const invalidCallbackType = (message: string): RestReply =>
  invalidFormBody('type', 'INTERACTION_CALLBACK_TYPE_INVALID', message);

const ok = (body: unknown): RestReply => ({ status: 200, body });
const noContent = (): RestReply => ({ status: 204 });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Discord refuses messages with nothing visible in them, content over 2000 characters, and V2 messages that break its rules. */
function messageBodyProblem(body: MessageBody, existing?: APIMessage, files: UploadedFile[] = []): RestReply | null {
  const v2 = componentsV2Refusal(body, {
    uploadedNames: [...files.map((file) => file.filename), ...(body.attachments ?? []).flatMap((entry) => (typeof entry?.filename === 'string' ? [entry.filename] : []))],
    ...(existing ? { existing: { flags: existing.flags ?? 0, content: existing.content, embeds: existing.embeds, attachmentNames: existing.attachments.map((a) => a.filename) } } : {}),
  });
  if (v2) return invalidFormBody(v2.field, v2.code, v2.message);
  if (typeof body.content === 'string' && body.content.length > MAX_CONTENT_LENGTH) {
    return invalidFormBody('content', 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_CONTENT_LENGTH} or fewer in length.`);
  }
  const content = body.content ?? existing?.content ?? '';
  const embeds = body.embeds ?? existing?.embeds ?? [];
  const components = body.components ?? existing?.components ?? [];
  const hasAnything =
    content.length > 0 ||
    embeds.length > 0 ||
    components.length > 0 ||
    (body.sticker_ids?.length ?? 0) > 0 ||
    (body.attachments?.length ?? existing?.attachments.length ?? 0) > 0 ||
    files.length > 0 ||
    Boolean(body.poll);
  return hasAnything ? null : discordError(400, 50006, 'Cannot send an empty message');
}

function messageEdit(body: MessageBody): Partial<Pick<APIMessage, 'content' | 'embeds' | 'components'>> {
  return {
    ...(body.content != null ? { content: body.content } : {}),
    ...(body.embeds != null ? { embeds: body.embeds.map(storedEmbed) } : {}),
    ...(body.components != null ? { components: body.components } : {}),
  };
}

/** Discord stores an embed's `attachment://name` image or thumbnail as the attachment's url and size. */
function withAttachmentUrls(embeds: APIEmbed[], attachments: APIAttachment[]): APIEmbed[] {
  const resolve = <T extends { url: string }>(media: T | undefined): T | undefined => {
    const name = media?.url.startsWith('attachment://') ? media.url.slice('attachment://'.length) : null;
    const attachment = name === null ? undefined : attachments.find((candidate) => candidate.filename === name);
    if (!media || !attachment) return media;
    return {
      ...media,
      url: attachment.url,
      proxy_url: attachment.proxy_url,
      ...(attachment.width ? { width: attachment.width, height: attachment.height } : {}),
    };
  };
  return embeds.map((embed) => {
    const image = resolve(embed.image);
    const thumbnail = resolve(embed.thumbnail);
    return { ...embed, ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) };
  });
}

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

export class RestRoutes {
  private readonly routes: Route[] = [];

  constructor(
    private readonly state: DiscordState,
    private readonly options: RestOptions,
  ) {
    this.defineRoutes();
    defineScheduledEventRoutes(state, (method, template, handler) => this.route(method, template, handler));
  }

  handle(request: RestRequest): RestReply {
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      if (route.needsBotToken && !String(request.headers.authorization ?? '').startsWith('Bot ')) {
        return discordError(401, 0, '401: Unauthorized');
      }
      const params = Object.fromEntries(route.keys.map((key, index) => [key, match[index + 1] ?? '']));
      return route.handler(params, request);
    }
    return notFound();
  }

  private route(method: string, template: string, handler: Handler, needsBotToken = true): void {
    const keys: string[] = [];
    const source = template
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, needsBotToken, handler });
  }

  private defineRoutes(): void {
    const { state } = this;

    this.route('GET', '/gateway', () => ok({ url: this.options.gatewayUrl() }), false);
    this.route('GET', '/gateway/bot', () =>
      ok({
        url: this.options.gatewayUrl(),
        shards: this.options.shards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: this.options.maxConcurrency },
      }),
    );

    this.route('GET', '/users/@me', () => ok(state.bot));
    this.route('POST', '/users/@me/channels', (_params, request) => {
      const recipientId = isPlainObject(request.body) ? String(request.body.recipient_id ?? '') : '';
      const recipient = state.users.get(recipientId);
      return recipient ? ok(state.dmChannelWith(recipient)) : discordError(400, 50007, 'Cannot send messages to this user');
    });
    this.route('GET', '/users/:userId', ({ userId = '' }) => {
      const user = state.users.get(userId);
      return user ? ok(user) : discordError(404, 10013, 'Unknown User');
    });

    this.route('GET', '/applications/@me', () => ok(applicationPayload(state.application, state.bot, state.owner)));
    this.route('GET', '/applications/:appId/commands', ({ appId = '' }) =>
      this.withApplication(appId, () => ok([...state.commandsFor(null).values()])),
    );
    this.route('PUT', '/applications/:appId/commands', ({ appId = '' }, request) =>
      this.withApplication(appId, () => this.overwriteCommands(null, request.body)),
    );
    this.route('POST', '/applications/:appId/commands', ({ appId = '' }, request) =>
      this.withApplication(appId, () => this.upsertCommand(null, request.body)),
    );
    this.route('GET', '/applications/:appId/guilds/:guildId/commands', ({ appId = '', guildId = '' }) =>
      this.withApplication(appId, () => this.withGuild(guildId, () => ok([...state.commandsFor(guildId).values()]))),
    );
    this.route('PUT', '/applications/:appId/guilds/:guildId/commands', ({ appId = '', guildId = '' }, request) =>
      this.withApplication(appId, () => this.withGuild(guildId, () => this.overwriteCommands(guildId, request.body))),
    );
    this.route('POST', '/applications/:appId/guilds/:guildId/commands', ({ appId = '', guildId = '' }, request) =>
      this.withApplication(appId, () => this.withGuild(guildId, () => this.upsertCommand(guildId, request.body))),
    );

    this.route('GET', '/guilds/:guildId', ({ guildId = '' }) =>
      this.withGuild(guildId, (guild) => ok(restGuildPayload(guild))),
    );
    this.route('GET', '/guilds/:guildId/channels', ({ guildId = '' }) =>
      this.withGuild(guildId, (guild) => ok(guild.channels)),
    );
    this.route('GET', '/guilds/:guildId/roles', ({ guildId = '' }) => this.withGuild(guildId, (guild) => ok(guild.roles)));
    this.options.roles.defineRoutes((method, template, handler) => this.route(method, template, handler));
    this.route('GET', '/guilds/:guildId/members/:userId', ({ guildId = '', userId = '' }) =>
      this.withGuild(guildId, (guild) => {
        const member = guild.members.get(userId);
        return member ? ok(member) : discordError(404, 10007, 'Unknown Member');
      }),
    );

    this.route('GET', '/channels/:channelId', ({ channelId = '' }) => {
      if (state.isOutOfReach(channelId)) return missingAccess();
      const location = state.locateChannel(channelId);
      return location ? ok(location.channel) : unknownChannel();
    });
    this.route('GET', '/channels/:channelId/messages', ({ channelId = '' }, request) => {
      if (state.isOutOfReach(channelId)) return missingAccess();
      if (!state.locateChannel(channelId)) return unknownChannel();
      const limit = Math.min(Math.max(Number(request.query.limit ?? 50) || 50, 1), 100);
      // Newest first, like Discord.
      return ok(state.messagesIn(channelId).reverse().slice(0, limit));
    });
    this.route('POST', '/channels/:channelId/messages', ({ channelId = '' }, request) =>
      this.createChannelMessage(channelId, request.body, request.files ?? []),
    );
    this.route('GET', '/channels/:channelId/messages/:messageId', ({ channelId = '', messageId = '' }) => {
      const message = state.messages.get(messageId);
      return message && message.channel_id === channelId ? ok(message) : unknownMessage();
    });
    this.route('PATCH', '/channels/:channelId/messages/:messageId', ({ channelId = '', messageId = '' }, request) => {
      const message = state.messages.get(messageId);
      if (!message || message.channel_id !== channelId) return unknownMessage();
      if (message.author.id !== state.bot.id) {
        return discordError(403, 50005, 'Cannot edit a message authored by another user');
      }
      return this.editMessage(message, request.body, request.files ?? []);
    });
    this.route('DELETE', '/channels/:channelId/messages/:messageId', ({ channelId = '', messageId = '' }) => {
      const message = state.messages.get(messageId);
      if (!message || message.channel_id !== channelId) return unknownMessage();
      return this.deleteMessage(message);
    });

    this.route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      ({ interactionId = '', token = '' }, request) => this.interactionCallback(interactionId, token, request),
      false,
    );

    this.route(
      'POST',
      '/webhooks/:appId/:token',
      ({ appId = '', token = '' }, request) => this.followUp(appId, token, request),
      false,
    );
    this.route(
      'GET',
      '/webhooks/:appId/:token/messages/:messageId',
      (params) => this.withWebhookMessage(params, (message) => ok(message)),
      false,
    );
    this.route(
      'PATCH',
      '/webhooks/:appId/:token/messages/:messageId',
      (params, request) =>
        this.withWebhookMessage(params, (message, tracked) => uploadRefused(tracked.raw, request.files) ?? this.editMessage(message, request.body, request.files ?? [])),
      false,
    );
    this.route(
      'DELETE',
      '/webhooks/:appId/:token/messages/:messageId',
      (params) => this.withWebhookMessage(params, (message) => this.deleteMessage(message)),
      false,
    );
  }

  /**
   * A message's attachments after a create or edit, as Discord works them out: each entry of the payload's
   * `attachments` names an upload by its index n (files[n]) or, on an edit, an attachment the message already
   * has (kept; others are dropped); uploads no entry names are attached too. Without an `attachments` array
   * an edit keeps what the message had and adds the uploads.
   */
  private attachments(
    channelId: string,
    body: MessageBody,
    files: UploadedFile[],
    existing: APIAttachment[],
  ): { attachments: APIAttachment[] } | RestReply {
    const entries = body.attachments ?? null;
    const result: APIAttachment[] = entries === null ? [...existing] : [];
    const used = new Set<UploadedFile>();
    for (const [index, entry] of (entries ?? []).entries()) {
      const id = String(entry?.id ?? '');
      const upload = files.find((file) => file.index !== null && String(file.index) === id);
      if (upload) {
        result.push(this.storeUpload(channelId, upload, entry));
        used.add(upload);
        continue;
      }
      const kept = existing.find((attachment) => attachment.id === id);
      if (kept) {
        result.push(typeof entry?.description === 'string' ? { ...kept, description: entry.description } : kept);
        continue;
      }
      return invalidFormBody(`attachments.${index}.id`, 'ATTACHMENT_NOT_FOUND', `No uploaded file files[${id}] or attachment ${id}`);
    }
    for (const file of files) if (!used.has(file)) result.push(this.storeUpload(channelId, file, undefined));
    return { attachments: result };
  }

  private storeUpload(channelId: string, file: UploadedFile, entry: { filename?: unknown; description?: unknown } | undefined): APIAttachment {
    const attachment = attachmentFor(file, entry, (id, filename) => this.options.attachmentUrl(channelId, id, filename));
    this.state.attachmentFiles.set(new URL(attachment.url).pathname.split('/').map(decodeURIComponent).join('/'), {
      contentType: file.contentType,
      bytes: file.bytes,
    });
    return attachment;
  }

  private withApplication(appId: string, answer: () => RestReply): RestReply {
    return appId === this.state.application.id ? answer() : discordError(403, 50001, 'Missing Access');
  }

  private withGuild(guildId: string, answer: (guild: FakeGuild) => RestReply): RestReply {
    const guild = this.state.guilds.get(guildId);
    if (!guild && this.state.guildsWithoutBot.has(guildId)) return missingAccess();
    return guild ? answer(guild) : discordError(404, 10004, 'Unknown Guild');
  }

  private createChannelMessage(channelId: string, rawBody: unknown, files: UploadedFile[]): RestReply {
    // The bot may not post where it is not: a server that never added it, or people's own DMs.
    if (this.state.isOutOfReach(channelId)) return missingAccess();
    const location = this.state.locateChannel(channelId);
    if (!location) return unknownChannel();
    if (!isPlainObject(rawBody)) return discordError(400, 50109, 'The request body contains invalid JSON.');
    const body = rawBody as MessageBody;
    const problem = messageBodyProblem(body, undefined, files);
    if (problem) return problem;
    const uploads = this.attachments(channelId, body, files, []);
    if ('status' in uploads) return uploads;

    const nonce = body.nonce ?? undefined;
    if (typeof nonce === 'string' && nonce.length > 25) {
      return invalidFormBody('nonce', 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    if (nonce !== undefined && body.enforce_nonce) {
      // Discord's idempotency: a retried send with the same nonce returns the first message.
      const existing = this.state.recentMessageWithNonce(channelId, nonce, this.options.nonceWindowMs);
      if (existing) return ok(existing);
    }

    const reference = body.message_reference;
    const repliedTo = reference?.message_id ? this.state.messages.get(reference.message_id) : undefined;
    if (reference?.message_id && !repliedTo && reference.fail_if_not_exists !== false) {
      return invalidFormBody('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
    const message = this.state.createMessage({
      channelId,
      author: this.state.bot,
      content: body.content ?? '',
      embeds: withAttachmentUrls(body.embeds ?? [], uploads.attachments),
      components: body.components ?? [],
      flags: (body.flags ?? 0) & SENDABLE_FLAGS,
      tts: body.tts ?? false,
      attachments: uploads.attachments,
      ...(nonce !== undefined ? { nonce } : {}),
      ...(repliedTo
        ? {
            type: MessageType.Reply,
            messageReference: {
              type: MessageReferenceType.Default,
              message_id: repliedTo.id,
              channel_id: repliedTo.channel_id,
              ...(location.guild ? { guild_id: location.guild.id } : {}),
            },
          }
        : {}),
    });
    if (nonce !== undefined) this.state.rememberNonce(channelId, nonce, message.id);
    this.options.events.created(message, location);
    return ok(message);
  }

  private editMessage(message: APIMessage, rawBody: unknown, files: UploadedFile[] = []): RestReply {
    if (!isPlainObject(rawBody)) return discordError(400, 50109, 'The request body contains invalid JSON.');
    const body = rawBody as MessageBody;
    const problem = messageBodyProblem(body, message, files);
    if (problem) return problem;
    const uploads = this.attachments(message.channel_id, body, files, message.attachments);
    if ('status' in uploads) return uploads;
    // An edit may add IS_COMPONENTS_V2 (the edit of a deferred reply does); it never takes it off.
    const flags = body.flags != null ? (message.flags ?? 0) | (body.flags & (MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2)) : message.flags;
    const edit = messageEdit(body);
    const edited = this.state.editMessage(message.id, {
      ...edit,
      ...(edit.embeds ? { embeds: withAttachmentUrls(edit.embeds, uploads.attachments) } : {}),
      attachments: uploads.attachments,
      // An edit resolves a deferred ("thinking...") response.
      flags: (flags ?? 0) & ~MessageFlags.Loading,
    });
    if (!edited) return unknownMessage();
    this.options.events.updated(edited, this.state.locateChannel(edited.channel_id));
    return ok(edited);
  }

  private deleteMessage(message: APIMessage): RestReply {
    this.state.messages.delete(message.id);
    for (const tracked of this.state.interactions.values()) tracked.messageIds.delete(message.id);
    this.options.events.deleted(message, this.state.locateChannel(message.channel_id));
    return noContent();
  }

  private overwriteCommands(guildId: string | null, body: unknown): RestReply {
    if (!Array.isArray(body)) return discordError(400, 50109, 'The request body contains invalid JSON.');
    const problem = body.map((command, index) => this.commandProblem(command, String(index))).find(Boolean);
    if (problem) return problem;
    const commands = this.state.commandsFor(guildId);
    const previous = new Map(commands);
    commands.clear();
    for (const raw of body as Record<string, unknown>[]) {
      const command = this.storedCommand(raw, guildId, previous);
      commands.set(command.id, command);
    }
    return ok([...commands.values()]);
  }

  private upsertCommand(guildId: string | null, body: unknown): RestReply {
    const problem = this.commandProblem(body, null);
    if (problem) return problem;
    const commands = this.state.commandsFor(guildId);
    const command = this.storedCommand(body as Record<string, unknown>, guildId, commands);
    const existed = commands.has(command.id);
    commands.set(command.id, command);
    return { status: existed ? 200 : 201, body: command };
  }

  private commandProblem(command: unknown, index: string | null): RestReply | null {
    const prefix = index === null ? '' : `${index}.`;
    if (!isPlainObject(command)) return discordError(400, 50109, 'The request body contains invalid JSON.');
    const type = command.type ?? ApplicationCommandType.ChatInput;
    const name = command.name;
    if (typeof name !== 'string' || name.length < 1 || name.length > 32) {
      return invalidFormBody(`${prefix}name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
    }
    if (type === ApplicationCommandType.ChatInput) {
      if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(name) || name !== name.toLowerCase()) {
        return invalidFormBody(`${prefix}name`, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      }
      const description = command.description;
      if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
        return invalidFormBody(`${prefix}description`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      }
    }
    return null;
  }

  /** Discord keeps a command's id when a bulk overwrite re-sends the same name and type. */
  private storedCommand(
    raw: Record<string, unknown>,
    guildId: string | null,
    previous: Map<string, APIApplicationCommand>,
  ): APIApplicationCommand {
    const type = (raw.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const kept = [...previous.values()].find((command) => command.name === raw.name && command.type === type);
    return {
      name_localizations: null,
      description_localizations: null,
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...raw,
      id: kept?.id ?? nextSnowflake(),
      application_id: this.state.application.id,
      version: nextSnowflake(),
      type,
      description: typeof raw.description === 'string' ? raw.description : '',
      ...(guildId ? { guild_id: guildId } : {}),
    } as APIApplicationCommand;
  }

  private interactionCallback(interactionId: string, token: string, request: RestRequest): RestReply {
    const tracked = this.state.interactions.get(interactionId);
    if (!tracked || tracked.raw.token !== token) return unknownInteraction();
    // Discord forgets interactions that were not answered within 3 seconds.
    if (!tracked.callback && Date.now() - tracked.dispatchedAt > this.options.interactionResponseDeadlineMs) {
      return unknownInteraction();
    }
    if (tracked.callback) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    if (!isPlainObject(request.body) || typeof request.body.type !== 'number') {
      return invalidFormBody('type', 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    const callback = request.body as unknown as InteractionCallbackBody;
    if (!ALLOWED_CALLBACKS[tracked.raw.type]?.includes(callback.type)) {
      return invalidCallbackType('Invalid interaction callback type for this interaction');
    }
    const refused = uploadRefused(tracked.raw, request.files);
    if (refused) return refused;
    const data = (callback.data ?? {}) as MessageBody;
    const location = this.state.locateChannel(tracked.raw.channel_id ?? '');
    let resourceMessage: APIMessage | null = null;

    switch (callback.type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const deferred = callback.type === InteractionResponseType.DeferredChannelMessageWithSource;
        const files = request.files ?? [];
        if (!deferred) {
          const problem = messageBodyProblem(data, undefined, files);
          if (problem) return problem;
        }
        const uploads = this.attachments(tracked.raw.channel_id ?? '', data, deferred ? [] : files, []);
        if ('status' in uploads) return uploads;
        const flags = (data.flags ?? 0) | (forcedEphemeral(tracked.raw) ? MessageFlags.Ephemeral : 0);
        const ephemeral = flags & MessageFlags.Ephemeral;
        resourceMessage = this.createInteractionMessage(tracked, {
          content: deferred ? '' : (data.content ?? ''),
          embeds: deferred ? [] : withAttachmentUrls(data.embeds ?? [], uploads.attachments),
          components: deferred ? [] : (data.components ?? []),
          flags: deferred ? MessageFlags.Loading | ephemeral : flags,
          attachments: deferred ? [] : uploads.attachments,
        });
        tracked.originalMessageId = resourceMessage.id;
        if (!ephemeral) this.options.events.created(resourceMessage, location);
        break;
      }
      case InteractionResponseType.UpdateMessage:
      case InteractionResponseType.DeferredMessageUpdate: {
        const clicked = 'message' in tracked.raw ? tracked.raw.message : undefined;
        if (!clicked) return invalidCallbackType('This interaction has no message to update');
        if (!this.state.messages.has(clicked.id)) this.state.messages.set(clicked.id, clicked);
        tracked.originalMessageId = clicked.id;
        tracked.messageIds.add(clicked.id);
        if (callback.type === InteractionResponseType.UpdateMessage) {
          const reply = this.editMessage(this.state.messages.get(clicked.id) ?? clicked, data, request.files ?? []);
          if (reply.status >= 400) return reply;
          resourceMessage = reply.body as APIMessage;
        }
        break;
      }
      default:
        break;
    }
    tracked.callback = callback;
    if (request.query.with_response !== 'true') return noContent();
    return ok({
      interaction: {
        id: tracked.raw.id,
        type: tracked.raw.type,
        activity_instance_id: null,
        response_message_id: resourceMessage?.id ?? null,
        response_message_loading: callback.type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: Boolean((resourceMessage?.flags ?? 0) & MessageFlags.Ephemeral),
      },
      ...(resourceMessage ? { resource: { type: callback.type, message: resourceMessage } } : {}),
    });
  }

  private followUp(appId: string, token: string, request: RestRequest): RestReply {
    const tracked = this.state.interactionByToken(token);
    // The interaction's webhook exists only once the interaction has been acknowledged.
    if (!tracked || !tracked.callback || appId !== tracked.raw.application_id) return unknownWebhook();
    if (!isPlainObject(request.body)) return discordError(400, 50109, 'The request body contains invalid JSON.');
    const body = request.body as MessageBody;
    const files = request.files ?? [];
    const problem = messageBodyProblem(body, undefined, files);
    if (problem) return problem;
    const refused = uploadRefused(tracked.raw, files);
    if (refused) return refused;
    if (onlyUserInstall(tracked.raw) && tracked.followUps >= USER_INSTALL_FOLLOW_UP_LIMIT) {
      return discordError(400, 40094, 'Maximum number of follow up messages hit');
    }
    const uploads = this.attachments(tracked.raw.channel_id ?? '', body, files, []);
    if ('status' in uploads) return uploads;
    tracked.followUps += 1;
    const message = this.createInteractionMessage(tracked, {
      content: body.content ?? '',
      embeds: withAttachmentUrls(body.embeds ?? [], uploads.attachments),
      components: body.components ?? [],
      flags: (body.flags ?? 0) | (forcedEphemeral(tracked.raw) ? MessageFlags.Ephemeral : 0),
      attachments: uploads.attachments,
    });
    if (!((message.flags ?? 0) & MessageFlags.Ephemeral)) {
      this.options.events.created(message, this.state.locateChannel(message.channel_id));
    }
    return request.query.wait === 'true' ? ok(message) : noContent();
  }

  private withWebhookMessage(
    { appId = '', token = '', messageId = '' }: Record<string, string>,
    answer: (message: APIMessage, tracked: TrackedInteraction) => RestReply,
  ): RestReply {
    const tracked = this.state.interactionByToken(token);
    if (!tracked || appId !== tracked.raw.application_id) return unknownWebhook();
    const id = messageId === '@original' ? tracked.originalMessageId : messageId;
    const message = id && tracked.messageIds.has(id) ? this.state.messages.get(id) : undefined;
    return message ? answer(message, tracked) : unknownMessage();
  }

  /** A message sent through an interaction: authored by the bot via the application's webhook. */
  private createInteractionMessage(
    tracked: TrackedInteraction,
    fields: {
      content: string;
      embeds: APIEmbed[];
      components: APIMessageTopLevelComponent[];
      flags: number;
      attachments?: APIAttachment[];
    },
  ): APIMessage {
    const { raw } = tracked;
    const user = raw.member?.user ?? raw.user ?? this.state.bot;
    const clicked = 'message' in raw ? raw.message : undefined;
    const metadata = {
      id: raw.id,
      type: raw.type,
      user,
      authorizing_integration_owners: raw.authorizing_integration_owners,
      ...(clicked ? { interacted_message_id: clicked.id } : {}),
      ...(tracked.originalMessageId ? { original_response_message_id: tracked.originalMessageId } : {}),
    } as APIMessageInteractionMetadata;
    const isCommand = raw.type === InteractionType.ApplicationCommand;
    const message = this.state.createMessage({
      channelId: raw.channel_id ?? raw.channel?.id ?? '',
      author: this.state.bot,
      content: fields.content,
      embeds: fields.embeds,
      components: fields.components,
      flags: fields.flags,
      attachments: fields.attachments ?? [],
      type: isCommand ? MessageType.ChatInputCommand : MessageType.Default,
      webhookId: raw.application_id,
      applicationId: raw.application_id,
      interactionMetadata: metadata,
    });
    tracked.messageIds.add(message.id);
    return message;
  }
}
