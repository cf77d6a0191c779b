/**
 * Discord's rules for Components V2 messages (flag IS_COMPONENTS_V2, 1 << 15), as the local server
 * enforces them: each top-level component against Discord's OpenAPI description, and what the
 * description cannot say, which Discord refuses with 400: no content, embeds, stickers or poll beside
 * V2 components; the flag never taken off a message by an edit; every `attachment://` reference an
 * uploaded file of the request or an attachment the message already has; at most 40 components
 * counting nested ones and at most 4,000 characters across the text displays.
 */
import { validateSchema } from './openapi-check.js';

export const IS_COMPONENTS_V2 = 1 << 15;
export const MAX_V2_COMPONENTS = 40;
export const MAX_V2_TEXT = 4000;

const ACTION_ROW = 1;
const SECTION = 9;
const TEXT_DISPLAY = 10;
const THUMBNAIL = 11;
const MEDIA_GALLERY = 12;
const FILE = 13;

/** The spec's request schema of each top-level component type. */
const TOP_LEVEL_SCHEMAS: Record<number, string> = {
  1: 'ActionRowComponentForMessageRequest',
  9: 'SectionComponentForMessageRequest',
  10: 'TextDisplayComponentForMessageRequest',
  12: 'MediaGalleryComponentForMessageRequest',
  13: 'FileComponentForMessageRequest',
  14: 'SeparatorComponentForMessageRequest',
  17: 'ContainerComponentForMessageRequest',
};

type Json = Record<string, unknown>;

function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function children(component: Json): Json[] {
  const nested = Array.isArray(component.components) ? component.components.map(asRecord) : [];
  return component.accessory ? [...nested, asRecord(component.accessory)] : nested;
}

function walk(components: readonly Json[], visit: (component: Json) => void): void {
  for (const component of components) {
    visit(component);
    walk(children(component), visit);
  }
}

/** The message body's V2 components, or [] when it has none. */
function topLevel(body: Json): Json[] {
  return Array.isArray(body.components) ? body.components.map(asRecord) : [];
}

/** Whether a message body (or the message it edits) is a V2 message. */
export function isComponentsV2(flags: unknown): boolean {
  return typeof flags === 'number' && (flags & IS_COMPONENTS_V2) !== 0;
}

/** Every component counted as Discord counts them (nested ones too) and the text of every text display. */
export function componentTotals(components: readonly Json[]): { components: number; text: number } {
  let count = 0;
  let text = 0;
  walk(components, (component) => {
    count += 1;
    if (component.type === TEXT_DISPLAY && typeof component.content === 'string') text += component.content.length;
  });
  return { components: count, text };
}

/** The totals only: at most 40 components and 4,000 characters of text in a V2 message. */
export function componentTotalsProblems(body: unknown): string[] {
  const message = asRecord(body);
  if (!isComponentsV2(message.flags)) return [];
  const totals = componentTotals(topLevel(message));
  const problems: string[] = [];
  if (totals.components > MAX_V2_COMPONENTS) problems.push(`${totals.components} components counting nested ones; the limit is ${MAX_V2_COMPONENTS}`);
  if (totals.text > MAX_V2_TEXT) problems.push(`${totals.text} characters across the text displays; the limit is ${MAX_V2_TEXT}`);
  return problems;
}

/** The `attachment://` names a layout refers to: media gallery items, thumbnails, file components. */
export function attachmentReferences(components: readonly Json[]): string[] {
  const names: string[] = [];
  const add = (media: unknown) => {
    const url = asRecord(media).url;
    if (typeof url === 'string' && url.startsWith('attachment://')) names.push(url.slice('attachment://'.length));
  };
  walk(components, (component) => {
    if (component.type === MEDIA_GALLERY && Array.isArray(component.items)) for (const item of component.items) add(asRecord(item).media);
    if (component.type === THUMBNAIL) add(component.media);
    if (component.type === FILE) add(component.file);
  });
  return names;
}

export interface V2Context {
  /** File names uploaded with this request, and named by its `attachments` entries. */
  uploadedNames: readonly string[];
  /** The message an edit changes: its flags, content, embeds and the files it already has. */
  existing?: { flags?: number | null; content?: string; embeds?: readonly unknown[]; attachmentNames: readonly string[] };
}

export interface V2Refusal {
  field: string;
  code: string;
  message: string;
}

/** Why Discord would refuse this body as a V2 message (or a V2 message's edit); null when it would not. */
export function componentsV2Refusal(rawBody: unknown, context: V2Context): V2Refusal | null {
  const body = asRecord(rawBody);
  const existing = context.existing;
  const wasV2 = isComponentsV2(existing?.flags);
  if (wasV2 && typeof body.flags === 'number' && !isComponentsV2(body.flags)) {
    return { field: 'flags', code: 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG', message: 'The IS_COMPONENTS_V2 flag cannot be removed from a message.' };
  }
  const v2 = wasV2 || isComponentsV2(body.flags);
  const components = topLevel(body);
  if (!v2) {
    const layoutOnly = components.find((component) => component.type !== ACTION_ROW);
    return layoutOnly
      ? { field: 'components.0.type', code: 'COMPONENT_LAYOUT_REQUIRES_V2', message: `Component type ${String(layoutOnly.type)} needs the IS_COMPONENTS_V2 flag.` }
      : null;
  }
  // Legacy fields: what the body sets, or on an edit what the message keeps.
  const content = typeof body.content === 'string' ? body.content : body.content === null ? '' : (existing?.content ?? '');
  const embeds = Array.isArray(body.embeds) ? body.embeds : body.embeds === null ? [] : (existing?.embeds ?? []);
  for (const [field, present] of [
    ['content', content.length > 0],
    ['embeds', embeds.length > 0],
    ['sticker_ids', Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0],
    ['poll', body.poll != null],
  ] as const) {
    if (present) {
      return { field, code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: `${field} cannot be sent beside Components V2.` };
    }
  }
  for (const [index, component] of components.entries()) {
    const schema = typeof component.type === 'number' ? TOP_LEVEL_SCHEMAS[component.type] : undefined;
    if (!schema) return { field: `components.${index}.type`, code: 'COMPONENT_TYPE_INVALID', message: `Component type ${String(component.type)} cannot be at the top level.` };
    const problems = validateSchema(schema, component);
    if (problems.length > 0) return { field: `components.${index}`, code: 'BASE_TYPE_INVALID', message: problems.join('; ') };
    if (component.type === SECTION && children(component).length === 0) {
      return { field: `components.${index}`, code: 'BASE_TYPE_REQUIRED', message: 'A section needs text.' };
    }
  }
  const totals = componentTotals(components);
  if (totals.components > MAX_V2_COMPONENTS) {
    return { field: 'components', code: 'MESSAGE_COMPONENTS_TOO_MANY', message: `Must be ${MAX_V2_COMPONENTS} or fewer components in total (${totals.components}).` };
  }
  if (totals.text > MAX_V2_TEXT) {
    return { field: 'components', code: 'MESSAGE_TEXT_TOO_LONG', message: `Must be ${MAX_V2_TEXT} or fewer characters of text in total (${totals.text}).` };
  }
  const known = new Set([...context.uploadedNames, ...(existing?.attachmentNames ?? [])]);
  const unknown = attachmentReferences(components).find((name) => !known.has(name));
  if (unknown !== undefined) {
    return { field: 'components', code: 'UNFURLED_MEDIA_ATTACHMENT_NOT_FOUND', message: `attachment://${unknown} is no file of this request or of the message.` };
  }
  return null;
}
