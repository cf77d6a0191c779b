/**
 * Guild scheduled events as Discord keeps them: list, create, read, edit and delete under
 * /guilds/{id}/scheduled-events, with Discord's checks (the body against the OpenAPI description,
 * an external event's location and end, a start in the future and an end after it, the cap of 100
 * a server, Create Events or Manage Events) and its error bodies. Registered by RestRoutes.
 */
import {
  GuildScheduledEventEntityType,
  GuildScheduledEventStatus,
  PermissionFlagsBits,
  type APIGuildScheduledEvent,
} from 'discord.js';
import type { DiscordState } from './discord-state.js';
import { validateSchema } from './openapi-check.js';
import { botPermissions, type FakeGuild } from './payloads.js';
import type { RestReply, RestRequest } from './rest-routes.js';
import { nextSnowflake } from './snowflake.js';

/** Discord's cap on a server's scheduled events (those scheduled or active). */
export const MAX_SCHEDULED_EVENTS = 100;

type Handler = (params: Record<string, string>, request: RestRequest) => RestReply;
type Register = (method: string, template: string, handler: Handler) => void;

interface EventStore {
  byGuild: Map<string, APIGuildScheduledEvent[]>;
  /** Cover images as uploaded, by event id. */
  images: Map<string, Buffer>;
  /** What "now" is to Discord's start-in-the-future check; tests that fake the bot's clock set it too. */
  now: () => number;
}

const stores = new WeakMap<DiscordState, EventStore>();

function storeOf(state: DiscordState): EventStore {
  let store = stores.get(state);
  if (!store) {
    store = { byGuild: new Map(), images: new Map(), now: () => Date.now() };
    stores.set(state, store);
  }
  return store;
}

/** The server's scheduled events, oldest first. */
export function scheduledEventsIn(state: DiscordState, guildId: string): APIGuildScheduledEvent[] {
  return storeOf(state).byGuild.get(guildId) ?? [];
}

/** The cover image uploaded with an event, decoded from its data URI. */
export function scheduledEventImage(state: DiscordState, eventId: string): Buffer | undefined {
  return storeOf(state).images.get(eventId);
}

/** Sets the clock Discord checks a start against. */
export function setScheduledEventClock(state: DiscordState, now: () => number): void {
  storeOf(state).now = now;
}

/** An event someone else (a member) made, as if through Discord's own interface. */
export function addMemberEvent(state: DiscordState, guildId: string, name: string, startsAt: Date): APIGuildScheduledEvent {
  const event: APIGuildScheduledEvent = {
    id: nextSnowflake(),
    guild_id: guildId,
    channel_id: null,
    creator_id: state.owner.id,
    creator: state.owner,
    name,
    description: null,
    scheduled_start_time: startsAt.toISOString(),
    scheduled_end_time: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    privacy_level: 2,
    status: GuildScheduledEventStatus.Scheduled,
    entity_type: GuildScheduledEventEntityType.External,
    entity_id: null,
    entity_metadata: { location: 'Somewhere' },
    image: null,
    recurrence_rule: null,
    guild_scheduled_event_exceptions: [],
  } as APIGuildScheduledEvent;
  const store = storeOf(state);
  store.byGuild.set(guildId, [...scheduledEventsIn(state, guildId), event]);
  return event;
}

/** An event ended or deleted by a member through Discord's own interface. */
export function removeScheduledEvent(state: DiscordState, guildId: string, eventId: string): void {
  storeOf(state).byGuild.set(guildId, scheduledEventsIn(state, guildId).filter((event) => event.id !== eventId));
}

function error(status: number, code: number, message: string, errors?: unknown): RestReply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

function invalid(field: string, code: string, message: string): RestReply {
  return error(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });
}

