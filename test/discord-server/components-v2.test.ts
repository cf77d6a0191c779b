// The local server refuses Components V2 bodies Discord refuses, with 400: legacy fields beside V2
// components, taking the flag off by an edit, attachment:// names no file of the request or the
// message, more than 40 components or 4,000 characters of text, components the spec does not allow;
// in channel messages, interaction callbacks and webhook edits alike.
import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Routes, type APIMessage, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscordServer } from './index.js';
import { specAvailable } from './openapi-check.js';

const V2 = MessageFlags.IsComponentsV2;

function container(...components: Record<string, unknown>[]) {
  return { type: 17, accent_color: 0xffb8e8, components };
}
const text = (content: string) => ({ type: 10, content });
const gallery = (name: string) => ({ type: 12, items: [{ media: { url: `attachment://${name}` }, description: 'A card' }] });
const png = Buffer.from('89504e470d0a1a0a', 'hex');

/** The error Discord answers, as { status, code, field } for comparing. */
async function refusal(request: Promise<unknown>): Promise<{ status: number; code: number | string; fields: string[] }> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    const errors = (error.rawError as { errors?: Record<string, unknown> }).errors ?? {};
    return { status: error.status, code: error.code, fields: Object.keys(errors) };
  }
  throw new Error('expected Discord to refuse the request');
}

function onNextInteraction(client: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(() => resolve(), reject);
    });
  });
}

describe('fake Discord server: Components V2 rules', () => {
  const server = new FakeDiscordServer();
  let client: Client;
  const route = () => Routes.channelMessages(server.channel().id);

  beforeAll(async () => {
    await server.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl } });
    const ready = once(client, Events.ClientReady);
    await client.login('fake-token');
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await server.stop();
  });

  it('takes a V2 message with a card it uploads, and stores the flag', async () => {
    const message = (await client.rest.post(route(), {
      body: { flags: V2, components: [container(text('## Title'), gallery('card.png'), text('Facts'))], attachments: [{ id: '0', filename: 'card.png' }] },
      files: [{ name: 'card.png', data: png, contentType: 'image/png' }],
    })) as APIMessage;
    expect((message.flags ?? 0) & V2).toBe(V2);
    expect(message.attachments.map((a) => a.filename)).toEqual(['card.png']);
  });

  it('refuses content, embeds, stickers or a poll beside V2 components', async () => {
    const components = [container(text('Facts'))];
    for (const extra of [{ content: 'hello' }, { embeds: [{ title: 'x' }] }, { sticker_ids: ['1'] }, { poll: { question: { text: 'q' }, answers: [{ poll_media: { text: 'a' } }] } }]) {
      const field = Object.keys(extra)[0]!;
      expect(await refusal(client.rest.post(route(), { body: { flags: V2, components, ...extra } }))).toEqual({ status: 400, code: 50035, fields: [field] });
    }
  });

  it('refuses V2 components without the flag', async () => {
    expect(await refusal(client.rest.post(route(), { body: { components: [container(text('Facts'))] } }))).toMatchObject({ status: 400, code: 50035 });
  });

  it('refuses an attachment:// that names no file of the request', async () => {
    expect(await refusal(client.rest.post(route(), { body: { flags: V2, components: [container(gallery('missing.png'))] } }))).toEqual({
      status: 400,
      code: 50035,
      fields: ['components'],
    });
  });

  it('refuses more than 40 components counting nested ones, and more than 4,000 characters of text', async () => {
    const many = Array.from({ length: 40 }, (_, index) => text(`line ${index}`));
    expect(await refusal(client.rest.post(route(), { body: { flags: V2, components: [container(...many)] } }))).toMatchObject({ status: 400, fields: ['components'] });
    const long = [container(text('a'.repeat(2000)), text('b'.repeat(2001)))];
    expect(await refusal(client.rest.post(route(), { body: { flags: V2, components: long } }))).toMatchObject({ status: 400, fields: ['components'] });
    const justFits = [container(text('a'.repeat(2000)), text('b'.repeat(2000)))];
    await expect(client.rest.post(route(), { body: { flags: V2, components: justFits } })).resolves.toMatchObject({ flags: V2 });
  });

  it.skipIf(!specAvailable)('refuses components the OpenAPI description does not allow', async () => {
    expect(await refusal(client.rest.post(route(), { body: { flags: V2, components: [container(text(''))] } }))).toMatchObject({ status: 400, code: 50035 });
    const tooBright = { ...container(text('Facts')), accent_color: 0x1000000 };
    expect(await refusal(client.rest.post(route(), { body: { flags: V2, components: [tooBright] } }))).toMatchObject({ status: 400, code: 50035 });
  });

  it('keeps an edited V2 message V2: the flag cannot be removed, nor content added; its own attachment may be named again', async () => {
    const sent = (await client.rest.post(route(), {
      body: { flags: V2, components: [container(gallery('card.png'), text('Facts'))], attachments: [{ id: '0', filename: 'card.png' }] },
      files: [{ name: 'card.png', data: png, contentType: 'image/png' }],
    })) as APIMessage;
    const edit = Routes.channelMessage(sent.channel_id, sent.id);
    expect(await refusal(client.rest.patch(edit, { body: { flags: 0, content: 'plain again' } }))).toMatchObject({ status: 400, fields: ['flags'] });
    expect(await refusal(client.rest.patch(edit, { body: { content: 'beside' } }))).toMatchObject({ status: 400, fields: ['content'] });
    const edited = (await client.rest.patch(edit, { body: { flags: V2, components: [container(gallery('card.png'), text('Facts, edited'))] } })) as APIMessage;
    expect((edited.flags ?? 0) & V2).toBe(V2);
  });

  it('checks interaction replies and the edit of a deferred reply, which may add the flag', async () => {
    const refused = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      const error = await refusal(interaction.reply({ content: 'beside', components: [container(text('Facts'))] as never, flags: V2 }));
      expect(error).toMatchObject({ status: 400, code: 50035, fields: ['content'] });
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await refused;

    const deferred = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await interaction.editReply({ components: [container(text('Facts'))] as never, flags: V2 } as never);
      expect((edited.flags.bitfield & V2) !== 0).toBe(true);
      const error = await refusal(interaction.editReply({ content: 'plain again', components: [], flags: 0 } as never));
      expect(error).toMatchObject({ status: 400, code: 50035 });
    });
    server.sendInteraction(server.chatInputInteraction({ commandName: 'first' }));
    await deferred;
  });
});
