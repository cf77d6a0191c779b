// The bias role store on a real SQLite store with the real migrations.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore } from '../support/test-store.js';

describe('the bias role store', () => {
  let opened: OpenedStore;
  afterEach(() => opened.close());

  /** Three artists of the seeded store (links reference artists). */
  function artistIds() {
    const ids = [1, 2, 3];
    for (const id of ids) expect(opened.store.artistById(id)).toBeDefined();
    return ids;
  }

  it('links, relinks and unlinks artists to roles, server by server', () => {
    opened = openTestStore();
    const bias = opened.biasRoles;
    const [a, b] = artistIds();
    bias.link('g1', a!, 'r1', 10);
    bias.link('g1', b!, 'r2', 11);
    bias.link('g2', a!, 'r9', 12);
    expect(bias.links('g1')).toEqual([{ artistId: a, roleId: 'r1' }, { artistId: b, roleId: 'r2' }]);
    expect(bias.linkCount('g1')).toBe(2);
    expect(bias.linkOfRole('g1', 'r2')).toEqual({ artistId: b, roleId: 'r2' });
    expect(bias.linkOfArtist('g2', a!)).toEqual({ artistId: a, roleId: 'r9' });
    // Relinking an artist replaces its role.
    bias.link('g1', a!, 'r3', 13);
    expect(bias.linkOfArtist('g1', a!)?.roleId).toBe('r3');
    expect(bias.linkOfRole('g1', 'r1')).toBeUndefined();
    expect(bias.unlink('g1', a!)).toBe(true);
    expect(bias.unlink('g1', a!)).toBe(false);
    expect(bias.links('g1')).toEqual([{ artistId: b, roleId: 'r2' }]);
    expect(bias.links('g2')).toHaveLength(1);
  });

  it('refuses one role for two artists of a server', () => {
    opened = openTestStore();
    const [a, b] = artistIds();
    opened.biasRoles.link('g1', a!, 'r1', 10);
    expect(() => opened.biasRoles.link('g1', b!, 'r1', 11)).toThrow(/UNIQUE/);
    opened.biasRoles.link('g2', b!, 'r1', 11);
    expect(opened.biasRoles.linkCount('g2')).toBe(1);
  });

  it('keeps the cap and the pings apart, with defaults for a server that set neither', () => {
    opened = openTestStore();
    const bias = opened.biasRoles;
    expect(bias.settings('g1')).toEqual({ pickLimit: null, pings: false });
    bias.setPickLimit('g1', 3, 1);
    expect(bias.settings('g1')).toEqual({ pickLimit: 3, pings: false });
    bias.setPings('g1', true, 2);
    expect(bias.settings('g1')).toEqual({ pickLimit: 3, pings: true });
    bias.setPickLimit('g1', null, 3);
    bias.setPings('g2', true, 4);
    expect(bias.settings('g1')).toEqual({ pickLimit: null, pings: true });
    expect(bias.settings('g2')).toEqual({ pickLimit: null, pings: true });
  });

  it('survives a reopen: links live in the database, not in memory', async () => {
    const { temporaryDatabasePath } = await import('../support/test-store.js');
    const path = temporaryDatabasePath();
    opened = openTestStore({ path });
    opened.biasRoles.link('g1', 1, 'r1', 10);
    opened.biasRoles.setPings('g1', true, 10);
    opened.close();
    opened = openTestStore({ path });
    expect(opened.biasRoles.links('g1')).toEqual([{ artistId: 1, roleId: 'r1' }]);
    expect(opened.biasRoles.settings('g1').pings).toBe(true);
  });
});
