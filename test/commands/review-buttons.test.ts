// The review card's buttons on a real store: Skip reaches every waiting suggestion in queue order,
// however many wait.
import { afterEach, describe, expect, it } from 'vitest';
import type { ButtonReply, CommandContext, MessagePayload } from '../../commands/command.js';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import { checkSuggestion, type Suggester, type SuggestionInput } from '../../src/core/suggestions.js';
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

const inkigayoWin = (date: string): SuggestionInput => ({
  kind: 'win',
  artist: 'skz',
  ceremony: 'Inkigayo',
  ceremonyKind: 'music_show',
  date,
  category: 'Mutizen Song',
  work: 'S-Class',
  source: { url: `https://news.example.com/inkigayo-${date}` },
});

/** `count` waiting suggestions of distinct Sundays, five per fan (the cap), oldest first. */
function suggestMany(count: number): number[] {
  const suggestions = opened.contributions.suggestions;
  const lookups = createContributionLookups(opened.db);
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    const fan: Suggester = { userId: `fan-${Math.floor(index / 5)}`, name: 'fan', guildId: 'guild-1' };
    const date = new Date(Date.UTC(2022, 0, 2 + 7 * index)).toISOString().slice(0, 10);
    const checked = checkSuggestion({ store: opened.store, lookups, suggestions, now }, inkigayoWin(date), fan.userId);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const submitted = suggestions.submit(checked.suggestion, fan, now);
    if (submitted.status !== 'created') throw new Error(submitted.status);
    ids.push(submitted.suggestion.id);
  }
  return ids;
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
