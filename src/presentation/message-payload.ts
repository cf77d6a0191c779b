// What the presentation layer makes: the body of a message the bot sends (an interaction reply, an
// update, or a channel message), with any files it attaches. The Discord runtime sends it; the
// console prints it as text.
import {
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIMessageTopLevelComponent,
  type APIStringSelectComponent,
} from 'discord-api-types/v10';

/** A file sent with a message, referenced from an embed or a media gallery as `attachment://<name>`. */
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
  /**
   * A Components V2 layout (containers, text displays, media galleries, buttons in action rows):
   * sent as the message's components with the IS_COMPONENTS_V2 flag, and then the only thing in it
   * (Discord refuses content or embeds beside it).
   */
  layout?: APIMessageTopLevelComponent[];
  files?: MessageFile[];
  /** The roles this message may ping (allowed_mentions.roles); nothing else ever pings. */
  allowedRoleMentions?: string[];
}

/** The message's body as Discord takes it, without its files: a V2 layout becomes components and the flag. */
export function messageBody(payload: MessagePayload): {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
} {
  const { files: _files, layout, allowedRoleMentions: _roles, ...classic } = payload;
  if (!layout) return classic;
  return { components: layout, flags: MessageFlags.IsComponentsV2 };
}

/** Every button of a message, in a classic action row or anywhere in a V2 layout. */
export function buttonsOfPayload(payload: MessagePayload): APIButtonComponent[] {
  const found: APIButtonComponent[] = [];
  const visit = (component: { type: number; components?: unknown; accessory?: unknown }) => {
    if (component.type === ComponentType.Button) found.push(component as unknown as APIButtonComponent);
    if (Array.isArray(component.components)) for (const child of component.components) visit(child as typeof component);
    if (component.accessory) visit(component.accessory as typeof component);
  };
  for (const component of [...(payload.components ?? []), ...(payload.layout ?? [])]) visit(component);
  return found;
}
