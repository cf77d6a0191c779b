// Trivia messages in a Discord channel, through REST: posted once, then edited for the countdown
// and the reveal. Every body says it mentions nobody, so names show without pinging.
import { Routes, type APIMessage, type Client } from 'discord.js';
import type { MessagePayload } from '../presentation/message-payload.js';
import { restMessage } from './rest-message.js';
import type { RoundChannel } from '../trivia/trivia-game.js';

export function createDiscordRoundChannel(client: Client): RoundChannel {
  return {
    async post(channelId: string, payload: MessagePayload): Promise<string> {
      const message = (await client.rest.post(Routes.channelMessages(channelId), restMessage(payload))) as APIMessage;
      return message.id;
    },
    async edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void> {
      await client.rest.patch(Routes.channelMessage(channelId, messageId), restMessage(payload));
    },
  };
}
