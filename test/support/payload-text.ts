// The text a laid-out (Components V2) message shows, for tests that read what a post says.
import { layoutTexts } from '../../src/presentation/card-layout.js';
import type { MessagePayload } from '../../src/presentation/message-payload.js';

/** Every text display of the payload's layout, joined by line breaks ('' without a layout). */
export function payloadText(payload: MessagePayload | undefined): string {
  return payload?.layout ? layoutTexts(payload.layout).join('\n') : '';
}

/** The facts a laid-out post states: its text without the sources block (a source's headline may name other acts). */
export function payloadFactText(payload: MessagePayload | undefined): string {
  return payloadText(payload)
    .split('\n')
    .filter((line) => !line.startsWith('-# ') && !/^\*\*🔗/u.test(line))
    .join('\n');
}
