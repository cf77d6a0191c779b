// Every command's reply, in every language, stays within Discord's limits (some languages run
// longer than English), long lists included; a Korean fan gets Korean frames and dates around facts
// that keep their names; a Brazilian server's anniversary post and trivia are in Portuguese.
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext, CommandReply } from '../../commands/command.js';
import { charactersWithoutCardFont } from '../../src/cards/card-fonts.js';
import { anniversariesOn } from '../../src/core/anniversary-schedule.js';
import { notableFacts } from '../../src/core/notable-facts.js';
import { cardContent } from '../../src/presentation/milestone-card-message.js';
import { seededRandom, nextQuestion } from '../../src/core/trivia-questions.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import { renderAnniversaryPost } from '../../src/presentation/anniversary-post.js';
import { questionMessage, revealMessage, standingsMessage } from '../../src/presentation/trivia-messages.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';
import { invocation } from '../support/invocations.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { openTestStore, testContext, writeSeedDirectory } from '../support/test-store.js';
import { layoutTexts, withNoteAbove } from '../../src/presentation/card-layout.js';
import { createCardPainter } from '../../src/cards/card-painter.js';
import { resolveArtist } from '../../src/core/resolve-artist.js';
import type { Artist } from '../../src/core/awards-facts.js';
import { cardMessage } from '../../src/presentation/milestone-card-message.js';

const real = openTestStore();
const large = openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
afterAll(() => {
  real.close();
  large.close();
});

const cases: [string, Record<string, string | number>, string | null][] = [
  ['firsts', { artist: 'blackpink' }, null],
  ['awards', { artist: 'stray kids' }, null],
  ['onthisday', { date: '09-12' }, null],
  ['artist', { name: 'TXT' }, null],
  ['ceremony', { name: 'vmas', year: 2023 }, null],
  ['ceremony', { name: 'EMAs', year: 2023 }, null],
  ['anniversaries', {}, 'status'],
  ['anniversaries', { date: '09-12' }, 'preview'],
  ['trivia', {}, 'leaderboard'],
  ['suggest', {}, 'status'],
  ['suggest', { artist: 'nobody', ceremony: 'nothing', date: '2099-01-01', category: 'x', source: 'ftp://x' }, 'win'],
  ['review', {}, 'next'],
  ['language', {}, null],
  ['firsts', { artist: 'nobody at all' }, null],
  ['about', {}, null],
];

async function run(context: CommandContext, locale: string, name: string, options: Record<string, string | number>, subcommand: string | null): Promise<CommandReply> {
  return runSlashCommand({ ...invocation(name, options, subcommand), locale }, context, 'language-check');
}

/** Presses "Next" through every page. */
async function allPages(first: CommandReply, context: CommandContext, locale: string): Promise<CommandReply[]> {
  const pages = [first];
  for (let guard = 0; guard < 100; guard++) {
    const next = pages.at(-1)!.payload.components?.[0]?.components[1];
    if (!next || next.disabled || !('custom_id' in next)) break;
    const reply = await runButton(next.custom_id, { user: { id: '1', name: 'fan' }, guildId: null, channelId: null, locale }, context, 'press');
    if (reply.kind !== 'update') throw new Error('expected a page turn');
    pages.push(reply);
  }
  return pages;
}

