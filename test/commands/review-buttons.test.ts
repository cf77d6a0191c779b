// The review card's buttons on a real store: Skip reaches every waiting suggestion in queue order,
// however many wait; Approve refuses a fact a curator withdrew meanwhile, and says why; a forged
// id is answered as a stale button and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { approveSuggestion } from '../../commands/review.js';
import type { ButtonReply, CommandContext, MessagePayload } from '../../commands/command.js';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import { problemsText } from '../../src/presentation/contribution-messages.js';
import { translationFor } from '../../src/presentation/translation.js';
import { checkSuggestion, type Suggester, type SuggestionInput, type WinSuggestionInput } from '../../src/core/suggestions.js';
import type { OpenedStore } from '../../src/open-store.js';
import { invocation } from '../support/invocations.js';
import { openTestStore, testContext } from '../support/test-store.js';

const now = new Date('2026-11-21T12:00:00Z');
const curator = { user: { id: 'curator-1', name: 'curator' }, guildId: null, channelId: null, locale: 'en-US' };
let opened: OpenedStore;
afterEach(() => opened.close());

function setUp(): CommandContext {
  opened = openTestStore();
  return testContext(opened, now.toISOString(), { singlePlayer: false, forms: false, isCurator: (id) => id === curator.user.id });
}

const inkigayoWin = (date: string): WinSuggestionInput => ({
  kind: 'win',
  artist: 'skz',
  ceremony: 'Inkigayo',
  ceremonyKind: 'music_show',
  date,
  category: 'Mutizen Song',
  work: 'S-Class',
  source: { url: `https://news.example.com/inkigayo-${date}` },
});

function suggest(input: SuggestionInput, fan: Suggester): number {
  const suggestions = opened.contributions.suggestions;
  const checked = checkSuggestion({ store: opened.store, lookups: createContributionLookups(opened.db), suggestions, now }, input, fan.userId);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const submitted = suggestions.submit(checked.suggestion, fan, now);
  if (submitted.status !== 'created') throw new Error(submitted.status);
  return submitted.suggestion.id;
}

/** `count` waiting suggestions of distinct Sundays, five per fan (the cap), oldest first. */
function suggestMany(count: number): number[] {
  return Array.from({ length: count }, (_, index) =>
    suggest(inkigayoWin(new Date(Date.UTC(2022, 0, 2 + 7 * index)).toISOString().slice(0, 10)), {
      userId: `fan-${Math.floor(index / 5)}`,
      name: 'fan',
      guildId: 'guild-1',
    }),
  );
}

