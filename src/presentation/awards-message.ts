// /awards: an artist's wins and nominations in the store, by ceremony edition, newest first. The
// totals lead, so that a list of hundreds reads at a glance before its pages.
import type { Artist, Ceremony } from '../core/awards-facts.js';
import type { ArtistAwards, AwardsSection, AwardsTotals, EpisodeRun, ResultFilter } from '../core/awards.js';
import type { SourceRef } from '../core/awards-facts.js';
import { artistName, editionDateText, editionLabel, escaped, nominationLine } from './fact-text.js';
import type { MessagePayload } from './message-payload.js';
import { colors, renderPagedEmbed } from './paged-embed.js';
import type { Translation } from './translation.js';

export interface AwardsView {
  artistId: number;
  ceremonyId: number | null;
  year: number | null;
  result: ResultFilter;
}

/** How many shows or ceremonies a totals line names before "and N more". */
const TALLIES_SHOWN = 8;

/** "Music-show wins: Inkigayo 31 · Music Bank 28 …", "Award shows (wins/nominations): MAMA 12/20 …", "👑 5 grand prizes (daesang)". */
export function totalsLines(totals: AwardsTotals, translation: Translation): string[] {
  const { t } = translation;
  const number = (n: number) => translation.number(n);
  const shown = <T>(items: T[], render: (item: T) => string) => {
    const parts = items.slice(0, TALLIES_SHOWN).map(render);
    const rest = items.length - TALLIES_SHOWN;
    return rest > 0 ? `${parts.join(' · ')} · ${t('artist.andMore', { count: rest })}` : parts.join(' · ');
  };
  const lines: string[] = [];
  const musicShows = totals.musicShows.filter((tally) => tally.wins > 0);
  if (musicShows.length > 0) {
    lines.push(t('awards.musicShowTotals', { tallies: shown(musicShows, (tally) => `${escaped(tally.ceremonyShortName)} **${number(tally.wins)}**`) }));
  }
  if (totals.awardShows.length > 0) {
    lines.push(
      t('awards.awardShowTotals', {
        tallies: shown(totals.awardShows, (tally) => `${escaped(tally.ceremonyShortName)} **${number(tally.wins)}**/${number(tally.nominations)}`),
      }),
    );
  }
  if (totals.grandPrizes > 0) lines.push(t('awards.grandPrizes', { count: totals.grandPrizes, formatted: number(totals.grandPrizes) }));
  return lines;
}

/** "🏆 Won First place: "Take Two" (BTS) · 3 times: June 22, June 29 and July 6", cited by every episode's sources. */
function runLine(run: EpisodeRun, translation: Translation): { text: string; sources: SourceRef[] } {
  const dates = run.nominations.flatMap((n) => {
    const heldOn = n.edition.heldOn;
    return heldOn ? [translation.monthDay(Number(heldOn.slice(5, 7)), Number(heldOn.slice(8, 10)))] : [];
  });
  const count = run.nominations.length;
  const when =
    count === 1
      ? translation.t('awards.onEpisode', { date: dates[0] ?? '' })
      : translation.t('awards.onEpisodes', { count, formatted: translation.number(count), dates: translation.andList(dates) });
  const sources = new Map<string, SourceRef>();
  for (const nomination of run.nominations) for (const source of nomination.sources) sources.set(source.identifier, source);
  return { text: `${nominationLine(run.nominations[0]!, translation)} · ${when}`, sources: [...sources.values()] };
}

function sectionOf(section: AwardsSection, translation: Translation) {
  if (section.kind === 'showYear') {
    return {
      heading: `${section.year} ${escaped(section.ceremonyShortName)}`,
      lines: section.runs.map((run) => runLine(run, translation)),
    };
  }
  const { edition, nominations } = section;
  return {
    heading: [editionLabel(edition, translation), editionDateText(edition, translation)].filter(Boolean).join(' · '),
    lines: nominations.map((n) => ({ text: nominationLine(n, translation), sources: n.sources })),
  };
}

export function awardsMessage(
  artist: Artist,
  ceremony: Ceremony | null,
  view: AwardsView,
  awards: ArtistAwards,
  page: number,
  translation: Translation,
): MessagePayload {
  const { t } = translation;
  const name = artistName(artist, translation);
  const filters = [
    ceremony ? escaped(ceremony.shortName) : null,
    view.year !== null ? String(view.year) : null,
    view.result === 'won' ? t('awards.winsOnly') : view.result === 'nominated' ? t('awards.nominationsOnly') : null,
  ].filter((filter): filter is string => filter !== null);
  // Counts of what the store holds, said as such: never a career record.
  const counts = t('awards.counts', {
    wins: t('awards.wins', { count: awards.wins, formatted: translation.number(awards.wins) }),
    nominations: t('awards.nominations', { count: awards.nominations, formatted: translation.number(awards.nominations) }),
  });
  const summary = filters.length > 0 ? t('awards.filtered', { counts, filters: filters.join(', ') }) : counts;
  // An act the store holds no award of is missing from the records, which "0 wins from 0 nominations" would misstate.
  const nothingYet = awards.nominations === 0 && filters.length === 0;
  return renderPagedEmbed({
    title: t('awards.title', { artist: name }),
    ...(nothingYet ? {} : { description: [summary, ...totalsLines(awards.totals, translation)].join('\n') }),
    sections: awards.sections.map((section) => sectionOf(section, translation)),
    emptyText: nothingYet
      ? t('awards.noneYet', { artist: name })
      : view.result === 'won'
        ? t('awards.emptyWins', { artist: name })
        : t('awards.empty', { artist: name }),
    color: colors.awards,
    page,
    pageButtonId: (target) =>
      `awards:page:${view.artistId}:${view.ceremonyId ?? '-'}:${view.year ?? '-'}:${view.result}:${target}`,
    translation,
  });
}
