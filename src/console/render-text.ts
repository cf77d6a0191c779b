// Shows a message payload as readable text: embed titles, fields, footers, buttons.
import type { APIButtonComponent } from 'discord.js';
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
    .replace(/\\([\\*_~`|>#\-[\]()])/g, '$1');
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function buttonsOf(reply: CommandReply): APIButtonComponent[] {
  return (reply.payload.components ?? []).flatMap((row) => row.components);
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

/** Exactly the interaction callback data the bot would send for this reply. */
export function replyJson(reply: CommandReply): Record<string, unknown> {
  return { ...reply.payload, ...(reply.ephemeral ? { flags: 64 } : {}) };
}
