// A payload as Discord's REST API takes it: JSON, or multipart with each file's bytes and an
// `attachments` entry (id, filename, alt text) that embeds and media galleries reference as
// attachment://<name>; a V2 layout goes as components with its flag.
import type { RawFile } from 'discord.js';
import { messageBody, type MessagePayload } from '../presentation/message-payload.js';

export function restMessage(payload: MessagePayload, extra: Record<string, unknown> = {}): { body: Record<string, unknown>; files?: RawFile[] } {
  const { files, allowedRoleMentions } = payload;
  // The one place a channel message's allowed mentions are set: nothing pings unless named here.
  const allowed_mentions = allowedRoleMentions && allowedRoleMentions.length > 0 ? { parse: [], roles: allowedRoleMentions } : { parse: [] };
  const body = { ...messageBody(payload), ...extra, allowed_mentions };
  if (!files || files.length === 0) return { body };
  return {
    body: { ...body, attachments: files.map((file, index) => ({ id: String(index), filename: file.name, description: file.description })) },
    files: files.map((file) => ({ name: file.name, data: file.data, contentType: 'image/png' })),
  };
}
