// Where a reply tells a fan what to run next ("`/suggest status` shows how it went"), Discord can show
// a clickable command mention, </suggest status:ID>, if the reply carries the id Discord gave the
// command when it was registered. The catalogues name commands as text; this turns each name into a
// mention where its id is known, and leaves it as text where it is not (the console, before the
// start-up comparison of registered commands has read the ids).
import type { APIMessageTopLevelComponent } from 'discord-api-types/v10';
import type { MessagePayload } from './message-payload.js';

export interface CommandIndex {
  /** The id Discord gave each registered command, by name. */
  ids: ReadonlyMap<string, string>;
  /** A command's subcommands; empty for a command run as it is. */
  subcommandsOf(name: string): readonly string[];
}

// "`/suggest status`" in a code span, or "/firsts" in running text; a name followed by an option
// ("/onthisday date:09-12", "`/anniversaries setup channel:#x`") is an example to type, kept as text.
const IN_CODE = /`\/([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*))?`/g;
const IN_TEXT = /(^|[\s(（「“])\/([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*))?(?=$|[\s).,;!?、。，）」”])(?! ?[a-z_]+:)/g;

/**
 * The mention of `/name [sub]`, or null where it cannot be one: no id known, a subcommand the command
 * does not have, or a command with subcommands named without one (Discord can only run a leaf).
 */
function mention(index: CommandIndex, name: string, sub: string | undefined): string | null {
  const id = index.ids.get(name);
  if (!id) return null;
  const subcommands = index.subcommandsOf(name);
  if (sub !== undefined) return subcommands.includes(sub) ? `</${name} ${sub}:${id}>` : null;
  return subcommands.length === 0 ? `</${name}:${id}>` : null;
}

/** Text with every command it names as a mention where it can be one. */
export function withCommandMentions(text: string, index: CommandIndex): string {
  if (index.ids.size === 0 || !text.includes('/')) return text;
  return text
    .replace(IN_CODE, (whole, name: string, sub: string | undefined) => mention(index, name, sub) ?? whole)
    .replace(IN_TEXT, (whole, before: string, name: string, sub: string | undefined) => {
      const made = mention(index, name, sub);
      // "/firsts" alone where a subcommand was not meant: the name is the mention, the next word stays.
      if (made) return `${before}${made}`;
      const bare = sub !== undefined ? mention(index, name, undefined) : null;
      return bare ? `${before}${bare} ${sub}` : whole;
    });
}

function layoutWithMentions(components: readonly APIMessageTopLevelComponent[], index: CommandIndex): APIMessageTopLevelComponent[] {
  return components.map((component) => {
    if (component.type === 10) return { ...component, content: withCommandMentions(component.content, index) };
    if (component.type === 17) return { ...component, components: layoutWithMentions(component.components, index) as typeof component.components };
    if (component.type === 9) return { ...component, components: component.components.map((text) => ({ ...text, content: withCommandMentions(text.content, index) })) };
    return component;
  });
}

/** A payload with mentions wherever Discord renders them: content, embed descriptions and field values, text displays. */
export function payloadWithCommandMentions(payload: MessagePayload, index: CommandIndex): MessagePayload {
  if (index.ids.size === 0) return payload;
  return {
    ...payload,
    ...(payload.content !== undefined ? { content: withCommandMentions(payload.content, index) } : {}),
    ...(payload.embeds
      ? {
          embeds: payload.embeds.map((embed) => ({
            ...embed,
            ...(embed.description !== undefined ? { description: withCommandMentions(embed.description, index) } : {}),
            ...(embed.fields ? { fields: embed.fields.map((field) => ({ ...field, value: withCommandMentions(field.value, index) })) } : {}),
          })),
        }
      : {}),
    ...(payload.layout ? { layout: layoutWithMentions(payload.layout, index) } : {}),
  };
}
