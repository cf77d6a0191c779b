// The one place a post's pings go into its payload: the roles' mentions in front of the post, and
// allowed_mentions naming exactly those roles. Which roles is decided elsewhere (core/bias-roles.ts).
import { ComponentType } from 'discord-api-types/v10';
import { ANNIVERSARY_POST_HEADROOM } from './anniversary-post.js';
import { discordLimits } from './discord-limits.js';
import type { MessagePayload } from './message-payload.js';

/**
 * The post with its roles mentioned; as many as the room holds, the rest left out. A Components V2
 * post takes no content: the mentions are a text display above its container, in the room the post
 * keeps free for them.
 */
export function withRoleMentions(payload: MessagePayload, roleIds: readonly string[]): MessagePayload {
  if (roleIds.length === 0) return payload;
  const room = payload.layout ? ANNIVERSARY_POST_HEADROOM : discordLimits.content - (payload.content ? payload.content.length + 1 : 0);
  const mentioned: string[] = [];
  let length = 0;
  for (const roleId of roleIds) {
    const mention = `<@&${roleId}>`;
    if (length + mention.length + (mentioned.length > 0 ? 1 : 0) > room) break;
    length += mention.length + (mentioned.length > 0 ? 1 : 0);
    mentioned.push(roleId);
  }
  if (mentioned.length === 0) return payload;
  const mentions = mentioned.map((roleId) => `<@&${roleId}>`).join(' ');
  if (payload.layout) {
    return { ...payload, layout: [{ type: ComponentType.TextDisplay, content: mentions }, ...payload.layout], allowedRoleMentions: mentioned };
  }
  return { ...payload, content: payload.content ? `${mentions}\n${payload.content}` : mentions, allowedRoleMentions: mentioned };
}
