// A server sets up anniversary posts through the slash commands and gets exactly one post at its
// local time, from the real bot on the local Discord-compatible server, with a faked clock.
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const IS_COMPONENTS_V2 = 1 << 15;

interface Container {
  type: number;
  components: { type: number; content?: string; items?: { media: { url: string }; description: string }[] }[];
}

/** A container's text displays, in order. */
function textsOf(container: Container): string[] {
  return container.components.flatMap((component) => (component.type === 10 ? [component.content!] : []));
}

const EPHEMERAL = 64;

describe('anniversary posts end to end', () => {
  let harness: Harness;
  const clock = { now: new Date('2026-09-11T20:00:00Z') }; // 05:00 on September 12 in Seoul
  const limitedGuildId = '300000000000000003';

  beforeAll(async () => {
    harness = await startHarness({
      now: () => clock.now,
      anniversaryTickMs: 25,
      guilds: [
        { name: 'Fan Server', channels: [{ name: 'general' }, { name: 'anniversaries' }] },
        {
          id: limitedGuildId,
          name: 'Strict Server',
          channels: [{ name: 'locked' }],
          everyonePermissions: PermissionFlagsBits.ViewChannel,
          botPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
        },
      ],
    });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  function run(subcommand: string, options: Record<string, unknown> = {}, guildId?: string) {
    const guild = guildId ? harness.server.guild(guildId) : harness.server.guilds[0]!;
    return roundTrip(
      harness.server,
      harness.server.chatInputInteraction({
        guildId: guild.id,
        channelId: guild.channels[0]!.id,
        commandName: 'anniversaries',
        subcommand,
        options: options as never,
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
  }

  it('says what permission is missing and saves nothing', async () => {
    const guild = harness.server.guild(limitedGuildId);
    const { callback } = await run('setup', { channel: { type: 7, value: guild.channels[0]!.id } }, limitedGuildId);
    expect(callback.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("I'm missing **Embed Links** there. Nothing was changed.") });
    const status = await run('status', {}, limitedGuildId);
    expect((status.callback.data as { content: string }).content).toContain('not set up here');
  });

  it('is set up with one command and posts once, at 09:00 Seoul time', async () => {
    const channel = harness.server.guilds[0]!.channels[1]!;
    const { callback } = await run('setup', { channel: { type: 7, value: channel.id }, time: '09:00', timezone: 'Asia/Seoul' });
    const content = (callback.data as { content: string; flags: number }).content;
    expect(content).toContain(`Anniversary posts are on: <#${channel.id}>, every day at 09:00 Asia/Seoul`);
    expect(content).toContain('Next post: September 12, 2026 at 09:00 Asia/Seoul (00:00 UTC).');

    const posts = () => harness.server.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(posts()).toHaveLength(0);

    clock.now = new Date('2026-09-12T00:00:10Z');
    const post = await harness.server.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`, 3000);
    const body = post.body as { components: Container[]; flags: number; content?: string; embeds?: unknown; nonce: string; enforce_nonce: boolean; allowed_mentions: unknown };
    // One Components V2 message: a container holding the heading, the card, the facts and the sources.
    expect(body.flags).toBe(IS_COMPONENTS_V2);
    expect(body).not.toHaveProperty('content');
    expect(body).not.toHaveProperty('embeds');
    expect(body.components).toHaveLength(1);
    const texts = textsOf(body.components[0]!);
    expect(texts[0]).toBe('## 🎂 On this day in K-pop: September 12');
    expect(texts.join('\n')).toContain('BLACKPINK won Group of the Year at the 2023 MTV VMAs');
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toHaveLength(25);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    // The day's headline comes as a card: a PNG of the declared size, with alt text, in the container's media gallery.
    expect(post.files).toHaveLength(1);
    expect(post.files[0]).toMatchObject({ filename: 'lightstick-card.png', contentType: 'image/png', width: 1200, height: 630 });
    expect(post.files[0]!.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(post.files[0]!.description).toMatch(/BLACKPINK|Jungkook|Stray Kids|TOMORROW X TOGETHER/);
    const gallery = body.components[0]!.components.find((component) => component.type === 12)!;
    expect(gallery.items).toEqual([{ media: { url: 'attachment://lightstick-card.png' }, description: post.files[0]!.description }]);

    // Many more ticks through the rest of the day: still one post.
    for (const time of ['2026-09-12T00:05:00Z', '2026-09-12T06:00:00Z', '2026-09-12T14:59:00Z']) {
      clock.now = new Date(time);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(posts()).toHaveLength(1);

    // An admin's preview of the day is that post: the same container and the same card, under a note.
    const preview = await run('preview');
    const shown = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/interactions/${preview.sent.id}/${preview.sent.token}/callback`)!;
    const data = (shown.body as { data: { flags: number; components: unknown[] } }).data;
    expect(data.flags).toBe(IS_COMPONENTS_V2 | EPHEMERAL);
    expect(data.components).toEqual([{ type: 10, content: '-# Preview: this is the post the server would get that day.' }, body.components[0]]);
    expect(shown.files).toHaveLength(1);
    expect(shown.files[0]!.description).toBe(post.files[0]!.description);
    expect(shown.files[0]!.bytes.equals(post.files[0]!.bytes)).toBe(true);
  });

  it('shows the setup, the last post and the next one in status', async () => {
    const { callback } = await run('status');
    const embed = (callback.data as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!;
    const field = (name: string) => embed.fields.find((f) => f.name === name)?.value;
    expect(field('Time')).toBe('09:00 Asia/Seoul');
    expect(field('Last post')).toMatch(/^September 12, 2026: sent \(https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+\)$/);
    expect(field('Next post')).toMatch(/^November 5, 2026 at 09:00 Asia\/Seoul \(00:00 UTC\), \d+ anniversar/);
  });

  it('records a lost permission from Discord, shows it in status, and does not retry that day', async () => {
    const channel = harness.server.guilds[0]!.channels[1]!;
    const path = `/channels/${channel.id}/messages`;
    harness.server.overrideRoute({ method: 'POST', path, status: 403, body: { code: 50013, message: 'Missing Permissions' }, times: 5 });
    const before = harness.server.requests.filter((r) => r.method === 'POST' && r.path === path).length;
    clock.now = new Date('2026-11-05T00:00:10Z'); // 09:00 in Seoul on an anniversary of the 2023 EMAs
    await harness.server.waitForRequest((r) => r.method === 'POST' && r.path === path && r.status === 403, 3000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(harness.server.requests.filter((r) => r.method === 'POST' && r.path === path).length).toBe(before + 1);
    const { callback } = await run('status');
    const fields = (callback.data as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!.fields;
    expect(fields.find((f) => f.name === 'Last post')!.value).toContain('November 5, 2026: not sent: Lightstick lost permission');
    expect(fields.find((f) => f.name === '⚠️ Problem')!.value).toContain('Lightstick lost permission to post in the anniversary channel');
  });

  it('follows an artist, previews privately, and can be turned off', async () => {
    const follow = await run('follow', { artist: 'Rosé' });
    expect((follow.callback.data as { content: string }).content).toContain('Now following **Rosé**.');
    const preview = await run('preview', { date: '09-07' });
    expect(preview.callback.data).toMatchObject({ flags: IS_COMPONENTS_V2 | EPHEMERAL });
    const shown = preview.callback.data as { components: Container[] };
    const container = shown.components[1]!;
    expect(textsOf(container).join('\n')).toContain('Rosé & Bruno Mars won Song of the Year');
    // The post itself, card included: the same picture the channel would get.
    const request = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/interactions/${preview.sent.id}/${preview.sent.token}/callback`)!;
    expect(container.components.find((component) => component.type === 12)!.items![0]!.media.url).toBe('attachment://lightstick-card.png');
    expect(request.files).toHaveLength(1);
    expect(request.files[0]).toMatchObject({ filename: 'lightstick-card.png', width: 1200, height: 630 });
    expect(request.files[0]!.description).toContain('Rosé');
    const none = await run('preview', { date: '09-12' });
    expect((none.callback.data as { content: string }).content).toContain('No post on September 12');
    const off = await run('off');
    expect((off.callback.data as { content: string }).content).toContain('Anniversary posts are off.');
  });

  it('autocompletes time zones', async () => {
    const guild = harness.server.guilds[0]!;
    const { callback } = await roundTrip(
      harness.server,
      harness.server.autocompleteInteraction({
        guildId: guild.id,
        commandName: 'anniversaries',
        subcommand: 'setup',
        focused: { name: 'timezone', value: 'seoul' },
      } as never),
    );
    expect((callback.data as { choices: { value: string }[] }).choices).toEqual([{ name: 'Asia/Seoul', value: 'Asia/Seoul' }]);
  });
});
