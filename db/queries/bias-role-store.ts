// Bias roles: which role of a server stands for which artist, the cap on how many a fan holds, and
// whether anniversary posts mention them. Discord holds the roles themselves; this holds the links.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { LightstickDatabase } from '../database.js';
import { biasRoleLinks, biasSettings } from '../schema.js';

export interface BiasRoleLink {
  artistId: number;
  roleId: string;
}

export interface BiasSettings {
  /** How many bias roles one fan may hold; null for no cap. */
  pickLimit: number | null;
  pings: boolean;
}

export interface BiasRoleStore {
  /** The server's links, by artist id. */
  links(guildId: string): BiasRoleLink[];
  linkCount(guildId: string): number;
  linkOfArtist(guildId: string, artistId: number): BiasRoleLink | undefined;
  linkOfRole(guildId: string, roleId: string): BiasRoleLink | undefined;
  /** Links the artist to the role, replacing the artist's earlier role. The role must not serve another artist. */
  link(guildId: string, artistId: number, roleId: string, now: number): void;
  /** Whether there was a link to remove. */
  unlink(guildId: string, artistId: number): boolean;
  settings(guildId: string): BiasSettings;
  setPickLimit(guildId: string, limit: number | null, now: number): void;
  setPings(guildId: string, on: boolean, now: number): void;
}

const DEFAULT_SETTINGS: BiasSettings = { pickLimit: null, pings: false };

export function createBiasRoleStore(db: LightstickDatabase): BiasRoleStore {
  const linkColumns = { artistId: biasRoleLinks.artistId, roleId: biasRoleLinks.roleId };
  const linksOf = db
    .select(linkColumns)
    .from(biasRoleLinks)
    .where(eq(biasRoleLinks.guildId, sql.placeholder('guildId')))
    .orderBy(asc(biasRoleLinks.artistId))
    .prepare();
  const countOf = db
    .select({ links: count() })
    .from(biasRoleLinks)
    .where(eq(biasRoleLinks.guildId, sql.placeholder('guildId')))
    .prepare();
  const byArtist = db
    .select(linkColumns)
    .from(biasRoleLinks)
    .where(and(eq(biasRoleLinks.guildId, sql.placeholder('guildId')), eq(biasRoleLinks.artistId, sql.placeholder('artistId'))))
    .prepare();
  const byRole = db
    .select(linkColumns)
    .from(biasRoleLinks)
    .where(and(eq(biasRoleLinks.guildId, sql.placeholder('guildId')), eq(biasRoleLinks.roleId, sql.placeholder('roleId'))))
    .prepare();
  const upsertLink = db
    .insert(biasRoleLinks)
    .values({
      guildId: sql.placeholder('guildId'),
      artistId: sql.placeholder('artistId'),
      roleId: sql.placeholder('roleId'),
      linkedAt: sql.placeholder('now'),
    })
    .onConflictDoUpdate({
      target: [biasRoleLinks.guildId, biasRoleLinks.artistId],
      set: { roleId: sql`excluded.role_id`, linkedAt: sql`excluded.linked_at` },
    })
    .prepare();
  const deleteLink = db
    .delete(biasRoleLinks)
    .where(and(eq(biasRoleLinks.guildId, sql.placeholder('guildId')), eq(biasRoleLinks.artistId, sql.placeholder('artistId'))))
    .prepare();
  const settingsOf = db
    .select({ pickLimit: biasSettings.pickLimit, pings: biasSettings.pings })
    .from(biasSettings)
    .where(eq(biasSettings.guildId, sql.placeholder('guildId')))
    .prepare();
  const upsertLimit = db
    .insert(biasSettings)
    .values({ guildId: sql.placeholder('guildId'), pickLimit: sql.placeholder('limit'), updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({ target: biasSettings.guildId, set: { pickLimit: sql`excluded.pick_limit`, updatedAt: sql`excluded.updated_at` } })
    .prepare();
  const upsertPings = db
    .insert(biasSettings)
    .values({ guildId: sql.placeholder('guildId'), pings: sql.placeholder('pings'), updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({ target: biasSettings.guildId, set: { pings: sql`excluded.pings`, updatedAt: sql`excluded.updated_at` } })
    .prepare();

  return {
    links: (guildId) => linksOf.all({ guildId }),
    linkCount: (guildId) => countOf.get({ guildId })?.links ?? 0,
    linkOfArtist: (guildId, artistId) => byArtist.get({ guildId, artistId }),
    linkOfRole: (guildId, roleId) => byRole.get({ guildId, roleId }),
    link(guildId, artistId, roleId, now) {
      upsertLink.run({ guildId, artistId, roleId, now });
    },
    unlink: (guildId, artistId) => deleteLink.run({ guildId, artistId }).changes > 0,
    settings: (guildId) => settingsOf.get({ guildId }) ?? DEFAULT_SETTINGS,
    setPickLimit(guildId, limit, now) {
      upsertLimit.run({ guildId, limit, now });
    },
    setPings(guildId, on, now) {
      // SQLite stores the flag as 0/1; a placeholder bypasses the column's boolean mapping.
      upsertPings.run({ guildId, pings: on ? 1 : 0, now });
    },
  };
}
