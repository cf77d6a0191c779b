// /import's Apply and Cancel buttons on its own drafts: only the curator who previewed a file may
// press them, Apply twice applies once, and a preview left a quarter of an hour is gone.
import { afterEach, describe, expect, it } from 'vitest';
import type { ButtonReply, CommandContext } from '../../commands/command.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import type { OpenedStore } from '../../src/open-store.js';
import { invocation } from '../support/invocations.js';
import { openTestStore, testContext } from '../support/test-store.js';

const now = '2026-11-21T12:00:00Z';
const csv = [
  'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,ceremony_kind',
  'skz,Music Bank,2023-06-09,1st Place,won,S-Class,https://news.example.com/a,Stray Kids win,Example News,2023-06-10,music_show',
].join('\n');
const curator = { user: { id: 'curator-1', name: 'curator' }, guildId: null, channelId: null, locale: 'en-US' };
const otherCurator = { ...curator, user: { id: 'curator-2', name: 'other' } };
const stale = 'That button no longer works. Run the command again for a fresh answer.';

let opened: OpenedStore;
afterEach(() => opened.close());

function setUp(): CommandContext {
  opened = openTestStore();
  return testContext(opened, now, {
    singlePlayer: false,
    forms: true,
    isCurator: (id) => id.startsWith('curator-'),
    fetchAttachment: async () => Buffer.from(csv),
  });
}

/** Previews the file as `curator-1`; returns the Apply and Cancel buttons' ids. */
async function preview(context: CommandContext): Promise<{ apply: string; cancel: string }> {
  const reply = await runSlashCommand(
    { ...invocation('import'), user: curator.user, attachments: { file: { name: 'wins.csv', url: 'https://cdn.example.com/wins.csv', size: csv.length } } },
    context,
    'import',
  );
  const [apply, cancel] = (reply.payload.components![0] as { components: { custom_id: string }[] }).components.map((button) => button.custom_id);
  return { apply: apply!, cancel: cancel! };
}

const contentOf = (reply: ButtonReply) => (reply.kind === 'modal' ? '' : reply.payload.content);
const imports = () => opened.db.$client.prepare('select count(*) as n from imports').get();

describe('the /import buttons', () => {
  it('applies a file once, however many times Apply is pressed', async () => {
    const context = setUp();
    const { apply } = await preview(context);
    const [first, second] = await Promise.all([runButton(apply, curator, context, 'a'), runButton(apply, curator, context, 'b')]);
    expect(contentOf(first)).toMatch(/^Imported: 1 added and 0 changed/);
    expect(contentOf(second)).toBe(stale);
    expect(contentOf(await runButton(apply, curator, context, 'c'))).toBe(stale);
    expect(imports()).toEqual({ n: 1 });
  });

  it("keeps a curator's draft from another curator, and a cancelled one from Apply", async () => {
    const context = setUp();
    const { apply, cancel } = await preview(context);
    expect(contentOf(await runButton(apply, otherCurator, context, 'a'))).toBe(stale);
    expect(contentOf(await runButton(cancel, curator, context, 'b'))).toBe('Import cancelled: nothing was changed.');
    expect(contentOf(await runButton(apply, curator, context, 'c'))).toBe(stale);
    expect(imports()).toEqual({ n: 0 });
  });

  it('forgets a preview after a quarter of an hour', async () => {
    const context = setUp();
    const first = await preview(context);
    const second = await preview(context);
    const justBefore: CommandContext = { ...context, clock: { now: () => new Date(Date.parse(now) + 15 * 60_000 - 1) } };
    expect(contentOf(await runButton(first.apply, curator, justBefore, 'a'))).toMatch(/^Imported:/);
    const expired: CommandContext = { ...context, clock: { now: () => new Date(Date.parse(now) + 15 * 60_000) } };
    expect(contentOf(await runButton(second.cancel, curator, expired, 'b'))).toBe(stale);
  });
});
