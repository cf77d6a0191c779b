// A trivia round that fails on a REST outage, end to end on the local Discord-compatible server: the
// round is recorded as interrupted at once, and once Discord answers again its open question is
// edited to say so, buttons disabled, in the server's language.
import Database from 'better-sqlite3';
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryBodyValid, roundTrip, startHarness, type Harness } from './bot-harness.js';
import { translationFor } from '../../src/presentation/translation.js';
import { INTERRUPTED_NOTICE_RETRIES_MS } from '../../src/trivia/trivia-game.js';
import { TestClock } from '../support/test-clock.js';

/** Real time: the fake Discord's outage ends on the wall clock, whatever the bot's clock says. */
const OUTAGE_MS = 5_000;
const fan = { id: '700000000000000001', username: 'blink' };

describe('a trivia round during a Discord outage', () => {
  let harness: Harness;
  // The round's waits (its countdown, the notice's retries) end when the test moves this clock on.
  const clock = new TestClock(new Date());
  beforeAll(async () => {
    harness = await startHarness({ clock });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  const guild = () => harness.server.guilds[0]!;
  const channelId = () => guild().channels[0]!.id;
  const questionMessages = () =>
    harness.server.messages(channelId()).filter((m) => m.author.id === harness.server.bot.id && (m.components?.length ?? 0) > 0);
  const buttonsOf = (message: APIMessage) => (message.components![0] as { components: { disabled?: boolean; custom_id: string }[] }).components;
  const roundStatus = () => {
    const db = new Database(harness.databasePath, { readonly: true });
    try {
      return (db.prepare('select status from trivia_rounds order by id desc limit 1').get() as { status: string } | undefined)?.status;
    } finally {
      db.close();
    }
  };

  async function until<T>(what: string, found: () => T | undefined | false, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = found();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('marks the round interrupted, then edits its open question once Discord is back', { timeout: 60_000 }, async () => {
    const language = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({
        guildId: guild().id,
        channelId: channelId(),
        commandName: 'language',
        options: { language: 'ko' } as never,
        memberPermissions: PermissionFlagsBits.ManageGuild,
      }),
    );
    expect(language.callback.type).toBe(4);

    await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'trivia', subcommand: 'start', options: { questions: 3, seconds: 30 }, user: fan }),
    );
    const question = await clock.runUntil(() => questionMessages()[0]);
    expect(buttonsOf(question).every((button) => !button.disabled)).toBe(true);

    // Discord stops answering the channel's messages for a while: the countdown's next edit fails.
    const outageEnds = Date.now() + OUTAGE_MS;
    const failing = { status: 502, body: { message: '502: Bad Gateway', code: 0 }, until: outageEnds, path: /^\/channels\/\d+\/messages/ };
    harness.server.overrideRoute({ ...failing, method: 'PATCH' });
    harness.server.overrideRoute({ ...failing, method: 'POST' });

    await clock.runUntil(() => roundStatus() === 'interrupted');
    // Discord has not been told yet: the message keeps its buttons until the edit can go through.
    expect(buttonsOf(harness.server.message(question.id)!).every((button) => !button.disabled)).toBe(true);
    // A click meanwhile counts for nothing: the round is over.
    const click = await roundTrip(
      harness.server,
      harness.server.buttonInteraction({ customId: buttonsOf(question)[0]!.custom_id, message: question, user: fan }),
    );
    expect(click.callback.data).toMatchObject({ flags: 64 });
    expect((click.callback.data as { content: string }).content).not.toContain('🔒');

    // The notice's first try comes while Discord is still down, and fails; the question is not edited.
    const triesFailed = () => harness.logLines.filter((line) => line.includes('could not mark an interrupted round yet')).length;
    clock.advance(INTERRUPTED_NOTICE_RETRIES_MS[0]!);
    await until('the first try to fail', () => triesFailed() === 1, OUTAGE_MS);
    expect(Date.now()).toBeLessThan(outageEnds);
    // Once Discord answers again, the next try edits the question.
    await until('the outage to end', () => Date.now() >= outageEnds, OUTAGE_MS + 1000);
    const interrupted = translationFor('ko').t('triviaOutage.interrupted');
    const edited = await clock.runUntil(() => {
      const message = harness.server.message(question.id)!;
      return message.embeds[0]?.description?.includes(interrupted) ? message : undefined;
    });
    expect(triesFailed()).toBe(1);
    expect(buttonsOf(edited).every((button) => button.disabled === true)).toBe(true);
    expect(edited.embeds[0]!.title).toBe(translationFor('ko').t('trivia.questionOf', { position: '1', total: '3' }));
    // Nothing was posted twice, and no second question or standings came after the failure.
    expect(questionMessages()).toHaveLength(1);
    const posted = harness.server.messages(channelId()).filter((m) => m.author.id === harness.server.bot.id && !m.interaction_metadata);
    expect(posted.map((m) => m.id)).toEqual([question.id]);
  });
});
