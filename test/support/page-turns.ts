// Turning a paged reply's pages as a fan would, by pressing Next until it is disabled.
import type { CommandContext, MessagePayload } from '../../commands/command.js';
import { runButton } from '../../src/command-router.js';

/** Presses "Next" until the last page; returns every page's payload. */
export async function allPages(first: MessagePayload, context: CommandContext, maxPages = 200): Promise<MessagePayload[]> {
  const pages = [first];
  for (let guard = 0; guard < maxPages; guard++) {
    const next = pages.at(-1)!.components?.[0]?.components[1];
    if (!next || next.disabled || !('custom_id' in next)) break;
    const reply = await runButton(next.custom_id, { user: { id: '1', name: 'fan' }, guildId: null, channelId: null, locale: 'en-US' }, context, 'press');
    if (reply.kind !== 'update') throw new Error(`expected a page turn, got ${reply.kind}`);
    pages.push(reply.payload);
  }
  return pages;
}
