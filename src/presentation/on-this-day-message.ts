// /onthisday: the wins and milestones of a day of the year in earlier years, by year.
import type { OnThisDay, OnThisDayEntry } from '../core/on-this-day.js';
import { milestoneLine, winLine } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors, renderStorePage } from './paged-embed.js';
import type { Translation } from './translation.js';

/** One entry as a line: a win with its credits, or a milestone with its holders. */
export function entryLine(entry: OnThisDayEntry, translation: Translation): string {
  if (entry.kind === 'win') return winLine(entry.nomination, translation);
  return milestoneLine(entry.milestone, translation, { withArtists: true, withWhen: false });
}

export function entrySources(entry: OnThisDayEntry) {
  return entry.kind === 'win' ? entry.nomination.sources : entry.milestone.sources;
}

/**
 * Facts a page: the store reads one page at a time (a busy day of a big store holds hundreds), and
 * ten lines with their year headings read well on a phone.
 */
export const ON_THIS_DAY_FACTS_PER_PAGE = 10;

export function onThisDayMessage(day: OnThisDay, pageButtonId: (page: number) => string, translation: Translation): MessagePayload {
  const { t } = translation;
  const { monthDay } = day;
  const byYear = new Map<string, OnThisDayEntry[]>();
  for (const entry of day.entries) {
    const year = entry.date.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), entry]);
  }
  const dayName = translation.monthDay(monthDay.month, monthDay.day);
  const sections = [...byYear.entries()].map(([year, yearEntries]) => {
    const first = yearEntries[0]!;
    const leapDay = first.date.endsWith('02-29') && monthDay.day === 28 ? ` ${t('onThisDay.onLeapDay')}` : '';
    return {
      heading: `${year} · ${translation.yearsAgo(first.yearsAgo)}${leapDay}`,
      lines: yearEntries.map((entry) => ({ text: entryLine(entry, translation), sources: entrySources(entry) })),
    };
  });
  return renderStorePage({
    title: t('onThisDay.title', { day: dayName }),
    sections,
    emptyText: t('onThisDay.empty', { day: dayName }),
    color: colors.onThisDay,
    page: day.page,
    pageCount: day.pageCount,
    pageButtonId,
    translation,
  });
}
