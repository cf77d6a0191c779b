// A person who installed Lightstick to their account, end to end on the local Discord-compatible
// server: in a server that never added the bot, in the bot's DMs, in a DM between friends and in a
// group DM, the read-only commands answer from the interaction alone, in the reader's language;
// the server-only commands are not offered there.
import { Locale, MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { readConfig } from '../../src/config.js';
import { checkRegisteredCommands } from '../../src/discord/command-registration.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { DEFAULT_EVERYONE_PERMISSIONS, validateSchema, type FakeGuild, type InteractionPlace } from '../discord-server/index.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { writeSeedDirectory } from '../support/test-store.js';
import { expectEveryBodyValid, roundTrip, startHarness, TEST_TOKEN, type Harness } from './bot-harness.js';

const READ_ONLY = ['firsts', 'awards', 'onthisday', 'artist', 'card', 'ceremony', 'about'];
const SERVER_ONLY = ['anniversaries', 'trivia', 'daily', 'language', 'suggest', 'review', 'import'];

type Reply = { content?: string; flags?: number; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components?: unknown[] };

let harness: Harness;
let outside: FakeGuild;
const fan = { id: '1180000000000000001', username: 'bora', globalName: 'Bora' };

beforeAll(async () => {
  harness = await startHarness({ now: () => new Date('2026-09-12T09:00:00Z') });
  outside = harness.server.addGuildWithoutBot({ name: 'Huge Fan Server', preferredLocale: Locale.EnglishUS });
  // Discord offers a person's install only the commands registered globally.
  const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: harness.server.applicationId, DISCORD_API_URL: harness.server.apiBaseUrl });
  await deployCommands(config);
});
afterAll(async () => {
  expectEveryBodyValid(harness.server);
  await harness.stop();
});

function places() {
  const server = harness.server;
  const friend = server.user({ id: '1180000000000000002', username: 'minji' });
  return {
    'a server without the bot': { guildId: outside.id, user: fan, userInstall: true },
    "the bot's DMs": { guildId: null, user: fan, userInstall: true },
    'a DM between friends': { guildId: null, channelId: server.dmBetween(fan, friend).id, user: fan, userInstall: true },
    'a group DM': { guildId: null, channelId: server.groupDm([fan, friend, { id: '1180000000000000003', username: 'yuna' }], 'bias talk').id, user: fan, userInstall: true },
  } satisfies Record<string, InteractionPlace>;
}

async function run(place: InteractionPlace, commandName: string, options: Record<string, string> = {}, locale?: Locale) {
  const raw = harness.server.chatInputInteraction({ ...place, commandName, options, ...(locale ? { locale } : {}) });
  const { sent, callback } = await roundTrip(harness.server, raw);
  return { raw, sent, callback, reply: (callback.data ?? {}) as Reply };
}

