// Bias roles end to end: the real bot on the local Discord-compatible server links artists to roles
// (creating one when asked), fans pick and unpick them under the server's role hierarchy, a panel
// keeps working after the bot restarts, and an anniversary post pings exactly the linked roles.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, type FakeGuild, type RecordedRequest } from '../discord-server/index.js';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
const ROLE_OPTION = 8;
const CHANNEL_OPTION = 7;

interface SelectMenu {
  custom_id: string;
  max_values: number;
  options: { label: string; value: string; default?: boolean }[];
}

describe('bias roles end to end', () => {
  let harness: Harness;
  const clock = { now: new Date('2026-09-11T20:00:00Z') }; // 05:00 on September 12 in Seoul
  const strictGuildId = '300000000000000007';
  let guild: FakeGuild;
  const fan = { id: '400000000000000001', username: 'blink' };
  const roles: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startHarness({
      now: () => clock.now,
      anniversaryTickMs: 25,
      guilds: [
        {
          name: 'Fan Server',
          channels: [{ name: 'general' }, { name: 'anniversaries' }, { name: 'roles' }],
          botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageRoles,
        },
        { id: strictGuildId, name: 'Strict Server', channels: [{ name: 'general' }] },
      ],
    });
    guild = harness.server.guilds[0]!;
    // The server's own roles, made as its owner would; the bot learns of them from the gateway.
    for (const name of ['Blinks', 'STAY', 'Moderators']) roles[name] = harness.server.roles.create(guild, { name, mentionable: true, permissions: 0n }).id;
    const botRole = guild.roles.find((role) => role.id === guild.botRoleId)!;
    harness.server.roles.edit(guild, roles.Moderators!, { position: botRole.position + 1 });
    await waitUntil(() => harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.get(roles.Moderators!)?.rawPosition === botRole.position + 1);
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
    // After the restart the harness no longer owns the server.
    await harness.server.stop().catch(() => undefined);
  });

  async function waitUntil(check: () => boolean, timeoutMs = 3000) {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  function bias(subcommand: string, options: Record<string, unknown> = {}, place: { guildId?: string; admin?: boolean; user?: typeof fan } = {}) {
    const where = place.guildId ? harness.server.guild(place.guildId) : guild;
    return roundTrip(
      harness.server,
      harness.server.chatInputInteraction({
        guildId: where.id,
        channelId: where.channels[0]!.id,
        commandName: 'bias',
        subcommand,
        options: options as never,
        ...(place.user ? { user: place.user } : {}),
        memberPermissions: place.admin === false ? PermissionFlagsBits.SendMessages : PermissionFlagsBits.ManageGuild,
      }),
    );
  }

  const content = (callback: { data?: unknown }) => (callback.data as { content: string }).content;
  const memberRoles = () => guild.members.get(fan.id)?.roles ?? [];
  const roleRequests = () => harness.server.requests.filter((r) => /^\/guilds\/\d+\/(roles|members\/\d+\/roles\/\d+)$/.test(r.path) && r.method !== 'GET');

  function pick(message: APIMessage, menu: SelectMenu, values: string[]) {
    return roundTrip(harness.server, harness.server.stringSelectInteraction({ customId: menu.custom_id, values, message, user: fan }));
  }

  it('links a role the bot can hand out, and says exactly what stops one it cannot', async () => {
    const linked = await bias('link', { artist: 'blackpink', role: { type: ROLE_OPTION, value: roles.Blinks } });
    expect(linked.callback.data).toMatchObject({ flags: EPHEMERAL });
    expect(content(linked.callback)).toBe(`<@&${roles.Blinks}> is now the bias role of **BLACKPINK**. Fans pick it with \`/bias pick\`.`);

    const above = await bias('link', { artist: 'stray kids', role: { type: ROLE_OPTION, value: roles.Moderators } });
    expect(content(above.callback)).toBe(
      `I can't hand out <@&${roles.Moderators}>: <@&${roles.Moderators}> is not below my highest role (<@&${guild.botRoleId}>): drag my role above it in Server Settings → Roles. Nothing was changed.`,
    );
    const managed = await bias('link', { artist: 'stray kids', role: { type: ROLE_OPTION, value: guild.botRoleId } });
    expect(content(managed.callback)).toContain('belongs to an integration, so nobody can hand it out');

    const fanTries = await bias('link', { artist: 'stray kids', role: { type: ROLE_OPTION, value: roles.STAY } }, { admin: false });
    expect(content(fanTries.callback)).toBe('Only members with the **Manage Server** permission can do that.');
    const noRole = await bias('link', { artist: 'stray kids' });
    expect(content(noRole.callback)).toBe("Give a `role`, or `create:true` and I'll make one named for **Stray Kids**.");

    const stay = await bias('link', { artist: 'skz', role: { type: ROLE_OPTION, value: roles.STAY } });
    expect(content(stay.callback)).toContain('is now the bias role of **Stray Kids**');
    const taken = await bias('link', { artist: 'lisa', role: { type: ROLE_OPTION, value: roles.STAY } });
    expect(content(taken.callback)).toBe(`<@&${roles.STAY}> is already the bias role of **Stray Kids**. Unlink it first with \`/bias unlink\`.`);
    expect(harness.bot.context.biasRoles.links(guild.id)).toHaveLength(2);
    expect(roleRequests()).toEqual([]);
  });

  it('creates a role named for the artist with Manage Roles, and refuses without it', async () => {
    const created = await bias('link', { artist: 'bts', create: true });
    const post = roleRequests().find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ name: 'BTS', permissions: 0, mentionable: true });
    expect(post.status).toBe(200);
    const role = guild.roles.find((candidate) => candidate.name === 'BTS')!;
    roles.BTS = role.id;
    expect(role.position).toBe(1);
    expect(content(created.callback)).toBe(`I created <@&${role.id}> for **BTS** and linked it. Fans pick it with \`/bias pick\`.`);

    const strict = await bias('link', { artist: 'lisa', create: true }, { guildId: strictGuildId });
    expect(content(strict.callback)).toBe("I can't create a role for **Lisa**: I'm missing the **Manage Roles** permission. Nothing was changed.");
    expect(roleRequests().filter((r) => r.path.includes(strictGuildId))).toEqual([]);
    expect(harness.bot.context.biasRoles.links(strictGuildId)).toEqual([]);
  });

  let pickReply: APIMessage;
  let pickMenu: SelectMenu;

  it('lets a fan pick and unpick, adding and removing exactly those roles', async () => {
    await waitUntil(() => harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.has(roles.BTS!) === true);
    const { callback } = await bias('pick', {}, { admin: false, user: fan });
    expect(callback.data).toMatchObject({ flags: EPHEMERAL });
    pickMenu = (callback.data as { components: { components: SelectMenu[] }[] }).components[0]!.components[0]!;
    expect(pickMenu.custom_id).toBe('bias:pick:0');
    expect(pickMenu.options.map((option) => option.label)).toEqual(['BLACKPINK', 'BTS', 'Stray Kids']);
    pickReply = harness.server.messages(guild.channels[0]!.id).at(-1)!;
    const value = (label: string) => pickMenu.options.find((option) => option.label === label)!.value;

    const first = await pick(pickReply, pickMenu, [value('BLACKPINK'), value('BTS')]);
    expect(first.callback.type).toBe(7);
    expect(content(first.callback)).toContain(`Added: <@&${roles.Blinks}> <@&${roles.BTS}>.`);
    expect(memberRoles().sort()).toEqual([roles.Blinks, roles.BTS].sort());
    const updated = (first.callback.data as { components: { components: SelectMenu[] }[] }).components[0]!.components[0]!;
    expect(updated.options.filter((option) => option.default).map((option) => option.label)).toEqual(['BLACKPINK', 'BTS']);
    // The fan's roles come with each interaction, as the server now holds them.
    const again = await pick(pickReply, pickMenu, [value('BTS')]);
    expect(content(again.callback)).toBe(`Removed: <@&${roles.Blinks}>.\n\nPick your biases: the roles you pick are added, the ones you unpick are removed.`);
    expect(memberRoles()).toEqual([roles.BTS]);
    const removal = roleRequests().at(-1)!;
    expect(removal).toMatchObject({ method: 'DELETE', path: `/guilds/${guild.id}/members/${fan.id}/roles/${roles.Blinks}`, status: 204 });
  });

  it('keeps to the cap with a friendly answer, changing nothing', async () => {
    const limit = await bias('limit', { count: 1 });
    expect(content(limit.callback)).toBe('From now on each fan may hold up to 1 bias role.');
    const before = roleRequests().length;
    const value = (label: string) => pickMenu.options.find((option) => option.label === label)!.value;
    const over = await pick(pickReply, pickMenu, [value('BTS'), value('Stray Kids')]);
    expect(content(over.callback)).toContain('You may hold up to 1 bias role here, and those picks would give you 2. Unpick one first; nothing was changed.');
    expect(roleRequests()).toHaveLength(before);
    const swap = await pick(pickReply, pickMenu, [value('Stray Kids')]);
    expect(content(swap.callback)).toContain(`Added: <@&${roles.STAY}>.\nRemoved: <@&${roles.BTS}>.`);
    expect(memberRoles()).toEqual([roles.STAY]);
    await bias('limit', {});
  });

  it('checks the hierarchy at every pick: a role moved above the bot is refused and named', async () => {
    const bot = guild.roles.find((role) => role.id === guild.botRoleId)!;
    harness.server.roles.edit(guild, roles.Blinks!, { position: bot.position + 2 });
    await waitUntil(() => (harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.get(roles.Blinks!)?.rawPosition ?? 0) > bot.position);
    const before = roleRequests().length;
    const value = pickMenu.options.find((option) => option.label === 'BLACKPINK')!.value;
    const refused = await pick(pickReply, pickMenu, [value, pickMenu.options.find((option) => option.label === 'Stray Kids')!.value]);
    expect(content(refused.callback)).toContain(
      `I can't give you <@&${roles.Blinks}> right now: <@&${roles.Blinks}> is not below my highest role (<@&${guild.botRoleId}>)`,
    );
    expect(roleRequests()).toHaveLength(before);
    const list = await bias('list');
    const description = (list.callback.data as { embeds: { description: string }[] }).embeds[0]!.description;
    expect(description).toContain(`**BLACKPINK**: <@&${roles.Blinks}>\n⚠️ <@&${roles.Blinks}> is not below my highest role`);
    harness.server.roles.edit(guild, roles.Blinks!, { position: 2 });
    await waitUntil(() => harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.get(roles.Blinks!)?.rawPosition === 2);
  });

  it('a panel keeps working after the bot restarts', async () => {
    const channel = guild.channels[2]!;
    const posted = await bias('panel', { channel: { type: CHANNEL_OPTION, value: channel.id } });
    expect(content(posted.callback)).toBe(`The bias panel is up in <#${channel.id}>. It keeps working after I restart.`);
    const panel = harness.server.messages(channel.id).at(-1)!;
    const panelRequest = harness.server.requests.find((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`)!;
    expect((panelRequest.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    const menu = (panel.components as unknown as { components: SelectMenu[] }[])[0]!.components[0]!;
    expect(menu.custom_id).toBe('bias:panel:0');
    expect(menu.options.some((option) => option.default)).toBe(false);

    const databasePath = harness.databasePath;
    await harness.bot.stop();
    harness = await startHarness({ server: harness.server, databasePath, now: () => clock.now, anniversaryTickMs: 25 });

    const value = menu.options.find((option) => option.label === 'BLACKPINK')!.value;
    const used = await roundTrip(harness.server, harness.server.stringSelectInteraction({ customId: menu.custom_id, values: [value], message: panel, user: fan }));
    // The panel stays as everyone sees it; the fan alone reads what changed.
    expect(used.callback.type).toBe(4);
    expect(used.callback.data).toMatchObject({ flags: EPHEMERAL });
    expect(content(used.callback)).toBe(`Added: <@&${roles.Blinks}>.\nRemoved: <@&${roles.STAY}>.`);
    expect(memberRoles()).toEqual([roles.Blinks]);
    expect(harness.server.message(panel.id)!.edited_timestamp).toBeNull();
  });

  it('pings exactly the linked roles of the day\'s artists, and sends the post without a deleted role', async () => {
    const channel = guild.channels[1]!;
    const anniversaries = (subcommand: string, options: Record<string, unknown> = {}) =>
      roundTrip(
        harness.server,
        harness.server.chatInputInteraction({ guildId: guild.id, commandName: 'anniversaries', subcommand, options: options as never, memberPermissions: PermissionFlagsBits.ManageGuild }),
      );
    await anniversaries('setup', { channel: { type: CHANNEL_OPTION, value: channel.id }, time: '09:00', timezone: 'Asia/Seoul' });
    const on = await anniversaries('pings', { state: 'on' });
    expect(content(on.callback)).toBe('Anniversary posts now mention the bias role of the artist they celebrate, and no one else.');
    // Rosé is not in September 12's post: her role is never mentioned.
    harness.server.roles.create(guild, { name: 'Rosé', mentionable: true, permissions: 0n });
    const rose = guild.roles.find((role) => role.name === 'Rosé')!.id;
    await waitUntil(() => harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.has(rose) === true);
    await bias('link', { artist: 'rosé', role: { type: ROLE_OPTION, value: rose } });

    // Stray Kids' role is deleted before the post.
    harness.server.roles.remove(guild, roles.STAY!);
    await waitUntil(() => harness.bot.client.guilds.cache.get(guild.id)?.roles.cache.has(roles.STAY!) === false);

    clock.now = new Date('2026-09-12T00:00:10Z');
    const post: RecordedRequest = await harness.server.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`, 3000);
    // A Components V2 post: the mentions are the text display above its container.
    const body = post.body as { allowed_mentions: unknown; components: { type: number; content?: string }[] };
    // BLACKPINK's own role; Jungkook has none, so his group's (BTS); Stray Kids' role is gone.
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [roles.Blinks, roles.BTS] });
    expect(body.components[0]).toEqual({ type: 10, content: `<@&${roles.Blinks}> <@&${roles.BTS}>` });
    expect(JSON.stringify(body.components.slice(1))).toContain('BLACKPINK won Group of the Year');
    expect(post.status).toBe(200);
    expect(harness.logLines.some((line) => line.includes('bias role not mentioned in the anniversary post') && line.includes(roles.STAY!))).toBe(true);

    const status = await anniversaries('status');
    const fields = (status.callback.data as { embeds: { fields: { name: string; value: string }[] }[] }).embeds[0]!.fields;
    expect(fields.find((field) => field.name === 'Bias roles')!.value).toBe(
      'Pings on: posts mention the celebrated artist\'s bias role.\n⚠️ **Stray Kids** (a deleted role): the role was deleted',
    );
    const list = await bias('list');
    const embed = (list.callback.data as { embeds: { description: string; footer: { text: string } }[] }).embeds[0]!;
    expect(embed.description).toContain('**Stray Kids**: a deleted role\n⚠️ the role was deleted');
    expect(embed.footer.text).toBe('Fans may hold as many bias roles as they like. Anniversary posts mention these roles.');
  });

  it('unlinks', async () => {
    const unlinked = await bias('unlink', { artist: 'stray kids' });
    expect(content(unlinked.callback)).toBe('**Stray Kids** no longer has a bias role. The role itself stays in the server.');
    const again = await bias('unlink', { artist: 'stray kids' });
    expect(content(again.callback)).toBe('**Stray Kids** has no bias role here.');
  });
});
