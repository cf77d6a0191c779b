// Every Discord limit a message payload must respect, without needing Discord's OpenAPI spec: the
// limits the spec leaves out (checked by the test server's checker) plus the lengths it states.
import type { APIEmbed } from 'discord.js';
import { checkUnspecifiedLimits } from '../discord-server/openapi-check.js';

interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: { type: number; custom_id?: string; label?: string }[] }[];
}

export function discordLimitProblems(payload: Payload): string[] {
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
