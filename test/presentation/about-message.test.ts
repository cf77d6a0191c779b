// /about's message from a summary: the figures in the reader's language, the publishers cut to fit,
// and uncited facts said plainly rather than "every fact is cited".
import { describe, expect, it } from 'vitest';
import type { CatalogueSummary } from '../../src/core/catalogue-summary.js';
import { aboutMessage } from '../../src/presentation/about-message.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';

function summary(overrides: Partial<CatalogueSummary> = {}): CatalogueSummary {
  return {
    artists: 374,
    kpopArtists: 360,
    artistsWithHangul: 141,
    ceremonies: [
      { slug: 'inkigayo', name: 'Inkigayo', kind: 'music_show', wins: 1500, grandPrizes: 0, grandPrizeYears: [], firstYear: 2014, lastYear: 2025 },
      { slug: 'music-bank', name: 'Music Bank', kind: 'music_show', wins: 1405, grandPrizes: 0, grandPrizeYears: [], firstYear: 2014, lastYear: 2025 },
      { slug: 'mama', name: 'MAMA Awards', kind: 'award_show', wins: 300, grandPrizes: 40, grandPrizeYears: [2015], firstYear: 2015, lastYear: 2025 },
      { slug: 'empty', name: 'Nothing Yet Awards', kind: 'award_show', wins: 0, grandPrizes: 0, grandPrizeYears: [], firstYear: null, lastYear: null },
    ],
    nominations: 4000,
    milestones: 600,
    debuts: 251,
    sources: 590,
    publishers: [
      { outlet: 'Wikipedia', sources: 100, facts: 3000 },
      ...Array.from({ length: 150 }, (_, i) => ({ outlet: `A rather long publisher name number ${i}`, sources: 1, facts: 150 - i })),
      { outlet: null, sources: 3, facts: 1 },
    ],
    daysWithFacts: 366,
    factsWithoutSource: 0,
    collidingNames: [],
    ...overrides,
  };
}

describe('aboutMessage', () => {
  it('says what the store holds, apart by kind of show, and where it comes from', () => {
    const embed = aboutMessage(summary(), translationFor('en-US')).embeds![0]!;
    const text = JSON.stringify(embed);
    expect(text).toContain('374 acts · 141 with a Hangul name · 251 debut dates');
    expect(text).toContain('🏆 2,905 wins on 2 shows');
    expect(text).toContain('🏆 300 wins at 1 ceremonies, 40 of them grand prizes (daesang)');
    expect(text).toContain('Inkigayo 2014–2025 · Music Bank 2014–2025');
    // A ceremony with no results is not offered as covered.
    expect(text).not.toContain('Nothing Yet Awards');
    expect(embed.fields!.find((f) => f.name === 'Years covered')?.value).toBe('2014–2025');
    expect(embed.fields!.find((f) => f.name === 'Where the facts come from')?.value).toMatch(/^Wikipedia \(3,000\) · .* and \d+ more$/);
    expect(embed.description).toContain('Every fact here is cited to a source that states it: 590 pages and articles');
  });

  it('says how many facts cite no source, instead of claiming every one does', () => {
    const description = aboutMessage(summary({ factsWithoutSource: 2 }), translationFor('en-US')).embeds![0]!.description!;
    expect(description).toContain('⚠️ 2 facts cite no source yet');
    expect(description).not.toContain('Every fact here is cited');
  });

  it.each(supportedLocales)('stays within Discord limits in %s', (locale) => {
    const payload = aboutMessage(summary(), translationFor(locale));
    expect(discordLimitProblems(payload)).toEqual([]);
    const embed = payload.embeds![0]!;
    const total = embed.title!.length + embed.description!.length + embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });
});
