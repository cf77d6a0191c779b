// What the presentation layer makes: the body of a message the bot sends (an interaction reply, an
// update, or a channel message), with any files it attaches. The Discord runtime sends it; the
// console prints it as text.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIStringSelectComponent } from 'discord-api-types/v10';

/** A file sent with a message, referenced from an embed as `attachment://<name>`. */
export interface MessageFile {
  name: string;
  data: Buffer;
  /** Alt text: what the picture shows, for people who cannot see it. */
  description: string;
  width: number;
  height: number;
}

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[];
  files?: MessageFile[];
  /** The roles this message may ping (allowed_mentions.roles); nothing else ever pings. */
  allowedRoleMentions?: string[];
}