const createSchemas: Record<number, string> = {
  [GuildScheduledEventEntityType.StageInstance]: 'StageScheduledEventCreateRequest',
  [GuildScheduledEventEntityType.Voice]: 'VoiceScheduledEventCreateRequest',
  [GuildScheduledEventEntityType.External]: 'ExternalScheduledEventCreateRequest',
};
const patchSchemas: Record<number, string> = {
  [GuildScheduledEventEntityType.StageInstance]: 'StageScheduledEventPatchRequestPartial',
  [GuildScheduledEventEntityType.Voice]: 'VoiceScheduledEventPatchRequestPartial',
  [GuildScheduledEventEntityType.External]: 'ExternalScheduledEventPatchRequestPartial',
};

type Body = Record<string, unknown>;

function asBody(value: unknown): Body | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : null;
}

/** What Discord checks beyond the schema: an external event's location and end, and the times. */
function eventProblem(event: Body, now: number, creating: boolean): RestReply | null {
  const start = Date.parse(String(event.scheduled_start_time ?? ''));
  const end = event.scheduled_end_time == null ? null : Date.parse(String(event.scheduled_end_time));
  if (event.entity_type === GuildScheduledEventEntityType.External) {
    const location = asBody(event.entity_metadata)?.location;
    if (typeof location !== 'string' || location.length === 0) {
      return invalid('entity_metadata.location', 'BASE_TYPE_REQUIRED', 'This field is required');
    }
    if (end === null) return invalid('scheduled_end_time', 'BASE_TYPE_REQUIRED', 'This field is required');
    if (event.channel_id != null) return invalid('channel_id', 'GUILD_SCHEDULED_EVENT_INVALID_CHANNEL', 'External events have no channel');
  }
  if (creating && !(start > now)) {
    return invalid('scheduled_start_time', 'GUILD_SCHEDULED_EVENT_SCHEDULED_START_TIME_IN_PAST', 'Cannot schedule event in the past.');
  }
  if (end !== null && !(end > start)) {
    return invalid('scheduled_end_time', 'GUILD_SCHEDULED_EVENT_END_BEFORE_START', 'Cannot schedule an event to end before it starts.');
  }
  return null;
}

function decodeImage(image: unknown): Buffer | null | 'invalid' {
  if (image == null) return null;
  const match = typeof image === 'string' ? /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/=]+)$/.exec(image) : null;
  return match ? Buffer.from(match[2]!, 'base64') : 'invalid';
}

