// Who reads decides the language, end to end on the local Discord-compatible server: a fan whose
// Discord is in Korean gets Korean replies, buttons and errors; a Brazilian server that chose
// Portuguese gets its anniversary post and its trivia round in Portuguese, whatever its admin reads.
import { Locale, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';
import { TestClock } from '../support/test-clock.js';

describe('languages end to end', () => {
  let harness: Harness;
  // The bot's time, moved on by the test: to the anniversary's day, and through the round's start.
  const clock = new TestClock('2026-09-11T20:00:00Z');
  beforeAll(async () => {
    harness = await startHarness({
      clock,
      anniversaryTickMs: 25,
      guilds: [{ name: 'Fã-clube', channels: [{ name: 'geral' }, { name: 'aniversarios' }] }],
    });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  const guild = () => harness.server.guilds[0]!;

  async function run(commandName: string, options: Record<string, unknown>, extra: { subcommand?: string; locale?: Locale; admin?: boolean } = {}) {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({
        guildId: guild().id,
        channelId: guild().channels[0]!.id,
        commandName,
        options: options as never,
        ...(extra.subcommand ? { subcommand: extra.subcommand } : {}),
        ...(extra.locale ? { locale: extra.locale } : {}),
        ...(extra.admin ? { memberPermissions: PermissionFlagsBits.ManageGuild } : {}),
      }),
    );
    return callback.data as { content?: string; embeds?: { title: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[]; components?: { components: { label: string }[] }[] };
  }

  it('answers a Korean fan in Korean: titles, dates, buttons and errors, facts keeping their names', async () => {
    const firsts = await run('firsts', { artist: 'blackpink' }, { locale: Locale.Korean });
    const text = JSON.stringify(firsts);
    expect(text).toContain('2023년 9월 12일');
    expect(text).toContain('블랙핑크');
    expect(text).toContain('First K-pop girl group to win Group of the Year');
    const error = await run('firsts', { artist: 'blakpink' }, { locale: Locale.Korean });
    expect(error.content).toContain('BLACKPINK');
    expect(error.content).not.toMatch(/I don't know/);
  });

  it("posts a server's anniversaries in the language the server chose, not its admin's", async () => {
    const set = await run('language', { language: 'pt-BR' }, { admin: true, locale: Locale.EnglishUS });
    expect(set.content).toContain('Português do Brasil');
    const channel = guild().channels[1]!;
    const setup = await run('anniversaries', { channel: { type: 7, value: channel.id }, time: '09:00', timezone: 'Asia/Seoul' }, { subcommand: 'setup', admin: true, locale: Locale.EnglishUS });
    // The admin reads the confirmation in English.
    expect(setup.content).toContain('Anniversary posts are on');
    clock.advanceTo('2026-09-12T00:00:10Z');
    const post = await harness.server.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`, 3000);
    const body = post.body as { components: { components: { type: number; content?: string }[] }[] };
    const texts = body.components[0]!.components.flatMap((component) => (component.type === 10 ? [component.content!] : []));
    expect(texts[0]).toBe('## 🎂 Neste dia no K-pop: 12 de setembro');
    expect(texts.join('\n')).toContain('2023 MTV VMAs');
  });

  it("plays the server's trivia round in Portuguese", async () => {
    const started = await run('trivia', { questions: 1, seconds: 10 }, { subcommand: 'start', locale: Locale.EnglishUS });
    expect(started.content).toMatch(/Quiz|quiz/);
    const question: APIMessage = await clock.runUntil(() =>
      harness.server.messages(guild().channels[0]!.id).find((m) => (m.components?.length ?? 0) > 0 && m.author.id === harness.server.bot.id),
    );
    expect(question.embeds[0]?.title).toBe('Pergunta 1 de 1');
  });
});
