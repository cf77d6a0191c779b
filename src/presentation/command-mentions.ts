// Where a reply tells a fan what to run next ("`/suggest status` shows how it went"), Discord can show
// a clickable command mention, </suggest status:ID>, if the reply carries the id Discord gave the
// command when it was registered. The catalogues name commands as text; this turns each name into a
// mention where its id is known, and leaves it as text where it is not (the console, before the
// start-up comparison of registered commands has read the ids).
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { layoutTexts, v2Limits } from './card-layout.js';
import { discordLimits, embedCharacters } from './discord-limits.js';
import type { MessagePayload } from './message-payload.js';

export interface CommandIndex {
  /** The id Discord gave each registered command, by name. */
  ids: ReadonlyMap<string, string>;
  /** A command's subcommands; empty for a command run as it is. */
  subcommandsOf(name: string): readonly string[];
}

// "`/suggest status`" in a code span, or "/firsts" in running text (after a space, a bracket, or the
// CJK punctuation that takes no space after it: "。/trivia start"); a name followed by an option
// ("/onthisday date:09-12", "`/anniversaries setup channel:#x`") is an example to type, kept as text.
const IN_CODE = /`\/([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*))?`/g;
const IN_TEXT = /(^|[\s(（「“。、，：])\/([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*))?(?=$|[\s).,;!?、。，）」”])(?! ?[a-z_]+:)/g;

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

/**
 * Text with every command it names as a mention where it can be one, and where it fits: a mention is
 * longer than the name it replaces, so the text grows by at most `spare` characters, and a mention
 * that would pass that keeps its name as text.
 */
export function withCommandMentions(text: string, index: CommandIndex, spare: number = Number.POSITIVE_INFINITY): string {
  if (index.ids.size === 0 || !text.includes('/')) return text;
  let left = spare;
  const fitting = (whole: string, made: string): string => {
    const growth = made.length - whole.length;
    if (growth > left) return whole;
    left -= growth;
    return made;
  };
  return text
    .replace(IN_CODE, (whole, name: string, sub: string | undefined) => {
      const made = mention(index, name, sub);
      return made ? fitting(whole, made) : whole;
    })
    .replace(IN_TEXT, (whole, before: string, name: string, sub: string | undefined) => {
      const made = mention(index, name, sub);
      if (made) return fitting(whole, `${before}${made}`);
      // "/firsts" alone where a subcommand was not meant: the name is the mention, the next word stays.
      const bare = sub !== undefined ? mention(index, name, undefined) : null;
      return bare ? fitting(whole, `${before}${bare} ${sub}`) : whole;
    });
}

/** What is left of a shared allowance (an embed total, a message's V2 text) as mentions spend it. */
interface Allowance {
  left: number;
}

/** `text` with mentions within its own `limit` and what is left of `shared`, which it spends. */
function mentionsWithin(text: string, limit: number, shared: Allowance, index: CommandIndex): string {
  const made = withCommandMentions(text, index, Math.max(0, Math.min(limit - text.length, shared.left)));
  shared.left -= made.length - text.length;
  return made;
}

function embedsWithMentions(embeds: readonly APIEmbed[], index: CommandIndex): APIEmbed[] {
  // Discord counts every embed of one message against one total.
  const total: Allowance = { left: discordLimits.embedTotal - embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0) };
  return embeds.map((embed) => ({
    ...embed,
    ...(embed.description !== undefined ? { description: mentionsWithin(embed.description, discordLimits.embedDescription, total, index) } : {}),
    ...(embed.fields ? { fields: embed.fields.map((field) => ({ ...field, value: mentionsWithin(field.value, discordLimits.fieldValue, total, index) })) } : {}),
  }));
}

function layoutWithMentions(components: readonly APIMessageTopLevelComponent[], index: CommandIndex, text: Allowance): APIMessageTopLevelComponent[] {
  // Every text display of the message shares one total, which also bounds each of them.
  const within = (content: string) => mentionsWithin(content, v2Limits.textTotal, text, index);
  return components.map((component) => {
    if (component.type === 10) return { ...component, content: within(component.content) };
    if (component.type === 17) return { ...component, components: layoutWithMentions(component.components, index, text) as typeof component.components };
    if (component.type === 9) return { ...component, components: component.components.map((display) => ({ ...display, content: within(display.content) })) };
    return component;
  });
}

/**
 * A payload with mentions wherever Discord renders them (content, embed descriptions and field values,
 * text displays), never past a limit of Discord's: each place's own, and the totals of the message.
 */
export function payloadWithCommandMentions(payload: MessagePayload, index: CommandIndex): MessagePayload {
  if (index.ids.size === 0) return payload;
  const layoutText = (layout: readonly APIMessageTopLevelComponent[]): Allowance => ({
    left: v2Limits.textTotal - layoutTexts(layout).reduce((sum, content) => sum + content.length, 0),
  });
  return {
    ...payload,
    ...(payload.content !== undefined ? { content: mentionsWithin(payload.content, discordLimits.content, { left: Number.POSITIVE_INFINITY }, index) } : {}),
    ...(payload.embeds ? { embeds: embedsWithMentions(payload.embeds, index) } : {}),
    ...(payload.layout ? { layout: layoutWithMentions(payload.layout, index, layoutText(payload.layout)) } : {}),
  };
}
