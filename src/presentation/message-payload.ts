// What the presentation layer makes: the body of a message the bot sends (an interaction reply, an
// update, or a channel message). The Discord runtime sends it; the console prints it as text.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}
