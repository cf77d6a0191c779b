import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  GatewayOpcodes,
  MessageFlags,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from './index.js';
import {
  checkUnspecifiedLimits,
  specAvailable,
  specSkipNote,
  validateCreateMessage,
  validateInteractionCallback,
  validateWebhookEdit,
  validateWebhookExecute,
} from './openapi-check.js';

if (!specAvailable) console.warn(specSkipNote);

/** Runs `handler` for the next interaction the client receives, surfacing its errors to the test. */
function onNextInteraction(client: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(() => resolve(), reject);
    });
  });
}

describe('fake Discord server with the real discord.js client', () => {
  const server = new FakeDiscordServer({
    heartbeatIntervalMs: 200,
    guilds: [{ name: 'Lightstick Test', channels: [{ name: 'general' }, { name: 'announcements' }] }],
  });
  let client: Client;

  beforeAll(async () => {
    await server.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl } });
    const ready = once(client, Events.ClientReady);
    await client.login('fake-token');
    await ready;
  });

  afterEach(() => {
    client.removeAllListeners(Events.InteractionCreate);
  });

  afterAll(async () => {
    await client?.destroy();
    await server.stop();
  });

  it('logs in: READY, then GUILD_CREATE fills the guild and channel caches', () => {
    const guild = server.guild();
    expect(client.user?.id).toBe(server.bot.id);
    expect(client.application?.id).toBe(server.applicationId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.available).toBe(true);
    expect(cached?.name).toBe('Lightstick Test');
    expect(cached?.channels.cache.map((channel) => channel.name).sort()).toEqual(['announcements', 'general']);
    expect(cached?.members.me?.permissions.has('SendMessages')).toBe(true);
    expect(server.requests.some((request) => request.method === 'GET' && request.path === '/gateway/bot')).toBe(true);
  });

  it('answers heartbeats with ACKs and numbers dispatches per connection', async () => {
    await server.waitForGatewayFrame((frame) => frame.direction === 'received' && frame.op === GatewayOpcodes.Heartbeat);
    const ack = await server.waitForGatewayFrame((frame) => frame.direction === 'sent' && frame.op === GatewayOpcodes.HeartbeatAck);
    expect(ack.d).toBeNull();
    // A second beat proves the client saw the first ACK (otherwise it would have reconnected as a zombie).
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(server.gatewayFrames.filter((frame) => frame.op === GatewayOpcodes.HeartbeatAck).length).toBeGreaterThanOrEqual(2);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    const sequences = server.gatewayFrames.filter((frame) => frame.direction === 'sent' && frame.s !== null).map((frame) => frame.s);
    expect(sequences.slice(0, 2)).toEqual([1, 2]);
  });

  it('delivers a chat input command and records reply() as a type 4 callback', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(interaction.commandName).toBe('award');
      expect(interaction.options.getSubcommand()).toBe('list');
      expect(interaction.options.getString('artist')).toBe('IU');
      expect(interaction.options.getInteger('year')).toBe(2024);
      expect(interaction.inGuild()).toBe(true);
      expect(interaction.channel?.id).toBe(server.channel().id);
      await interaction.reply({ content: 'hi' });
    });
    const sent = server.sendInteraction(
      server.chatInputInteraction({ commandName: 'award', subcommand: 'list', options: { artist: 'IU', year: 2024 } }),
    );
    await handled;
    const callback = await sent.callback();
    expect(callback.type).toBe(4);
    expect(callback.data?.content).toBe('hi');
    const request = await server.waitForRequest((candidate) => candidate.path.endsWith('/callback'));
    expect(request.query.with_response).toBe('false');
    expect(request.status).toBe(204);
  });

  it('deferReply + editReply PATCHes @original, and followUp POSTs to the webhook', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'done' });
      expect(edited.content).toBe('done');
      const followUp = await interaction.followUp({ content: 'more', flags: MessageFlags.Ephemeral });
      expect(followUp.content).toBe('more');
    });
    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await handled;
    expect((await sent.callback()).type).toBe(5);
    const edit = await server.waitForRequest(
      (request) => request.method === 'PATCH' && request.path === `/webhooks/${server.applicationId}/${sent.token}/messages/@original`,
    );
    expect(edit.body).toMatchObject({ content: 'done' });
    const followUp = await server.waitForRequest(
      (request) => request.method === 'POST' && request.path === `/webhooks/${server.applicationId}/${sent.token}`,
    );
    expect(followUp.query.wait).toBe('true');
    expect(followUp.body).toMatchObject({ content: 'more', flags: 64 });
  });

  it('returns an InteractionCallbackResponse with the message when asked withResponse', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      expect(response.interaction.id).toBe(interaction.id);
      expect(response.resource?.message?.content).toBe('with response');
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'trivia' }));
    await handled;
  });

  it('serves fetchReply and deleteReply through the @original webhook routes', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'short-lived' });
      expect((await interaction.fetchReply()).content).toBe('short-lived');
      await interaction.deleteReply();
    });
    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await handled;
    const deleted = await server.waitForRequest(
      (request) => request.method === 'DELETE' && request.path === `/webhooks/${server.applicationId}/${sent.token}/messages/@original`,
    );
    expect(deleted.status).toBe(204);
  });

  it('handles DM commands, select menus and modal submits from configured users', async () => {
    const fan = server.user({ id: '123456789012345678', username: 'bunny' });
    const dm = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      expect(interaction.inGuild()).toBe(false);
      expect(interaction.user.username).toBe('bunny');
      await interaction.reply({ content: 'dm reply' });
    });
    const dmSent = server.sendInteraction(server.chatInputInteraction({ guildId: null, user: fan, commandName: 'first' }));
    await dm;
    expect((await dmSent.callback()).data?.content).toBe('dm reply');

    const channel = client.channels.cache.get(server.channel().id) as TextChannel;
    const menu = await channel.send({
      content: 'Pick one',
      components: [{ type: 1, components: [{ type: 3, custom_id: 'pick', options: [{ label: 'IU', value: 'iu' }] }] }],
    });
    const stored = server.message(menu.id);
    if (!stored) throw new Error('the server should have stored the message');
    const select = onNextInteraction(client, async (interaction) => {
      if (!interaction.isStringSelectMenu()) throw new Error('expected a string select');
      expect(interaction.values).toEqual(['iu']);
      expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
      await interaction.deferUpdate();
    });
    const selectSent = server.sendInteraction(
      server.stringSelectInteraction({ customId: 'pick', values: ['iu'], message: stored, user: fan, memberPermissions: 0x20n | 0x400n }),
    );
    await select;
    expect((await selectSent.callback()).type).toBe(6);

    const modal = onNextInteraction(client, async (interaction) => {
      if (!interaction.isModalSubmit()) throw new Error('expected a modal submit');
      expect(interaction.fields.getTextInputValue('answer')).toBe('Love wins all');
      await interaction.reply({ content: 'correct!', flags: MessageFlags.Ephemeral });
    });
    const modalSent = server.sendInteraction(server.modalSubmitInteraction({ customId: 'trivia', fields: { answer: 'Love wins all' } }));
    await modal;
    expect((await modalSent.callback()).data).toMatchObject({ content: 'correct!', flags: 64 });
  });

  it('rejects a second acknowledgement like Discord (40060)', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      await interaction.reply({ content: 'once' });
      // Bypass discord.js's own "already replied" guard to hit the API twice.
      await expect(
        client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
          body: { type: 4, data: { content: 'twice' } },
          auth: false,
        }),
      ).rejects.toMatchObject({ code: 40060 });
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await handled;
  });

  it('answers autocomplete with a type 8 callback', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      expect(interaction.options.getFocused(true)).toMatchObject({ name: 'artist', value: 'NewJ' });
      await interaction.respond([{ name: 'NewJeans', value: 'newjeans' }]);
    });
    const sent = server.sendInteraction(
      server.autocompleteInteraction({ commandName: 'award', focused: { name: 'artist', value: 'NewJ' } }),
    );
    await handled;
    expect(await sent.callback()).toEqual({ type: 8, data: { choices: [{ name: 'NewJeans', value: 'newjeans' }] } });
  });

  it('sends channel messages through the cache and updates them from a button click (type 7)', async () => {
    const channel = (await client.channels.fetch(server.channel().id, { force: true })) as TextChannel;
    expect(server.requests.some((request) => request.method === 'GET' && request.path === `/channels/${channel.id}`)).toBe(true);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('trivia:next').setLabel('Next').setStyle(ButtonStyle.Primary),
    );
    const posted = await channel.send({ content: 'Question 1', components: [row] });
    const create = await server.waitForRequest(
      (request) =>
        request.method === 'POST' &&
        request.path === `/channels/${channel.id}/messages` &&
        (request.body as { content?: string } | null)?.content === 'Question 1',
    );
    expect(create.status).toBe(200);
    expect(create.body).toMatchObject({ components: [{ type: 1, components: [{ custom_id: 'trivia:next' }] }] });
    expect(posted.author.id).toBe(server.bot.id);

    const stored = server.message(posted.id);
    if (!stored) throw new Error('the server should have stored the message');
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      expect(interaction.customId).toBe('trivia:next');
      expect(interaction.message.id).toBe(posted.id);
      await interaction.update({ content: 'Question 2', components: [] });
    });
    const sent = server.sendInteraction(server.buttonInteraction({ customId: 'trivia:next', message: stored }));
    await handled;
    const callback = await sent.callback();
    expect(callback.type).toBe(7);
    expect(callback.data?.content).toBe('Question 2');
    expect(server.message(posted.id)?.content).toBe('Question 2');
  });

  it('deduplicates channel messages by enforced nonce and simulates failures on demand', async () => {
    const channel = client.channels.cache.get(server.channel().id) as TextChannel;
    const first = await channel.send({ content: 'once', nonce: 'abc123', enforceNonce: true });
    const again = await channel.send({ content: 'once', nonce: 'abc123', enforceNonce: true });
    expect(again.id).toBe(first.id);

    server.overrideRoute({
      method: 'POST',
      path: `/channels/${channel.id}/messages`,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    await expect(channel.send('denied')).rejects.toMatchObject({ code: 50013, status: 403 });
    const unknown = await client.rest.post('/channels/1/messages', { body: { content: 'x' } }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ code: 10003 });
    const missing = server.requests.find((request) => request.path === '/channels/1/messages');
    expect(missing?.status).toBe(404);
  });

  it('records unknown routes as Discord-style 404s', async () => {
    await expect(client.rest.get('/no/such/route')).rejects.toMatchObject({ status: 404, code: 0 });
    const recorded = await server.waitForRequest((request) => request.path === '/no/such/route');
    expect(recorded.status).toBe(404);
  });

  it('stores application commands registered with PUT', async () => {
    const guildId = server.guild().id;
    await client.application?.commands.set([{ name: 'award', description: 'Look up awards' }], guildId);
    const registered = await client.application?.commands.fetch({ guildId });
    expect(registered?.map((command) => command.name)).toEqual(['award']);
    await expect(client.application?.commands.set([{ name: 'Bad Name', description: 'x' }])).rejects.toMatchObject({
      code: 50035,
    });
  });

  it('announces guilds added later with GUILD_CREATE', async () => {
    const joined = once(client, Events.GuildCreate);
    const guild = server.addGuild({ name: 'Second Server' });
    const [created] = (await joined) as [{ id: string; name: string }];
    expect(created.id).toBe(guild.id);
    expect(client.guilds.cache.get(guild.id)?.channels.cache.size).toBe(1);
  });

  it('resumes after the server asks the client to reconnect', async () => {
    server.requestReconnect();
    await server.waitForGatewayFrame((frame) => frame.direction === 'sent' && frame.t === 'RESUMED', 5000);
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'still here' });
    });
    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await handled;
    expect((await sent.callback()).data?.content).toBe('still here');
  });

  it.skipIf(!specAvailable)('sent only bodies that match the Discord OpenAPI spec', () => {
    let checked = 0;
    const problems = server.requests.flatMap((request) => {
      const where = `${request.method} ${request.path}`;
      const check =
        request.method === 'POST' && request.path.endsWith('/callback')
          ? validateInteractionCallback
          : request.method === 'POST' && /^\/channels\/[^/]+\/messages$/.test(request.path)
            ? validateCreateMessage
            : request.method === 'PATCH' && request.path.startsWith('/webhooks/')
              ? validateWebhookEdit
              : request.method === 'POST' && /^\/webhooks\/[^/]+\/[^/]+$/.test(request.path)
                ? validateWebhookExecute
                : null;
      if (!check) return [];
      checked += 1;
      return check(request.body).map((problem) => `${where}: ${problem}`);
    });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(10);
  });
});

