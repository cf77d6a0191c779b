// Long lists become pages of one embed each, within Discord's limits, with buttons to turn pages.
// Every fact line cites its sources by number; a page's footer lists the sources it cites.
import { ActionRowBuilder, ButtonBuilder } from '@discordjs/builders';
import { ButtonStyle, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import type { SourceRef } from '../core/awards-facts.js';
import { discordLimits, truncate } from './discord-limits.js';
import { inertLinkText, inertText, linkTarget } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import type { Translation } from './translation.js';

export interface FactLine {
  text: string;
  sources?: SourceRef[];
}

export interface Section {
  heading: string;
  lines: FactLine[];
}

export interface PagedEmbedSpec {
  title: string;
  /** Shown above the sections on every page. */
  description?: string;
  sections: Section[];
  /** Shown when there are no sections. */
  emptyText: string;
  color: number;
  /** 0-based; clamped to the pages that exist. */
  page: number;
  /** The custom id of the button that shows `page`. */
  pageButtonId: (page: number) => string;
  translation: Translation;
}

/** Headroom under the 6000-character embed total for the page counter and rounding. */
const PAGE_BUDGET = discordLimits.embedTotal - 100;

export const colors = {
  firsts: 0xf7a8c8,
  awards: 0xffd166,
  onThisDay: 0x7bdff2,
  artist: 0xb8a1ff,
  ceremony: 0x9be564,
  notice: 0xcccccc,
} as const;

export function renderPagedEmbed(spec: PagedEmbedSpec): MessagePayload {
  const numbering = numberSources(spec.sections);
  const fields = spec.sections.flatMap((section) => sectionFields(section, numbering, spec.translation));
  const title = truncate(spec.title, discordLimits.embedTitle);
  const description = spec.description ? truncate(spec.description, 2000) : undefined;
  const pages = packPages(fields, title.length + (description?.length ?? 0), numbering, spec.translation);
  const pageIndex = Math.min(Math.max(0, Math.trunc(spec.page)), Math.max(0, pages.length - 1));
  const page = pages[pageIndex];
  if (!page) return emptyEmbed(title, description, spec);
  return pageEmbed(title, description, page, numbering, pageIndex, pages.length, spec);
}

export interface StorePageSpec extends Omit<PagedEmbedSpec, 'page'> {
  /** 0-based: the page these sections are. */
  page: number;
  pageCount: number;
}

/**
 * One page that the store already cut to a number of facts: `sections` are that page's. The page
 * fits one embed whatever its facts: if its lines are too long together, each is shortened.
 */
export function renderStorePage(spec: StorePageSpec): MessagePayload {
  const title = truncate(spec.title, discordLimits.embedTitle);
  const description = spec.description ? truncate(spec.description, 2000) : undefined;
  if (spec.sections.every((section) => section.lines.length === 0)) return emptyEmbed(title, description, spec);
  const numbering = numberSources(spec.sections);
  const pageLabel = pageLabelOf(spec.page, spec.pageCount, spec.translation);
  const fixedLength = title.length + (description?.length ?? 0);
  let page: Page;
  // Lines are shortened by a quarter at a time: only a page of unusually long facts needs it.
  for (let longestLine: number = discordLimits.fieldValue; ; longestLine = Math.floor(longestLine * 0.75)) {
    const fields = spec.sections.flatMap((section) => sectionFields(section, numbering, spec.translation, longestLine));
    page = { fields: fields.map(({ sources: _sources, ...field }) => field), sources: fields.flatMap((field) => field.sources) };
    const links = linksField(page.sources, numbering, spec.translation);
    const length =
      fixedLength +
      page.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
      (links ? links.name.length + links.value.length : 0) +
      footerText(page.sources, numbering, pageLabel, spec.translation).length;
    const fits = length <= PAGE_BUDGET && page.fields.length < discordLimits.embedFields;
    if (fits || longestLine < 60) break;
  }
  return pageEmbed(title, description, page, numbering, spec.page, spec.pageCount, spec);
}

function emptyEmbed(title: string, description: string | undefined, spec: Pick<PagedEmbedSpec, 'emptyText' | 'color'>): MessagePayload {
  const text = truncate([description, spec.emptyText].filter(Boolean).join('\n\n'), discordLimits.embedDescription);
  return { embeds: [{ title, color: spec.color, description: text }] };
}

function pageLabelOf(pageIndex: number, pageCount: number, translation: Translation): string | null {
  if (pageCount <= 1) return null;
  return translation.t('pages.pageOf', { page: translation.number(pageIndex + 1), pages: translation.number(pageCount) });
}

function pageEmbed(
  title: string,
  description: string | undefined,
  page: Page,
  numbering: Map<string, number>,
  pageIndex: number,
  pageCount: number,
  spec: Pick<PagedEmbedSpec, 'color' | 'pageButtonId' | 'translation'>,
): MessagePayload {
  const { translation } = spec;
  const embed: APIEmbed = { title, color: spec.color };
  if (description) embed.description = description;
  const links = linksField(page.sources, numbering, translation);
  embed.fields = links ? [...page.fields, links] : page.fields;
  const footer = footerText(page.sources, numbering, pageLabelOf(pageIndex, pageCount, translation), translation);
  if (footer) embed.footer = { text: footer };
  const payload: MessagePayload = { embeds: [embed] };
  if (pageCount > 1) payload.components = [pageButtons(pageIndex, pageCount, spec.pageButtonId, translation)];
  return payload;
}

function numberSources(sections: Section[]): Map<string, number> {
  const numbering = new Map<string, number>();
  for (const section of sections) {
    for (const line of section.lines) {
      for (const source of line.sources ?? []) {
        if (!numbering.has(source.identifier)) numbering.set(source.identifier, numbering.size + 1);
      }
    }
  }
  return numbering;
}

interface Field extends APIEmbedField {
  sources: SourceRef[];
}

/**
 * One section as one or more fields, each value at most 1024 characters, never splitting a line;
 * a line longer than `longestLine` is shortened.
 */
function sectionFields(
  section: Section,
  numbering: Map<string, number>,
  translation: Translation,
  longestLine: number = discordLimits.fieldValue,
): Field[] {
  const fields: Field[] = [];
  const continued = (heading: string) => translation.t('pages.continued', { heading });
  const heading = truncate(section.heading, discordLimits.fieldName - continued('').length);
  let value = '';
  let sources: SourceRef[] = [];
  const flush = () => {
    if (value.length === 0) return;
    fields.push({ name: fields.length === 0 ? heading : continued(heading), value, sources });
    value = '';
    sources = [];
  };
  for (const line of section.lines) {
    const markers = (line.sources ?? []).map((s) => `[${numbering.get(s.identifier)}]`).join('');
    const room = Math.min(longestLine, discordLimits.fieldValue);
    const text = markers ? `${truncate(line.text, Math.max(1, room - markers.length - 1))} ${markers}` : truncate(line.text, room);
    if (value.length > 0 && value.length + 1 + text.length > discordLimits.fieldValue) flush();
    value = value.length > 0 ? `${value}\n${text}` : text;
    sources.push(...(line.sources ?? []));
  }
  flush();
  return fields;
}

interface Page {
  fields: APIEmbedField[];
  sources: SourceRef[];
}

function packPages(fields: Field[], fixedLength: number, numbering: Map<string, number>, translation: Translation): Page[] {
  const longestPageLabel = translation.t('pages.pageOf', { page: '99', pages: '99' });
  const pages: Page[] = [];
  let current: Page = { fields: [], sources: [] };
  let used = fixedLength;
  const linkLines = new Map<string, string>();
  const citationLengthOf = (cited: SourceRef[]) => {
    const links = linksField(cited, numbering, translation, linkLines);
    return footerText(cited, numbering, longestPageLabel, translation).length + (links ? links.name.length + links.value.length : 0);
  };
  // The footer and the links field depend only on which sources a page cites, so they are written
  // again only when a field cites one the page does not yet (most fields of a long list do not).
  const emptyPageCitation = citationLengthOf([]);
  let citedOnPage = new Set<string>();
  let citationLength = emptyPageCitation;
  for (const { sources, ...field } of fields) {
    const fieldLength = field.name.length + field.value.length;
    const citesMore = sources.some((source) => !citedOnPage.has(source.identifier));
    const citationWithField = citesMore ? citationLengthOf([...current.sources, ...sources]) : citationLength;
    // One field is kept for the links to web sources.
    const full =
      current.fields.length === discordLimits.embedFields - 1 || used + fieldLength + citationWithField > PAGE_BUDGET;
    if (full && current.fields.length > 0) {
      pages.push(current);
      current = { fields: [], sources: [] };
      used = fixedLength;
      citedOnPage = new Set();
      citationLength = sources.length > 0 ? citationLengthOf(sources) : emptyPageCitation;
    } else {
      citationLength = citationWithField;
    }
    current.fields.push(field);
    current.sources.push(...sources);
    for (const source of sources) citedOnPage.add(source.identifier);
    used += fieldLength;
  }
  if (current.fields.length > 0) pages.push(current);
  return pages;
}

/** "Page 1 of 3 · Sources: [1] 000_x.txt, published September 13, 2023: headline". */
export function footerText(
  sources: SourceRef[],
  numbering: Map<string, number>,
  pageLabel: string | null,
  translation: Translation,
): string {
  const { t } = translation;
  const cite = (list: SourceRef[]) => list.map((s) => `[${numbering.get(s.identifier)}] ${citeSource(s, translation)}`).join(' · ');
  // Web pages are cited with their links in a field of their own; the footer, which cannot link, cites the rest.
  const unique = [...new Map(sources.filter((s) => !s.url).map((s) => [s.identifier, s])).values()].sort(
    (a, b) => numbering.get(a.identifier)! - numbering.get(b.identifier)!,
  );
  const parts: string[] = [];
  if (pageLabel) parts.push(pageLabel);
  if (unique.length > 0) {
    parts.push(t('sources.list', { sources: cite(unique) }));
  }
  const text = parts.join(' · ');
  if (text.length <= discordLimits.footerText) return text;
  // Too many sources for one footer: keep as many whole citations as fit and say how many are left.
  let kept = unique.length;
  let shortened = text;
  while (shortened.length > discordLimits.footerText && kept > 0) {
    kept--;
    const more = t('sources.andMore', { count: unique.length - kept, sources: cite(unique.slice(0, kept)) });
    shortened = [pageLabel, t('sources.list', { sources: more })].filter(Boolean).join(' · ');
  }
  return truncate(shortened, discordLimits.footerText);
}

/** A source in plain text (footers cannot link): outlet, the article or page, when it was published. */
export function citeSource(source: SourceRef, translation: Translation): string {
  const outlet = source.outlet ? `${source.outlet}, ` : '';
  const published = sourceDate(source, translation);
  // A web page is named by its title here; its link is given where links work.
  return source.url ? `${outlet}${published}: ${source.headline}` : `${outlet}${source.identifier}, ${published}: ${source.headline}`;
}

/** A web source as a link, with its publisher and date: "[Title](<url>) (Publisher, June 10, 2023)". */
export function sourceLinkLine(source: SourceRef, translation: Translation): string {
  const title = inertLinkText(truncate(source.headline, 150));
  const publisher = source.outlet ? `${inertText(source.outlet)}, ` : '';
  const date = source.publishedOn ? translation.date(source.publishedOn) : sourceDate(source, translation);
  const target = source.url ? linkTarget(source.url) : null;
  if (!target) return `${title} (${publisher}${date})`;
  // The angle brackets keep Discord from unfurling a preview of every cited page.
  return `[${title}](<${target}>) (${publisher}${date})`;
}

/** "published June 10, 2023", or for a living page without a publication date "read December 3, 2026". */
export function sourceDate(source: SourceRef, translation: Translation): string {
  if (source.publishedOn) return translation.t('sources.published', { date: translation.date(source.publishedOn) });
  return source.readOn ? translation.t('sources.read', { date: translation.date(source.readOn) }) : '';
}

/** Room kept for "…and N more" in every language (its longest is far shorter). */
const MORE_LINE_ROOM = 120;

/** The links to a page's web sources, numbered as the lines cite them, as one field; null when none is a web page. */
export function linksField(
  sources: SourceRef[],
  numbering: Map<string, number>,
  translation: Translation,
  /** Each source's line, by identifier: packing a page asks for the same sources again with every field. */
  lineCache?: Map<string, string>,
): APIEmbedField | null {
  const web = [...new Map(sources.filter((s) => s.url).map((s) => [s.identifier, s])).values()].sort(
    (a, b) => (numbering.get(a.identifier) ?? 0) - (numbering.get(b.identifier) ?? 0),
  );
  if (web.length === 0) return null;
  const lines: string[] = [];
  let length = 0;
  for (const [index, source] of web.entries()) {
    const marker = numbering.has(source.identifier) ? `[${numbering.get(source.identifier)}] ` : '';
    let linkLine = lineCache?.get(source.identifier);
    if (linkLine === undefined) {
      linkLine = sourceLinkLine(source, translation);
      lineCache?.set(source.identifier, linkLine);
    }
    const line = `${marker}${linkLine}`;
    // "…and N more" is written only near the limit: far from it, no such line could be too long.
    if (length + line.length + 1 > discordLimits.fieldValue - MORE_LINE_ROOM - 1) {
      const more = translation.t('contributions.andMore', { count: web.length - index });
      if (length + line.length + 1 > discordLimits.fieldValue - more.length - 1) {
        lines.push(more);
        break;
      }
    }
    lines.push(line);
    length += line.length + 1;
  }
  return { name: translation.t('sources.links'), value: lines.join('\n') };
}

function pageButtons(
  page: number,
  pageCount: number,
  pageButtonId: (page: number) => string,
  translation: Translation,
): APIActionRowComponent<APIButtonComponent> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder()
        .setCustomId(pageButtonId(Math.max(0, page - 1)))
        .setLabel(translation.t('pages.previous'))
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page === 0),
      new ButtonBuilder()
        .setCustomId(pageButtonId(Math.min(pageCount - 1, page + 1)))
        .setLabel(translation.t('pages.next'))
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(page === pageCount - 1),
    )
    .toJSON();
}
