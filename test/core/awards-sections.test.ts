// How /awards gathers a weekly show's episodes: by show and year, one line per song's run of wins,
// while an annual ceremony's edition stays one section.
import { describe, expect, it } from 'vitest';
import type { EditionRef, NominationFact } from '../../src/core/awards-facts.js';
import { awardsSections, type EditionAwards } from '../../src/core/awards.js';

let nextId = 1;
function edition(show: string, heldOn: string, episode = true): EditionRef {
  return {
    id: nextId++,
    ceremonySlug: show.toLowerCase().replace(/ /g, '-'),
    ceremonyName: show,
    ceremonyShortName: show,
    ceremonyKind: episode ? 'music_show' : 'award_show',
    year: Number(heldOn.slice(0, 4)),
    episode,
    editionKey: episode ? heldOn : heldOn.slice(0, 4),
    heldOn,
    venue: null,
    city: null,
    timeZone: null,
    notes: null,
  };
}

function win(at: EditionRef, workTitle: string, options: { artistId?: number; result?: NominationFact['result'] } = {}): NominationFact {
  return {
    id: nextId++,
    result: options.result ?? 'won',
    edition: at,
    categoryName: 'First place',
    categorySlug: 'first-place',
    grandPrize: false,
    workTitle,
    workReleasedOn: null,
    workNote: null,
    awardedOn: null,
    artists: [{ id: options.artistId ?? 1, slug: 'act', name: 'Act', isKpop: true, role: 'primary', hangulName: null }],
    sources: [{ identifier: 'https://example.org/list', publishedOn: null, headline: 'List', outlet: null, url: 'https://example.org/list', readOn: '2026-12-03' }],
    origin: 'seed',
  };
}

const entry = (at: EditionRef, ...nominations: NominationFact[]): EditionAwards => ({ edition: at, nominations });

describe('awardsSections', () => {
  it("gathers one show's episodes of a year into one section, a song's wins into one run, oldest first", () => {
    const july = edition('M Countdown', '2023-07-06');
    const june29 = edition('M Countdown', '2023-06-29');
    const june22 = edition('M Countdown', '2023-06-22');
    const sections = awardsSections([entry(july, win(july, 'Take Two')), entry(june29, win(june29, 'Take Two')), entry(june22, win(june22, 'Take Two'))]);
    expect(sections).toHaveLength(1);
    const [section] = sections;
    expect(section).toMatchObject({ kind: 'showYear', ceremonyShortName: 'M Countdown', year: 2023 });
    if (section?.kind !== 'showYear') throw new Error('expected a show-year');
    expect(section.runs).toHaveLength(1);
    expect(section.runs[0]!.nominations.map((n) => n.edition.heldOn)).toEqual(['2023-06-22', '2023-06-29', '2023-07-06']);
  });

  it('keeps apart different songs, credits, results, shows and years', () => {
    const a = edition('Inkigayo', '2022-06-26');
    const b = edition('Inkigayo', '2022-06-19');
    const c = edition('Inkigayo', '2021-12-05');
    const d = edition('Music Bank', '2022-06-24');
    const sections = awardsSections([
      entry(a, win(a, 'Song A'), win(a, 'Song A', { artistId: 2 })),
      entry(d, win(d, 'Song A')),
      entry(b, win(b, 'Song B'), win(b, 'Song A', { result: 'nominated' })),
      entry(c, win(c, 'Song A')),
    ]);
    expect(sections.map((s) => (s.kind === 'showYear' ? `${s.year} ${s.ceremonyShortName}` : 'edition'))).toEqual([
      '2022 Inkigayo',
      '2022 Music Bank',
      '2021 Inkigayo',
    ]);
    const [inkigayo2022] = sections;
    if (inkigayo2022?.kind !== 'showYear') throw new Error('expected a show-year');
    expect(inkigayo2022.runs.map((run) => run.nominations.length)).toEqual([1, 1, 1, 1]);
  });

  it('leaves an annual edition as it is, in its place among the show-years', () => {
    const mama = edition('MAMA', '2023-11-28', false);
    const episode = edition('M Countdown', '2023-07-06');
    const earlier = edition('M Countdown', '2023-06-22');
    const sections = awardsSections([entry(mama, win(mama, 'Album')), entry(episode, win(episode, 'Take Two')), entry(earlier, win(earlier, 'Other'))]);
    expect(sections.map((s) => s.kind)).toEqual(['edition', 'showYear']);
    expect(sections[0]).toMatchObject({ kind: 'edition', edition: { ceremonyShortName: 'MAMA' } });
  });
});
