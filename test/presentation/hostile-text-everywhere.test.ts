// A property test: random hostile strings stored as names, titles, statements, source titles,
// publishers and addresses, rendered by every reply that shows stored text (/firsts, /awards,
// /onthisday, /artist, /ceremony, /card, the anniversary post, the review card, the import plan),
// must never let a mention, a timestamp, a command mention, custom emoji, a masked link to
// another host, or a heading, quote or list at a line's start through unescaped. The strings go
// in through an import (which cleans what it stores) and are then written raw into the store, as
// older rows or a hand-edited database could hold them, so the renderers are tested on their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContributionLookups } from '../../db/queries/contribution-store.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import { applyImportPlan } from '../../src/import/apply-import.js';
import { planImport } from '../../src/import/plan-import.js';
import type { OpenedStore } from '../../src/open-store.js';
import { importPlanMessage } from '../../src/presentation/contribution-messages.js';
import { translationFor } from '../../src/presentation/translation.js';
import { invocation } from '../support/invocations.js';
import { openTestStore, testContext } from '../support/test-store.js';

const pieces = [
  '@everyone', '@here', '<@&123>', '<@!45>', '<@6>', '<#6>', '<t:0:R>', '</trivia start:1>', '<:kpop:7>', '<a:kpop:8>', '||', '[', ']', '(', ')', '](',
  '[OFFICIAL](https://evil.example/phish)', '**', '__', '~~', '`', '```', '\\', '\n', '\r\n', '\u2028', '# ', '## ', '-# ', '> ', '>>> ', '1. ', '- ', '* ',
  'https://evil.example/', '<', '>', ':', '"', '*', '_', '~', '|', '\u202e', '\u2066', '\u200b', '\u0000', 'Stray', ' ', 'a', '한', 'ไทย', '#', '@', '!',
];
// A fixed seed: the same strings every run, so that a failure can be replayed.
let seed = 0x5eed;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const hostile = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');

type Payload = Record<string, unknown>;

/**
 * Every piece of text a person sees in a payload, wherever it sits: the content, embeds (title,
 * description, author, fields), and any component's content, label or description however deeply
 * nested (action rows, Components V2 containers, sections, text displays). Footers are left out:
 * Discord renders neither markdown nor mentions there.
 */
export function visibleTexts(payload: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown, key: string | null) => {
    if (typeof node === 'string') {
      if (key && ['content', 'title', 'description', 'name', 'value', 'label', 'placeholder'].includes(key)) texts.push(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
      return;
    }
    if (node && typeof node === 'object') {
      for (const [childKey, child] of Object.entries(node)) if (childKey !== 'footer' && childKey !== 'custom_id' && childKey !== 'url') walk(child, childKey);
    }
  };
  walk(payload, null);
  return texts;
}

