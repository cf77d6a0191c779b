// Shows a message payload as readable text: embed titles, fields, footers, buttons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentType, type APIButtonComponent } from 'discord.js';
import type { CommandReply } from '../../commands/command.js';
import type { Translation } from '../presentation/translation.js';

/** Discord markdown to plain text: bold/italic markers and backslash escapes go. */
export function plainText(markdown: string): string {
  return markdown
    // Mentions: the console's own user is "you"; there are no names to look up.
    .replace(/<@!?0>/g, 'you')
    .replace(/<@!?(\d+)>/g, '@$1')
    .replace(/<#(\d+)>/g, '#$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\\*])\*(?!\s)(.+?)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\*_~`|<>#\-[\]():@!.])/g, '$1');
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function buttonsOf(reply: CommandReply): APIButtonComponent[] {
  return (reply.payload.components ?? []).flatMap((row) => row.components).filter((component): component is APIButtonComponent => component.type === ComponentType.Button);
}

/** `buttonHint` says how to press the buttons in the console. */
export function renderReplyText(reply: CommandReply, translation: Translation, buttonHint = translation.t('console.pressHint')): string {
  const out: string[] = [];
  if (reply.ephemeral) out.push(translation.t('console.onlyYou'));
  if (reply.payload.content) out.push(plainText(reply.payload.content));
  for (const embed of reply.payload.embeds ?? []) {
    if (embed.title) {
      const title = plainText(embed.title);
      out.push(title, '─'.repeat(Math.min(60, [...title].length)));
    }
    if (embed.description) out.push(plainText(embed.description));
    for (const field of embed.fields ?? []) {
      out.push('', plainText(field.name), indent(plainText(field.value)));
    }
    if (embed.footer?.text) out.push('', plainText(embed.footer.text));
  }
  // A terminal cannot show a picture: the card goes to a file a person can open.
  for (const file of reply.payload.files ?? []) {
    out.push('', translation.t('cards.savedTo', { path: saveAttachment(file.name, file.data) }), `  ${file.description}`);
  }
  const buttons = buttonsOf(reply);
  if (buttons.length > 0) {
    out.push(
      '',
      buttons
        .map((button, index) => {
          const label = 'label' in button ? button.label : 'button';
          return `[${index + 1}: ${label}${button.disabled ? ` ${translation.t('console.disabled')}` : ''}]`;
        })
        .join(' ') + (buttonHint && buttons.some((button) => !button.disabled) ? `   ${buttonHint}` : ''),
    );
  }
  return out.join('\n');
}

/** Where the console writes the pictures it is sent: a folder of the system's temporary files. */
export const consoleAttachmentDirectory = join(tmpdir(), 'lightstick-console');

function saveAttachment(name: string, data: Buffer): string {
  mkdirSync(consoleAttachmentDirectory, { recursive: true });
  const path = join(consoleAttachmentDirectory, `${Date.now()}-${name}`);
  writeFileSync(path, data);
  return path;
}

/**
 * Exactly the interaction callback data the bot would send for this reply; an attached file is
 * shown by its name, size and alt text, as the multipart body's `attachments` describes it.
 */
export function replyJson(reply: CommandReply): Record<string, unknown> {
  const { files, ...payload } = reply.payload;
  const attachments = files?.map((file, id) => ({ id, filename: file.name, size: file.data.length, description: file.description, width: file.width, height: file.height }));
  return { ...payload, ...(attachments ? { attachments } : {}), ...(reply.ephemeral ? { flags: 64 } : {}) };
}