describe('fake Discord server interaction deadline', () => {
  it('forgets interactions the bot did not answer in time, like Discord after 3 seconds', async () => {
    const server = new FakeDiscordServer({ interactionResponseDeadlineMs: 50 });
    await server.start();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl } });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login('fake-token');
      await ready;
      const handled = onNextInteraction(client, async (interaction) => {
        if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
        await new Promise((resolve) => setTimeout(resolve, 100));
        await expect(interaction.reply({ content: 'too late' })).rejects.toMatchObject({ code: 10062 });
      });
      server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
      await handled;
    } finally {
      await client.destroy();
      await server.stop();
    }
  });
});

describe('OpenAPI request checks', () => {
  const validReply = {
    type: 4,
    data: {
      content: 'IU won Artist of the Year',
      embeds: [{ title: 'Awards', description: 'Melon Music Awards', color: 0xff66aa, fields: [{ name: 'Year', value: '2024', inline: true }] }],
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'awards:next', label: 'Next' }] }],
      flags: 64,
    },
  };

  it.skipIf(!specAvailable)('accepts a valid reply, update and autocomplete result', () => {
    expect(validateInteractionCallback(validReply)).toEqual([]);
    expect(validateInteractionCallback({ type: 7, data: { content: 'updated', components: [] } })).toEqual([]);
    expect(validateInteractionCallback({ type: 8, data: { choices: [{ name: 'IU', value: 'iu' }] } })).toEqual([]);
    expect(validateCreateMessage({ content: 'hi', nonce: 'abc', enforce_nonce: true })).toEqual([]);
    expect(validateWebhookEdit({ content: 'edited', embeds: [] })).toEqual([]);
    expect(validateWebhookExecute({ content: 'follow-up', flags: 64 })).toEqual([]);
  });

  it.skipIf(!specAvailable)('reports what is wrong with an invalid reply', () => {
    const rows = Array.from({ length: 6 }, (_, index) => ({
      type: 1,
      components: [{ type: 2, style: 1, custom_id: `row:${index}`, label: 'Go' }],
    }));
    const errors = validateInteractionCallback({
      type: 4,
      data: { content: 'x'.repeat(2001), tts: 'yes', embeds: [{ title: 't'.repeat(300) }], components: rows },
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'data.content must NOT have more than 2000 characters',
        'data.embeds[0].title must NOT have more than 256 characters',
        'data.tts must be boolean,null',
        'data: 6 action rows; the limit is 5',
      ]),
    );
    expect(validateInteractionCallback({ type: 7, data: { components: [{ type: 1, components: [{ type: 2, style: 'primary' }] }] } })).toEqual(
      expect.arrayContaining(['data.components[0].components[0].style must be integer']),
    );
    expect(validateCreateMessage({ content: 42 })).toEqual(['content must be string,null']);
  });

  it('checks the limits the spec leaves out', () => {
    const bigFields = Array.from({ length: 26 }, () => ({ name: 'n'.repeat(100), value: 'v'.repeat(200) }));
    const crowdedRow = { type: 1, components: Array.from({ length: 6 }, (_, index) => ({ type: 2, style: 1, custom_id: `b${index}` })) };
    expect(checkUnspecifiedLimits({ content: 'fine', embeds: [{ title: 'ok' }], components: [crowdedRow] })).toEqual([
      'components[0] has 6 buttons; the limit is 5 per row',
    ]);
    expect(checkUnspecifiedLimits({ content: 'c'.repeat(2001), embeds: [{ fields: bigFields }] })).toEqual([
      'content is 2001 characters; the limit is 2000',
      'embeds[0] has 7800 characters in total; the limit is 6000',
      'embeds[0] has 26 fields; the limit is 25',
    ]);
    expect(checkUnspecifiedLimits({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) })).toEqual([
      '11 embeds; the limit is 10',
    ]);
    expect(checkUnspecifiedLimits(validReply.data)).toEqual([]);
  });
});

