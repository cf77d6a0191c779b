// A server's scheduled events through Discord's REST API: one-day external events, the cover image
// sent as a data URI, and the server's permissions read from the gateway's caches.
import {
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  PermissionFlagsBits,
  Routes,
  type APIGuildScheduledEvent,
  type Client,
  type RESTPostAPIGuildScheduledEventJSONBody,
} from 'discord.js';
import { EventRefusal, type EventPermission, type ScheduledEvents } from '../core/scheduled-events.js';

/** Discord's error codes for a refused event, by what they mean. */
const refusals: Record<number, EventRefusal['reason']> = {
  30038: 'cap',
  50013: 'permission',
  50001: 'permission',
  10004: 'unknown-guild',
};

function refusalOf(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError) || error.status >= 500) return error;
  const reason = typeof error.code === 'number' ? refusals[error.code] : undefined;
  return new EventRefusal(`Discord answered ${error.status} (${error.code}): ${error.message}`, reason ?? 'other');
}

export function createDiscordScheduledEvents(client: Client): ScheduledEvents {
  return {
    missingPermissions(guildId) {
      const me = client.guilds.cache.get(guildId)?.members.me;
      const permissions = me?.permissions;
      // Create Events makes and removes the bot's own events; Manage Events does that and more.
      const canCreate = permissions?.has(PermissionFlagsBits.CreateEvents) || permissions?.has(PermissionFlagsBits.ManageEvents);
      const missing: EventPermission[] = [];
      if (!canCreate) missing.push('create-events');
      return missing;
    },
    async list(guildId) {
      try {
        const events = (await client.rest.get(Routes.guildScheduledEvents(guildId))) as APIGuildScheduledEvent[];
        const botId = client.user?.id;
        return events.map((event) => ({
          id: event.id,
          name: event.name,
          startsAt: Date.parse(event.scheduled_start_time),
          mine: botId !== undefined && event.creator_id === botId,
        }));
      } catch (error) {
        throw refusalOf(error);
      }
    },
    async create(guildId, event) {
      const body: RESTPostAPIGuildScheduledEventJSONBody = {
        name: event.name,
        description: event.description,
        privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
        entity_type: GuildScheduledEventEntityType.External,
        entity_metadata: { location: event.location },
        scheduled_start_time: event.start.toISOString(),
        scheduled_end_time: event.end.toISOString(),
        image: `data:image/png;base64,${event.image.toString('base64')}`,
      };
      try {
        const created = (await client.rest.post(Routes.guildScheduledEvents(guildId), { body })) as APIGuildScheduledEvent;
        return created.id;
      } catch (error) {
        throw refusalOf(error);
      }
    },
    async remove(guildId, eventId) {
      try {
        await client.rest.delete(Routes.guildScheduledEvent(guildId, eventId));
      } catch (error) {
        // Deleted by hand already, or ended and gone: what removing wanted.
        if (error instanceof DiscordAPIError && error.code === 10070) return;
        throw refusalOf(error);
      }
    },
  };
}
