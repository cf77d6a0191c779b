// The fake Discord's guild roles: what it allows and refuses (403 / 50013) as Discord does, and the
// gateway events discord.js keeps its caches with.
import { Client, Events, GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, FakeDiscordServer, type FakeGuild } from './index.js';

describe('guild roles on the fake Discord', () => {
  let server: FakeDiscordServer;
  let client: Client;
  let guild: FakeGuild;
  let weak: FakeGuild;
  const fanId = '400000000000000009';

  beforeAll(async () => {
    server = new FakeDiscordServer({
      guilds: [
        { name: 'Roles', botPermissions: DEFAULT_BOT_PERMISSIONS | PermissionFlagsBits.ManageRoles, roles: [{ name: 'Blinks' }] },
        { name: 'Weak', roles: [{ name: 'Fans' }] },
      ],
      users: [{ id: fanId, username: 'fan' }],
    });
    await server.start();
    [guild, weak] = server.guilds as [FakeGuild, FakeGuild];
    for (const each of [guild, weak]) each.members.set(fanId, { ...each.members.get(server.state.bot.id)!, user: server.user({ id: fanId, username: 'fan' }), roles: [] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl } });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login('role-test-token');
    await ready;
  });
  afterAll(async () => {
    await client.destroy();
    await server.stop();
  });

  function call(method: string, path: string, body?: unknown) {
    return fetch(`${server.apiBaseUrl}/v10${path}`, {
      method,
      headers: { authorization: 'Bot role-test-token', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function refusal(response: Response) {
    return { status: response.status, body: await response.json() };
  }

  const missing = { status: 403, body: { code: 50013, message: 'Missing Permissions' } };

  it('creates a role just above @everyone, lifting the others, and tells the gateway', async () => {
    const created = new Promise<string>((resolve) => client.once(Events.GuildRoleCreate, (role) => resolve(role.name)));
    const response = await call('POST', `/guilds/${guild.id}/roles`, { name: 'BTS', permissions: 0, mentionable: true });
    expect(response.status).toBe(200);
    const role = (await response.json()) as { id: string; position: number; permissions: string; mentionable: boolean };
    expect(role).toMatchObject({ position: 1, permissions: '0', mentionable: true });
    expect(await created).toBe('BTS');
    const bot = guild.roles.find((candidate) => candidate.id === guild.botRoleId)!;
    expect(bot.position).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.guilds.cache.get(guild.id)!.roles.cache.get(guild.botRoleId)!.rawPosition).toBe(3);
  });

  it('refuses without Manage Roles, and a permission the bot lacks', async () => {
    expect(await refusal(await call('POST', `/guilds/${weak.id}/roles`, { name: 'x' }))).toEqual(missing);
    expect(await refusal(await call('POST', `/guilds/${guild.id}/roles`, { name: 'x', permissions: String(PermissionFlagsBits.BanMembers) }))).toEqual(missing);
    const fans = weak.roles.find((role) => role.name === 'Fans')!;
    expect(await refusal(await call('PUT', `/guilds/${weak.id}/members/${fanId}/roles/${fans.id}`))).toEqual(missing);
  });

  it("hands out roles below the bot's highest only, never managed ones, and mirrors the member", async () => {
    const blinks = guild.roles.find((role) => role.name === 'Blinks')!;
    expect((await call('PUT', `/guilds/${guild.id}/members/${fanId}/roles/${blinks.id}`)).status).toBe(204);
    expect(guild.members.get(fanId)!.roles).toEqual([blinks.id]);
    expect(server.gatewayFrames.some((frame) => frame.t === 'GUILD_MEMBER_UPDATE')).toBe(false);
    expect(await refusal(await call('PUT', `/guilds/${guild.id}/members/${fanId}/roles/${guild.botRoleId}`))).toEqual(missing);
    server.roles.edit(guild, blinks.id, { position: 10 });
    expect(await refusal(await call('DELETE', `/guilds/${guild.id}/members/${fanId}/roles/${blinks.id}`))).toEqual(missing);
    expect(await refusal(await call('PATCH', `/guilds/${guild.id}/roles/${blinks.id}`, { name: 'Blink' }))).toEqual(missing);
    // At the bot's own position the newer role ranks lower, as Discord breaks the tie: allowed.
    const bot = guild.roles.find((role) => role.id === guild.botRoleId)!;
    server.roles.edit(guild, blinks.id, { position: bot.position });
    expect(BigInt(blinks.id) > BigInt(bot.id)).toBe(true);
    expect((await call('PATCH', `/guilds/${guild.id}/roles/${blinks.id}`, { name: 'Blinks' })).status).toBe(200);
    expect(await refusal(await call('DELETE', `/guilds/${guild.id}/roles/${guild.botRoleId}`))).toEqual(missing);
    expect((await call('PUT', `/guilds/${guild.id}/members/${fanId}/roles/999`)).status).toBe(404);
  });

  it("deletes a role, taking it from members, and the bot's own member update reaches every session", async () => {
    const blinks = guild.roles.find((role) => role.name === 'Blinks')!;
    server.roles.edit(guild, blinks.id, { position: 1 });
    server.roles.setMemberRole(guild, guild.members.get(server.state.bot.id)!, blinks.id, true);
    const deleted = new Promise<string>((resolve) => client.once(Events.GuildRoleDelete, (role) => resolve(role.id)));
    expect((await call('DELETE', `/guilds/${guild.id}/roles/${blinks.id}`)).status).toBe(204);
    expect(await deleted).toBe(blinks.id);
    expect(guild.members.get(fanId)!.roles).toEqual([]);
    expect(guild.members.get(server.state.bot.id)!.roles).toEqual([guild.botRoleId]);
    const updates = server.gatewayFrames.filter((frame) => frame.t === 'GUILD_MEMBER_UPDATE');
    expect(updates.length).toBeGreaterThan(0);
    expect(client.guilds.cache.get(guild.id)!.members.me!.roles.cache.has(blinks.id)).toBe(false);
  });
});
