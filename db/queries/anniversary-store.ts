// Each server's anniversary settings and follows, and the post rows that make every post go out
// once: a row is claimed (inserted) before the message is sent, and only its writer sends.
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

export type { AnniversaryPost, AnniversarySettings, AnniversaryStore, DueServer, NewClaim, ServerFollows, ShardSelection };

interface RawSettings extends Omit<AnniversarySettings, 'enabled'> {
  enabled: number;
}

interface RawPost extends Omit<AnniversaryPost, 'late'> {
  late: number;
}

const settingsColumns = `s.guild_id as guildId, s.channel_id as channelId, s.post_time as postTime,
  s.time_zone as timeZone, s.enabled as enabled, s.active_from as activeFrom,
  s.last_problem as lastProblem, s.last_problem_at as lastProblemAt,
  (select max(p.local_date) from anniversary_posts p where p.guild_id = s.guild_id) as lastPostDate`;

const postColumns = `guild_id as guildId, local_date as localDate, status, channel_id as channelId, nonce,
  claimed_by as claimedBy, claimed_at as claimedAt, attempts, late, message_id as messageId,
  sent_at as sentAt, error`;

/**
 * The ticker's one query: a range of the checks, which are clustered by time, never a scan of every
 * server; each due server's settings by its key, and not its last post (see the ticker's scheduleOf).
 */
export const dueServersSql = `select s.guild_id as guildId, s.channel_id as channelId, s.post_time as postTime,
    s.time_zone as timeZone, s.active_from as activeFrom, c.next_check_at as nextCheckAt
  from anniversary_checks c join anniversary_settings s on s.guild_id = c.guild_id
  where c.next_check_at <= @now
    and ((cast(c.guild_id as integer) >> 22) % @shardCount) in (select value from json_each(@shardIds))
  order by c.next_check_at limit @limit`;

function toSettings(row: RawSettings): AnniversarySettings {
  return { ...row, enabled: row.enabled === 1 };
}

function toPost(row: RawPost): AnniversaryPost {
  return { ...row, late: row.late === 1 };
}