/** The text as Discord reads it: each backslash-escaped character is inert, so it is taken out. */
const withoutEscapes = (text: string) => text.replace(/\\[^\p{L}\p{N}\s]/gu, '·');
const LIVE_INLINE = /@everyone|@here|<@|<#|<t:|<\/|<a?:|\]\(<?https?:\/\/evil/;
const LIVE_LINE_START = /^\s*(#{1,3} |-# |> |>>> )/;
const PREVIEW_NOTE = `-# ${translationFor('en-US').t('anniversaries.previewNote')}`;

function liveMarkup(payload: unknown): string[] {
  return visibleTexts(payload).flatMap((text) => {
    // The review card names its suggester with a mention on purpose (it pings no one): the test's fans are "fanN".
    const inert = withoutEscapes(text).replace(/<@fan\d+>/g, 'the fan');
    const found: string[] = [];
    const inline = LIVE_INLINE.exec(inert);
    if (inline) found.push(`${JSON.stringify(inline[0])} in ${JSON.stringify(text.slice(0, 200))}`);
    // The preview's own note above the post is small text on purpose: it holds no stored text.
    // A V2 message's own markup is not stored text: a text display's heading on its first line, the
    // numbered source lines (their titles are escaped) and the preview's note.
    const ownMarkup = (line: string, index: number) => (index === 0 && /^## /.test(line)) || /^-# \[\d+\] /.test(line) || line.trim() === PREVIEW_NOTE;
    for (const [index, line] of inert.split('\n').entries()) if (LIVE_LINE_START.test(line) && !ownMarkup(line, index)) found.push(`a line start ${JSON.stringify(line.slice(0, 60))}`);
    return found;
  });
}

const ACTS = 12;
const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,artist_kind,ceremony_kind';
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

describe('hostile stored text, rendered by every reply', () => {
  let opened: OpenedStore;
  const names: string[] = [];
  let planMessage: unknown;

  beforeAll(() => {
    opened = openTestStore();
    const lines = [header];
    for (let act = 0; act < ACTS; act++) {
      names.push(`Hostile${act}`);
      const url = `https://news.example.org/${act}/${encodeURIComponent(hostile())}`;
      lines.push(
        [`Hostile${act}`, 'Hostile Show', `2023-06-${String(act + 1).padStart(2, '0')}`, `Cat${act} ${hostile()}`, 'won', `Work${act} ${hostile()}`, url, `Title ${hostile()}`, `Pub ${hostile()}`, '2023-07-01', 'group', 'music_show']
          .map(quoted)
          .join(','),
      );
    }
    const planning = planImport({ store: opened.store, lookups: createContributionLookups(opened.db) }, { bytes: Buffer.from(lines.join('\n')), fileName: `${hostile()}.csv`, by: 'curator', now: new Date('2026-11-21T12:00:00Z') });
    if (!planning.ok) throw new Error(JSON.stringify(planning.problems.slice(0, 3)));
    planMessage = importPlanMessage(planning.plan, translationFor('en-US'), { apply: 'import:apply:x', cancel: 'import:cancel:x' });
    applyImportPlan(opened.db, opened.store, planning.plan, new Date('2026-11-21T12:00:00Z'));
    // Raw, as an older row could hold it: line breaks and invisible characters included.
    const client = opened.db.$client;
    client.prepare("update ceremonies set name = ?, short_name = ? where slug = 'hostile-show'").run(`Hostile Show ${hostile()}`, `Hostile Show\n# ${hostile()}`);
    for (const table of ['categories', 'artists']) {
      for (const row of client.prepare(`select rowid as id, name from ${table} where name like 'Cat%' or name like 'Hostile%'`).all() as { id: number; name: string }[]) {
        client.prepare(`update ${table} set name = ? where rowid = ?`).run(`${row.name}\n${hostile()}`, row.id);
      }
    }
    for (const row of client.prepare("select rowid as id, title from works where title like 'Work%'").all() as { id: number; title: string }[]) {
      client.prepare('update works set title = ? where rowid = ?').run(`${row.title}\n# ${hostile()}`, row.id);
    }
    for (const row of client.prepare("select rowid as id from sources where url like 'https://news.example.org/%'").all() as { id: number }[]) {
      client.prepare('update sources set headline = ?, outlet = ? where rowid = ?').run(`${hostile()}\n# ${hostile()}`, `${hostile()}`, row.id);
    }
    opened.store.invalidate();
  });
  afterAll(() => opened.close());

  it('never shows live markup in an import plan', () => {
    expect(liveMarkup(planMessage)).toEqual([]);
  });

  it('never shows live markup in /firsts, /awards, /artist, /card, /ceremony, /onthisday and the anniversary preview', async () => {
    const context = testContext(opened);
    const problems: string[] = [];
    const shown = new Set<string>();
    const check = async (what: string, reply: Promise<{ payload: unknown }>) => {
      const { payload } = await reply;
      // Which stored texts each reply really showed, so that the test cannot pass on refusals alone.
      for (const text of visibleTexts(payload)) for (const word of ['Work', 'Cat', 'Title', 'Pub', 'Hostile Show']) if (text.includes(word)) shown.add(`${what.split(' ')[0]} ${word}`);
      const found = liveMarkup(payload);
      if (found.length > 0) problems.push(`${what}: ${found[0]}`);
    };
    for (let act = 0; act < ACTS; act++) {
      const name = opened.store.artistById((opened.store.artistsByNormalizedAlias(`hostile${act}`)[0] ?? { id: -1 }).id)?.name ?? names[act]!;
      for (const [command, options] of [
        ['firsts', { artist: name }],
        ['awards', { artist: name }],
        ['artist', { name }],
        ['card', { artist: name }],
      ] as const) {
        await check(`/${command} ${act}`, runSlashCommand(invocation(command, options), context, 'property'));
      }
      const day = `06-${String(act + 1).padStart(2, '0')}`;
      await check(`/onthisday ${day}`, runSlashCommand(invocation('onthisday', { date: day }), context, 'property'));
      await check(`/anniversaries preview ${day}`, runSlashCommand({ ...invocation('anniversaries', { date: day }, 'preview'), guildId: null }, context, 'property'));
    }
    await check('/ceremony', runSlashCommand(invocation('ceremony', { name: 'hostile show', year: 2023 }), context, 'property'));
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...shown].sort()).toEqual(expect.arrayContaining(['/awards Work', '/awards Cat', '/awards Hostile Show', '/ceremony Work', '/onthisday Work', '/anniversaries Work', '/artist Hostile Show']));
  });

  it('never shows live markup on the review card of a hostile milestone suggestion, nor once it is approved', async () => {
    const curator = { singlePlayer: false, forms: false, isCurator: (id: string) => id === 'curator' };
    const context = testContext(opened, '2026-11-21T12:00:00Z', curator);
    const problems: string[] = [];
    for (let round = 0; round < 4; round++) {
      const fan = { ...invocation('suggest', { artist: 'Hostile1', statement: `First ${hostile()} ${hostile()}`, date: '2023-06-02', source: 'https://example.org/m' + round }, 'milestone'), user: { id: `fan${round}`, name: hostile() } };
      await runSlashCommand(fan, context, 'suggest');
      const card = await runSlashCommand({ ...invocation('review', {}, 'next'), user: { id: 'curator', name: 'curator' } }, context, 'review');
      problems.push(...liveMarkup(card.payload).map((p) => `review card: ${p}`));
      const approve = (card.payload as { components?: { components: { custom_id: string }[] }[] }).components?.[0]?.components[0]?.custom_id;
      if (approve) {
        const press = { user: { id: 'curator', name: 'curator' }, guildId: '200000000000000001', channelId: '300000000000000001', locale: 'en-US' };
        const pressed = await runButton(approve, press, context, "approve");
        problems.push(...liveMarkup("payload" in pressed ? pressed.payload : {}).map((p) => `approval: ${p}`));
      }
    }
    const firsts = await runSlashCommand(invocation('firsts', { artist: 'Hostile1' }), context, 'firsts');
    problems.push(...liveMarkup(firsts.payload).map((p) => `/firsts after approval: ${p}`));
    expect(JSON.stringify(firsts.payload)).toContain('First');
    expect(problems.slice(0, 5)).toEqual([]);
  });
});
