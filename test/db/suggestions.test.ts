// Suggestions and review on a real store: checked at once, five waiting per fan, duplicates found,
// approval live at once, rejection kept with its reason, withdrawal hides a fact and keeps it.
import { afterEach, describe, expect, it } from 'vitest';
import { approveSuggestion } from '../../commands/review.js';
import { decideApproval } from '../../src/core/suggestion-review.js';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { findAwards } from '../../src/core/awards.js';
import { findFirsts } from '../../src/core/firsts.js';
import { findOnThisDay } from '../../src/core/on-this-day.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import { checkSuggestion, type SuggestionInput, type Suggester } from '../../src/core/suggestions.js';
import type { OpenedStore } from '../../src/open-store.js';
import { openTestStore } from '../support/test-store.js';

const now = new Date('2026-11-21T12:00:00Z');
const fan: Suggester = { userId: 'fan-1', name: 'fan one', guildId: 'guild-1' };
let opened: OpenedStore;
afterEach(() => opened.close());

function setUp() {
  opened = openTestStore();
  // The same store the bot opens, with the same rules.
  const suggestions = opened.contributions.suggestions;
  const context = { store: opened.store, lookups: createContributionLookups(opened.db), suggestions, now };
  const suggest = (input: SuggestionInput, who: Suggester = fan) => {
    const checked = checkSuggestion(context, input, who.userId);
    if (!checked.ok) return checked;
    return suggestions.submit(checked.suggestion, who, now);
  };
  return { suggestions, context, suggest };
}

const inkigayoWin = (date: string): SuggestionInput => ({
  kind: 'win',
  artist: 'skz',
  ceremony: 'Inkigayo',
  ceremonyKind: 'music_show',
  date,
  category: 'Mutizen Song',
  work: 'S-Class',
  source: { url: `https://news.example.com/inkigayo-${date}`, title: 'Stray Kids take the Mutizen', publisher: 'Example News', published: '2024-01-05' },
});

function artistId(name: string) {
  const found = resolveArtist(opened.store, name);
  if (found.status !== 'found') throw new Error(name);
  return found.artist;
}

describe('checking a suggestion', () => {
  it('refuses a bad URL, a date in the future, and an unknown artist (with suggestions)', () => {
    const { context } = setUp();
    const check = (input: SuggestionInput) => checkSuggestion(context, input, fan.userId);
    expect(check({ ...inkigayoWin('2023-06-11'), source: { url: 'not a link' } })).toMatchObject({ ok: false, problems: [{ field: 'source', code: 'bad-url' }] });
    expect(check(inkigayoWin('2027-01-03'))).toMatchObject({ ok: false, problems: [{ field: 'date', code: 'future-date' }] });
    expect(check({ ...inkigayoWin('2023-02-30') })).toMatchObject({ ok: false, problems: [{ field: 'date', code: 'bad-date' }] });
    expect(check({ ...inkigayoWin('2023-06-11'), artist: 'Stray Kidz' })).toMatchObject({
      ok: false,
      problems: [{ field: 'artist', code: 'unknown-artist', suggestions: ['Stray Kids'] }],
    });
    expect(check({ ...inkigayoWin('2023-06-11'), ceremonyKind: undefined } as SuggestionInput)).toMatchObject({
      ok: false,
      problems: [{ field: 'ceremony', code: 'unknown-ceremony' }],
    });
  });

  it('flags a new artist and a new show for the curator', () => {
    const { context } = setUp();
    const checked = checkSuggestion(context, { ...inkigayoWin('2023-06-11'), artist: 'NewJeans', artistKind: 'group', work: 'Super Shy' } as SuggestionInput, fan.userId);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.suggestion.creates.artists).toMatchObject([{ name: 'NewJeans', kind: 'group' }]);
    expect(checked.suggestion.creates.ceremonies).toMatchObject([{ name: 'Inkigayo', kind: 'music_show' }]);
  });

  it('says when the fact is already in the store, and shows it', () => {
    const { context } = setUp();
    const checked = checkSuggestion(
      context,
      { kind: 'win', artist: 'Stray Kids', ceremony: 'VMAs', date: '2023', category: 'Best K-Pop', work: 'S-Class', source: { url: 'https://e.example.com/x' } },
      fan.userId,
    );
    expect(checked).toMatchObject({ ok: false, problems: [{ code: 'duplicate' }], existing: { categoryName: 'Best K-Pop', workTitle: 'S-Class' } });
  });
});

