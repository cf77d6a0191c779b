// Countdowns end to end, from the real bot on the local Discord-compatible server with a faked clock:
// reminders ride in the daily post on the chosen days only, across a restart; round anniversaries go
// on the server's event list once (across a restart, within the cap of 100) and come off again when
// the server turns events off; a missing permission is answered plainly.
import pino from 'pino';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { FakeDiscordServer, type GuildSpec } from '../discord-server/index.js';
import { addMemberEvent, removeScheduledEvent, scheduledEventImage, scheduledEventsIn, setScheduledEventClock } from '../discord-server/scheduled-event-routes.js';
import { expectEveryBodyValid, roundTrip, TEST_TOKEN } from './bot-harness.js';
import { foundingSeedDirectory, temporaryDatabasePath } from '../support/test-store.js';

const EPHEMERAL = 64;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, check: () => T | undefined | false, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A Discord-compatible server, and the bot on it, restartable on the same database. */
function world(guilds: GuildSpec[], clock: { now: Date }) {
  const server = new FakeDiscordServer({ guilds });
  const databasePath = temporaryDatabasePath();
  let bot: Bot | null = null;
  let listening = false;
  return {
    server,
    get bot() {
      return bot!;
    },
    async start() {
      if (!listening) {
        await server.start();
        // Discord checks that an event starts in the future: by the same faked clock as the bot.
        setScheduledEventClock(server.state, () => clock.now.getTime());
        listening = true;
      }
      const config = readConfig({
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: server.applicationId,
        DISCORD_API_URL: server.apiBaseUrl,
        DATABASE_PATH: databasePath,
        LOG_LEVEL: 'warn',
      });
      bot = createBot(config, {
        logger: pino({ level: 'silent' }),
        clock: { now: () => clock.now },
        seedDirectory: foundingSeedDirectory,
        anniversaryTickMs: 25,
        eventSyncMs: 50,
      });
      await bot.start();
    },
    async restart() {
      await bot!.stop();
      bot = null;
      await this.start();
    },
    async stop() {
      await bot?.stop();
      await server.stop();
    },
    run(guildId: string, subcommand: string, options: Record<string, unknown> = {}) {
      const guild = server.guild(guildId);
      return roundTrip(
        server,
        server.chatInputInteraction({
          guildId,
          channelId: guild.channels[0]!.id,
          commandName: 'anniversaries',
          subcommand,
          options: options as never,
          memberPermissions: PermissionFlagsBits.ManageGuild,
        }),
      );
    },
  };
}

const contentOf = (callback: { data?: unknown }) => (callback.data as { content: string }).content;

/** A V2 message's text displays, in reading order. */
function textsOf(components: unknown[]): string[] {
  const texts: string[] = [];
  const visit = (component: { type: number; content?: string; components?: unknown[] }) => {
    if (component.type === 10 && component.content !== undefined) texts.push(component.content);
    for (const child of component.components ?? []) visit(child as typeof component);
  };
  for (const component of components) visit(component as { type: number });
  return texts;
}

