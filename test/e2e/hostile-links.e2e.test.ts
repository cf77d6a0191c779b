// A source link cannot be used to smuggle a second link, a mention or markup in front of fans, end
// to end through the local Discord-compatible server: the reproduction of a masked link hidden in
// a /suggest source is refused with the reason (in the fan's language), and so is the same address
// in an import file; an odd but valid address, approved or imported, renders as one link to its page.
import { ApplicationCommandOptionType, Locale, type APIMessage, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
type Reply = { content?: string; flags?: number; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id: string; label: string }[] }[] };

const HOSTILE = 'https://example.org/a>)**[OFFICIAL](https://evil.example/phish)**';
const ODD_BUT_VALID = 'https://en.wikipedia.org/wiki/Stray_Kids_(band)?ref=**x**';
const ODD_BUT_VALID_LINK = '(<https://en.wikipedia.org/wiki/Stray_Kids_%28band%29?ref=%2A%2Ax%2A%2A>)';

/** The target of every masked link in a reply's text. */
function linkTargets(reply: Reply): string[] {
  const texts = [reply.content ?? '', ...(reply.embeds ?? []).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])];
  // An escaped bracket (\]) ends no link text.
  return texts.flatMap((text) => [...text.matchAll(/(?<!\\)\]\(<?([^)>\s]*)>?\)/g)].map((match) => match[1]!));
}

describe('links that try to be more than a link', () => {
  let harness: Harness;
  let fan: APIUser;
  beforeAll(async () => {
    harness = await startHarness({ now: () => new Date('2026-11-21T12:00:00Z') });
    fan = harness.server.user({ username: 'hostile_fan' });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  async function run(commandName: string, options: Record<string, string | number>, subcommand?: string, user: APIUser = fan, locale?: Locale) {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName, options, ...(subcommand ? { subcommand } : {}), user, ...(locale ? { locale } : {}) }),
    );
    return callback.data as Reply;
  }
  const owner = () => harness.server.applicationOwner;
  const lastMessage = (): APIMessage => harness.server.messages(harness.server.channel().id).at(-1)!;
  async function press(customId: string, user: APIUser) {
    const { callback } = await roundTrip(harness.server, harness.server.buttonInteraction({ customId, message: lastMessage(), user }));
    return callback;
  }
  /** The answer of a deferred interaction: its edit of @original (/import and its Apply defer at once). */
  async function deferredAnswer(token: string) {
    const path = `/webhooks/${harness.server.applicationId}/${token}/messages/@original`;
    return (await harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === path, 15_000)).body as Reply;
  }
  async function importFile(name: string, content: string) {
    const attachment = harness.server.userAttachment(name, Buffer.from(content));
    const sent = harness.server.sendInteraction(
      harness.server.chatInputInteraction({
        commandName: 'import',
        options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        resolved: { attachments: { [attachment.id]: attachment } },
        user: owner(),
      }),
    );
    await sent.callback(3000);
    return deferredAnswer(sent.token);
  }
  async function applyImport(customId: string) {
    const pressed = harness.server.sendInteraction(harness.server.buttonInteraction({ customId, message: lastMessage(), user: owner() }));
    await pressed.callback(3000);
    return deferredAnswer(pressed.token);
  }

  const win = { artist: 'skz', ceremony: 'Music Bank', date: '2023-06-09', category: '1st Place', work: 'S-Class', source_published: '2023-06-10', new_ceremony: 'music_show' };
  const csvHeader = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published';

  it('refuses /suggest win with a masked link hidden in its source, naming the characters, and keeps nothing', async () => {
    const refused = await run('suggest', { ...win, source: HOSTILE }, 'win');
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toContain('holds characters a web address never has (“\\>” “\\[” “\\]”)');
    expect(linkTargets(refused)).toEqual([]);
    const status = await run('suggest', {}, 'status');
    expect(JSON.stringify(status)).not.toContain('#1');
  });

  it("says what was wrong in the fan's own language", async () => {
    const refused = await run('suggest', { ...win, source: HOSTILE }, 'win', fan, Locale.Korean);
    expect(refused.content).toContain('웹 주소에 들어갈 수 없는 문자가 있어요');
    const credentials = await run('suggest', { ...win, source: 'https://example.org@evil.example/phish' }, 'win', fan, Locale.Japanese);
    expect(credentials.content).toContain('ユーザー名やパスワード');
  });

  it('approves an odd but valid address and shows it everywhere as one link to the page', async () => {
    const ack = await run('suggest', { ...win, source: ODD_BUT_VALID }, 'win');
    expect(ack.content).toContain('is waiting for a curator');
    const card = await run('review', {}, 'next', owner());
    expect(linkTargets(card)).toEqual([ODD_BUT_VALID_LINK.slice(2, -2)]);
    const approved = await press(card.components![0]!.components[0]!.custom_id, owner());
    expect((approved.data as Reply).content).toContain('is approved and live');

    for (const reply of [await run('awards', { artist: 'Stray Kids' }), await run('onthisday', { date: '06-09' })]) {
      expect(JSON.stringify(reply)).toContain(ODD_BUT_VALID_LINK.replace(/"/g, '\\"'));
      expect(linkTargets(reply).filter((target) => target.includes('wikipedia'))).toEqual([ODD_BUT_VALID_LINK.slice(2, -2)]);
      expect(JSON.stringify(reply)).not.toContain('evil');
    }
  });

  it('refuses the hidden masked link in a CSV row and in a JSON import file, saying why', async () => {
    const csv = await importFile('wins.csv', `${csvHeader}\nTXT,Music Bank,2023-06-23,1st Place,won,,${HOSTILE},TXT win,Example News,2023-06-24\n`);
    expect(csv.content).toContain('source_url');
    expect(csv.content).toContain('holds characters a web address never has');
    expect(csv.components ?? []).toEqual([]);

    const json = await importFile(
      'facts.json',
      JSON.stringify({ sources: [{ id: 'web-1', publishedOn: '2023-06-24', headline: 'TXT win', outlet: 'Example News', url: HOSTILE, readOn: '2023-06-25' }] }),
    );
    expect(json.content).toContain('sources[0]');
    expect(json.content).toContain('holds characters a web address never has (“\\>” “\\[” “\\]”)');
  });

  it('imports an odd but valid address with a title that tries markup: one link, the title as typed', async () => {
    const title = '"Official](https://evil.example/phish) @everyone <t:0:R> ||spoiler||"';
    const preview = await importFile('odd.csv', `${csvHeader}\nTXT,Music Bank,2023-06-23,1st Place,won,,${ODD_BUT_VALID}#txt,${title},Example News,2023-06-24\n`);
    const applied = await applyImport(preview.components![0]!.components[0]!.custom_id);
    expect(applied.content).toContain('Imported: 1 added');
    const awards = await run('awards', { artist: 'TXT' });
    const links = linkTargets(awards);
    expect(links).toEqual(['https://en.wikipedia.org/wiki/Stray_Kids_%28band%29?ref=%2A%2Ax%2A%2A#txt']);
    const text = JSON.stringify(awards);
    expect(text).toContain('Official)(https\\\\://evil.example/phish) \\\\@everyone \\\\<t:0:R\\\\> \\\\|\\\\|spoiler\\\\|\\\\|');
  });
});