/** What the bot asked Discord about servers and channels: nothing, when it answers from the interaction alone. */
function lookups() {
  return harness.server.requests.filter((request) => /^\/(guilds|channels)\//.test(request.path) && request.method === 'GET');
}

describe('registration for both installation types', () => {
  it('registers the read-only commands for servers and accounts everywhere, the rest for servers only, and the start-up comparison agrees', async () => {
    const registered = await harness.bot.client.rest.get(`/applications/${harness.server.applicationId}/commands`) as { name: string; integration_types: number[]; contexts: number[] | null }[];
    const byName = Object.fromEntries(registered.map((command) => [command.name, command]));
    for (const name of READ_ONLY) expect(byName[name]).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    for (const name of SERVER_ONLY) expect(byName[name]!.integration_types).toEqual([0]);
    expect(registered.map((command) => command.name)).toEqual(commands.map((command) => command.definition.name));

    const logger = pino({ level: 'silent' });
    const same = await checkRegisteredCommands({ rest: harness.bot.client.rest, applicationId: harness.server.applicationId, guildId: undefined, logger });
    expect(same).toEqual({ missing: [], extra: [], changed: [], duplicated: [] });
    // A registration from before user installs (no integration_types) counts as changed.
    const old = harness.server.state.globalCommands;
    const firsts = [...old.values()].find((command) => command.name === 'firsts')!;
    old.set(firsts.id, { ...firsts, integration_types: [0] });
    const stale = await checkRegisteredCommands({ rest: harness.bot.client.rest, applicationId: harness.server.applicationId, guildId: undefined, logger });
    expect(stale?.changed).toEqual(['firsts']);
    old.set(firsts.id, firsts);
  });

  it('offers only the read-only commands where only the person installed it (in the bot\'s DMs the curators\' too); a server with the bot gets them all', () => {
    const offered = (place: InteractionPlace) => harness.server.commandsOffered(place).map((command) => command.name).sort();
    const p = places();
    for (const where of ['a server without the bot', 'a DM between friends', 'a group DM'] as const) expect(offered(p[where]), where).toEqual([...READ_ONLY].sort());
    // The bot's DMs are the app's own: a curator's /review and /import work there too, nothing that needs a server.
    expect(offered(p["the bot's DMs"])).toEqual([...READ_ONLY, 'review', 'import'].sort());
    expect(() => harness.server.chatInputInteraction({ ...places()['a server without the bot'], commandName: 'anniversaries', subcommand: 'status' })).toThrow(/does not offer/);
    expect(() => harness.server.chatInputInteraction({ ...places()['a group DM'], commandName: 'trivia', subcommand: 'start' })).toThrow(/does not offer/);
    const inBotServer = harness.server.commandsOffered({ guildId: harness.server.guild().id, userInstall: true }).map((command) => command.name);
    expect(inBotServer).toEqual(expect.arrayContaining([...READ_ONLY, ...SERVER_ONLY]));
  });
});

const PLACE_NAMES = ['a server without the bot', "the bot's DMs", 'a DM between friends', 'a group DM'] as const;

describe.each(PLACE_NAMES)('a person\'s install in %s', (where) => {
  const place = () => places()[where];

  it('answers /firsts in Korean, publicly, without asking Discord about the server or channel', async () => {
    const before = lookups().length;
    const { raw, reply, callback } = await run(place(), 'firsts', { artist: 'blackpink' }, Locale.Korean);
    expect(raw.authorizing_integration_owners).toMatchObject({ 1: expect.any(String) });
    expect(callback.type).toBe(4);
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const text = JSON.stringify(reply);
    expect(text).toContain('블랙핑크');
    expect(text).toContain('2023년 9월 12일');
    expect(lookups().length).toBe(before);
  });

  it('answers /awards in Japanese', async () => {
    const { reply } = await run(place(), 'awards', { artist: 'stray kids' }, Locale.Japanese);
    expect(reply.embeds?.[0]?.title).toContain('受賞歴');
    expect(JSON.stringify(reply)).toContain('Best K-Pop');
  });

  it('draws a /card with its alt text in the reader\'s language', async () => {
    const { sent } = await run(place(), 'card', { artist: 'Stray Kids' }, Locale.Korean);
    const request = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`)!;
    expect(request.files).toHaveLength(1);
    expect(request.files[0]!.description).toContain('스트레이 키즈');
  });

  it('offers artists in autocomplete', async () => {
    const raw = harness.server.autocompleteInteraction({ ...place(), commandName: 'firsts', focused: { name: 'artist', value: 'blac' } });
    const { callback } = await roundTrip(harness.server, raw);
    expect(JSON.stringify(callback.data)).toContain('BLACKPINK');
  });
});

describe('/onthisday without a server', () => {
  it('uses the UTC day in DMs and group DMs, or the date asked for, in Spanish', async () => {
    for (const place of [places()["the bot's DMs"], places()['a group DM'], places()['a DM between friends']]) {
      const today = await run(place, 'onthisday', {}, Locale.SpanishES);
      expect(today.reply.embeds?.[0]?.title).toBe('Un día como hoy: 12 de septiembre');
      const asked = await run(place, 'onthisday', { date: '09-07' }, Locale.SpanishES);
      expect(asked.reply.embeds?.[0]?.title).toBe('Un día como hoy: 7 de septiembre');
      expect(JSON.stringify(asked.reply)).toContain('APT.');
    }
  });
});

describe('buttons where only the person installed it', () => {
  let large: Harness;
  beforeAll(async () => {
    large = await startHarness({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
    await deployCommands(readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: large.server.applicationId, DISCORD_API_URL: large.server.apiBaseUrl }));
  });
  afterAll(async () => {
    expectEveryBodyValid(large.server);
    await large.stop();
  });

  it('turns the page in a group DM, the press carrying the install of the message it is on', async () => {
    const server = large.server;
    const channel = server.groupDm([fan, { id: '1180000000000000002', username: 'minji' }]);
    const asked = server.chatInputInteraction({ guildId: null, channelId: channel.id, user: fan, userInstall: true, commandName: 'awards', options: { artist: 'Mega Group' }, locale: Locale.Korean });
    const { callback } = await roundTrip(server, asked);
    const buttons = (callback.data as { components: { components: { custom_id: string }[] }[] }).components[0]!.components;
    const message = server.messages(channel.id).at(-1)!;
    const raw = server.buttonInteraction({ customId: buttons[1]!.custom_id, message, user: fan, locale: Locale.Korean });
    expect(raw).toMatchObject({ context: 2, authorizing_integration_owners: { 1: fan.id } });
    const pressed = await roundTrip(server, raw);
    expect(pressed.callback.type).toBe(7);
    const footer = (data: unknown) => (data as { embeds: { footer: { text: string } }[] }).embeds[0]!.footer.text;
    expect(footer(pressed.callback.data)).not.toBe(footer(callback.data));
    expect(footer(pressed.callback.data)).toMatch(/2/);
    expect(server.message(message.id)?.embeds[0]?.footer?.text).toBe(footer(pressed.callback.data));
  });
});

describe('the shapes Discord sends and answers with', () => {
  it('sends each case as Discord does: context, owners, permissions, a user instead of a member in DMs', () => {
    const p = places();
    const inServer = harness.server.chatInputInteraction({ ...p['a server without the bot'], commandName: 'firsts', options: { artist: 'rose' } });
    expect(inServer).toMatchObject({ context: 0, guild_id: outside.id, authorizing_integration_owners: { 1: expect.any(String) } });
    expect(inServer.authorizing_integration_owners).not.toHaveProperty('0');
    expect(inServer.member).toBeDefined();
    expect(BigInt(inServer.app_permissions)).toBe(DEFAULT_EVERYONE_PERMISSIONS);
    expect(harness.bot.client.guilds.cache.has(outside.id)).toBe(false);

    const botDm = harness.server.chatInputInteraction({ ...p["the bot's DMs"], commandName: 'firsts', options: { artist: 'rose' } });
    expect(botDm).toMatchObject({ context: 1, authorizing_integration_owners: { 0: '0', 1: botDm.user!.id } });
    const group = harness.server.chatInputInteraction({ ...p['a group DM'], commandName: 'firsts', options: { artist: 'rose' } });
    expect(group).toMatchObject({ context: 2, authorizing_integration_owners: { 1: group.user!.id }, channel: { type: 3 } });
    expect(group.authorizing_integration_owners).not.toHaveProperty('0');
    expect(BigInt(group.app_permissions)).toBe(PermissionFlagsBits.AttachFiles | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.MentionEveryone);
    const friends = harness.server.chatInputInteraction({ ...p['a DM between friends'], commandName: 'firsts', options: { artist: 'rose' } });
    expect(friends).toMatchObject({ context: 2, channel: { type: 1 } });

    for (const raw of [botDm, group, friends]) {
      expect(raw.member).toBeUndefined();
      expect(validateSchema('UserResponse', raw.user)).toEqual([]);
      expect(validateSchema('InteractionContextType', raw.context)).toEqual([]);
      for (const [type, owner] of Object.entries(raw.authorizing_integration_owners)) {
        expect(validateSchema('ApplicationIntegrationType', Number(type))).toEqual([]);
        expect(validateSchema('SnowflakeType', owner)).toEqual([]);
      }
    }
    expect(validateSchema('PrivateChannelResponse', friends.channel)).toEqual([]);
    expect(validateSchema('PrivateGroupChannelResponse', group.channel)).toEqual([]);
  });

  it('keeps the answers as messages whose interaction metadata names the person\'s install', async () => {
    const { sent } = await run(places()['a group DM'], 'artist', { name: 'lisa' });
    const message = harness.server.messages(sent.raw.channel_id!).at(-1) as APIMessage;
    expect(message.interaction_metadata?.authorizing_integration_owners).toEqual(sent.raw.authorizing_integration_owners);
    expect(validateSchema('MessageResponse', message)).toEqual([]);
  });

  it('makes the answer private where the server turned off Use External Apps, and it still reads right', async () => {
    const blocked = harness.server.addGuildWithoutBot({ name: 'Strict Server', everyonePermissions: DEFAULT_EVERYONE_PERMISSIONS & ~PermissionFlagsBits.UseExternalApps });
    const { sent, reply } = await run({ guildId: blocked.id, user: fan, userInstall: true }, 'firsts', { artist: 'rose' });
    const message = harness.server.messages(sent.raw.channel_id!).at(-1)!;
    expect((message.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds?.[0]?.title).toBe('Rosé: firsts and milestones');
  });

  it('sends a /card without its picture where the app may not attach files, the facts still in text', async () => {
    const noFiles = harness.server.addGuildWithoutBot({ name: 'Text Only', everyonePermissions: DEFAULT_EVERYONE_PERMISSIONS & ~PermissionFlagsBits.AttachFiles });
    const { sent, callback, reply } = await run({ guildId: noFiles.id, user: fan, userInstall: true }, 'card', { artist: 'rose' });
    expect(callback.type).toBe(4);
    const request = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/interactions/${sent.id}/${sent.token}/callback`)!;
    expect(request.status).toBe(204);
    expect(request.files).toEqual([]);
    const layout = JSON.stringify(reply.components);
    expect(reply.flags).toBe(1 << 15);
    expect(layout).not.toContain('attachment://');
    expect(layout).toContain('First Korean artist to win one of the MTV VMAs');
  });

  it('refuses a sixth follow-up to one interaction of a person\'s install', async () => {
    const { sent } = await run(places()['a server without the bot'], 'artist', { name: 'lisa' });
    const url = `${harness.server.apiBaseUrl}/v10/webhooks/${harness.server.applicationId}/${sent.token}`;
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: `more ${index}` }) });
      statuses.push(response.status);
      if (index === 5) expect(await response.json()).toMatchObject({ code: 40094 });
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 400]);
  });

  it('keeps the bot out of places it is not: posting there is Missing Access', async () => {
    const channel = outside.channels[0]!;
    const response = await fetch(`${harness.server.apiBaseUrl}/v10/channels/${channel.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bot ${TEST_TOKEN}` },
      body: JSON.stringify({ content: 'hello' }),
    });
    expect(response.status).toBe(403);
  });
});
