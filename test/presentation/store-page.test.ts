// A page the store cut to a number of facts fits one embed whatever those facts hold: ordinary lines
// are shown whole, and only a page of far too long lines has its lines shortened.
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/core/awards-facts.js';
import { renderStorePage, type Section, type StorePageSpec } from '../../src/presentation/paged-embed.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';

const webSource = (i: number): SourceRef => ({
  identifier: `https://news.example/${i}/${'long-path-segment-'.repeat(6)}`,
  publishedOn: '2025-05-17',
  headline: `A web article number ${i} whose headline goes on ${'and on '.repeat(20)}`.trim(),
  outlet: `Outlet ${i}`,
  url: `https://news.example/${i}/${'long-path-segment-'.repeat(6)}`,
  readOn: '2026-01-01',
});
const fileSource = (i: number): SourceRef => ({
  identifier: `article-${i}.txt`,
  publishedOn: '2024-03-01',
  headline: `A seed article number ${i} with a headline ${'that runs long '.repeat(8)}`.trim(),
  outlet: null,
  url: null,
  readOn: null,
});

function spec(sections: Section[], locale = 'en-US', page = 0, pageCount = 1): StorePageSpec {
  return {
    title: 'On this day: May 17',
    sections,
    emptyText: 'Nothing on this day.',
    color: 0x7bdff2,
    page,
    pageCount,
    pageButtonId: (target) => `onthisday:page:05-17:${target}`,
    translation: translationFor(locale),
  };
}

describe('renderStorePage', () => {
  it('shows ordinary lines whole, cites their sources and numbers them from 1 on every page', () => {
    const sections: Section[] = [
      { heading: '2018 · 8 years ago', lines: [{ text: '**Group A** won Best Song', sources: [fileSource(7)] }] },
      { heading: '2023 · 3 years ago', lines: [{ text: '**Group A** set a record', sources: [webSource(3)] }] },
    ];
    const embed = renderStorePage(spec(sections, 'en-US', 4, 7)).embeds![0]!;
    expect(embed.fields!.map((field) => field.value)).toEqual([
      '**Group A** won Best Song [1]',
      '**Group A** set a record [2]',
      expect.stringContaining('[2] [A web article number 3'),
    ]);
    expect(embed.footer!.text).toMatch(/^Page 5 of 7 · Sources: \[1\] article-7\.txt/);
  });

  it('turns pages with buttons that name the neighbouring pages, disabled at the ends', () => {
    const sections: Section[] = [{ heading: '2018', lines: [{ text: 'a fact', sources: [fileSource(1)] }] }];
    const buttons = (page: number) => renderStorePage(spec(sections, 'en-US', page, 3)).components![0]!.components;
    expect(buttons(0).map((button) => ('custom_id' in button ? [button.custom_id, button.disabled] : null))).toEqual([
      ['onthisday:page:05-17:0', true],
      ['onthisday:page:05-17:1', false],
    ]);
    expect(buttons(2).map((button) => ('custom_id' in button ? [button.custom_id, button.disabled] : null))).toEqual([
      ['onthisday:page:05-17:1', false],
      ['onthisday:page:05-17:2', true],
    ]);
    expect(renderStorePage(spec(sections)).components).toBeUndefined();
  });

  it.each(supportedLocales)('%s: ten far too long facts, each with its own sources, still fit one embed', (locale) => {
    const sections: Section[] = Array.from({ length: 10 }, (_, i) => ({
      heading: `${2010 + i} · ${16 - i} years ago`,
      lines: [{ text: `Fact ${i}: ${'an extremely long statement that keeps going '.repeat(30)}`, sources: [webSource(i), fileSource(i)] }],
    }));
    const payload = renderStorePage(spec(sections, locale, 0, 65));
    expect(discordLimitProblems(payload)).toEqual([]);
    const embed = payload.embeds![0]!;
    const total =
      embed.title!.length +
      (embed.footer?.text.length ?? 0) +
      embed.fields!.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    // Every fact is still on the page, shortened, with its source markers.
    for (let i = 0; i < 10; i++) expect(embed.fields![i]!.value).toMatch(new RegExp(`^Fact ${i}: .*… \\[\\d+\\]\\[\\d+\\]$`));
  });

  it('says the empty text when the day has nothing', () => {
    const embed = renderStorePage(spec([])).embeds![0]!;
    expect(embed.description).toBe('Nothing on this day.');
    expect(embed.fields).toBeUndefined();
  });
});
