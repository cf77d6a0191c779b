// Countdowns in words: the lines the daily post carries and the scheduled event's texts, exact in
// English and within Discord's limits in every language, on the busiest day there could be.
import { layoutComponentCount, layoutTexts } from '../../src/presentation/card-layout.js';
import { ANNIVERSARY_POST_HEADROOM } from '../../src/presentation/anniversary-post.js';
import { describe, expect, it } from 'vitest';
import type { MilestoneFact, SourceRef } from '../../src/core/awards-facts.js';
import type { Countdown, RoundAnniversary } from '../../src/core/countdowns.js';
import type { OnThisDayEntry } from '../../src/core/on-this-day.js';
import { renderAnniversaryPost } from '../../src/presentation/anniversary-post.js';
import { COUNTDOWN_ROOM, countdownLine, eventsReply, remindersLine, scheduledEventText, withCountdowns } from '../../src/presentation/countdown-messages.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';

const source = (n: number): SourceRef => ({
  identifier: `https://example.org/k-pop/${n}/${'long-path-segment-'.repeat(6)}`,
  publishedOn: '2015-10-21',
  headline: `A long headline about a debut that a newspaper wrote, number ${n}, ${'with many words '.repeat(5)}`,
  outlet: 'Example News',
  url: `https://example.org/k-pop/${n}/${'long-path-segment-'.repeat(6)}`,
  readOn: null,
});

function milestone(id: number, fields: Partial<MilestoneFact> = {}): MilestoneFact {
  return {
    id,
    key: `twice-debut-${id}`,
    kind: 'debut',
    statement: 'Debut',
    occurredOn: '2015-10-20',
    note: null,
    doubtful: false,
    attribution: null,
    asOf: null,
    exclusive: true,
    edition: null,
    workTitle: null,
    artists: [{ id: 1, slug: 'twice', name: 'TWICE', isKpop: true, role: null, hangulName: '트와이스' }],
    sources: [source(id)],
    origin: 'seed',
    ...fields,
  };
}

const twiceDebut: RoundAnniversary = { localDate: '2025-10-20', years: 10, occasion: 'debut', milestone: milestone(1) };

describe('countdown lines', () => {
  it('say how far ahead and what, as fans would', () => {
    const en = translationFor('en-US');
    expect(countdownLine({ ...twiceDebut, daysAhead: 7 }, en)).toBe("in 7 days: 10 years since TWICE's debut");
    expect(countdownLine({ ...twiceDebut, daysAhead: 1 }, en)).toBe("tomorrow: 10 years since TWICE's debut");
    expect(countdownLine({ ...twiceDebut, years: 1, daysAhead: 7 }, en)).toBe("in 7 days: 1 year since TWICE's debut");
    expect(countdownLine({ ...twiceDebut, daysAhead: 7 }, translationFor('ko'))).toBe('7일 후: TWICE (트와이스) 데뷔 10주년');
    expect(remindersLine([7, 1], en)).toBe('Countdowns: the post announces big anniversaries (1st, 5th, 10th, then every 5 years) 7 days and 1 day ahead.');
    expect(remindersLine([], en)).toContain('Countdowns are off');
  });

  it('answer a missing permission by its name in Discord', () => {
    expect(eventsReply({ kind: 'missing-permissions', missing: ['create-events'] }, translationFor('ja'))).toContain('**イベントを作成**');
  });
});

describe('within Discord’s limits in every language', () => {
  const longStatement = `First act to ${'win a very long list of things at a very long list of shows '.repeat(12)}`;
  const dayEntries: OnThisDayEntry[] = Array.from({ length: 120 }, (_, index) => ({
    kind: 'milestone',
    date: '2015-10-20',
    yearsAgo: 10,
    milestone: milestone(100 + index, { kind: 'first', statement: longStatement }),
  }));
  const countdowns: Countdown[] = Array.from({ length: 40 }, (_, index) => ({
    ...twiceDebut,
    occasion: 'first',
    milestone: milestone(500 + index, { kind: 'first', statement: longStatement }),
    daysAhead: index % 2 === 0 ? 7 : 1,
  }));

  it.each(supportedLocales)('%s: a full day’s post with many countdowns', (locale) => {
    const translation = translationFor(locale);
    const post = withCountdowns(renderAnniversaryPost(dayEntries, '2025-10-13', translation, { reserve: COUNTDOWN_ROOM }), countdowns, translation)!;
    expect(discordLimitProblems(post)).toEqual([]);
    // A Components V2 post: the countdowns are a container of their own under the day's.
    expect(post.layout).toHaveLength(2);
    // Discord counts the 4,000 characters over every text display of a message together.
    const total = layoutTexts(post.layout!).reduce((sum, text) => sum + text.length, 0);
    expect(total + ANNIVERSARY_POST_HEADROOM).toBeLessThanOrEqual(4000);
    expect(layoutComponentCount(post.layout!)).toBeLessThanOrEqual(40);
    expect(layoutTexts([post.layout![1]!]).join('\n')).toMatch(/⏳/);
    const alone = withCountdowns(null, countdowns.slice(0, 2), translation)!;
    expect(discordLimitProblems(alone)).toEqual([]);
    expect(alone.layout).toHaveLength(1);
  });

  it.each(supportedLocales)('%s: a scheduled event’s name, location and description', (locale) => {
    const event = scheduledEventText(
      { ...twiceDebut, occasion: 'first', milestone: milestone(9, { kind: 'first', statement: longStatement, sources: [source(1), source(2), source(3)] }) },
      translationFor(locale),
    );
    expect(event.name.length).toBeLessThanOrEqual(100);
    expect(event.location.length).toBeGreaterThan(0);
    expect(event.location.length).toBeLessThanOrEqual(100);
    expect(event.description.length).toBeLessThanOrEqual(1000);
    expect(event.description).not.toMatch(/\*\*/);
  });
});
