// Each server's anniversary settings and follows, and the post rows that make every post go out
// once: a row is claimed (inserted) before the message is sent, and only its writer sends. Every
// statement is written with Drizzle's query builder and prepared once per store.
import { and, asc, desc, eq, inArray, lt, lte, max, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type {
  AnniversaryPost,
  AnniversarySettings,
  AnniversaryStore,
  DueServer,
  NewClaim,
  ServerFollows,
  ShardSelection,
} from '../../src/core/anniversary-records.js';
import type { LightstickDatabase } from '../database.js';
import { anniversaryChecks, anniversaryFollows, anniversaryPosts, anniversarySettings, artists, memberships } from '../schema.js';
import { idsInJson } from './awards-store.js';

export type { AnniversaryPost, AnniversarySettings, AnniversaryStore, DueServer, NewClaim, ServerFollows, ShardSelection };

const p = (name: string) => sql.placeholder(name);

/** `excluded.<column>`: the value an upsert tried to insert. */
const excluded = (column: SQLiteColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

// Where the builder cannot say it, a typed fragment; each is covered by test/db/anniversary-store.test.ts
// and the ticker's tests (claims of many servers in one statement).

/** Field `index` of a row of a JSON array of arrays read with `json_each` as `row`. */
const jsonField = <T>(row: string, index: number) => sql<T>`${sql.identifier(row)}.value ->> ${sql.raw(String(index))}`;

/** The shard Discord puts a server on: (id >> 22) % shardCount. */
const shardOf = (guildId: SQLiteColumn) => sql<number>`((cast(${guildId} as integer) >> 22) % ${p('shardCount')})`;

/** The rows of a bound JSON array, as a table named `row`. */
const jsonRows = (json: SQL | ReturnType<typeof p>, row: string) => sql`json_each(${json}) ${sql.identifier(row)}`;

const checks = alias(anniversaryChecks, 'c');
const settingsOfCheck = alias(anniversarySettings, 's');

/**
 * The ticker's one query: a range of the checks, which are clustered by time, never a scan of every
 * server; each due server's settings by its key, and not its last post (see the ticker's scheduleOf).
 */
export function dueServersQuery(db: LightstickDatabase) {
  return db
    .select({
      guildId: settingsOfCheck.guildId,
      channelId: settingsOfCheck.channelId,
      postTime: settingsOfCheck.postTime,
      timeZone: settingsOfCheck.timeZone,
      activeFrom: settingsOfCheck.activeFrom,
      nextCheckAt: checks.nextCheckAt,
    })
    .from(checks)
    .innerJoin(settingsOfCheck, eq(settingsOfCheck.guildId, checks.guildId))
    .where(and(lte(checks.nextCheckAt, p('now')), inArray(shardOf(checks.guildId), idsInJson(p('shardIds')))))
    .orderBy(checks.nextCheckAt)
    .limit(p('limit'));
}

const postFields = {
  guildId: anniversaryPosts.guildId,
  localDate: anniversaryPosts.localDate,
  status: anniversaryPosts.status,
  channelId: anniversaryPosts.channelId,
  nonce: anniversaryPosts.nonce,
  claimedBy: anniversaryPosts.claimedBy,
  claimedAt: anniversaryPosts.claimedAt,
  attempts: anniversaryPosts.attempts,
  late: anniversaryPosts.late,
  messageId: anniversaryPosts.messageId,
  sentAt: anniversaryPosts.sentAt,
  error: anniversaryPosts.error,
};

const postOf = (guildId: string | ReturnType<typeof p>, localDate: string | ReturnType<typeof p>) =>
  and(eq(anniversaryPosts.guildId, guildId), eq(anniversaryPosts.localDate, localDate));

export function createAnniversaryStore(db: LightstickDatabase): AnniversaryStore {
  const client = db.$client;
  const lastPostDate = sql<string | null>`(${db
    .select({ localDate: max(anniversaryPosts.localDate) })
    .from(anniversaryPosts)
    .where(eq(anniversaryPosts.guildId, anniversarySettings.guildId))})`;
  const thisPost = postOf(p('guildId'), p('localDate'));

  const statements = {
    settings: db
      .select({
        guildId: anniversarySettings.guildId,
        channelId: anniversarySettings.channelId,
        postTime: anniversarySettings.postTime,
        timeZone: anniversarySettings.timeZone,
        enabled: anniversarySettings.enabled,
        activeFrom: anniversarySettings.activeFrom,
        lastProblem: anniversarySettings.lastProblem,
        lastProblemAt: anniversarySettings.lastProblemAt,
        lastPostDate,
      })
      .from(anniversarySettings)
      .where(eq(anniversarySettings.guildId, p('guildId')))
      .prepare(),
    saveSettings: db
      .insert(anniversarySettings)
      .values({
        guildId: p('guildId'),
        channelId: p('channelId'),
        postTime: p('postTime'),
        timeZone: p('timeZone'),
        enabled: true,
        activeFrom: p('activeFrom'),
        lastProblem: null,
        lastProblemAt: null,
        updatedAt: p('now'),
      })
      .onConflictDoUpdate({
        target: anniversarySettings.guildId,
        set: {
          channelId: excluded(anniversarySettings.channelId),
          postTime: excluded(anniversarySettings.postTime),
          timeZone: excluded(anniversarySettings.timeZone),
          enabled: true,
          activeFrom: excluded(anniversarySettings.activeFrom),
          lastProblem: null,
          lastProblemAt: null,
          updatedAt: excluded(anniversarySettings.updatedAt),
        },
      })
      .prepare(),
    disable: db
      .update(anniversarySettings)
      .set({ enabled: false, updatedAt: sql`${p('now')}` })
      .where(and(eq(anniversarySettings.guildId, p('guildId')), eq(anniversarySettings.enabled, true)))
      .prepare(),
    // By server, the checks have no index (see the schema): these scan them, and run only on a settings change.
    nextCheckAt: db
      .select({ at: anniversaryChecks.nextCheckAt })
      .from(anniversaryChecks)
      .where(eq(anniversaryChecks.guildId, p('guildId')))
      .prepare(),
    removeNextCheck: db.delete(anniversaryChecks).where(eq(anniversaryChecks.guildId, p('guildId'))).prepare(),
    addNextCheck: db.insert(anniversaryChecks).values({ nextCheckAt: p('nextCheckAt'), guildId: p('guildId') }).prepare(),
    followedArtistIds: db
      .select({ id: anniversaryFollows.artistId })
      .from(anniversaryFollows)
      .where(eq(anniversaryFollows.guildId, p('guildId')))
      .orderBy(sql`${anniversaryFollows}.rowid`)
      .prepare(),
    follow: db.insert(anniversaryFollows).values({ guildId: p('guildId'), artistId: p('artistId') }).onConflictDoNothing().prepare(),
    unfollow: db
      .delete(anniversaryFollows)
      .where(and(eq(anniversaryFollows.guildId, p('guildId')), eq(anniversaryFollows.artistId, p('artistId'))))
      .prepare(),
    dueServers: dueServersQuery(db).prepare(),
    // A followed group brings its members: a row per member, or one with a null member.
    followsOf: db
      .select({ guildId: anniversaryFollows.guildId, artistId: anniversaryFollows.artistId, memberId: memberships.memberId })
      .from(anniversaryFollows)
      .leftJoin(artists, and(eq(artists.id, anniversaryFollows.artistId), eq(artists.kind, 'group')))
      .leftJoin(memberships, eq(memberships.groupId, artists.id))
      .where(inArray(anniversaryFollows.guildId, idsInJson(p('guildIds'))))
      .orderBy(anniversaryFollows.guildId, sql`${anniversaryFollows}.rowid`)
      .prepare(),
    // One statement for a whole tick's claims: an insert from a JSON array, returning only the rows it made.
    // (`where true` keeps SQLite from reading the upsert clause as a join's.)
    claimPosts: db
      .insert(anniversaryPosts)
      .select((qb) =>
        qb
          .select({
            guildId: jsonField<string>('c', 0),
            localDate: jsonField<string>('c', 1),
            status: sql<'claimed'>`'claimed'`,
            channelId: jsonField<string>('c', 2),
            nonce: jsonField<string>('c', 3),
            claimedBy: sql<string>`${p('claimedBy')}`,
            claimedAt: sql<number>`${p('claimedAt')}`,
            attempts: sql<number>`0`,
            late: jsonField<boolean>('c', 4),
            messageId: sql<string | null>`null`,
            sentAt: sql<number | null>`null`,
            error: sql<string | null>`null`,
          })
          .from(jsonRows(p('claims'), 'c'))
          .where(sql`true`)
          .getSQL(),
      )
      .onConflictDoNothing()
      .returning({ guildId: anniversaryPosts.guildId })
      .prepare(),
    // Each row found by its whole key, the time it was read at: a check moved or removed meanwhile matches nothing.
    moveNextChecks: db
      .update(anniversaryChecks)
      .set({ nextCheckAt: jsonField<number>('m', 2) })
      .from(jsonRows(p('moves'), 'm'))
      .where(and(eq(anniversaryChecks.nextCheckAt, jsonField<number>('m', 1)), eq(anniversaryChecks.guildId, jsonField<string>('m', 0))))
      .prepare(),
    recordProblem: db
      .update(anniversarySettings)
      .set({ lastProblem: sql`${p('problem')}`, lastProblemAt: sql`${p('at')}` })
      .where(eq(anniversarySettings.guildId, p('guildId')))
      .prepare(),
    lastPost: db
      .select(postFields)
      .from(anniversaryPosts)
      .where(eq(anniversaryPosts.guildId, p('guildId')))
      .orderBy(desc(anniversaryPosts.localDate))
      .limit(1)
      .prepare(),
    claimPost: db
      .insert(anniversaryPosts)
      .values({
        guildId: p('guildId'),
        localDate: p('localDate'),
        status: 'claimed',
        channelId: p('channelId'),
        nonce: p('nonce'),
        claimedBy: p('claimedBy'),
        claimedAt: p('claimedAt'),
        attempts: 0,
        late: p('late'),
      })
      .onConflictDoNothing()
      .prepare(),
    staleClaims: db
      .select(postFields)
      .from(anniversaryPosts)
      .where(and(eq(anniversaryPosts.status, 'claimed'), lt(anniversaryPosts.claimedAt, p('staleBefore'))))
      .orderBy(asc(anniversaryPosts.claimedAt))
      .prepare(),
    takeOverClaim: db
      .update(anniversaryPosts)
      .set({ claimedBy: sql`${p('claimedBy')}`, claimedAt: sql`${p('now')}` })
      .where(
        and(
          thisPost,
          eq(anniversaryPosts.status, 'claimed'),
          eq(anniversaryPosts.claimedBy, p('heldBy')),
          eq(anniversaryPosts.claimedAt, p('heldSince')),
        ),
      )
      .prepare(),
    markSent: db
      .update(anniversaryPosts)
      .set({
        status: 'sent',
        messageId: sql`${p('messageId')}`,
        sentAt: sql`${p('sentAt')}`,
        error: null,
        attempts: sql`${anniversaryPosts.attempts} + 1`,
        late: sql`coalesce(${p('late')}, ${anniversaryPosts.late})`,
      })
      .where(thisPost)
      .prepare(),
    markFailed: db
      .update(anniversaryPosts)
      .set({ status: 'failed', error: sql`${p('error')}`, attempts: sql`${anniversaryPosts.attempts} + 1` })
      .where(thisPost)
      .prepare(),
    recordAttempt: db
      .update(anniversaryPosts)
      .set({ error: sql`${p('error')}`, attempts: sql`${anniversaryPosts.attempts} + 1` })
      .where(thisPost)
      .prepare(),
  };

  return {
    settings: (guildId) => statements.settings.get({ guildId }),
    saveSettings: (settings) => {
      client.transaction(() => {
        statements.saveSettings.run(settings);
        statements.removeNextCheck.run({ guildId: settings.guildId });
        statements.addNextCheck.run({ nextCheckAt: settings.nextCheckAt, guildId: settings.guildId });
      })();
    },
    disable: (guildId, now) =>
      client.transaction(() => {
        if (statements.disable.run({ guildId, now }).changes === 0) return false;
        statements.removeNextCheck.run({ guildId });
        return true;
      })(),
    nextCheckAt: (guildId) => statements.nextCheckAt.get({ guildId })?.at ?? null,
    followedArtistIds: (guildId) => statements.followedArtistIds.all({ guildId }).map((r) => r.id),
    follow: (guildId, artistId) => statements.follow.run({ guildId, artistId }).changes > 0,
    unfollow: (guildId, artistId) => statements.unfollow.run({ guildId, artistId }).changes > 0,
    dueServers: (now, limit, shards = { ids: [0], count: 1 }) =>
      statements.dueServers.all({ now, limit, shardCount: shards.count, shardIds: JSON.stringify(shards.ids) }),
    followsOf: (guildIds) => {
      const follows = new Map<string, ServerFollows>();
      if (guildIds.length === 0) return follows;
      for (const row of statements.followsOf.all({ guildIds: JSON.stringify(guildIds) })) {
        let server = follows.get(row.guildId);
        if (!server) {
          server = { artistIds: [], withMembers: [] };
          follows.set(row.guildId, server);
        }
        if (server.artistIds.at(-1) !== row.artistId) {
          server.artistIds.push(row.artistId);
          server.withMembers.push(row.artistId);
        }
        if (row.memberId !== null) server.withMembers.push(row.memberId);
      }
      return follows;
    },
    claimPosts: (claims, claimedBy, claimedAt) => {
      const made = new Set<string>();
      if (claims.length === 0) return made;
      const rows = claims.map((c) => [c.guildId, c.localDate, c.channelId, c.nonce, c.late ? 1 : 0]);
      for (const row of statements.claimPosts.all({ claims: JSON.stringify(rows), claimedBy, claimedAt })) made.add(row.guildId);
      return made;
    },
    moveNextChecks: (moves) => {
      if (moves.length > 0) statements.moveNextChecks.run({ moves: JSON.stringify(moves.map((m) => [m.guildId, m.from, m.at])) });
    },
    recordProblem: (guildId, problem, at) => {
      statements.recordProblem.run({ problem, at: problem === null ? null : at, guildId });
    },
    lastPost: (guildId) => statements.lastPost.get({ guildId }),
    claimPost: (claim) => statements.claimPost.run({ ...claim, late: claim.late ? 1 : 0 }).changes === 1,
    staleClaims: (staleBefore) => statements.staleClaims.all({ staleBefore }),
    takeOverClaim: (post, claimedBy, now) =>
      statements.takeOverClaim.run({
        claimedBy,
        now,
        guildId: post.guildId,
        localDate: post.localDate,
        heldBy: post.claimedBy,
        heldSince: post.claimedAt,
      }).changes === 1,
    markSent: (guildId, localDate, messageId, sentAt, late) => {
      statements.markSent.run({ messageId, sentAt, late: late === undefined ? null : late ? 1 : 0, guildId, localDate });
    },
    markFailed: (guildId, localDate, error) => {
      statements.markFailed.run({ error, guildId, localDate });
    },
    recordAttempt: (guildId, localDate, error) => {
      statements.recordAttempt.run({ error, guildId, localDate });
    },
    inTransaction: (work) => client.transaction(work)(),
  };
}