describe('countdowns in the daily post', () => {
  // Rosé's first Song of the Year at the VMAs was on 2025-09-07: its 1st anniversary is 2026-09-07.
  const clock = { now: new Date('2026-08-30T12:00:00Z') };
  const guildId = '310000000000000001';
  const env = world([{ id: guildId, name: 'Rosé Fans', channels: [{ name: 'general' }, { name: 'anniversaries' }] }], clock);
  const channel = () => env.server.guild(guildId).channels[1]!;
  const posts = () => env.server.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel().id}/messages` && r.status === 200);

  beforeAll(() => env.start());
  afterAll(async () => {
    expectEveryBodyValid(env.server);
    await env.stop();
  });

  it('refuses a bad list of days plainly and changes nothing', async () => {
    const { callback } = await env.run(guildId, 'setup', { channel: { type: 7, value: channel().id }, remind: '7,40' });
    expect(callback.data).toMatchObject({ flags: EPHEMERAL });
    expect(contentOf(callback)).toBe('"7,40": each reminder day must be from 1 to 30. Nothing was changed.');
    const words = await env.run(guildId, 'setup', { channel: { type: 7, value: channel().id }, remind: 'a week' });
    expect(contentOf(words.callback)).toContain('"a week" isn\'t a list of days.');
    expect(contentOf((await env.run(guildId, 'status')).callback)).toContain('not set up here');
  });

  it('announces the round anniversary 7 days and 1 day ahead, once each, and on no day between', async () => {
    const setup = await env.run(guildId, 'setup', { channel: { type: 7, value: channel().id }, time: '09:00', timezone: 'UTC', remind: '7,1' });
    expect(contentOf(setup.callback)).toContain('Countdowns: the post announces big anniversaries (1st, 5th, 10th, then every 5 years) 7 days and 1 day ahead.');
    await env.run(guildId, 'follow', { artist: 'Rosé' });
    const status = await env.run(guildId, 'status');
    const fields = (status.callback.data as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!.fields;
    expect(fields.find((field) => field.name === 'Countdowns')?.value).toBe('7 days and 1 day ahead');
    expect(fields.find((field) => field.name === 'Scheduled events')?.value).toBe('Off');
    // The next post is the countdown a week ahead of Rosé's anniversary.
    expect(fields.find((field) => field.name === 'Next post')?.value).toMatch(/^August 31, 2026 at 09:00 UTC/);
    // The preview of a week before is the countdown the channel will get.
    const preview = await env.run(guildId, 'preview', { date: '08-31' });
    const shown = preview.callback.data as { flags: number; components: unknown[] };
    expect(shown.flags & EPHEMERAL).toBe(EPHEMERAL);
    // The preview's note, then the countdowns' own container (a Components V2 message).
    expect(textsOf(shown.components)).toEqual([expect.stringMatching(/^-# /), expect.stringMatching(/^## ⏳ Countdowns\n/), expect.stringMatching(/^-# \[1\] /)]);
    expect(textsOf(shown.components)[1]).toContain('in 7 days: 1 year since Rosé');

    // August 31: a week before. The day has no anniversary of Rosé's, so the post is the countdown alone.
    clock.now = new Date('2026-08-31T09:00:10Z');
    await eventually('the post of August 31', () => posts().length === 1);
    const first = posts()[0]!.body as { components: unknown[]; allowed_mentions: unknown };
    expect(first.components).toHaveLength(1);
    const [countdownText, sourcesText] = textsOf(first.components);
    expect(countdownText).toBe(
      "## ⏳ Countdowns\n⏳ in 7 days: 1 year since Rosé: First Korean artist to win one of the MTV VMAs' top honors: Song of the Year, with \"APT.\" alongside Bruno Mars [1]",
    );
    expect(sourcesText).toContain('[1]');
    expect(first.allowed_mentions).toEqual({ parse: [] });
    for (const time of ['2026-08-31T12:00:00Z', '2026-08-31T23:59:00Z']) {
      clock.now = new Date(time);
      await sleep(100);
    }
    expect(posts()).toHaveLength(1);

    // September 1 to 4: nothing to post.
    for (const day of ['01', '02', '03', '04']) {
      clock.now = new Date(`2026-09-${day}T09:00:10Z`);
      await sleep(120);
    }
    expect(posts()).toHaveLength(1);

    // A restart before the day before: the reminder still comes, once.
    await env.restart();
    clock.now = new Date('2026-09-05T09:00:10Z');
    await sleep(200);
    expect(posts()).toHaveLength(1);
    clock.now = new Date('2026-09-06T09:00:10Z');
    await eventually('the post of September 6', () => posts().length === 2);
    const second = posts()[1]!.body as { components: unknown[] };
    expect(textsOf(second.components)[0]).toMatch(/^## ⏳ Countdowns\n⏳ tomorrow: 1 year since Rosé: First Korean artist/);
    await env.restart();
    await sleep(200);
    expect(posts()).toHaveLength(2);

    // The day itself: the anniversary post, and no countdown (nothing round a week or a day ahead).
    clock.now = new Date('2026-09-07T09:00:10Z');
    await eventually('the post of September 7', () => posts().length === 3);
    const third = posts()[2]!.body as { components: unknown[] };
    expect(third.components).toHaveLength(1);
    expect(textsOf(third.components)[0]).toBe('## 🎂 On this day in K-pop: September 7');
    clock.now = new Date('2026-09-08T09:00:10Z');
    await sleep(200);
    expect(posts()).toHaveLength(3);
  });
});

describe('round anniversaries as scheduled events', () => {
  // The 2023 VMAs' firsts (September 12) have their 5th anniversary on 2028-09-12.
  const clock = { now: new Date('2028-08-20T12:00:00Z') };
  const eventsGuild = '320000000000000001';
  const fullGuild = '320000000000000002';
  const plainGuild = '320000000000000003';
  const withEvents = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreateEvents;
  const env = world(
    [
      { id: eventsGuild, name: 'BLINK Server', channels: [{ name: 'general' }], botPermissions: withEvents },
      { id: fullGuild, name: 'Busy Server', channels: [{ name: 'general' }], botPermissions: withEvents },
      { id: plainGuild, name: 'Plain Server', channels: [{ name: 'general' }] },
    ],
    clock,
  );
  const creations = (guildId: string) => env.server.requests.filter((r) => r.method === 'POST' && r.path === `/guilds/${guildId}/scheduled-events`);
  const mine = (guildId: string) => scheduledEventsIn(env.server.state, guildId).filter((event) => event.creator_id === env.server.bot.id);

  beforeAll(() => env.start());
  afterAll(async () => {
    expectEveryBodyValid(env.server);
    await env.stop();
  });

  it('says plainly which permission is missing, and turns nothing on', async () => {
    await env.run(plainGuild, 'follow', { artist: 'BLACKPINK' });
    const { callback } = await env.run(plainGuild, 'events', { state: 'on' });
    expect(callback.data).toMatchObject({ flags: EPHEMERAL });
    expect(contentOf(callback)).toBe(
      "I can't add events to this server's event list: I'm missing **Create Events**. Give my role that permission in Server Settings, then try again. Nothing was changed.",
    );
    await sleep(200);
    expect(creations(plainGuild)).toHaveLength(0);
  });

  it('puts each round anniversary of the followed artists on the event list once, across a restart', async () => {
    await env.run(eventsGuild, 'setup', { channel: { type: 7, value: env.server.guild(eventsGuild).channels[0]!.id }, timezone: 'Asia/Seoul' });
    await env.run(eventsGuild, 'follow', { artist: 'BLACKPINK' });
    const { callback } = await env.run(eventsGuild, 'events', { state: 'on' });
    expect(contentOf(callback)).toBe(
      "Scheduled events are on. The big anniversaries of **BLACKPINK** in the next 30 days go on this server's event list, each once.",
    );
    await eventually('two events', () => mine(eventsGuild).length === 2);
    const events = mine(eventsGuild);
    expect(events.map((event) => event.name).sort()).toEqual([
      '5 years since BLACKPINK: First Asian girl group to win Group of the Year at the MTV VMAs',
      '5 years since BLACKPINK: First K-pop girl group to win Group of the Year at the MTV VMAs',
    ]);
    for (const event of events) {
      // One day in Seoul: midnight to midnight, as UTC instants.
      expect(event).toMatchObject({
        entity_type: 3,
        privacy_level: 2,
        scheduled_start_time: '2028-09-11T15:00:00.000Z',
        scheduled_end_time: '2028-09-12T15:00:00.000Z',
        entity_metadata: { location: 'Lightstick · K-pop anniversaries' },
      });
      expect(event.description).toContain('September 12, 2023');
      expect(event.description).toMatch(/Source: .*2023 MTV VMAs|Source: /);
      expect(event.description!.length).toBeLessThanOrEqual(1000);
      const image = scheduledEventImage(env.server.state, event.id)!;
      expect(image.subarray(1, 4).toString()).toBe('PNG');
    }
    await sleep(300);
    expect(creations(eventsGuild)).toHaveLength(2);

    await env.restart();
    await sleep(400);
    clock.now = new Date('2028-08-21T12:00:00Z');
    await sleep(300);
    expect(creations(eventsGuild)).toHaveLength(2);
    expect(mine(eventsGuild)).toHaveLength(2);
  });

  it('keeps within Discord’s 100 events a server, counting everyone’s', async () => {
    for (let n = 0; n < 98; n++) addMemberEvent(env.server.state, fullGuild, `Watch party ${n}`, new Date('2028-09-01T12:00:00Z'));
    await env.run(fullGuild, 'follow', { artist: 'BLACKPINK' });
    await env.run(fullGuild, 'follow', { artist: 'Stray Kids' });
    await env.run(fullGuild, 'events', { state: 'on' });
    await eventually('the server at its cap', () => scheduledEventsIn(env.server.state, fullGuild).length === 100);
    await sleep(300);
    expect(mine(fullGuild)).toHaveLength(2);
    expect(creations(fullGuild).every((request) => request.status === 200)).toBe(true);
    // A member's event ends: the third anniversary goes on the list.
    const memberEvent = scheduledEventsIn(env.server.state, fullGuild).find((event) => event.creator_id !== env.server.bot.id)!;
    removeScheduledEvent(env.server.state, fullGuild, memberEvent.id);
    await eventually('the third event', () => mine(fullGuild).length === 3);
    expect(scheduledEventsIn(env.server.state, fullGuild)).toHaveLength(100);
  });

  it('takes its events off the list when the server turns events off', async () => {
    const { callback } = await env.run(eventsGuild, 'events', { state: 'off' });
    expect(contentOf(callback)).toBe('Scheduled events are off. The events Lightstick made are being taken off the event list.');
    await eventually('the events removed', () => mine(eventsGuild).length === 0);
    const again = await env.run(eventsGuild, 'events', { state: 'off' });
    expect(contentOf(again.callback)).toBe('Scheduled events were already off here.');
    await sleep(300);
    expect(creations(eventsGuild)).toHaveLength(2);
  });
});
