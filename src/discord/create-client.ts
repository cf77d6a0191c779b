// The discord.js client: the Guilds intent only, no mentions unless a message asks for them, and
// no caches of things the bot never reads, so memory stays flat as servers are added.
import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

export function discordClientOptions(apiUrl: string | undefined): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    // Nothing the bot sends pings anyone unless a message widens this on purpose.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: apiUrl ?? DEFAULT_DISCORD_API_URL },
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

export function createDiscordClient(apiUrl: string | undefined): Client {
  return new Client(discordClientOptions(apiUrl));
}
