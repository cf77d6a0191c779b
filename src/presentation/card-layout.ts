// Messages laid out with Discord's Components V2: one container in the artist's colour holding the
// card (a media gallery with its alt text), the facts as text, the sources as links and any buttons.
// Discord's V2 limits hold here: at most 40 components counting nested ones, at most 4,000
// characters across the text displays.
import {
  ComponentType,
  SeparatorSpacingSize,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APIMediaGalleryComponent,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import type { SourceRef } from '../core/awards-facts.js';
import { truncate } from './discord-limits.js';
import type { MessageFile, MessagePayload } from './message-payload.js';
import { citeSource, sourceLinkLine } from './paged-embed.js';
import type { Translation } from './translation.js';

export const v2Limits = {
  /** Components in one message, nested ones counted. */
  components: 40,
  /** Characters across every text display of one message. */
  textTotal: 4000,
  mediaDescription: 1024,
} as const;

export interface CardLayoutSpec {
  /** The container's accent colour: the card's own. */
  accentColor: number;
  /** The message's heading, shown as a markdown heading. */
  heading: string;
  /** The card; absent when none was drawn. */
  card?: MessageFile;
  /** The facts, as markdown text. */
  facts: string;
  /** The sources the facts cite, numbered as `numbering` says (unnumbered when it is absent). */
  sources: SourceRef[];
  numbering?: Map<string, number>;
  /** Shown small under the sources ("posted late"). */
  note?: string;
  buttons?: APIActionRowComponent<APIButtonComponent>[];
}

/** "[1] [Title](<url>) (Publisher, June 10, 2023)" for a web page, the plain citation for an article file. */
export function sourceLines(sources: readonly SourceRef[], numbering: Map<string, number> | undefined, translation: Translation): string[] {
  const unique = [...new Map(sources.map((source) => [source.identifier, source])).values()];
  if (numbering) unique.sort((a, b) => (numbering.get(a.identifier) ?? 0) - (numbering.get(b.identifier) ?? 0));
  return unique.map((source) => {
    const marker = numbering?.has(source.identifier) ? `[${numbering.get(source.identifier)}] ` : '';
    return `-# ${marker}${source.url ? sourceLinkLine(source, translation) : citeSource(source, translation)}`;
  });
}

/** The sources as one text block under a heading; '' when there are none. */
export function sourcesText(sources: readonly SourceRef[], numbering: Map<string, number> | undefined, translation: Translation): string {
  const lines = sourceLines(sources, numbering, translation);
  return lines.length > 0 ? [`**${translation.t('sources.links')}**`, ...lines].join('\n') : '';
}

function textDisplay(content: string): APIComponentInContainer {
  return { type: ComponentType.TextDisplay, content };
}

const separator: APIComponentInContainer = { type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small };

/** The container the card, facts, sources and buttons sit in, as a payload with the card's file. */
export function cardLayout(spec: CardLayoutSpec, translation: Translation): MessagePayload {
  const children: APIComponentInContainer[] = [textDisplay(`## ${spec.heading}`)];
  if (spec.card) {
    children.push({
      type: ComponentType.MediaGallery,
      items: [{ media: { url: `attachment://${spec.card.name}` }, description: truncate(spec.card.description, v2Limits.mediaDescription) }],
    });
  }
  children.push(textDisplay(spec.facts));
  const sources = sourcesText(spec.sources, spec.numbering, translation);
  if (sources || spec.note) {
    children.push(separator);
    children.push(textDisplay([sources, spec.note ? `-# *${spec.note}*` : ''].filter(Boolean).join('\n')));
  }
  for (const row of spec.buttons ?? []) children.push(row);
  const container: APIContainerComponent = { type: ComponentType.Container, accent_color: spec.accentColor, components: children };
  const layout: APIMessageTopLevelComponent[] = [container];
  return { layout, ...(spec.card ? { files: [spec.card] } : {}) };
}

/** Every text display's text in a layout, in order (what Discord counts against the 4,000 characters). */
export function layoutTexts(layout: readonly APIMessageTopLevelComponent[]): string[] {
  const texts: string[] = [];
  const visit = (component: { type: number; content?: unknown; components?: unknown; accessory?: unknown }) => {
    if (component.type === ComponentType.TextDisplay && typeof component.content === 'string') texts.push(component.content);
    if (Array.isArray(component.components)) for (const child of component.components) visit(child as typeof component);
    if (component.accessory) visit(component.accessory as typeof component);
  };
  for (const component of layout) visit(component);
  return texts;
}

/** How many components a layout holds, nested ones counted, as Discord counts them. */
export function layoutComponentCount(layout: readonly APIMessageTopLevelComponent[]): number {
  let count = 0;
  const visit = (component: { type: number; components?: unknown; accessory?: unknown }) => {
    count += 1;
    if (Array.isArray(component.components)) for (const child of component.components) visit(child as typeof component);
    if (component.accessory) visit(component.accessory as typeof component);
  };
  for (const component of layout) visit(component);
  return count;
}

/** A layout without the media that names an attached file: for where the app may not attach files. */
export function withoutAttachedMedia(layout: readonly APIMessageTopLevelComponent[]): APIMessageTopLevelComponent[] {
  const attached = (item: { media: { url: string } }) => item.media.url.startsWith('attachment://');
  const keep = <T extends { type: number }>(components: readonly T[]): T[] =>
    components.flatMap((component) => {
      if (component.type === ComponentType.MediaGallery) {
        const items = (component as unknown as APIMediaGalleryComponent).items.filter((item) => !attached(item));
        return items.length > 0 ? [{ ...component, items }] : [];
      }
      if (component.type === ComponentType.Container) {
        const container = component as unknown as APIContainerComponent;
        return [{ ...component, components: keep(container.components) }];
      }
      return [component];
    });
  return keep(layout);
}

/** A note above a laid-out message, outside its container, so that the container stays as it is. */
export function withNoteAbove(payload: MessagePayload, note: string): MessagePayload {
  return { ...payload, layout: [{ type: ComponentType.TextDisplay, content: `-# ${note}` }, ...(payload.layout ?? [])] };
}
