// The local server's guild scheduled events answer as Discord does: the body checked against the
// OpenAPI description and Discord's own rules, the cap of 100, and the permissions it needs.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from './index.js';
import { validateSchema } from './openapi-check.js';
import { addMemberEvent, scheduledEventImage, scheduledEventsIn, setScheduledEventClock } from './scheduled-event-routes.js';

const NOW = Date.parse('2028-08-20T12:00:00Z');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('guild scheduled events on the local Discord server', () => {
  const server = new FakeDiscordServer({
    guilds: [
      { id: '340000000000000001', name: 'Events', botPermissions: PermissionFlagsBits.CreateEvents },
      { id: '340000000000000002', name: 'No events' },
    ],
  });
  const [events, plain] = ['340000000000000001', '340000000000000002'];

  beforeAll(async () => {
    await server.start();
    setScheduledEventClock(server.state, () => NOW);
  });
  afterAll(() => server.stop());

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.apiBaseUrl}/v10${path}`, {
      method,
      headers: { authorization: 'Bot test', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
  }

  const external = (fields: Record<string, unknown> = {}) => ({
    name: '5 years since BLACKPINK',
    privacy_level: 2,
    entity_type: 3,
    entity_metadata: { location: 'Lightstick' },
    scheduled_start_time: '2028-09-11T15:00:00.000Z',
    scheduled_end_time: '2028-09-12T15:00:00.000Z',
    description: 'A fact and its source',
    image: `data:image/png;base64,${png.toString('base64')}`,
    ...fields,
  });

  it('creates an external event, lists it, reads it, edits it and deletes it', async () => {
    const created = await call('POST', `/guilds/${events}/scheduled-events`, external());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ guild_id: events, creator_id: server.bot.id, status: 1, entity_type: 3, channel_id: null });
    expect(validateSchema('ExternalScheduledEventResponse', created.body)).toEqual([]);
    const id = String(created.body!.id);
    expect(scheduledEventImage(server.state, id)!.equals(png)).toBe(true);
    expect((await call('GET', `/guilds/${events}/scheduled-events`)).body).toEqual([created.body]);
    expect((await call('GET', `/guilds/${events}/scheduled-events/${id}`)).body).toEqual(created.body);
    const edited = await call('PATCH', `/guilds/${events}/scheduled-events/${id}`, { name: 'Renamed' });
    expect(edited).toMatchObject({ status: 200, body: { name: 'Renamed' } });
    expect((await call('DELETE', `/guilds/${events}/scheduled-events/${id}`)).status).toBe(204);
    expect(await call('DELETE', `/guilds/${events}/scheduled-events/${id}`)).toEqual({ status: 404, body: { code: 10070, message: 'Unknown Guild Scheduled Event' } });
  });

  it.each([
    ['no location', { entity_metadata: {} }, 'entity_metadata.location'],
    ['no end', { scheduled_end_time: undefined }, 'scheduled_end_time'],
    ['an end before its start', { scheduled_end_time: '2028-09-11T14:00:00.000Z' }, 'scheduled_end_time'],
    ['a start in the past', { scheduled_start_time: '2028-08-19T00:00:00.000Z' }, 'scheduled_start_time'],
  ])('refuses %s with Discord’s Invalid Form Body', async (_what, fields, field) => {
    const refused = await call('POST', `/guilds/${events}/scheduled-events`, external(fields));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 50035, errors: { [field]: { _errors: [expect.objectContaining({ code: expect.any(String) })] } } });
  });

  it('refuses a body the OpenAPI description does not allow', async () => {
    const refused = await call('POST', `/guilds/${events}/scheduled-events`, external({ name: 'x'.repeat(101) }));
    expect(refused).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it('refuses the 101st event of a server with code 30038', async () => {
    for (let n = scheduledEventsIn(server.state, events).length; n < 100; n++) addMemberEvent(server.state, events, `Party ${n}`, new Date(NOW + 86_400_000));
    expect(await call('POST', `/guilds/${events}/scheduled-events`, external())).toEqual({
      status: 400,
      body: { code: 30038, message: 'Maximum number of guild scheduled events reached (100)' },
    });
    // Someone else's event is not the bot's to delete with Create Events alone.
    const theirs = scheduledEventsIn(server.state, events)[0]!;
    expect((await call('DELETE', `/guilds/${events}/scheduled-events/${theirs.id}`)).body).toEqual({ code: 50013, message: 'Missing Permissions' });
  });

  it('refuses a bot without Create Events with 403 and 50013', async () => {
    expect(await call('POST', `/guilds/${plain}/scheduled-events`, external())).toEqual({ status: 403, body: { code: 50013, message: 'Missing Permissions' } });
  });
});