export function createAnniversaryStore(db: LightstickDatabase): AnniversaryStore {
  const client = db.$client;
  const statements = {
    settings: client.prepare(`select ${settingsColumns} from anniversary_settings s where s.guild_id = ?`),
    saveSettings: client.prepare(
      `insert into anniversary_settings
         (guild_id, channel_id, post_time, time_zone, enabled, active_from, last_problem, last_problem_at, updated_at)
       values (@guildId, @channelId, @postTime, @timeZone, 1, @activeFrom, null, null, @now)
       on conflict (guild_id) do update set channel_id = excluded.channel_id, post_time = excluded.post_time,
         time_zone = excluded.time_zone, enabled = 1, active_from = excluded.active_from,
         last_problem = null, last_problem_at = null, updated_at = excluded.updated_at`,
    ),
    disable: client.prepare(`update anniversary_settings set enabled = 0, updated_at = ? where guild_id = ? and enabled = 1`),
    // By server, the checks have no index (see the schema): these scan them, and run only on a settings change.
    nextCheckAt: client.prepare(`select next_check_at as at from anniversary_checks where guild_id = ?`),
    removeNextCheck: client.prepare(`delete from anniversary_checks where guild_id = ?`),
    addNextCheck: client.prepare(`insert into anniversary_checks (next_check_at, guild_id) values (?, ?)`),
    followedArtistIds: client.prepare(`select artist_id as id from anniversary_follows where guild_id = ? order by rowid`),
    follow: client.prepare(`insert or ignore into anniversary_follows (guild_id, artist_id) values (?, ?)`),
    unfollow: client.prepare(`delete from anniversary_follows where guild_id = ? and artist_id = ?`),
    dueServers: client.prepare(dueServersSql),
    // A followed group brings its members: a row per member, or one with a null member.
    followsOf: client.prepare(
      `select f.guild_id as guildId, f.artist_id as artistId, m.member_id as memberId
       from anniversary_follows f
         left join artists a on a.id = f.artist_id and a.kind = 'group'
         left join memberships m on m.group_id = a.id
       where f.guild_id in (select value from json_each(?)) order by f.guild_id, f.rowid`,
    ),
    // One statement for a whole tick's claims: an insert from a JSON array, returning only the rows it made.
    claimPosts: client.prepare(
      `insert or ignore into anniversary_posts
         (guild_id, local_date, status, channel_id, nonce, claimed_by, claimed_at, attempts, late)
       select c.value ->> 0, c.value ->> 1, 'claimed', c.value ->> 2, c.value ->> 3, @claimedBy, @claimedAt, 0, c.value ->> 4
       from json_each(@claims) c where true
       returning guild_id as guildId`,
    ),
    // Each row found by its whole key, the time it was read at: a check moved or removed meanwhile matches nothing.
    moveNextChecks: client.prepare(
      `update anniversary_checks set next_check_at = m.value ->> 2
       from json_each(?) m where anniversary_checks.next_check_at = m.value ->> 1 and anniversary_checks.guild_id = m.value ->> 0`,
    ),
    recordProblem: client.prepare(`update anniversary_settings set last_problem = ?, last_problem_at = ? where guild_id = ?`),
    lastPost: client.prepare(`select ${postColumns} from anniversary_posts where guild_id = ? order by local_date desc limit 1`),
    claimPost: client.prepare(
      `insert or ignore into anniversary_posts
         (guild_id, local_date, status, channel_id, nonce, claimed_by, claimed_at, attempts, late)
       values (@guildId, @localDate, 'claimed', @channelId, @nonce, @claimedBy, @claimedAt, 0, @late)`,
    ),
    staleClaims: client.prepare(
      `select ${postColumns} from anniversary_posts where status = 'claimed' and claimed_at < ? order by claimed_at`,
    ),
    takeOverClaim: client.prepare(
      `update anniversary_posts set claimed_by = ?, claimed_at = ?
       where guild_id = ? and local_date = ? and status = 'claimed' and claimed_by = ? and claimed_at = ?`,
    ),
    markSent: client.prepare(
      `update anniversary_posts set status = 'sent', message_id = ?, sent_at = ?, error = null, attempts = attempts + 1,
         late = coalesce(?, late)
       where guild_id = ? and local_date = ?`,
    ),
    markFailed: client.prepare(
      `update anniversary_posts set status = 'failed', error = ?, attempts = attempts + 1 where guild_id = ? and local_date = ?`,
    ),
    recordAttempt: client.prepare(
      `update anniversary_posts set error = ?, attempts = attempts + 1 where guild_id = ? and local_date = ?`,
    ),
  };

  return {
    settings: (guildId) => {
      const row = statements.settings.get(guildId) as RawSettings | undefined;
      return row && toSettings(row);
    },
    saveSettings: (settings) => {
      client.transaction(() => {
        statements.saveSettings.run(settings);
        statements.removeNextCheck.run(settings.guildId);
        statements.addNextCheck.run(settings.nextCheckAt, settings.guildId);
      })();
    },
    disable: (guildId, now) =>
      client.transaction(() => {
        if (statements.disable.run(now, guildId).changes === 0) return false;
        statements.removeNextCheck.run(guildId);
        return true;
      })(),
    nextCheckAt: (guildId) => (statements.nextCheckAt.get(guildId) as { at: number } | undefined)?.at ?? null,
    followedArtistIds: (guildId) => (statements.followedArtistIds.all(guildId) as { id: number }[]).map((r) => r.id),
    follow: (guildId, artistId) => statements.follow.run(guildId, artistId).changes > 0,
    unfollow: (guildId, artistId) => statements.unfollow.run(guildId, artistId).changes > 0,
    dueServers: (now, limit, shards = { ids: [0], count: 1 }) =>
      statements.dueServers.all({ now, limit, shardCount: shards.count, shardIds: JSON.stringify(shards.ids) }) as DueServer[],
    followsOf: (guildIds) => {
      const follows = new Map<string, ServerFollows>();
      if (guildIds.length === 0) return follows;
      const rows = statements.followsOf.all(JSON.stringify(guildIds)) as { guildId: string; artistId: number; memberId: number | null }[];
      for (const row of rows) {
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
      const inserted = statements.claimPosts.all({ claims: JSON.stringify(rows), claimedBy, claimedAt });
      for (const row of inserted as { guildId: string }[]) made.add(row.guildId);
      return made;
    },
    moveNextChecks: (moves) => {
      if (moves.length > 0) statements.moveNextChecks.run(JSON.stringify(moves.map((m) => [m.guildId, m.from, m.at])));
    },
    recordProblem: (guildId, problem, at) => {
      statements.recordProblem.run(problem, problem === null ? null : at, guildId);
    },
    lastPost: (guildId) => {
      const row = statements.lastPost.get(guildId) as RawPost | undefined;
      return row && toPost(row);
    },
    claimPost: (claim) => statements.claimPost.run({ ...claim, late: claim.late ? 1 : 0 }).changes === 1,
    staleClaims: (staleBefore) => (statements.staleClaims.all(staleBefore) as RawPost[]).map(toPost),
    takeOverClaim: (post, claimedBy, now) =>
      statements.takeOverClaim.run(claimedBy, now, post.guildId, post.localDate, post.claimedBy, post.claimedAt).changes === 1,
    markSent: (guildId, localDate, messageId, sentAt, late) => {
      statements.markSent.run(messageId, sentAt, late === undefined ? null : late ? 1 : 0, guildId, localDate);
    },
    markFailed: (guildId, localDate, error) => {
      statements.markFailed.run(error, guildId, localDate);
    },
    recordAttempt: (guildId, localDate, error) => {
      statements.recordAttempt.run(error, guildId, localDate);
    },
    inTransaction: (work) => client.transaction(work)(),
  };
}
