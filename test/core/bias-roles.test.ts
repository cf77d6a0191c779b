// The pure rules of bias roles: Discord's role hierarchy, a link's problems, which roles a post
// mentions, what a fan's picks change, and the menus they are offered in.
import { describe, expect, it } from 'vitest';
import {
  MAX_BIAS_LINKS,
  assignProblems,
  botHighestRole,
  compareRolePositions,
  createProblems,
  linkProblems,
  menusOf,
  pickChange,
  postRoleMentions,
  type GuildRole,
  type GuildRoleSnapshot,
} from '../../src/core/bias-roles.js';

const role = (id: string, position: number, extra: Partial<GuildRole> = {}): GuildRole => ({ id, name: `role ${id}`, position, managed: false, mentionable: true, ...extra });

function snapshot(overrides: Partial<GuildRoleSnapshot> = {}): GuildRoleSnapshot {
  return {
    guildId: '1',
    roles: [role('1', 0), role('10', 1), role('11', 2), role('20', 3, { managed: true }), role('30', 4)],
    botRoleIds: ['20'],
    botCanManageRoles: true,
    botCanMentionEveryone: false,
    ...overrides,
  };
}

describe('the role hierarchy, as Discord computes it', () => {
  it('orders by position, and at equal positions the older role is higher', () => {
    expect(compareRolePositions(role('5', 2), role('6', 1))).toBeGreaterThan(0);
    expect(compareRolePositions(role('5', 1), role('6', 1))).toBeGreaterThan(0);
    expect(compareRolePositions(role('6', 1), role('5', 1))).toBeLessThan(0);
    expect(compareRolePositions(role('5', 1), role('5', 1))).toBe(0);
  });

  it("takes the bot's highest role from all its roles, else @everyone", () => {
    expect(botHighestRole(snapshot({ botRoleIds: ['10', '20'] }))?.id).toBe('20');
    expect(botHighestRole(snapshot({ botRoleIds: [] }))?.id).toBe('1');
  });

  it('hands out only roles strictly below the bot, with Manage Roles, never managed ones or @everyone', () => {
    expect(assignProblems(snapshot(), '11')).toEqual([]);
    expect(assignProblems(snapshot(), '30')).toEqual(['role-above-bot']);
    expect(assignProblems(snapshot(), '20')).toEqual(['role-managed', 'role-above-bot']);
    expect(assignProblems(snapshot(), '1')).toEqual(['role-everyone']);
    expect(assignProblems(snapshot(), '99')).toEqual(['role-deleted']);
    expect(assignProblems(snapshot({ botCanManageRoles: false }), '30')).toEqual(['missing-manage-roles', 'role-above-bot']);
    // A role at the bot's own position but newer ranks below it.
    expect(assignProblems(snapshot({ roles: [role('1', 0), role('20', 3), role('25', 3)] }), '25')).toEqual([]);
    expect(assignProblems(snapshot({ roles: [role('1', 0), role('20', 3), role('15', 3)] }), '15')).toEqual(['role-above-bot']);
  });

  it('creates a role only with Manage Roles and a role of its own to rank above it', () => {
    expect(createProblems(snapshot())).toEqual([]);
    expect(createProblems(snapshot({ botCanManageRoles: false, botRoleIds: [] }))).toEqual(['missing-manage-roles', 'role-above-bot']);
  });

  it("names a link's problems, a deleted role alone", () => {
    expect(linkProblems(snapshot(), '11')).toEqual([]);
    expect(linkProblems(snapshot(), '99')).toEqual(['role-deleted']);
    const quiet = snapshot({ roles: [role('1', 0), role('11', 1, { mentionable: false }), role('20', 3)] });
    expect(linkProblems(quiet, '11')).toEqual(['not-mentionable']);
    expect(linkProblems({ ...quiet, botCanMentionEveryone: true }, '11')).toEqual([]);
  });
});

describe('which roles a post mentions', () => {
  const links = new Map([
    [1, 'blinks'],
    [3, 'army'],
    [4, 'jk'],
  ]);
  const everyRole = () => true;

  it("mentions each artist's own role, else a member's group's, each once, in order", () => {
    // 1 a group; 2 a member of 1 with no role; 4 a member of 3 with its own role; 5 nobody's.
    const artists = [
      { artistId: 2, groupIds: [1] },
      { artistId: 4, groupIds: [3] },
      { artistId: 1, groupIds: [] },
      { artistId: 5, groupIds: [] },
    ];
    expect(postRoleMentions(artists, links, everyRole)).toEqual(['blinks', 'jk']);
    expect(postRoleMentions([{ artistId: 3, groupIds: [] }], links, everyRole)).toEqual(['army']);
  });

  it('leaves out roles that cannot be mentioned, and mentions nobody without links', () => {
    expect(postRoleMentions([{ artistId: 1, groupIds: [] }, { artistId: 3, groupIds: [] }], links, (roleId) => roleId !== 'blinks')).toEqual(['army']);
    expect(postRoleMentions([{ artistId: 1, groupIds: [] }], new Map(), everyRole)).toEqual([]);
  });
});

describe("what a fan's picks change", () => {
  const linked = ['a', 'b', 'c', 'd'];

  it('adds the picked roles and removes the offered ones left unpicked, leaving other menus and roles alone', () => {
    const change = pickChange({ linkedRoleIds: linked, offeredRoleIds: ['a', 'b', 'c'], pickedRoleIds: ['b', 'c'], memberRoleIds: ['a', 'b', 'd', 'staff'], limit: null });
    expect(change).toEqual({ add: ['c'], remove: ['a'], heldAfter: 3, overLimit: false });
  });

  it('ignores picks the menu did not offer or that are no longer linked', () => {
    const change = pickChange({ linkedRoleIds: ['a'], offeredRoleIds: ['a', 'gone'], pickedRoleIds: ['gone', 'x'], memberRoleIds: [], limit: null });
    expect(change).toEqual({ add: [], remove: [], heldAfter: 0, overLimit: false });
  });

  it('keeps to the cap across menus, and still lets a fan over it drop roles', () => {
    expect(pickChange({ linkedRoleIds: linked, offeredRoleIds: ['a', 'b'], pickedRoleIds: ['a', 'b'], memberRoleIds: ['d'], limit: 2 }).overLimit).toBe(true);
    expect(pickChange({ linkedRoleIds: linked, offeredRoleIds: ['a', 'b'], pickedRoleIds: ['a'], memberRoleIds: ['d'], limit: 2 })).toMatchObject({ add: ['a'], heldAfter: 2, overLimit: false });
    expect(pickChange({ linkedRoleIds: linked, offeredRoleIds: ['a', 'b', 'c'], pickedRoleIds: ['a'], memberRoleIds: ['a', 'b', 'c'], limit: 1 })).toMatchObject({ remove: ['b', 'c'], overLimit: false });
  });
});

describe('the menus', () => {
  it('splits links into menus of 25, five at most, which is the most links a server may have', () => {
    const items = Array.from({ length: MAX_BIAS_LINKS }, (_, index) => index);
    const menus = menusOf(items);
    expect(menus.map((menu) => menu.length)).toEqual([25, 25, 25, 25, 25]);
    expect(menusOf(items.slice(0, 26)).map((menu) => menu.length)).toEqual([25, 1]);
    expect(menusOf([])).toEqual([]);
  });
});