describe('waiting suggestions', () => {
  it('are at most five per fan, and the same win suggested twice waits once', () => {
    const { suggest } = setUp();
    const dates = ['2023-06-04', '2023-06-11', '2023-06-18', '2023-06-25', '2023-07-02'];
    for (const date of dates) expect(suggest(inkigayoWin(date))).toMatchObject({ status: 'created' });
    expect(suggest(inkigayoWin('2023-07-09'))).toMatchObject({ ok: false, problems: [{ code: 'too-many-waiting' }] });
    const other: Suggester = { userId: 'fan-2', name: 'fan two', guildId: 'guild-1' };
    expect(suggest(inkigayoWin('2023-06-04'), other)).toMatchObject({ ok: false, problems: [{ code: 'duplicate' }], waitingSuggestionId: 1 });
  });
});

describe('review', () => {
  it('approves the oldest waiting suggestion in one go: the win is live at once, on its air date, with its link', () => {
    const { suggest, suggestions } = setUp();
    suggest(inkigayoWin('2023-06-11'));
    suggest(inkigayoWin('2023-06-18'));
    const oldest = suggestions.oldestWaiting()!;
    expect(oldest.fact).toMatchObject({ type: 'nomination', edition: { airDate: '2023-06-11' } });
    expect(suggestions.oldestWaiting(oldest.id)!.id).not.toBe(oldest.id);

    const approved = approveSuggestion(opened, oldest.id, 'curator-1', now);
    expect(approved).toMatchObject({ status: 'approved', factType: 'nomination', suggestion: { status: 'approved', reviewerId: 'curator-1' } });
    expect(approveSuggestion(opened, oldest.id, 'curator-2', now)).toMatchObject({ status: 'already-reviewed' });

    const wins = findAwards(opened.store, artistId('Stray Kids'), { result: 'won' }).editions;
    expect(wins.find((e) => e.edition.ceremonyName === 'Inkigayo')?.nominations[0]).toMatchObject({
      origin: 'suggestion',
      sources: [{ url: 'https://news.example.com/inkigayo-2023-06-11', outlet: 'Example News' }],
    });
    expect(findOnThisDay(opened.store, { month: 6, day: 11 }, now).entries).toMatchObject([{ kind: 'win', date: '2023-06-11' }]);
    // The second suggestion of the same show now finds the show in the store, and is approved too.
    expect(approveSuggestion(opened, suggestions.oldestWaiting()!.id, 'curator-1', now)).toMatchObject({ status: 'approved' });
    expect(opened.store.ceremoniesByNormalizedAlias('inkigayo')).toHaveLength(1);
  });

  it('writes an approval core decided on only while the suggestion still waits: a rejection meanwhile wins, and nothing is written', () => {
    const { suggest, suggestions } = setUp();
    suggest(inkigayoWin('2023-06-11'));
    const waiting = suggestions.oldestWaiting()!;
    const decision = decideApproval({ store: opened.store, lookups: opened.contributions.lookups, now }, suggestions.byId(waiting.id));
    if (decision.status !== 'approve') throw new Error(decision.status);
    expect(suggestions.reject(waiting.id, 'curator-2', 'Wrong week', now)).toMatchObject({ status: 'rejected' });
    expect(suggestions.recordApproval(waiting.id, decision.checked, 'curator-1', now, opened.store.revision())).toMatchObject({ status: 'already-reviewed', suggestion: { status: 'rejected' } });
    expect(opened.store.ceremoniesByNormalizedAlias('inkigayo')).toHaveLength(0);
    expect(decideApproval({ store: opened.store, lookups: opened.contributions.lookups, now }, undefined)).toEqual({ status: 'not-found' });
  });

  it('writes no approval decided on facts that moved since (another process wrote), and approving decides again', () => {
    const { suggest, suggestions } = setUp();
    suggest(inkigayoWin('2023-06-11'));
    const waiting = suggestions.oldestWaiting()!;
    const decidedAt = opened.store.revision();
    const decision = decideApproval({ store: opened.store, lookups: opened.contributions.lookups, now }, suggestions.byId(waiting.id));
    if (decision.status !== 'approve') throw new Error(decision.status);
    // What another process's import does to the revision, written straight into the shared file.
    opened.db.$client.prepare('update facts_revision set revision = revision + 1 where id = 1').run();
    expect(suggestions.recordApproval(waiting.id, decision.checked, 'curator-1', now, decidedAt)).toEqual({ status: 'facts-moved' });
    expect(suggestions.byId(waiting.id)!.status).toBe('waiting');
    expect(opened.store.ceremoniesByNormalizedAlias('inkigayo')).toHaveLength(0);
    expect(approveSuggestion(opened, waiting.id, 'curator-1', now)).toMatchObject({ status: 'approved' });
    expect(opened.store.ceremoniesByNormalizedAlias('inkigayo')).toHaveLength(1);
  });

  it('keeps a rejection with its reason, never reviews it twice, and shows the fan the outcomes', () => {
    const { suggest, suggestions } = setUp();
    suggest(inkigayoWin('2023-06-11'));
    const { id } = suggestions.oldestWaiting()!;
    expect(suggestions.reject(id, 'curator-1', 'The link is about another week.', now)).toMatchObject({
      status: 'rejected',
      suggestion: { rejectionReason: 'The link is about another week.' },
    });
    expect(suggestions.reject(id, 'curator-1', 'again', now)).toMatchObject({ status: 'already-reviewed' });
    expect(suggestions.oldestWaiting()).toBeUndefined();
    expect(suggestions.suggestionsBy(fan.userId)).toMatchObject([{ id, status: 'rejected', reviewerId: 'curator-1' }]);
  });

  it('withdraws an approved milestone: gone from every reply, kept in the history; a seed fact cannot be withdrawn', () => {
    const { suggest, suggestions } = setUp();
    const submitted = suggest({
      kind: 'milestone',
      artist: 'Stray Kids',
      statement: 'First music show win',
      date: '2018-06-14',
      source: { url: 'https://news.example.com/first-win' },
    });
    expect(submitted).toMatchObject({ status: 'created' });
    const approved = approveSuggestion(opened, suggestions.oldestWaiting()!.id, 'curator-1', now);
    if (approved.status !== 'approved') throw new Error(approved.status);
    expect(findFirsts(opened.store, artistId('Stray Kids')).milestones.map((m) => m.statement)).toContain('First music show win');
    expect(findOnThisDay(opened.store, { month: 6, day: 14 }, now).entries).toHaveLength(1);

    expect(suggestions.withdraw({ type: 'milestone', id: approved.factId }, 'curator-1', 'Wrong date', now)).toBe('withdrawn');
    expect(findFirsts(opened.store, artistId('Stray Kids')).milestones.map((m) => m.statement)).not.toContain('First music show win');
    expect(findOnThisDay(opened.store, { month: 6, day: 14 }, now).entries).toEqual([]);
    expect(opened.store.milestoneById(approved.factId)).toBeUndefined();
    expect(opened.store.milestoneIds()).not.toContain(approved.factId);
    expect(opened.db.$client.prepare(`select withdrawn_by as by, withdrawal_reason as reason from milestones where id = ?`).get(approved.factId)).toEqual({
      by: 'curator-1',
      reason: 'Wrong date',
    });
    expect(suggestions.withdraw({ type: 'milestone', id: approved.factId }, 'curator-1', 'again', now)).toBe('already-withdrawn');
    const seedWin = findAwards(opened.store, artistId('Stray Kids'), { result: 'won' }).editions[0]!.nominations[0]!;
    expect(suggestions.withdraw({ type: 'nomination', id: seedWin.id }, 'curator-1', 'no', now)).toBe('seed-fact');
  });

  it('refuses a withdrawn fact suggested again, with the reason it was withdrawn, and the store keeps it withdrawn', () => {
    const { suggest, suggestions } = setUp();
    const milestone: SuggestionInput = {
      kind: 'milestone',
      artist: 'Stray Kids',
      statement: 'First music show win',
      date: '2018-06-14',
      source: { url: 'https://news.example.com/first-win' },
    };
    suggest(milestone);
    const approved = approveSuggestion(opened, suggestions.oldestWaiting()!.id, 'curator-1', now);
    if (approved.status !== 'approved') throw new Error(approved.status);
    expect(suggestions.withdraw({ type: 'milestone', id: approved.factId }, 'curator-1', 'Wrong date', now)).toBe('withdrawn');

    const again = suggest(milestone, { userId: 'fan-2', name: 'fan two', guildId: 'guild-1' });
    expect(again).toEqual({ ok: false, problems: [{ field: 'fact', code: 'withdrawn-fact', stored: 'Wrong date' }] });
    expect(suggestions.waitingTotal()).toBe(0);
    expect(opened.store.milestoneById(approved.factId)).toBeUndefined();
  });
});
