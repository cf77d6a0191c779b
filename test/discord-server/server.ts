/**
 * A Discord-compatible fake server on one 127.0.0.1 port: REST under /api/v10 and the gateway on /gateway.
 * The real discord.js Client logs in to it with `rest: { api: server.apiBaseUrl }`.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationIntegrationType,
  GatewayIntentBits,
  InteractionContextType,
  MessageFlags,
  type APIApplicationCommand,
  type APIAttachment,
  type APIDMChannel,
  type APIGroupDMChannel,
  type APIMessage,
  type APIUser,
  type Locale,
} from 'discord.js';
import { DiscordState, type ChannelLocation, type InteractionCallbackBody } from './discord-state.js';
import { FakeGateway, type GatewayFrame, type GuildMembersRequest } from './gateway.js';
import {
  autocompleteInteraction,
  contextOf,
  buttonInteraction,
  chatInputInteraction,
  modalSubmitInteraction,
  stringSelectInteraction,
  type AutocompleteSpec,
  type ButtonSpec,
  type ChatInputSpec,
  type InteractionOrigin,
  type ModalSubmitSpec,
  type RawInteraction,
  type StringSelectSpec,
} from './interaction-payloads.js';
import {
  DEFAULT_APPLICATION_FLAGS,
  buildDmChannel,
  buildGroupDmChannel,
  buildMember,
  buildUser,
  guildCreatePayload,
  type FakeGuild,
  type GuildChannelPayload,
  type GuildSpec,
  type MessageSpec,
  type UserSpec,
} from './payloads.js';
import { DEFAULT_UPLOAD_LIMIT_BYTES, imageSize, isMultipart, parseMultipart, type UploadedFile } from './multipart.js';
import { Recorder } from './recorder.js';
import { RateLimiter, type RateLimitOptions } from './rate-limits.js';
import { RestRoutes, discordError, type RestReply, type RestRequest } from './rest-routes.js';
import { nextSnowflake } from './snowflake.js';
import { GuildRoleEdits } from './role-routes.js';
import { performance } from 'node:perf_hooks';

export interface FakeDiscordServerOptions {
  /** The bot user; its id doubles as the application id, as for real bots. */
  bot?: UserSpec;
  /** Guilds the bot is in at login. Defaults to one guild with a #general channel. */
  guilds?: GuildSpec[];
  /** Users known up front (e.g. to reference by id). One "tester" user is always added. */
  users?: UserSpec[];
  /** HELLO's heartbeat_interval; Discord's is 41250. Lower it to exercise heartbeats. */
  heartbeatIntervalMs?: number;
  /** Discord drops interactions not answered within 3s; Infinity turns the check off. */
  interactionResponseDeadlineMs?: number;
  /** How long an enforced nonce deduplicates channel messages. */
  nonceWindowMs?: number;
  /**
   * Shards GET /gateway/bot recommends (default 1). Each IDENTIFY may ask for a shard [id, count];
   * a guild's events go to the session of shard (guild_id >> 22) % count.
   */
  shards?: number;
  /** session_start_limit.max_concurrency: shards that may identify at once (default 1). */
  maxConcurrency?: number;
  /** Enforces Discord's rate limits with real 429 answers (off by default). */
  rateLimits?: RateLimitOptions;
  /** Largest total of uploaded files in one request; Discord's default is 10 MiB. Larger requests get 413. */
  uploadLimitBytes?: number;
}

/** A file uploaded with a request (multipart `files[n]`), with what the payload said about it. */
export interface RecordedAttachment {
  /** The form field, e.g. 'files[0]'. */
  field: string;
  /** n of files[n], which the payload's attachments[].id names. */
  index: number | null;
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** The description (alt text) given in the payload's attachments entry with this id, if any. */
  description: string | null;
  /** For PNG, GIF and JPEG uploads, read from the image's header. */
  width: number | null;
  height: number | null;
}

export interface RecordedRequest {
  method: string;
  /** Decoded (`@original`, not `%40original`), without /api/v10 and without the query string. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; for multipart requests the parsed payload_json part; otherwise null. */
  body: unknown;
  /** Files uploaded with a multipart request; [] otherwise. */
  files: RecordedAttachment[];
  headers: IncomingHttpHeaders;
  /** When the request had arrived whole (ms since the epoch). */
  at: number;
  /** Status the fake server answered with. */
  status: number;
}

