// The store grows from Discord, end to end through the local Discord-compatible server: a fan
// suggests a missing win with its link; a fan who is not a curator is refused /review; the
// application's owner approves it, and the fact is live at once in /awards and /onthisday with its
// link; a rejection with a reason reaches the suggester; the waiting cap; a duplicate; and /import
// of a CSV attachment, previewed privately and applied with its button; a 5,000-row /import is
// deferred at once and fans' commands are answered while it is checked.
import { ApplicationCommandOptionType, type APIMessage, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
type Reply = { content?: string; flags?: number; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id: string; label: string }[] }[] };

describe('growing the store from Discord', () => {
  let harness: Harness;
  let fan: APIUser;
  let eager: APIUser;
  beforeAll(async () => {
    harness = await startHarness({ now: () => new Date('2026-11-21T12:00:00Z') });
    // The same people throughout, as Discord users with fixed ids.
    fan = harness.server.user({ username: 'bias_wrecker' });
    eager = harness.server.user({ username: 'eager_fan' });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  async function run(commandName: string, options: Record<string, string | number>, subcommand: string | undefined, user: APIUser = fan) {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName, options, ...(subcommand ? { subcommand } : {}), user }),
    );
    return callback.data as Reply;
  }

  const owner = () => harness.server.applicationOwner;
  const lastMessage = (): APIMessage => harness.server.messages(harness.server.channel().id).at(-1)!;

  async function press(customId: string, user: APIUser) {
    const { callback } = await roundTrip(harness.server, harness.server.buttonInteraction({ customId, message: lastMessage(), user }));
    return callback;
  }

  /** The answer of a deferred interaction: its edit of @original. */
  async function deferredAnswer(token: string, timeoutMs = 15_000) {
    const path = `/webhooks/${harness.server.applicationId}/${token}/messages/@original`;
    const request = await harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === path, timeoutMs);
    return { reply: request.body as Reply, at: request.at };
  }

  function sendImport(fileName: string, bytes: Buffer) {
    const attachment = harness.server.userAttachment(fileName, bytes);
    return harness.server.sendInteraction(
      harness.server.chatInputInteraction({
        commandName: 'import',
        options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        resolved: { attachments: { [attachment.id]: attachment } },
        user: owner(),
      }),
    );
  }

  const musicBankWin = {
    artist: 'skz',
    ceremony: 'Music Bank',
    date: '2023-06-09',
    category: '1st Place',
    work: 'S-Class',
    source: 'https://news.example.com/skz-music-bank',
    source_published: '2023-06-10',
    new_ceremony: 'music_show',
  };

  it('takes a fan suggestion privately, with its number, and shows nothing to other fans yet', async () => {
    const ack = await run('suggest', musicBankWin, 'win');
    expect(ack.flags).toBe(EPHEMERAL);
    expect(ack.content).toContain('Your suggestion **#1** is waiting for a curator');
    expect(ack.content).toContain('New music show: Music Bank');
    const awards = await run('awards', { artist: 'Stray Kids' }, undefined);
    expect(JSON.stringify(awards)).not.toContain('Music Bank');
  });

  it('answers a bad link, a future date and a typo clearly, and keeps nothing', async () => {
    const bad = await run('suggest', { ...musicBankWin, source: 'not a link', date: '2027-01-01', artist: 'Stray Kidz' }, 'win');
    expect(bad.flags).toBe(EPHEMERAL);
    expect(bad.content).toContain("isn't a web address");
    expect(bad.content).toContain('Stray Kids');
    const status = await run('suggest', {}, 'status');
    expect(JSON.stringify(status)).toContain('#1');
    expect(JSON.stringify(status)).not.toContain('#2');
  });

  it('says so when the same win is already waiting', async () => {
    const again = await run('suggest', { ...musicBankWin, new_ceremony: 'music_show' }, 'win', harness.server.user({ username: 'another_fan' }));
    expect(again.content).toContain('already waiting for review as suggestion **#1**');
  });

  it('refuses /review to a fan who is not a curator, and changes nothing', async () => {
    const refused = await run('review', {}, 'next');
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.content).toContain("Only Lightstick's curators can do that");
  });

  it("lets the application's owner approve it: the win is live at once, with its link", async () => {
    const card = await run('review', {}, 'next', owner());
    expect(card.flags).toBe(EPHEMERAL);
    expect(card.embeds![0]!.title).toBe('Suggestion #1');
    expect(JSON.stringify(card.embeds![0]!.fields)).toContain('https://news.example.com/skz-music-bank');
    expect(card.components![0]!.components.map((b) => b.label)).toEqual(['Approve', 'Reject', 'Skip']);

    const approved = await press(card.components![0]!.components[0]!.custom_id, owner());
    expect(approved.type).toBe(7);
    expect((approved.data as Reply).content).toContain('Suggestion #1 is approved and live');

    const awards = await run('awards', { artist: 'Stray Kids' }, undefined);
    const text = JSON.stringify(awards);
    expect(text).toContain('2023 Music Bank');
    expect(text).toContain('· on June 9');
    expect(text).toContain('https://news.example.com/skz-music-bank');
    const onThisDay = await run('onthisday', { date: '06-09' }, undefined);
    expect(JSON.stringify(onThisDay)).toContain('Stray Kids won 1st Place with');
    expect(JSON.stringify(onThisDay)).toContain('https://news.example.com/skz-music-bank');
  });

  it('rejects with a reason given in a form, and the suggester sees it', async () => {
    await run('suggest', { artist: 'BLACKPINK', statement: 'First girl group to headline a stadium tour in this made-up claim', date: '2024', source: 'https://example.com/claim' }, 'milestone');
    const card = await run('review', {}, 'next', owner());
    const rejectId = card.components![0]!.components[1]!.custom_id;
    const form = await press(rejectId, owner());
    expect(form.type).toBe(9);
    const { callback } = await roundTrip(
      harness.server,
      harness.server.modalSubmitInteraction({ customId: rejectId, fields: { reason: 'The article does not say this.' }, user: owner() }),
    );
    expect(JSON.stringify(callback.data)).toContain('was rejected');
    const status = await run('suggest', {}, 'status');
    expect(JSON.stringify(status)).toContain('The article does not say this.');
  });

  it('keeps at most five suggestions of one fan waiting', async () => {
    for (let day = 1; day <= 5; day++) {
      const ack = await run('suggest', { ...musicBankWin, date: `2023-07-0${day}` }, 'win', eager);
      expect(ack.content).toContain('is waiting for a curator');
    }
    const sixth = await run('suggest', { ...musicBankWin, date: '2023-07-08' }, 'win', eager);
    expect(sixth.content).toContain('5 suggestions waiting for review');
  });

  it('imports a CSV attached to /import: a private dry run, then Apply', async () => {
    const csv = [
      'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published',
      'TXT,Music Bank,2023-06-23,1st Place,won,,https://news.example.com/txt,TXT win on Music Bank,Example News,2023-06-24',
    ].join('\r\n');
    const sent = sendImport('wins.csv', Buffer.from(`\uFEFF${csv}`));
    // Deferred at once and privately: a file may take longer to check than Discord waits.
    expect(await sent.callback(3000)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const dryRun = (await deferredAnswer(sent.token)).reply;
    expect(JSON.stringify(dryRun.embeds)).toContain('TOMORROW X TOGETHER');
    expect(JSON.stringify(await run('awards', { artist: 'TXT' }, undefined))).not.toContain('· on June 23');
    const pressed = harness.server.sendInteraction(
      harness.server.buttonInteraction({ customId: dryRun.components![0]!.components[0]!.custom_id, message: lastMessage(), user: owner() }),
    );
    expect((await pressed.callback(3000)).type).toBe(6);
    expect((await deferredAnswer(pressed.token)).reply.content).toContain('Imported: 1 added');
    expect(JSON.stringify(await run('awards', { artist: 'TXT' }, undefined))).toContain('2023 Music Bank');
    expect(JSON.stringify(await run('awards', { artist: 'TXT' }, undefined))).toContain('· on June 23');
  });

  it("defers a 5,000-row /import at once and answers it, while fans' /firsts meanwhile are answered promptly", async () => {
    const rows = ['artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published'];
    for (let i = 0; i < 5000; i++) rows.push(`SKZ,VMA,1995,${i.toString(36)}uv,won,,http://e.co,T,P,2024-01-01`);
    const sent = sendImport('five-thousand.csv', Buffer.from(rows.join('\n')));
    const deferral = await sent.callback(3000);
    expect(deferral).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });

    // A fan asks every 100 ms while the file is checked; each answer's delay is measured from its send.
    let done = false;
    const answer = deferredAnswer(sent.token, 60_000).finally(() => (done = true));
    const asked: Promise<{ sentAt: number; answeredAt: number; reply: Reply }>[] = [];
    while (!done) {
      const sentAt = Date.now();
      const firsts = harness.server.sendInteraction(harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'Stray Kids' }, user: fan }));
      asked.push(firsts.callback(3000).then((callback) => ({ sentAt, answeredAt: Date.now(), reply: callback.data as Reply })));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { reply, at } = await answer;
    expect(reply.embeds![0]!.title).toContain('five-thousand.csv');
    expect(JSON.stringify(reply.embeds![0]!.fields)).toContain('5,000');
    const answers = await Promise.all(asked);
    // Some were asked while the file was being checked, and none waited for it.
    expect(answers.filter((a) => a.answeredAt < at).length).toBeGreaterThan(0);
    for (const a of answers) {
      expect(JSON.stringify(a.reply.embeds)).toContain('Stray Kids');
      expect(a.answeredAt - a.sentAt).toBeLessThan(1500);
    }
  }, 90_000);

  it('lets a curator find a contributed fact by artist and withdraw it: gone from replies, kept in the history', async () => {
    const found = await run('review', { artist: 'TXT' }, 'find', owner());
    expect(found.flags).toBe(EPHEMERAL);
    const listing = found.embeds![0]!.description!;
    expect(listing).toContain('(imported)');
    const id = /\*\*win (\d+)\*\*/.exec(listing)![1]!;
    const withdrawn = await run('review', { type: 'win', id: Number(id), reason: 'The article was corrected.' }, 'withdraw', owner());
    expect(withdrawn.content).toContain(`Fact ${id} is withdrawn`);
    expect(JSON.stringify(await run('awards', { artist: 'TXT' }, undefined))).not.toContain('· on June 23');
    const again = await run('review', { type: 'win', id: Number(id), reason: 'twice' }, 'withdraw', owner());
    expect(again.content).toContain('already withdrawn');
    const seedFact = await run('review', { artist: 'BLACKPINK' }, 'find', owner());
    expect(seedFact.content).toContain('reviewed seed files');
  });

  it('refuses /import to a fan who is not a curator', async () => {
    const attachment = harness.server.userAttachment('x.csv', Buffer.from('artist\n'));
    const sent = harness.server.sendInteraction(
      harness.server.chatInputInteraction({
        commandName: 'import',
        options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        resolved: { attachments: { [attachment.id]: attachment } },
        user: fan,
      }),
    );
    expect(await sent.callback(3000)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect((await deferredAnswer(sent.token)).reply.content).toContain("Only Lightstick's curators can do that");
  });
});
