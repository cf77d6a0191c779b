// The Discord side of anniversary posts: sending through REST with a nonce Discord enforces, and
// checking a channel's permissions from the gateway's caches before a server's settings are saved.
import { DiscordAPIError, PermissionFlagsBits, Routes, type APIMessage, type Client } from 'discord.js';
import type { ChannelCheck, GuildInspector, MessagePayload } from '../../commands/command.js';
import { PostFailure, type AnniversaryPoster } from '../anniversaries/anniversary-ticker.js';

/** Discord error codes after which retrying the same channel cannot help. */
const permanentErrors: Record<number, string> = {
  10003: 'The anniversary channel was deleted',
  50001: 'Lightstick lost access to the anniversary channel (View Channel)',
  50013: 'Lightstick lost permission to post in the anniversary channel (Send Messages or Embed Links)',
};

export function createDiscordPoster(client: Client): AnniversaryPoster {
  return {
    async send(channelId: string, payload: MessagePayload, nonce: string): Promise<string> {
      try {
        const message = (await client.rest.post(Routes.channelMessages(channelId), {
          body: { ...payload, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } },
        })) as APIMessage;
        return message.id;
      } catch (error) {
        if (error instanceof DiscordAPIError) {
          const known = typeof error.code === 'number' ? permanentErrors[error.code] : undefined;
          if (known) throw new PostFailure(known, true);
          throw new PostFailure(`Discord answered ${error.status}: ${error.message}`, error.status === 403 || error.status === 404);
        }
        throw new PostFailure((error as Error).message, false);
      }
    },
  };
}

const requiredPermissions = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
] as const;

export function createGuildInspector(client: Client): GuildInspector {
  return {
    checkPostingChannel(guildId: string, channelId: string): ChannelCheck {
      const guild = client.guilds.cache.get(guildId);
      const channel = guild?.channels.cache.get(channelId);
      const me = guild?.members.me;
      if (!guild || !channel || !me) return { status: 'unknown-channel' };
      if (!channel.isTextBased() || channel.isThread() || channel.isVoiceBased()) return { status: 'not-text' };
      const permissions = channel.permissionsFor(me);
      const missing = requiredPermissions.filter(([flag]) => !permissions.has(flag)).map(([, label]) => label);
      return missing.length > 0 ? { status: 'missing-permissions', missing } : { status: 'ok' };
    },
  };
}