export interface RouteOverride {
  method: string;
  /** Exact path (as in RecordedRequest.path) or a pattern tested against it. */
  path: string | RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests to answer this way; 1 by default. */
  times?: number;
  /**
   * Answers every matching request this way until this time (ms since the epoch), however many:
   * an outage of a while rather than of a number of requests. `times` is then ignored.
   */
  until?: number;
}

/** Where and as whom an interaction happens; everything defaults to the first guild, channel and user. */
export interface InteractionPlace {
  /** null for the bot's DMs, or with channelId a private channel (see groupDm and dmBetween). */
  guildId?: string | null;
  channelId?: string;
  /**
   * The person installed the app to their account. Needed in a server without the bot and in
   * private channels; there only commands registered for user installs can be sent.
   */
  userInstall?: boolean;
  user?: APIUser | UserSpec;
  memberRoles?: string[];
  memberPermissions?: bigint | string;
  locale?: Locale;
}

export interface SentInteraction<T extends RawInteraction = RawInteraction> {
  id: string;
  token: string;
  raw: T;
  /** The bot's initial response (POST .../callback body) to this interaction. */
  callback(timeoutMs?: number): Promise<InteractionCallbackBody>;
}

/** The shard Discord puts a guild on. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const API_PREFIX = /^\/api(?:\/v(\d+))?(?=\/|$)/;
const DEFAULT_WAIT_MS = 2000;

function describeRequest(request: RecordedRequest): string {
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query ? `?${query}` : ''} -> ${request.status}`;
}

function describeFrame(frame: GatewayFrame): string {
  return `${frame.direction} op ${frame.op}${frame.t ? ` ${frame.t}` : ''}${frame.s !== null ? ` s=${frame.s}` : ''}`;
}

function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON bodies as JSON; multipart (file uploads) as their payload_json part and their files. */
function parseBody(raw: Buffer, contentType: string | undefined): { body: unknown; files: UploadedFile[] } {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType && isMultipart(contentType)) {
    const parts = parseMultipart(raw, contentType);
    return { body: parts?.payload ?? null, files: parts?.files ?? [] };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

/** The payload's attachments entries: at the top level, or in `data` for an interaction callback. */
function attachmentEntries(body: unknown): Record<string, unknown>[] {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const data = typeof record.data === 'object' && record.data !== null ? (record.data as Record<string, unknown>) : null;
  const list = Array.isArray(record.attachments) ? record.attachments : Array.isArray(data?.attachments) ? data.attachments : [];
  return list.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
}

function recordAttachments(files: UploadedFile[], body: unknown): RecordedAttachment[] {
  const entries = attachmentEntries(body);
  return files.map((file) => {
    const entry = entries.find((candidate) => String(candidate.id) === String(file.index));
    const size = imageSize(file.bytes);
    return {
      field: file.field,
      index: file.index,
      filename: file.filename,
      contentType: file.contentType,
      bytes: file.bytes,
      description: typeof entry?.description === 'string' ? entry.description : null,
      width: size?.width ?? null,
      height: size?.height ?? null,
    };
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export class FakeDiscordServer {
  readonly state: DiscordState;
  private readonly http: Server;
  private readonly gateway: FakeGateway;
  private readonly rest: RestRoutes;
  /** The guilds' roles and members' roles, as REST changes them; tests change them as a server's owner would. */
  readonly roles: GuildRoleEdits;
  private readonly requestLog = new Recorder<RecordedRequest>(describeRequest);
  private readonly frameLog = new Recorder<GatewayFrame>(describeFrame);
  private readonly overrides: (RouteOverride & { remaining: number })[] = [];
  private readonly testerId: string;
  private listeningPort: number | null = null;
  /** Set when the server enforces rate limits; counts the 429s it sent. */
  readonly rateLimiter: RateLimiter | null;
  private readonly uploadLimitBytes: number;

  constructor(options: FakeDiscordServerOptions = {}) {
    const bot = buildUser({ username: 'Lightstick', ...options.bot, bot: true });
    const owner = buildUser({ username: 'owner' });
    this.state = new DiscordState(bot, owner, { id: bot.id, name: bot.username, flags: DEFAULT_APPLICATION_FLAGS });
    this.testerId = this.state.user({ username: 'tester', globalName: 'Tester' }).id;
    for (const user of options.users ?? []) this.state.user(user);
    for (const guild of options.guilds ?? [{}]) this.state.addGuild(guild);

    this.rateLimiter = options.rateLimits ? new RateLimiter(options.rateLimits) : null;
    this.uploadLimitBytes = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES;
    this.roles = new GuildRoleEdits(this.state, (t, d, guildId, intent) => this.gateway.dispatch(t, d, intent, guildId));
    this.rest = new RestRoutes(this.state, {
      roles: this.roles,
      gatewayUrl: () => this.gatewayUrl,
      shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 1,
      interactionResponseDeadlineMs: options.interactionResponseDeadlineMs ?? 3000,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
      attachmentUrl: (channelId, attachmentId, filename) =>
        `http://127.0.0.1:${this.listeningPort ?? 0}/attachments/${channelId}/${attachmentId}/${encodeURIComponent(filename)}`,
      events: {
        created: (message, location) => this.mirrorMessage('MESSAGE_CREATE', message, location),
        updated: (message, location) => this.mirrorMessage('MESSAGE_UPDATE', message, location),
        deleted: (message, location) =>
          this.mirrorMessage('MESSAGE_DELETE', { id: message.id, channel_id: message.channel_id }, location),
      },
    });
    this.gateway = new FakeGateway(
      {
        ready: (sessionId, resumeUrl, shard) => ({
          v: 10,
          user: this.state.bot,
          guilds: [...this.state.guilds.keys()].filter((id) => shardOf(id, shard[1]) === shard[0]).map((id) => ({ id, unavailable: true })),
          session_id: sessionId,
          resume_gateway_url: resumeUrl,
          shard,
          application: {
            id: this.state.application.id,
            flags: this.state.application.flags,
            flags_new: this.state.application.flags.toString(),
          },
        }),
        guildCreates: (shard) =>
          [...this.state.guilds.values()].filter((guild) => shardOf(guild.id, shard[1]) === shard[0]).map(guildCreatePayload),
        guildCount: () => this.state.guilds.size,
        guildMembers: (request) => this.guildMembers(request),
      },
      {
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
        url: () => this.gatewayUrl,
        record: (frame) => this.frameLog.push(frame),
      },
    );
    this.http = createServer((request, response) => {
      // A client that hangs up mid-request is not a test failure; just drop the exchange.
      this.onRequest(request, response).catch(() => response.destroy());
    });
    this.http.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname === '/gateway') {
        this.gateway.handleUpgrade(request, socket, head);
      } else {
        socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      }
    });
  }

  /** Listens on a free 127.0.0.1 port and returns it. */
  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(0, '127.0.0.1', () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.listeningPort = (this.http.address() as AddressInfo).port;
    return this.listeningPort;
  }

  /** Closes sockets, keep-alive connections and pending waits, so the test process can exit. */
  async stop(): Promise<void> {
    this.requestLog.dropWaiters();
    this.frameLog.dropWaiters();
    await this.gateway.close();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closed;
    this.listeningPort = null;
  }

  get port(): number {
    if (this.listeningPort === null) throw new Error('The fake Discord server is not started');
    return this.listeningPort;
  }

  /** What to pass as discord.js's `rest.api` (discord.js appends /v10). */
  get apiBaseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  // --- the world --------------------------------------------------------------------------------

  get bot(): APIUser {
    return this.state.bot;
  }

  get applicationId(): string {
    return this.state.application.id;
  }

  get guilds(): FakeGuild[] {
    return [...this.state.guilds.values()];
  }

  guild(guildId?: string): FakeGuild {
    const guild = guildId === undefined ? this.guilds[0] : this.state.guilds.get(guildId);
    if (!guild) throw new Error(`No guild ${guildId ?? '(none configured)'}`);
    return guild;
  }

  channel(channelId?: string): GuildChannelPayload {
    if (channelId === undefined) {
      const first = this.guild().channels[0];
      if (!first) throw new Error('The first guild has no channels');
      return first;
    }
    const location = this.state.locateChannel(channelId);
    if (location?.kind !== 'guild') throw new Error(`No guild channel ${channelId}`);
    return location.channel;
  }

  /** The default "tester" user, or a user to act as (registered if new). */
  user(input?: APIUser | UserSpec): APIUser {
    if (input) return this.state.user(input);
    const tester = this.state.users.get(this.testerId);
    if (!tester) throw new Error('The tester user is missing');
    return tester;
  }

  /** Adds a guild; connected clients receive GUILD_CREATE as if the bot had just joined it. */
  addGuild(spec: GuildSpec = {}): FakeGuild {
    const guild = this.state.addGuild(spec);
    this.gateway.dispatch('GUILD_CREATE', guildCreatePayload(guild), undefined, guild.id);
    return guild;
  }

  /** A server the bot was never added to, where a person who installed the app to their account may use it. */
  addGuildWithoutBot(spec: GuildSpec = {}): FakeGuild {
    return this.state.addGuildWithoutBot(spec);
  }

  /** A group DM of people (the bot is not in it), owned by the first. */
  groupDm(members: (APIUser | UserSpec)[], name: string | null = null): APIGroupDMChannel {
    const [owner, ...others] = members.map((member) => this.user(member));
    if (!owner) throw new Error('A group DM needs people');
    const channel = buildGroupDmChannel(owner, others, name);
    this.state.privateChannels.set(channel.id, channel);
    return channel;
  }

  /** A DM between two people (the bot is not in it), as the first one sees it. */
  dmBetween(user: APIUser | UserSpec, other: APIUser | UserSpec): APIDMChannel {
    const channel = buildDmChannel(this.user(other));
    this.user(user);
    this.state.privateChannels.set(channel.id, channel);
    return channel;
  }

  /**
   * The commands Discord offers in a place: registered for an installation the place has, and for
   * its context. A server's own commands only where the bot is.
   */
  commandsOffered(place: InteractionPlace = {}): APIApplicationCommand[] {
    const origin = this.origin(place);
    const context = contextOf(origin);
    const installs = [
      ...((origin.guildInstall ?? true) && context !== InteractionContextType.PrivateChannel ? [ApplicationIntegrationType.GuildInstall] : []),
      ...(origin.userInstall ? [ApplicationIntegrationType.UserInstall] : []),
    ];
    const registered = [
      ...this.state.commandsFor(null).values(),
      ...(origin.guild && (origin.guildInstall ?? true) ? this.state.commandsFor(origin.guild.id).values() : []),
    ];
    return registered.filter((command) => {
      const types = command.guild_id ? [ApplicationIntegrationType.GuildInstall] : (command.integration_types ?? [ApplicationIntegrationType.GuildInstall]);
      // Discord's default contexts, for a command registered without them.
      const contexts = command.contexts ?? [InteractionContextType.Guild, InteractionContextType.BotDM];
      return types.some((type) => installs.includes(type)) && contexts.includes(context);
    });
  }

  /** Removes a guild; connected clients receive GUILD_DELETE as if the bot had been kicked. */
  removeGuild(guildId: string): void {
    if (!this.state.guilds.delete(guildId)) throw new Error(`No guild ${guildId}`);
    this.gateway.dispatch('GUILD_DELETE', { id: guildId, unavailable: false }, undefined, guildId);
  }

  messages(channelId: string): APIMessage[] {
    return this.state.messagesIn(channelId);
  }

  message(messageId: string): APIMessage | undefined {
    return this.state.messages.get(messageId);
  }

  /** Stores a message as if someone had posted it (no gateway event), e.g. to click a button on. */
  createMessage(spec: MessageSpec): APIMessage {
    return this.state.createMessage(spec);
  }

  // --- gateway ----------------------------------------------------------------------------------

  /**
   * Sends any dispatch (op 0) to every session; `intent` limits it to sessions that asked for it.
   * Returns how many sessions it went to.
   */
  dispatch(t: string, d: unknown, intent?: number): number {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    return this.gateway.dispatch(t, d, intent, typeof guildId === 'string' ? guildId : undefined);
  }

  /** Sends opcode 7; discord.js then reconnects and RESUMEs. */
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }

  get gatewayFrames(): readonly GatewayFrame[] {
    return this.frameLog.items;
  }

  waitForGatewayFrame(predicate: (frame: GatewayFrame) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<GatewayFrame> {
    return this.frameLog.waitFor(predicate, timeoutMs, 'a gateway frame');
  }

  clearGatewayFrames(): void {
    this.frameLog.clear();
  }

  // --- REST recording ---------------------------------------------------------------------------

  get requests(): readonly RecordedRequest[] {
    return this.requestLog.items;
  }

  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedRequest> {
    return this.requestLog.waitFor(predicate, timeoutMs, 'a REST request');
  }

  clearRequests(): void {
    this.requestLog.clear();
  }

  /** Answers the next matching request(s) with a canned reply instead of the normal route, e.g. a 403. */
  overrideRoute(override: RouteOverride): void {
    this.overrides.push({ ...override, remaining: override.times ?? 1 });
  }

  // --- interactions -----------------------------------------------------------------------------

  /** The application's owner, as GET /applications/@me reports it. */
  get applicationOwner(): APIUser {
    return this.state.owner;
  }

  /**
   * A file a user attached to a command, as Discord gives it: stored on the fake CDN, and returned
   * as the resolved attachment an interaction's attachment option points at.
   */
  userAttachment(filename: string, bytes: Buffer, contentType = 'text/csv'): APIAttachment {
    const id = nextSnowflake();
    const channelId = this.channel().id;
    const url = `http://127.0.0.1:${this.listeningPort ?? 0}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    this.state.attachmentFiles.set(`/attachments/${channelId}/${id}/${filename}`, { contentType, bytes });
    return { id, filename, size: bytes.length, url, proxy_url: url, content_type: contentType };
  }

  chatInputInteraction(spec: InteractionPlace & ChatInputSpec) {
    const offered = this.offeredCommand(spec, spec.commandName);
    return chatInputInteraction(this.origin(spec, offered), { ...(offered ? { commandId: offered.id } : {}), ...spec });
  }

  autocompleteInteraction(spec: InteractionPlace & AutocompleteSpec) {
    const offered = this.offeredCommand(spec, spec.commandName);
    return autocompleteInteraction(this.origin(spec, offered), { ...(offered ? { commandId: offered.id } : {}), ...spec });
  }

  /** Guild and channel come from the message unless given. */
  buttonInteraction(spec: Omit<InteractionPlace, 'channelId' | 'guildId'> & ButtonSpec) {
    return buttonInteraction(this.origin({ ...this.placeOf(spec.message), ...spec }), spec);
  }

  stringSelectInteraction(spec: Omit<InteractionPlace, 'channelId' | 'guildId'> & StringSelectSpec) {
    return stringSelectInteraction(this.origin({ ...this.placeOf(spec.message), ...spec }), spec);
  }

  modalSubmitInteraction(spec: InteractionPlace & ModalSubmitSpec) {
    const place = spec.message ? { ...this.placeOf(spec.message), ...spec } : spec;
    return modalSubmitInteraction(this.origin(place), spec);
  }

  /** Dispatches INTERACTION_CREATE and starts the 3-second response clock. */
  sendInteraction<T extends RawInteraction>(raw: T): SentInteraction<T> {
    if (this.gateway.sessionCount === 0) {
      throw new Error('No gateway session: log the discord.js client in before sending interactions');
    }
    if ('message' in raw && raw.message && !this.state.messages.has(raw.message.id)) {
      this.state.messages.set(raw.message.id, raw.message);
    }
    this.state.trackInteraction(raw);
    // A guild's interactions go to its shard; DMs to shard 0, as on Discord.
    this.gateway.dispatch('INTERACTION_CREATE', raw, undefined, 'guild_id' in raw && typeof raw.guild_id === 'string' ? raw.guild_id : '0');
    return {
      id: raw.id,
      token: raw.token,
      raw,
      callback: (timeoutMs) => this.waitForCallback(raw.id, timeoutMs),
    };
  }

  /** The body of the first POST /interactions/{id}/{token}/callback for this interaction. */
  async waitForCallback(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionCallbackBody> {
    const prefix = `/interactions/${interactionId}/`;
    const request = await this.waitForRequest(
      (candidate) =>
        candidate.method === 'POST' && candidate.path.startsWith(prefix) && candidate.path.endsWith('/callback'),
      timeoutMs,
    );
    return request.body as InteractionCallbackBody;
  }

  // --- internals --------------------------------------------------------------------------------

  /**
   * A button's place is its message's, and so are its installations: a component carries the
   * owners that authorized the interaction that sent the message.
   */
  private placeOf(message: APIMessage): InteractionPlace {
    const owners = (message.interaction_metadata?.authorizing_integration_owners ?? {}) as Record<string, string>;
    const installs = ApplicationIntegrationType.UserInstall in owners ? { userInstall: true } : {};
    if (this.state.privateChannels.has(message.channel_id)) return { guildId: null, channelId: message.channel_id, ...installs };
    const outside = [...this.state.guildsWithoutBot.values()].find((guild) => guild.channels.some((channel) => channel.id === message.channel_id));
    if (outside) return { guildId: outside.id, channelId: message.channel_id, ...installs };
    const location = this.state.locateChannel(message.channel_id);
    if (!location) throw new Error(`Message ${message.id} is in unknown channel ${message.channel_id}`);
    return { guildId: location.guild?.id ?? null, channelId: message.channel_id, ...installs };
  }

  /**
   * The registered command an interaction invokes, when commands are registered. Where only a
   * person's install reaches (a server without the bot, a private channel), Discord shows only
   * commands registered for user installs: sending another is a test's mistake.
   */
  private offeredCommand(place: InteractionPlace, name: string): APIApplicationCommand | undefined {
    const registered = [...this.state.commandsFor(null).values()].some((command) => command.name === name);
    if (!registered) return undefined;
    const offered = this.commandsOffered(place).find((command) => command.name === name);
    if (!offered) throw new Error(`Discord does not offer /${name} there`);
    return offered;
  }

  private origin(place: InteractionPlace, command?: APIApplicationCommand): InteractionOrigin {
    const user = this.user(place.user);
    const base = {
      applicationId: this.applicationId,
      user,
      ...(place.memberRoles ? { memberRoles: place.memberRoles } : {}),
      ...(place.memberPermissions !== undefined ? { memberPermissions: BigInt(place.memberPermissions) } : {}),
      ...(place.locale ? { locale: place.locale } : {}),
      ...(place.userInstall ? { userInstall: true } : {}),
      ...(command ? { commandIntegrationTypes: command.guild_id ? [ApplicationIntegrationType.GuildInstall] : (command.integration_types ?? [0]) } : {}),
    };
    if (place.guildId === null) {
      const privateChannel = place.channelId ? this.state.privateChannels.get(place.channelId) : undefined;
      if (privateChannel) {
        if (!place.userInstall) throw new Error('Only a user install reaches a private channel');
        return { ...base, guild: null, channel: privateChannel, privateChannel: true };
      }
      return { ...base, guild: null, channel: this.state.dmChannelWith(user) };
    }
    const outside = place.guildId ? this.state.guildsWithoutBot.get(place.guildId) : undefined;
    if (outside && !place.userInstall) throw new Error(`The bot is not in guild ${outside.id}: only a user install reaches it`);
    const guild = outside ?? this.guild(place.guildId);
    const channel = place.channelId
      ? guild.channels.find((candidate) => candidate.id === place.channelId)
      : guild.channels[0];
    if (!channel) throw new Error(`Guild ${guild.id} has no channel ${place.channelId ?? '(none)'}`);
    // Whoever interacts in a guild is a member of it, so member lookups (op 8, GET member) find them.
    if (!guild.members.has(user.id)) {
      guild.members.set(user.id, buildMember(user, place.memberRoles ?? [], new Date().toISOString()));
    }
    return { ...base, guild, channel, ...(outside ? { guildInstall: false } : {}) };
  }

  private guildMembers(request: GuildMembersRequest): { members: unknown[]; notFound: string[] } {
    const guild = this.state.guilds.get(request.guildId);
    if (!guild) return { members: [], notFound: request.userIds ?? [] };
    let members = [...guild.members.values()];
    if (request.userIds) members = members.filter((member) => request.userIds?.includes(member.user.id));
    else if (request.query) {
      const query = request.query.toLowerCase();
      members = members.filter((member) => member.user.username.toLowerCase().startsWith(query));
    }
    if (request.limit > 0) members = members.slice(0, request.limit);
    const found = new Set(members.map((member) => member.user.id));
    return { members, notFound: (request.userIds ?? []).filter((id) => !found.has(id)) };
  }

  /** Mirrors REST message changes onto the gateway for sessions with the matching message intent. */
  private mirrorMessage(
    t: string,
    message: Pick<APIMessage, 'id' | 'channel_id'> & Partial<APIMessage>,
    location: ChannelLocation | undefined,
  ): void {
    if (!location || (message.flags ?? 0) & MessageFlags.Ephemeral) return;
    if (location.kind === 'dm') {
      this.gateway.dispatch(t, message, GatewayIntentBits.DirectMessages, '0');
      return;
    }
    const botMember = location.guild.members.get(this.state.bot.id);
    // Gateway message events carry the author's member object without its user.
    const member = botMember ? { ...botMember, user: undefined } : undefined;
    const extra = t === 'MESSAGE_DELETE' ? {} : { member, mentions: message.mentions ?? [] };
    this.gateway.dispatch(t, { ...message, guild_id: location.guild.id, ...extra }, GatewayIntentBits.GuildMessages, location.guild.id);
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    // When the request arrived whole: what the bot's latency ends at, not this server's checking.
    const receivedAt = performance.timeOrigin + performance.now();
    const { body, files } = parseBody(raw, request.headers['content-type']);
    const decoded = decodePath(url.pathname);
    const prefix = API_PREFIX.exec(decoded);
    const path = prefix ? decoded.slice(prefix[0].length) || '/' : decoded;
    const query = Object.fromEntries(url.searchParams);
    const method = request.method ?? 'GET';

    // Uploaded files are served back where their attachment url points, like Discord's CDN.
    const stored = !prefix && method === 'GET' ? this.state.attachmentAt(path) : undefined;
    if (stored) {
      response.writeHead(200, { 'content-type': stored.contentType, 'content-length': stored.bytes.length }).end(stored.bytes);
      return;
    }

    const limited = prefix && this.rateLimiter ? this.rateLimiter.check(method, path) : null;
    const uploaded = files.reduce((sum, file) => sum + file.bytes.length, 0);
    const reply =
      limited && 'reply' in limited
        ? limited.reply
        : !prefix
          ? discordError(404, 0, '404: Not Found')
          : uploaded > this.uploadLimitBytes
            ? discordError(413, 40005, 'Request entity too large')
            : this.answer({ method, path, query, body, files, headers: request.headers }, prefix[1]);
    if (limited && 'headers' in limited) reply.headers = { ...limited.headers, ...reply.headers };

    this.requestLog.push({
      method,
      path,
      query,
      body,
      files: recordAttachments(files, body),
      headers: request.headers,
      at: receivedAt,
      status: reply.status,
    });

    const headers: Record<string, string> = { ...reply.headers };
    if (reply.body === undefined || reply.status === 204) {
      response.writeHead(reply.status, headers).end();
      return;
    }
    const json = JSON.stringify(reply.body);
    response
      .writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), ...headers })
      .end(json);
  }

  private answer(request: RestRequest, apiVersion: string | undefined): RestReply {
    if (apiVersion !== undefined && apiVersion !== '10') return discordError(400, 50041, 'Invalid API version provided');
    return this.takeOverride(request.method, request.path) ?? this.rest.handle(request);
  }

  private takeOverride(method: string, path: string): RestReply | null {
    const now = Date.now();
    // An outage that is over answers nothing any more.
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const until = this.overrides[i]!.until;
      if (until !== undefined && until <= now) this.overrides.splice(i, 1);
    }
    const index = this.overrides.findIndex(
      (override) =>
        override.method.toUpperCase() === method &&
        (typeof override.path === 'string' ? override.path === path : override.path.test(path)),
    );
    const override = this.overrides[index];
    if (!override) return null;
    if (override.until === undefined) {
      override.remaining -= 1;
      if (override.remaining <= 0) this.overrides.splice(index, 1);
    }
    return { status: override.status, body: override.body, ...(override.headers ? { headers: override.headers } : {}) };
  }
}