describe('fake Discord server with several shards', () => {
  // Ids 2^22 apart land on consecutive shards: (id >> 22) % count.
  const guildIds = [0n, 1n].map((i) => String(300000000000000000n + i * 4194304n));
  const server = new FakeDiscordServer({ shards: 2, maxConcurrency: 16, guilds: guildIds.map((id) => ({ id, channels: [{ name: 'general' }] })) });
  const clients: Client[] = [];
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.destroy()));
    await server.stop();
  });

  it('recommends its shard count, and sends each guild and its interactions to the shard that holds it', async () => {
    const gateway = await fetch(`${server.apiBaseUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot token' } });
    expect(await gateway.json()).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 16 } });
    const shard = (id: number) => {
      const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl }, shards: [id], shardCount: 2 });
      clients.push(client);
      return client;
    };
    const [first, second] = [shard(0), shard(1)];
    await Promise.all([first, second].map(async (client) => {
      const ready = once(client, Events.ClientReady);
      await client.login('any-token');
      await ready;
    }));
    const onShard = (guildId: string) => Number((BigInt(guildId) >> 22n) % 2n);
    expect([...first.guilds.cache.keys()]).toEqual(guildIds.filter((id) => onShard(id) === 0));
    expect([...second.guilds.cache.keys()]).toEqual(guildIds.filter((id) => onShard(id) === 1));
    const seen: string[] = [];
    first.on(Events.InteractionCreate, () => seen.push('shard 0'));
    second.on(Events.InteractionCreate, () => seen.push('shard 1'));
    const onSecond = guildIds.find((id) => onShard(id) === 1)!;
    server.sendInteraction(server.chatInputInteraction({ guildId: onSecond, commandName: 'ping' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(['shard 1']);
  });

  it('closes an IDENTIFY for a shard outside the count with 4010', async () => {
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(server.gatewayUrl);
    await once(socket, 'message');
    socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: 't', intents: 1, properties: {}, shard: [2, 2] } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4010);
  });
});

describe('fake Discord server enforcing rate limits', () => {
  const server = new FakeDiscordServer({ rateLimits: { globalPerSecond: 5, channelMessages: 3, channelWindowMs: 1000 } });
  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  const post = (channelId: string) =>
    fetch(`${server.apiBaseUrl}/v10/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bot token', 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'hi' }),
    });

  it('answers past a channel\'s limit with a route 429, and past the global limit with a global one', async () => {
    const channelId = server.channel().id;
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(channelId));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(answers[3]!.headers.get('x-ratelimit-scope')).toBe('user');
    expect(await answers[3]!.json()).toMatchObject({ global: false, retry_after: expect.any(Number) });
    // Three requests counted so far; two more fill the second.
    for (let i = 0; i < 2; i++) expect((await fetch(`${server.apiBaseUrl}/v10/users/@me`, { headers: { authorization: 'Bot token' } })).status).toBe(200);
    const over = await fetch(`${server.apiBaseUrl}/v10/users/@me`, { headers: { authorization: 'Bot token' } });
    expect(over.status).toBe(429);
    expect(over.headers.get('x-ratelimit-global')).toBe('true');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ global: true });
    expect(server.rateLimiter!.rejected).toEqual({ global: 1, route: 1 });
  });
});