describe.each(supportedLocales)('in %s', (locale) => {
  const context = testContext(real, '2026-09-12T12:00:00Z');
  const largeContext = testContext(large, '2026-09-12T12:00:00Z');

  it.each(cases)('/%s %j %s stays within Discord limits', async (name, options, subcommand) => {
    const reply = await run(context, locale, name, options, subcommand);
    expect(discordLimitProblems(reply.payload)).toEqual([]);
    expect(JSON.stringify(reply.payload)).not.toContain('@everyone');
  });

  it('lays out /card and a crowded day\'s post with its card as V2 messages within the limits', () => {
    const translation = translationFor(locale);
    const cards = createCardPainter();
    for (const name of ['Jungkook', 'BLACKPINK']) {
      const found = (resolveArtist(real.store, name) as { artist: Artist }).artist;
      for (const fact of notableFacts(real.store, found).slice(0, 3)) {
        const message = cardMessage(found, fact, cards, translation);
        expect(message.layout?.[0]?.type).toBe(17);
        expect(discordLimitProblems(message)).toEqual([]);
      }
    }
    const post = renderAnniversaryPost(anniversariesOn(large.store, '2026-09-12'), '2026-09-12', translation, { late: true, cards });
    expect(post.files).toHaveLength(1);
    expect(discordLimitProblems(post)).toEqual([]);
    expect(discordLimitProblems(withNoteAbove(post, translation.t('anniversaries.previewNote')))).toEqual([]);
  });

  it('pages through long lists within the limits', async () => {
    // The longest list there is; the English suite pages through the others too.
    for (const [name, options] of [['awards', { artist: 'Mega Group' }], ['onthisday', { date: '09-12' }]] as const) {
      const pages = await allPages(await run(largeContext, locale, name, { ...options }, null), largeContext, locale);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(discordLimitProblems(page.payload)).toEqual([]);
    }
  });

  it("renders the day's anniversary post and a trivia round's messages within the limits", () => {
    const translation = translationFor(locale);
    const entries = anniversariesOn(large.store, '2026-09-12');
    expect(discordLimitProblems(renderAnniversaryPost(entries, '2026-09-12', translation, { late: true }))).toEqual([]);
    const question = nextQuestion(real.store, { artistIds: null }, new Set(), seededRandom(4))!;
    const answers = Array.from({ length: 40 }, (_, i) => ({
      questionId: 1, userId: String(100000000000000000n + BigInt(i)), userName: `fan ${i}`, guildId: 'g', choice: i % 4, correct: i % 4 === question.correct,
      elapsedMs: 1000 + i, points: 100, answeredAt: 0,
    }));
    expect(discordLimitProblems(questionMessage(1, question, 20, 20, 60, translation))).toEqual([]);
    expect(discordLimitProblems(revealMessage(1, question, 20, 20, answers, translation, { kind: 'stopped-by', userId: '1' }))).toEqual([]);
    const standings = answers.slice(0, 10).map((a) => ({ userId: a.userId, userName: a.userName, points: 99999, correct: 20, answers: 20 }));
    expect(discordLimitProblems(standingsMessage(standings, 'finished', translation))).toEqual([]);
  });
});

describe('cards in every language', () => {
  it.each(supportedLocales)('%s: every character a card of the real store draws has a registered font (no boxes)', (locale) => {
    const translation = translationFor(locale);
    const missing: string[] = [];
    for (const name of ['rose', 'straykids', 'jungkook', 'blackpink', 'txt']) {
      const artist = real.store.artistsByNormalizedAlias(name)[0]!;
      for (const fact of notableFacts(real.store, artist).slice(0, 6)) {
        const card = cardContent(fact, translation, 3);
        for (const text of [card.artistName, card.nativeName, card.statement, card.occasion, card.anniversary, card.source]) {
          if (text) missing.push(...charactersWithoutCardFont(text, locale).map((c) => `${c} in "${text}"`));
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('who reads decides the language', () => {
  const context = testContext(real, '2026-09-12T12:00:00Z');

  it('a Korean fan gets Korean frames and dates around facts that keep their names, with Hangul names', async () => {
    const reply = await run(context, 'ko', 'firsts', { artist: 'blackpink' }, null);
    const text = JSON.stringify(reply.payload);
    expect(text).toContain('2023년 9월 12일');
    expect(text).toContain('First K-pop girl group to win Group of the Year');
    expect(text).toContain('블랙핑크');
    expect(text).not.toContain('firsts and milestones');
    const awards = JSON.stringify((await run(context, 'ko', 'awards', { artist: 'skz' }, null)).payload);
    expect(awards).toContain('Best K-Pop');
    expect(awards).toContain('스트레이 키즈');
    const error = await run(context, 'ko', 'firsts', { artist: 'blakpink' }, null);
    expect(error.ephemeral).toBe(true);
    expect(error.payload.content).toContain('BLACKPINK');
    expect(error.payload.content).not.toContain("I don't know");
  });

  it("a server's chosen language is what its channel reads, whatever the admin's own", async () => {
    real.serverSettings.setLanguage('200000000000000001', 'pt-BR', 0);
    const preview = await run(context, 'en-US', 'anniversaries', { date: '09-12' }, 'preview');
    // The admin reads the note in English; the post itself is the server's, in Portuguese.
    const [note, post] = preview.payload.layout!;
    expect(note).toEqual({ type: 10, content: '-# Preview: this is the post the server would get that day.' });
    expect(layoutTexts([post!])[0]).toContain('12 de setembro');
    expect(context.translator.forServer('200000000000000001').locale).toBe('pt-BR');
    real.serverSettings.setLanguage('200000000000000001', null, 0);
    expect(context.translator.forServer('200000000000000001').locale).toBe('en-US');
  });

  it('Thai dates use the Gregorian year, like the award years beside them', () => {
    expect(translationFor('th').date('2023-09-12')).toContain('2023');
    expect(translationFor('th').date('2023-09-12')).not.toContain('2566');
  });

  it('en-GB reads English and es-ES reads the Latin American catalogue', () => {
    expect(translationFor('en-GB').locale).toBe('en-US');
    expect(translationFor('es-ES').locale).toBe('es-419');
    expect(translationFor('fr').locale).toBe('en-US');
  });
});
