// The discord.js client: the Guilds intent only, no mentions unless a message asks for them, and
// no caches of things the bot never reads, so memory stays flat as servers are added.
import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** Which shards a client runs: 'auto' asks Discord how many it recommends (GET /gateway/bot) and runs them all. */
export type ShardPlan = 'auto' | { ids: number[]; count: number };

export interface DiscordClientSettings {
  shards?: ShardPlan;
  /**
   * This process's share of Discord's 50 requests a second per bot (the REST client keeps to it;
   * per-route limits it tracks from Discord's headers). Processes of one bot split the 50.
   */
  requestsPerSecond?: number;
}

export function discordClientOptions(apiUrl: string | undefined, settings: DiscordClientSettings = {}): ClientOptions {
  const shards = settings.shards ?? 'auto';
  return {
    intents: [GatewayIntentBits.Guilds],
    ...(shards === 'auto' ? { shards: 'auto' as const } : { shards: shards.ids, shardCount: shards.count }),
    // Nothing the bot sends pings anyone unless a message widens this on purpose.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: apiUrl ?? DEFAULT_DISCORD_API_URL, globalRequestsPerSecond: settings.requestsPerSecond ?? 50 },
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      // The bot's own member stays: channel permission checks need it.
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      VoiceStateManager: 0,
    }),
  };
}

export function createDiscordClient(apiUrl: string | undefined, settings: DiscordClientSettings = {}): Client {
  return new Client(discordClientOptions(apiUrl, settings));
}

/** Every shard of a pinned count, or Discord's recommendation. */
export function shardPlanFor(shardCount: number | undefined): ShardPlan {
  return shardCount === undefined ? 'auto' : { ids: Array.from({ length: shardCount }, (_, id) => id), count: shardCount };
}

/** The shards a client runs, read when asked: with 'auto', the client learns them when it logs in. */
export function clientShards(client: Client): { readonly ids: readonly number[]; readonly count: number } {
  return {
    get ids() {
      const ids = client.options.shards;
      return Array.isArray(ids) ? ids : [0];
    },
    get count() {
      return client.options.shardCount ?? 1;
    },
  };
}
