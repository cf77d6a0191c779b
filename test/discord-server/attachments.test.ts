import { once } from 'node:events';
import { AttachmentBuilder, Client, EmbedBuilder, Events, GatewayIntentBits, Routes, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMilestoneCard } from '../../src/cards/milestone-card.js';
import { SAMPLE_CARDS } from '../cards/sample-cards.js';
import { FakeDiscordServer, type RecordedRequest } from './index.js';
import { checkAttachmentReferences, specAvailable, validateCreateMessage, validateInteractionCallback, validateWebhookEdit, validateWebhookExecute } from './openapi-check.js';

const card = renderMilestoneCard(SAMPLE_CARDS.english!);

function onNextInteraction(client: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(() => resolve(), reject);
    });
  });
}

/** The card as discord.js sends it: a file named card.png with alt text, shown by the embed. */
function cardMessage(title: string) {
  return {
    embeds: [new EmbedBuilder().setTitle(title).setImage('attachment://card.png')],
    files: [new AttachmentBuilder(card.png, { name: 'card.png', description: card.altText })],
  };
}

function expectCardUpload(request: RecordedRequest): void {
  expect(request.files).toHaveLength(1);
  const [file] = request.files;
  expect(file).toMatchObject({ field: 'files[0]', index: 0, filename: 'card.png', contentType: 'image/png', description: card.altText });
  expect(file?.bytes.equals(card.png)).toBe(true);
  // The upload is a PNG of the size the renderer declared.
  expect({ width: file?.width, height: file?.height }).toEqual({ width: card.width, height: card.height });
  expect(checkAttachmentReferences(request.body, request.files)).toEqual([]);
}

describe('fake Discord server: files and attachments with the real discord.js client', () => {
  const server = new FakeDiscordServer({ uploadLimitBytes: 2 * 1024 * 1024 });
  let client: Client;

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

  it('takes a channel message with a file and an embed showing it, as multipart', async () => {
    const channel = (await client.channels.fetch(server.channel().id)) as TextChannel;
    const sent = await channel.send(cardMessage('On this day'));
    const request = await server.waitForRequest((candidate) => candidate.method === 'POST' && candidate.path === `/channels/${channel.id}/messages`);
    expect(String(request.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expectCardUpload(request);
    expect(request.body).toMatchObject({ attachments: [{ id: '0', description: card.altText }] });

    // Discord's answer: the attachment with its size, and the embed image pointing at it.
    const attachment = sent.attachments.first();
    expect(attachment).toMatchObject({ name: 'card.png', contentType: 'image/png', size: card.png.length, width: 1200, height: 630, description: card.altText });
    expect(sent.embeds[0]?.image?.url).toBe(attachment?.url);
    const served = await fetch(attachment!.url);
    expect(Buffer.from(await served.arrayBuffer()).equals(card.png)).toBe(true);
  });

  it('takes files with an interaction reply, an edit of @original and a follow-up', async () => {
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply(cardMessage('Reply'));
      await interaction.editReply(cardMessage('Edited'));
      await interaction.followUp(cardMessage('Follow-up'));
    });
    const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'card' }));
    await handled;
    const callback = await server.waitForRequest((request) => request.path.startsWith(`/interactions/${sent.id}/`));
    expectCardUpload(callback);
    expect(callback.body).toMatchObject({ type: 4, data: { attachments: [{ id: '0' }] } });
    const edit = await server.waitForRequest((request) => request.method === 'PATCH' && request.path.endsWith('/messages/@original'));
    expectCardUpload(edit);
    const followUp = await server.waitForRequest((request) => request.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(request.path));
    expectCardUpload(followUp);

    // The edit replaced the reply's card with the new upload.
    const original = server.messages(server.channel().id).find((message) => message.embeds[0]?.title === 'Edited');
    expect(original?.attachments).toHaveLength(1);
    expect(original?.attachments[0]).toMatchObject({ filename: 'card.png', width: 1200, height: 630 });
    if (specAvailable) {
      expect(validateInteractionCallback(callback.body)).toEqual([]);
      expect(validateWebhookEdit(edit.body)).toEqual([]);
      expect(validateWebhookExecute(followUp.body)).toEqual([]);
    }
  });

  it.skipIf(!specAvailable)('sends a payload_json that matches the Discord OpenAPI spec', async () => {
    const channel = (await client.channels.fetch(server.channel().id)) as TextChannel;
    await channel.send(cardMessage('Checked'));
    const request = server.requests.filter((candidate) => candidate.files.length > 0 && candidate.path.startsWith('/channels/')).at(-1)!;
    expect(validateCreateMessage(request.body)).toEqual([]);
  });

  it('refuses requests whose files pass the upload limit, as Discord does with 413', async () => {
    const channel = (await client.channels.fetch(server.channel().id)) as TextChannel;
    const tooBig = Buffer.alloc(2 * 1024 * 1024 + 1, 7);
    await expect(channel.send({ files: [new AttachmentBuilder(tooBig, { name: 'big.bin' })] })).rejects.toMatchObject({
      code: 40005,
      status: 413,
    });
  });

  it('refuses an attachments entry that names no uploaded file', async () => {
    const channelId = server.channel().id;
    await expect(
      client.rest.post(Routes.channelMessages(channelId), {
        body: { content: 'card', attachments: [{ id: 3, filename: 'card.png' }] },
        files: [{ name: 'card.png', data: card.png, contentType: 'image/png' }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('flags an embed that shows an attachment no file was uploaded for', () => {
    const files = [{ index: 0, filename: 'card.png' }];
    expect(checkAttachmentReferences({ embeds: [{ image: { url: 'attachment://card.png' } }], attachments: [{ id: 0, filename: 'card.png' }] }, files)).toEqual([]);
    expect(checkAttachmentReferences({ embeds: [{ image: { url: 'attachment://cards.png' } }], attachments: [{ id: 0 }] }, files)).toEqual([
      'embeds[0].image.url attachment://cards.png names no uploaded file',
    ]);
    expect(checkAttachmentReferences({ type: 4, data: { attachments: [{ id: 1, filename: 'card.png' }] } }, files)).toEqual([
      'attachments[0].id 1 names no uploaded files[n]',
    ]);
    expect(checkAttachmentReferences({ attachments: [{ id: 0, filename: 'other.png' }] }, files)).toEqual([
      'attachments[0].filename "other.png" differs from the uploaded file\'s "card.png"',
    ]);
  });
});