export function defineScheduledEventRoutes(state: DiscordState, route: Register): void {
  const store = storeOf(state);
  const withGuild = (guildId: string, answer: (guild: FakeGuild) => RestReply): RestReply => {
    const guild = state.guilds.get(guildId);
    if (!guild) return state.guildsWithoutBot.has(guildId) ? error(403, 50001, 'Missing Access') : error(404, 10004, 'Unknown Guild');
    return answer(guild);
  };
  const withEvent = (guildId: string, eventId: string, answer: (guild: FakeGuild, event: APIGuildScheduledEvent) => RestReply) =>
    withGuild(guildId, (guild) => {
      const event = scheduledEventsIn(state, guildId).find((candidate) => candidate.id === eventId);
      return event ? answer(guild, event) : error(404, 10070, 'Unknown Guild Scheduled Event');
    });
  const may = (guild: FakeGuild, event: APIGuildScheduledEvent | null) => {
    const permissions = botPermissions(guild);
    if (permissions & PermissionFlagsBits.ManageEvents) return true;
    // Create Events makes events, and edits and deletes the ones its holder made.
    return (permissions & PermissionFlagsBits.CreateEvents) !== 0n && (event === null || event.creator_id === state.bot.id);
  };
  const missingPermissions = () => error(403, 50013, 'Missing Permissions');

  route('GET', '/guilds/:guildId/scheduled-events', ({ guildId = '' }) =>
    withGuild(guildId, () => ({ status: 200, body: scheduledEventsIn(state, guildId) })),
  );

  route('POST', '/guilds/:guildId/scheduled-events', ({ guildId = '' }, request) =>
    withGuild(guildId, (guild) => {
      if (!may(guild, null)) return missingPermissions();
      const body = asBody(request.body);
      if (!body) return error(400, 50109, 'The request body contains invalid JSON.');
      const schema = typeof body.entity_type === 'number' ? createSchemas[body.entity_type] : undefined;
      if (!schema) return invalid('entity_type', 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3}.');
      // Discord's own rules name the field at fault; the OpenAPI description catches the rest.
      const problem = eventProblem(body, store.now(), true);
      if (problem) return problem;
      const schemaErrors = validateSchema(schema, body);
      if (schemaErrors.length > 0) return error(400, 50035, 'Invalid Form Body', { _errors: schemaErrors.map((message) => ({ code: 'SCHEMA', message })) });
      const image = decodeImage(body.image);
      if (image === 'invalid') return invalid('image', 'IMAGE_INVALID', 'Invalid image data');
      const existing = scheduledEventsIn(state, guildId);
      if (existing.length >= MAX_SCHEDULED_EVENTS) {
        return error(400, 30038, `Maximum number of guild scheduled events reached (${MAX_SCHEDULED_EVENTS})`);
      }
      const id = nextSnowflake();
      const event = {
        id,
        guild_id: guildId,
        channel_id: null,
        creator_id: state.bot.id,
        creator: state.bot,
        name: body.name,
        description: body.description ?? null,
        scheduled_start_time: new Date(Date.parse(String(body.scheduled_start_time))).toISOString(),
        scheduled_end_time: body.scheduled_end_time == null ? null : new Date(Date.parse(String(body.scheduled_end_time))).toISOString(),
        privacy_level: body.privacy_level,
        status: GuildScheduledEventStatus.Scheduled,
        entity_type: body.entity_type,
        entity_id: null,
        entity_metadata: body.entity_metadata ?? null,
        image: image ? id.slice(-16) : null,
        recurrence_rule: null,
        guild_scheduled_event_exceptions: [],
      } as unknown as APIGuildScheduledEvent;
      store.byGuild.set(guildId, [...existing, event]);
      if (image) store.images.set(id, image);
      return { status: 200, body: event };
    }),
  );

  route('GET', '/guilds/:guildId/scheduled-events/:eventId', ({ guildId = '', eventId = '' }) =>
    withEvent(guildId, eventId, (_guild, event) => ({ status: 200, body: event })),
  );

  route('PATCH', '/guilds/:guildId/scheduled-events/:eventId', ({ guildId = '', eventId = '' }, request) =>
    withEvent(guildId, eventId, (guild, event) => {
      if (!may(guild, event)) return missingPermissions();
      const body = asBody(request.body);
      if (!body) return error(400, 50109, 'The request body contains invalid JSON.');
      const merged = { ...event, ...body } as Body;
      const schema = patchSchemas[Number(merged.entity_type)];
      const schemaErrors = schema ? validateSchema(schema, body) : [];
      if (schemaErrors.length > 0) return error(400, 50035, 'Invalid Form Body', { _errors: schemaErrors.map((message) => ({ code: 'SCHEMA', message })) });
      const problem = eventProblem(merged, store.now(), body.scheduled_start_time !== undefined);
      if (problem) return problem;
      const image = decodeImage(body.image);
      if (image === 'invalid') return invalid('image', 'IMAGE_INVALID', 'Invalid image data');
      if (image) store.images.set(event.id, image);
      const edited = { ...merged, ...(image ? { image: event.id.slice(-16) } : {}) } as APIGuildScheduledEvent;
      store.byGuild.set(guildId, scheduledEventsIn(state, guildId).map((candidate) => (candidate.id === event.id ? edited : candidate)));
      return { status: 200, body: edited };
    }),
  );

  route('DELETE', '/guilds/:guildId/scheduled-events/:eventId', ({ guildId = '', eventId = '' }) =>
    withEvent(guildId, eventId, (guild, event) => {
      if (!may(guild, event)) return missingPermissions();
      store.byGuild.set(guildId, scheduledEventsIn(state, guildId).filter((candidate) => candidate.id !== event.id));
      store.images.delete(event.id);
      return { status: 204 };
    }),
  );
}
