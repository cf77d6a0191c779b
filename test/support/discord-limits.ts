// Every Discord limit a message payload must respect, without needing Discord's OpenAPI spec: the
// limits the spec leaves out (checked by the test server's checker) plus the lengths it states.
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord.js';
import { componentsV2Refusal } from '../discord-server/components-v2.js';
import { checkUnspecifiedLimits } from '../discord-server/openapi-check.js';
import { buttonsOfPayload, messageBody, type MessageFile } from '../../src/presentation/message-payload.js';

interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: { type: number; custom_id?: string; label?: string }[] }[];
  /** A Components V2 layout (see MessagePayload). */
  layout?: APIMessageTopLevelComponent[];
  files?: MessageFile[];
}

export function discordLimitProblems(payload: Payload): string[] {
  if (payload.layout) return layoutProblems(payload);
  const problems = checkUnspecifiedLimits(payload);
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  for (const [index, embed] of (payload.embeds ?? []).entries()) {
    const at = `embeds[${index}]`;
    check((embed.title?.length ?? 0) <= 256, `${at} title over 256`);
    check((embed.description?.length ?? 0) <= 4096, `${at} description over 4096`);
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= 256, `${at} field name length ${field.name.length}`);
      check(field.value.length > 0 && field.value.length <= 1024, `${at} field value length ${field.value.length}`);
    }
    check((embed.footer?.text.length ?? 0) <= 2048, `${at} footer over 2048`);
  }
  const ids = new Set<string>();
  for (const component of (payload.components ?? []).flatMap((row) => row.components)) {
    if (component.custom_id !== undefined) {
      check(component.custom_id.length <= 100, `custom_id "${component.custom_id}" over 100 characters`);
      check(!ids.has(component.custom_id), `custom_id "${component.custom_id}" used twice in one message`);
      ids.add(component.custom_id);
    }
    check((component.label?.length ?? 0) <= 80, 'button label over 80');
  }
  return problems;
}

/** A V2 message: Discord's rules for it (the spec's component schemas when present, the totals, the files it names) and its buttons. */
function layoutProblems(payload: Payload): string[] {
  const body = messageBody(payload as Parameters<typeof messageBody>[0]);
  const problems = checkUnspecifiedLimits(body);
  const refusal = componentsV2Refusal(body, { uploadedNames: (payload.files ?? []).map((file) => file.name) });
  if (refusal) problems.push(`${refusal.field}: ${refusal.message}`);
  const ids = new Set<string>();
  for (const button of buttonsOfPayload(payload as Parameters<typeof buttonsOfPayload>[0])) {
    if ('custom_id' in button) {
      if (button.custom_id.length > 100) problems.push(`custom_id "${button.custom_id}" over 100 characters`);
      if (ids.has(button.custom_id)) problems.push(`custom_id "${button.custom_id}" used twice in one message`);
      ids.add(button.custom_id);
    }
    if ('label' in button && (button.label?.length ?? 0) > 80) problems.push('button label over 80');
  }
  return problems;
}
