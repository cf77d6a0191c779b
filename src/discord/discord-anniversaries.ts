// The Discord side of anniversary posts: sending through REST with a nonce Discord enforces, and
// checking a channel's permissions from the gateway's caches before a server's settings are saved.
import { DiscordAPIError, PermissionFlagsBits, Routes, type APIMessage, type Client } from 'discord.js';
import type { ChannelCheck, GuildInspector } from '../core/guild-inspector.js';
import type { MessagePayload } from '../presentation/message-payload.js';
import { restMessage } from './rest-message.js';
import { PostFailure, type AnniversaryPoster } from '../anniversaries/anniversary-ticker.js';

/**
 * Discord error codes after which retrying the same channel cannot help, recorded by code so that
 * /anniversaries status can say it in the reader's language.
 */
const permanentErrors: Record<number, string> = {
  10003: 'channel-deleted',
  50001: 'lost-access',
  50013: 'lost-permission',
};

export function createDiscordPoster(client: Client): AnniversaryPoster {
  return {
    async send(channelId: string, payload: MessagePayload, nonce: string): Promise<string> {
      try {
        const message = (await client.rest.post(
          Routes.channelMessages(channelId),
          restMessage(payload, { nonce, enforce_nonce: true }),
        )) as APIMessage;
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
  [PermissionFlagsBits.ViewChannel, 'view-channel'],
  [PermissionFlagsBits.SendMessages, 'send-messages'],
  [PermissionFlagsBits.EmbedLinks, 'embed-links'],
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