function cardId(payload: MessagePayload): number | undefined {
  const title = payload.embeds?.[0]?.title;
  return title === undefined ? undefined : Number(/#(\d+)/.exec(title)![1]);
}

function button(payload: MessagePayload, label: string): string {
  const found = payload.components?.[0]?.components.find((c) => 'label' in c && c.label === label);
  if (!found || !('custom_id' in found)) throw new Error(`no ${label} button`);
  return found.custom_id;
}

describe('Skip on the review card', () => {
  it('walks all 27 waiting suggestions in queue order, then says only skipped ones are left', async () => {
    const context = setUp();
    const ids = suggestMany(27);
    const first = await runSlashCommand({ ...invocation('review', {}, 'next'), ...curator }, context, 'review-1');
    const seen = [cardId(first.payload)];
    let payload = first.payload;
    for (let guard = 0; guard < 40; guard++) {
      const reply: ButtonReply = await runButton(button(payload, 'Skip'), curator, context, `skip-${guard}`);
      if (reply.kind !== 'update') throw new Error(`expected an update, got ${reply.kind}`);
      payload = reply.payload;
      if (cardId(payload) === undefined) break;
      seen.push(cardId(payload));
    }
    expect(seen).toEqual(ids);
    expect(payload.content).toBe('Only suggestions you skipped are waiting (27). Run `/review next` to see them again.');
    // And /review next starts again from the oldest.
    const again = await runSlashCommand({ ...invocation('review', {}, 'next'), ...curator }, context, 'review-2');
    expect(cardId(again.payload)).toBe(ids[0]);
  });

  it('after a Skip, approving a card shows the oldest waiting one again', async () => {
    const context = setUp();
    const ids = suggestMany(3);
    const skipped = await runButton(`review:skip:${ids[0]}`, curator, context, 'skip');
    if (skipped.kind !== 'update') throw new Error(skipped.kind);
    expect(cardId(skipped.payload)).toBe(ids[1]);
    const approved = await runButton(button(skipped.payload, 'Approve'), curator, context, 'approve');
    if (approved.kind !== 'update') throw new Error(approved.kind);
    expect(approved.payload.content).toContain(`Suggestion #${ids[1]} is approved and live`);
    expect(cardId(approved.payload)).toBe(ids[0]);
  });
});

describe('Approve on the review card', () => {
  it('refuses a fact withdrawn while the suggestion waited, with the reason; it stays withdrawn and the suggestion waits', async () => {
    const context = setUp();
    const { suggestions } = opened.contributions;
    // A nomination goes live; a second fan says it was a win; a curator then withdraws the nomination.
    const nominated = suggest({ ...inkigayoWin('2023-06-11'), result: 'nominated' }, { userId: 'fan-1', name: 'fan', guildId: null });
    const approved = approveSuggestion(opened, nominated, curator.user.id, now);
    if (approved.status !== 'approved') throw new Error(approved.status);
    const won = suggest(inkigayoWin('2023-06-11'), { userId: 'fan-2', name: 'fan', guildId: null });
    expect(suggestions.withdraw({ type: 'nomination', id: approved.factId }, curator.user.id, 'The chart was *misread*.', now)).toBe('withdrawn');

    const reply = await runButton(`review:approve:${won}`, curator, context, 'approve');
    if (reply.kind !== 'update') throw new Error(reply.kind);
    expect(reply.payload.content).toContain(
      `Suggestion #${won} is not approved: a curator withdrew this fact (reason: The chart was \\*misread\\*.). It stays waiting; reject it with a reason.`,
    );
    expect(suggestions.byId(won)).toMatchObject({ status: 'waiting', nominationId: null });
    expect(opened.store.nominationById(approved.factId)).toBeUndefined();
  });

  it('tells a fan who suggests a withdrawn fact again why it is not taken', () => {
    setUp();
    const { suggestions } = opened.contributions;
    const id = suggest(inkigayoWin('2023-06-11'), { userId: 'fan-1', name: 'fan', guildId: null });
    const approved = approveSuggestion(opened, id, curator.user.id, now);
    if (approved.status !== 'approved') throw new Error(approved.status);
    suggestions.withdraw({ type: 'nomination', id: approved.factId }, curator.user.id, 'Wrong week', now);
    const checked = checkSuggestion({ store: opened.store, lookups: createContributionLookups(opened.db), suggestions, now }, inkigayoWin('2023-06-11'), 'fan-2');
    if (checked.ok) throw new Error('taken');
    expect(problemsText(checked.problems, translationFor('en-US'))).toContain("• `fact`: was withdrawn by a curator (the curator's reason: Wrong week)");
  });
});

describe('forged review ids', () => {
  it('answers an id written any way but the bot\'s as a stale button, and approves or rejects nothing', async () => {
    const context = setUp();
    const [id] = suggestMany(1);
    const stale = { kind: 'reply', ephemeral: true, payload: { content: 'That button no longer works. Run the command again for a fresh answer.' } };
    for (const forged of ['review:approve:abc', 'review:approve:1e0', 'review:approve:0x1', 'review:approve:+1', 'review:approve:01', 'review:approve:', 'review:approve:1:2', 'review:skip:1.2', 'review:reject:1e0']) {
      expect(await runButton(forged, curator, context, 'forged'), forged).toEqual(stale);
    }
    expect(opened.contributions.suggestions.byId(id!)).toMatchObject({ status: 'waiting' });
  });
});
