// Every reply that names commands, and the longest lists, in every language, with each name turned
// into a mention as long as Discord makes them (19-digit ids): within every limit of Discord's,
// including the 6000 characters all the embeds of one message share.
import { ApplicationCommandOptionType, type APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext, CommandReply } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { runButton, runSlashCommand } from '../../src/command-router.js';
import { layoutTexts, v2Limits } from '../../src/presentation/card-layout.js';
import { payloadWithCommandMentions, type CommandIndex } from '../../src/presentation/command-mentions.js';
import { discordLimits, embedCharacters } from '../../src/presentation/discord-limits.js';
import type { MessagePayload } from '../../src/presentation/message-payload.js';
import { supportedLocales } from '../../src/presentation/translation.js';
import { discordLimitProblems } from '../support/discord-limits.js';
import { invocation } from '../support/invocations.js';
import { largeSeedFiles } from '../support/large-seed.js';
import { minimalSeedFiles, openTestStore, testContext, writeSeedDirectory } from '../support/test-store.js';

// The registered commands as the interaction adapter reads them, each with an id of Discord's longest.
const index: CommandIndex = {
  ids: new Map(commands.map((command, position) => [command.definition.name, String(1000000000000000000n + BigInt(position))])),
  subcommandsOf: (name) =>
    (commands.find((command) => command.definition.name === name)?.definition.options ?? [])
      .filter((option) => option.type === ApplicationCommandOptionType.Subcommand)
      .map((option) => option.name),
};

const real = openTestStore();
const large = openTestStore({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
const small = openTestStore({ seedDirectory: writeSeedDirectory(minimalSeedFiles()) });
afterAll(() => {
  real.close();
  large.close();
  small.close();
});

type Case = [store: 'real' | 'large' | 'small', command: string, options: Record<string, string | number>, subcommand: string | null];

// Replies whose text tells a fan what to run next, and the ones with the most text.
const cases: Case[] = [
  ['real', 'firsts', { artist: 'blakpink' }, null],
  ['real', 'firsts', { artist: 'zzqqxxzzqq' }, null],
  ['real', 'awards', { artist: 'zzqqxxzzqq' }, null],
  ['real', 'artist', { name: 'twicee' }, null],
  ['real', 'ceremony', { name: 'inkigayoo show', year: 2020 }, null],
  ['small', 'awards', { artist: 'Group A' }, null],
  ['small', 'artist', { name: 'Group A' }, null],
  ['small', 'card', { artist: 'Group A' }, null],
  ['real', 'about', {}, null],
  ['real', 'suggest', {}, 'status'],
  ['real', 'review', {}, 'next'],
  ['real', 'trivia', {}, 'leaderboard'],
  ['real', 'daily', {}, 'streak'],
  ['real', 'anniversaries', {}, 'status'],
  ['large', 'anniversaries', { date: '09-12' }, 'preview'],
  ['real', 'artist', { name: 'TXT' }, null],
  ['real', 'firsts', { artist: 'blackpink' }, null],
  ['real', 'ceremony', { name: 'vmas', year: 2023 }, null],
];

/** Every problem Discord would refuse the payload for, the embeds' shared total included. */
function problems(payload: MessagePayload): string[] {
  const shared = (payload.embeds ?? []).reduce((sum, embed) => sum + embedCharacters(embed), 0);
  return [...discordLimitProblems(payload), ...(shared > discordLimits.embedTotal ? [`${shared} characters across the embeds`] : [])];
}

/**
 * The payload grown to its limits with filler before its own text: content to 2000, the embeds'
 * descriptions to their 4096 or until the embeds reach 6000 together, the first text display until
 * the text displays reach 4000. A mention can then only fit where the code makes room for it.
 */
function atItsLimits(payload: MessagePayload): MessagePayload {
  const fill = (text: string, length: number) => `${'x'.repeat(Math.max(0, length - text.length))}${text}`;
  let sharedLeft = discordLimits.embedTotal - (payload.embeds ?? []).reduce((sum, embed) => sum + embedCharacters(embed), 0);
  const embeds = payload.embeds?.map((embed) => {
    const description = embed.description ?? '';
    const grown = fill(description, Math.min(discordLimits.embedDescription, description.length + sharedLeft));
    sharedLeft -= grown.length - description.length;
    return { ...embed, description: grown };
  });
  const layoutText = payload.layout ? layoutTexts(payload.layout).reduce((sum, text) => sum + text.length, 0) : 0;
  let grownOne = false;
  const grow = (components: APIMessageTopLevelComponent[]): APIMessageTopLevelComponent[] =>
    components.map((component) => {
      if (component.type === 10 && !grownOne) {
        grownOne = true;
        return { ...component, content: fill(component.content, component.content.length + v2Limits.textTotal - layoutText) };
      }
      if (component.type === 17) return { ...component, components: grow(component.components) as typeof component.components };
      return component;
    });
  return {
    ...payload,
    ...(payload.content !== undefined ? { content: fill(payload.content, discordLimits.content) } : {}),
    ...(embeds ? { embeds } : {}),
    ...(payload.layout ? { layout: grow(payload.layout) } : {}),
  };
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

describe.each(supportedLocales)('replies with mentions filled in, in %s', (locale) => {
  const contexts = {
    real: testContext(real, '2026-09-12T12:00:00Z'),
    large: testContext(large, '2026-09-12T12:00:00Z'),
    small: testContext(small, '2026-09-12T12:00:00Z'),
  };
  const run = (store: Case[0], name: string, options: Record<string, string | number>, subcommand: string | null) =>
    runSlashCommand({ ...invocation(name, options, subcommand), locale }, contexts[store], 'mentions-check');

  it('stay within every limit, with the names they can mention as mentions', async () => {
    let mentioned = 0;
    for (const [store, name, options, subcommand] of cases) {
      const reply = await run(store, name, options, subcommand);
      const filled = payloadWithCommandMentions(reply.payload, index);
      expect(problems(filled), `/${name} ${subcommand ?? ''} ${JSON.stringify(options)}`).toEqual([]);
      if (JSON.stringify(filled).includes(':1000000000000000')) mentioned += 1;
    }
    // Most of these replies name a command; far from all of them may have kept it as text.
    expect(mentioned).toBeGreaterThanOrEqual(10);
  });

  it('stay within every limit when the reply is already at its limits, keeping the names as text', async () => {
    for (const [store, name, options, subcommand] of cases) {
      const full = atItsLimits((await run(store, name, options, subcommand)).payload);
      expect(problems(full), `/${name} as grown for the test`).toEqual([]);
      expect(problems(payloadWithCommandMentions(full, index)), `/${name} ${subcommand ?? ''} ${JSON.stringify(options)}`).toEqual([]);
    }
  });

  it('stay within every limit page after page of the longest lists', async () => {
    for (const [name, options] of [['awards', { artist: 'Mega Group' }], ['onthisday', { date: '09-12' }]] as const) {
      const pages = await allPages(await run('large', name, { ...options }, null), contexts.large, locale);
      for (const page of pages) expect(problems(payloadWithCommandMentions(page.payload, index))).toEqual([]);
    }
  });

  it('tell a fan who cannot add it themselves to suggest a fact through a subcommand that becomes a mention', async () => {
    const reply = await run('real', 'review', {}, 'next');
    const suggest = index.ids.get('suggest');
    expect(payloadWithCommandMentions(reply.payload, index).content).toContain(`</suggest win:${suggest}>`);
  });
});
