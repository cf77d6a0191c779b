// Every Discord limit a message payload must respect, as a list of readable problems (empty = fine).
import type { APIEmbed } from 'discord.js';

interface Payload {
  content?: string;
  embeds?: APIEmbed[];
  components?: { type: number; components: { type: number; custom_id?: string; label?: string }[] }[];
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

export function discordLimitProblems(payload: Payload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check((payload.content?.length ?? 0) <= 2000, `content is ${payload.content?.length} characters (max 2000)`);
  check((payload.embeds?.length ?? 0) <= 10, 'more than 10 embeds');
  let total = 0;
  for (const [index, embed] of (payload.embeds ?? []).entries()) {
    const at = `embed ${index}`;
    check((embed.title?.length ?? 0) <= 256, `${at} title over 256`);
    check((embed.description?.length ?? 0) <= 4096, `${at} description over 4096`);
    check((embed.fields?.length ?? 0) <= 25, `${at} has ${embed.fields?.length} fields (max 25)`);
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= 256, `${at} field name length ${field.name.length}`);
      check(field.value.length > 0 && field.value.length <= 1024, `${at} field value length ${field.value.length}`);
    }
    check((embed.footer?.text.length ?? 0) <= 2048, `${at} footer over 2048`);
    const length = embedLength(embed);
    check(length <= 6000, `${at} is ${length} characters (max 6000)`);
    total += length;
  }
  check(total <= 6000, `embeds total ${total} characters (max 6000)`);
  check((payload.components?.length ?? 0) <= 5, `${payload.components?.length} action rows (max 5)`);
  const ids = new Set<string>();
  for (const row of payload.components ?? []) {
    check(row.components.length <= 5, `an action row has ${row.components.length} components (max 5)`);
    for (const component of row.components) {
      if (component.custom_id !== undefined) {
        check(component.custom_id.length <= 100, `custom_id "${component.custom_id}" over 100 characters`);
        check(!ids.has(component.custom_id), `custom_id "${component.custom_id}" used twice`);
        ids.add(component.custom_id);
      }
      check((component.label?.length ?? 0) <= 80, 'button label over 80');
    }
  }
  return problems;
}
