// Hostile and careless input end to end through the local Discord-compatible server: a member
// whose permissions are 0 cannot run the admin commands however Discord's default permission was
// set, a forged DM is refused where a server is needed, an option far past its max_length is
// answered plainly (and never reaches a search), and a new artist whose name looks like a stored
// one is flagged on the curator's review card and in an import's plan.
import { ApplicationCommandOptionType, Locale, PermissionFlagsBits, type APIMessage, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
type Reply = { content?: string; flags?: number; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[]; components?: { components: { custom_id: string; label: string }[] }[] };

describe('hostile and careless input', () => {
  let harness: Harness;
  let fan: APIUser;
  beforeAll(async () => {
    harness = await startHarness({ now: () => new Date('2026-11-21T12:00:00Z') });
    fan = harness.server.user({ username: 'careless_fan' });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  async function run(
    commandName: string,
    options: Record<string, unknown>,
    place: { subcommand?: string; user?: APIUser; guildId?: string | null; memberPermissions?: bigint; locale?: Locale } = {},
  ): Promise<Reply> {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName, options: options as never, user: place.user ?? fan, ...place }),
    );
    return callback.data as Reply;
  }
  const owner = () => harness.server.applicationOwner;
  const lastMessage = (): APIMessage => harness.server.messages(harness.server.channel().id).at(-1)!;

  describe('a member whose permissions are 0', () => {
    const channelOption = () => ({ type: ApplicationCommandOptionType.Channel, value: harness.server.channel().id });

    it.each([
      ['setup', () => ({ channel: channelOption() })],
      ['off', () => ({})],
      ['follow', () => ({ artist: 'Stray Kids' })],
      ['status', () => ({})],
      ['preview', () => ({})],
    ])('is refused /anniversaries %s plainly, and nothing changes', async (subcommand, options) => {
      const refused = await run('anniversaries', options(), { subcommand, memberPermissions: 0n });
      expect(refused).toMatchObject({ flags: EPHEMERAL, content: 'Only members with the Manage Server permission can do that.' });
    });

    it('is refused /language, in their own language, and the server keeps its language', async () => {
      const refused = await run('language', { language: 'ko' }, { memberPermissions: 0n, locale: Locale.Japanese });
      expect(refused.content).toBe('これは「サーバー管理」権限を持つメンバーだけが行えます。');
      const current = await run('language', {}, { memberPermissions: PermissionFlagsBits.ManageGuild });
      expect(current.content).not.toContain('한국어');
    });

    it('while an admin (Manage Server, or Administrator) is answered', async () => {
      const status = await run('anniversaries', {}, { subcommand: 'status', memberPermissions: PermissionFlagsBits.ManageGuild });
      expect(status.content).toContain('not set up here');
      const language = await run('language', {}, { memberPermissions: PermissionFlagsBits.Administrator });
      expect(language.content).not.toContain('Manage Server');
    });
  });

  describe('a forged DM', () => {
    it('is refused /suggest and /trivia start plainly, and nothing is kept', async () => {
      const win = { artist: 'skz', ceremony: 'Music Bank', date: '2023-06-09', category: '1st Place', source: 'https://example.org/a' };
      const suggested = await run('suggest', win, { subcommand: 'win', guildId: null });
      expect(suggested.content).toBe("This works only in a server's channel, not in DMs.");
      const trivia = await run('trivia', {}, { subcommand: 'start', guildId: null, locale: Locale.Korean });
      expect(trivia.content).toBe('DM에서는 쓸 수 없고, 서버 채널에서만 쓸 수 있어요.');
      const status = await run('suggest', {}, { subcommand: 'status' });
      expect(JSON.stringify(status)).not.toContain('#1');
    });
  });

  describe('an option far past its max_length', () => {
    const huge = 'a'.repeat(100_000);

    it.each([
      ['firsts', { artist: huge }, undefined, 'artist', 100],
      ['awards', { artist: 'Stray Kids', ceremony: `%${huge}` }, undefined, 'ceremony', 100],
      ['suggest', { artist: huge, ceremony: 'Music Bank', date: '2023-06-09', category: '1st Place', source: 'https://example.org/a' }, 'win', 'artist', 100],
      ['suggest', { artist: 'skz', statement: huge, date: '2023-06-09', source: 'https://example.org/a' }, 'milestone', 'statement', 300],
      ['review', { artist: huge }, 'find', 'artist', 100],
    ])('/%s is answered with the bound, not an apology', async (commandName, options, subcommand, option, max) => {
      const reply = await run(commandName, options, { ...(subcommand ? { subcommand } : {}), user: owner() });
      expect(reply).toMatchObject({ flags: EPHEMERAL, content: `\`${option}\` is too long: it can hold at most ${max} characters.` });
    });

    it('offers no choices in autocomplete rather than failing', async () => {
      const { callback } = await roundTrip(harness.server, harness.server.autocompleteInteraction({ commandName: 'firsts', focused: { name: 'artist', value: huge } }));
      expect(callback).toMatchObject({ type: 8, data: { choices: [] } });
    });
  });

  describe('a new artist that looks like a stored one', () => {
    it("is flagged on the curator's review card", async () => {
      const ack = await run(
        'suggest',
        { artist: 'Str\u0430y Kids', new_artist: 'group', ceremony: 'Music Bank', new_ceremony: 'music_show', date: '2023-06-09', category: '1st Place', work: 'S-Class\u200b', source: 'https://example.org/lookalike' },
        { subcommand: 'win' },
      );
      expect(ack.content, ack.content).toContain('is waiting for a curator');
      const card = await run('review', {}, { subcommand: 'next', user: owner() });
      const text = JSON.stringify(card);
      expect(text).toContain('Looks like **Stray Kids**, already in Lightstick');
      // The zero-width space typed in the title is not stored.
      expect(text).not.toContain('\\u200b');
      expect(text).toContain('S-Class');
      // Rejected, so that no lookalike goes live.
      const rejected = await run('review', { suggestion: 1, reason: 'lookalike of Stray Kids' }, { subcommand: 'reject', user: owner() });
      expect(rejected.content).toContain('#1');
      void lastMessage;
    });

    it("is flagged in an import's plan", async () => {
      const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,artist_kind,ceremony_kind';
      const row = '\u0405tray Kids,Music Bank,2023-06-23,1st Place,won,,https://example.org/twice,TWICE win,Example News,2023-06-24,group,music_show';
      const attachment = harness.server.userAttachment('lookalike.csv', Buffer.from(`${header}\n${row}\n`));
      const sent = harness.server.sendInteraction(
        harness.server.chatInputInteraction({
          commandName: 'import',
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
          resolved: { attachments: { [attachment.id]: attachment } },
          user: owner(),
        }),
      );
      await sent.callback(3000);
      const path = `/webhooks/${harness.server.applicationId}/${sent.token}/messages/@original`;
      const plan = (await harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === path, 15_000)).body as Reply;
      expect(plan.embeds, JSON.stringify(plan)).toBeDefined();
      const newArtists = plan.embeds![0]!.fields!.find((field) => field.name.startsWith('New artists'))!;
      expect(newArtists.value).toContain('Looks like **Stray Kids**, already in Lightstick');
    });
  });

  describe('an import file that cannot be had', () => {
    async function importAttachment(attachment: ReturnType<Harness['server']['userAttachment']>, locale?: Locale) {
      const sent = harness.server.sendInteraction(
        harness.server.chatInputInteraction({
          commandName: 'import',
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
          resolved: { attachments: { [attachment.id]: attachment } },
          user: owner(),
          ...(locale ? { locale } : {}),
        }),
      );
      await sent.callback(3000);
      const path = `/webhooks/${harness.server.applicationId}/${sent.token}/messages/@original`;
      return (await harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === path, 15_000)).body as Reply;
    }

    it('over the size cap, though the attachment said it was small, is answered with the cap', async () => {
      const attachment = harness.server.userAttachment('big.csv', Buffer.alloc(2560 * 1024, 'a'));
      const answer = await importAttachment({ ...attachment, size: 1000 });
      expect(answer.content).toContain('That file is larger than');
      expect(answer.components ?? []).toEqual([]);
    });

    it('that Discord no longer serves is answered plainly, in the curator\'s language', async () => {
      const attachment = harness.server.userAttachment('gone.csv', Buffer.from('artist\n'));
      const answer = await importAttachment({ ...attachment, url: attachment.url.replace('gone.csv', 'missing.csv') }, Locale.SpanishLATAM);
      expect(answer.content).toBe('No pude descargar ese archivo de Discord. Vuelve a adjuntarlo, por favor.');
    });
  });

  describe('a large import', () => {
    it("is applied in turns: a fan's /firsts sent during Apply is answered before Apply finishes", async () => {
      const header = 'artist,ceremony,date,category,result,work,source_url,source_title,source_publisher,source_published,ceremony_kind';
      const rows = Array.from({ length: 3000 }, (_, index) => `Stray Kids,Big Show,${2000 + Math.floor(index / 300)}-01-01,Prize ${index},won,,https://news.example.com/${index},Win ${index},Example News,2024-01-01,award_show`);
      const attachment = harness.server.userAttachment('large.csv', Buffer.from([header, ...rows].join('\n')));
      const sent = harness.server.sendInteraction(
        harness.server.chatInputInteraction({
          commandName: 'import',
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
          resolved: { attachments: { [attachment.id]: attachment } },
          user: owner(),
        }),
      );
      await sent.callback(3000);
      const previewPath = `/webhooks/${harness.server.applicationId}/${sent.token}/messages/@original`;
      const preview = (await harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === previewPath, 60_000)).body as Reply;
      const apply = preview.components![0]!.components[0]!.custom_id;
      expect(apply).toMatch(/^import:apply:/);

      const previewMessage = harness.server.messages(harness.server.channel().id).at(-1)!;
      const pressed = harness.server.sendInteraction(harness.server.buttonInteraction({ customId: apply, message: previewMessage, user: owner() }));
      await pressed.callback(3000);
      const appliedPath = `/webhooks/${harness.server.applicationId}/${pressed.token}/messages/@original`;
      const applied = harness.server.waitForRequest((r) => r.method === 'PATCH' && r.path === appliedPath, 120_000);
      let appliedAt = 0;
      void applied.then(() => (appliedAt = Date.now()));
      // A fan asks while the curator's file is checked again and written.
      const firsts = harness.server.sendInteraction(harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'Rosé' }, user: fan }));
      const answer = await firsts.callback(3000);
      const answeredAt = Date.now();
      expect(answer.type).toBe(4);
      const done = (await applied).body as Reply;
      expect(done.content).toContain('Imported: 3000 added');
      expect(appliedAt === 0 || answeredAt <= appliedAt).toBe(true);
      const awards = await run('awards', { artist: 'Stray Kids', ceremony: 'Big Show' });
      expect(JSON.stringify(awards)).toContain('Prize');
    }, 180_000);
  });
});
