// Every command end to end: the real discord.js client, logged in to the Discord-compatible server
// on 127.0.0.1 through DISCORD_API_URL, answering interactions sent over its gateway.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstsCommand } from '../../commands/firsts.js';
import { readConfig } from '../../src/config.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { apologyText } from '../../src/command-router.js';
import { translationFor } from '../../src/presentation/translation.js';

const APOLOGY = apologyText(translationFor('en-US'));
import { largeSeedFiles } from '../support/large-seed.js';
import { writeSeedDirectory } from '../support/test-store.js';
import { expectEveryBodyValid, roundTrip, startHarness, TEST_TOKEN, type Harness } from './bot-harness.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const EPHEMERAL = 64;

describe('Lightstick on the local Discord-compatible server', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ now: () => new Date('2026-09-12T12:00:00Z') });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  it('logs in with the Guilds intent only and sees its server', () => {
    const identify = harness.server.gatewayFrames.find((frame) => frame.direction === 'received' && frame.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe(1);
    expect(harness.bot.client.guilds.cache.size).toBe(1);
  });

  it.each([
    ['firsts', { artist: 'blackpink' }, 'BLACKPINK: firsts and milestones'],
    ['awards', { artist: 'skz', result: 'won' }, 'Stray Kids: awards'],
    ['onthisday', {}, 'On this day: September 12'],
    ['artist', { name: '정국' }, 'Jungkook'],
    ['ceremony', { name: 'VMAs', year: 2025 }, '2025 MTV VMAs: results'],
  ] as const)('/%s %j is answered with its embed within 3 seconds', async (commandName, options, title) => {
    const { callback, elapsedMs } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName, options: { ...options } }),
    );
    expect(elapsedMs).toBeLessThan(3000);
    expect(callback.type).toBe(4);
    const data = callback.data as { embeds: { title: string; footer?: { text: string } }[]; allowed_mentions: unknown; flags?: number };
    expect(data.embeds[0]!.title).toBe(title);
    expect(data.flags ?? 0).toBe(0);
    // Nothing the bot says can ping anyone.
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('autocompletes artist names, matching aliases, with at most 25 choices', async () => {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.autocompleteInteraction({ commandName: 'firsts', focused: { name: 'artist', value: 'skz' } }),
    );
    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({ name: 'Stray Kids (SKZ)', value: 'Stray Kids' });
    const empty = await roundTrip(
      harness.server,
      harness.server.autocompleteInteraction({ commandName: 'awards', focused: { name: 'artist', value: '' } }),
    );
    expect((empty.callback.data as { choices: unknown[] }).choices.length).toBe(25);
  });

  it('answers an unknown artist privately with suggestions', async () => {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'blakpink' } }),
    );
    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({ content: expect.stringContaining('Did you mean **BLACKPINK**?'), flags: EPHEMERAL });
  });

  it('answers a handler that throws with a private apology and logs the interaction id', async () => {
    const store = harness.bot.context.store;
    const original = store.milestonesOfEach;
    store.milestonesOfEach = () => {
      throw new Error('simulated failure');
    };
    try {
      const { sent, callback } = await roundTrip(
        harness.server,
        harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'BTS' } }),
      );
      expect(callback.data).toEqual(expect.objectContaining({ content: APOLOGY, flags: EPHEMERAL }));
      const logged = harness.logLines.find((line) => line.includes('simulated failure'));
      expect(logged).toContain(`"interactionId":"${sent.id}"`);
    } finally {
      store.milestonesOfEach = original;
    }
  });

  it('defers work that takes longer than a second, then edits the reply', async () => {
    const original = firstsCommand.execute;
    firstsCommand.execute = async (invocation, context) => {
      await new Promise((resolve) => setTimeout(resolve, 1300));
      return original(invocation, context);
    };
    try {
      const { sent, callback, elapsedMs } = await roundTrip(
        harness.server,
        harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'TXT' } }),
      );
      expect(callback.type).toBe(5);
      expect(elapsedMs).toBeLessThan(3000);
      const edit = await harness.server.waitForRequest(
        (request) => request.method === 'PATCH' && request.path.endsWith(`/${sent.token}/messages/@original`),
        3000,
      );
      expect((edit.body as { embeds: { title: string }[] }).embeds[0]!.title).toBe('TOMORROW X TOGETHER: firsts and milestones');
    } finally {
      firstsCommand.execute = original;
    }
  });

  it('answers a slow request that ends in a user error privately, after the deferral', async () => {
    const original = firstsCommand.execute;
    firstsCommand.execute = async (invocation, context) => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      return original(invocation, context);
    };
    try {
      const { sent, callback } = await roundTrip(
        harness.server,
        harness.server.chatInputInteraction({ commandName: 'firsts', options: { artist: 'nobody at all here' } }),
      );
      expect(callback.type).toBe(5);
      const followUp = await harness.server.waitForRequest(
        (request) => request.method === 'POST' && request.path.endsWith(`/${sent.token}`),
        3000,
      );
      expect(followUp.body).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining("is not in Lightstick's records yet") });
    } finally {
      firstsCommand.execute = original;
    }
  });

  it('registers the commands on a server and globally', async () => {
    const base = {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: harness.server.applicationId,
      DISCORD_API_URL: harness.server.apiBaseUrl,
    };
    const guildId = harness.server.guild().id;
    expect(await deployCommands(readConfig({ ...base, DISCORD_GUILD_ID: guildId }))).toEqual({ scope: 'guild', count: 15 });
    const put = await harness.server.waitForRequest(
      (request) => request.method === 'PUT' && request.path === `/applications/${harness.server.applicationId}/guilds/${guildId}/commands`,
    );
    const registered = put.body as { name: string; description: string; description_localizations?: Record<string, string> }[];
    expect(registered.map((c) => c.name)).toEqual(['firsts', 'awards', 'onthisday', 'artist', 'card', 'ceremony', 'anniversaries', 'bias', 'trivia', 'daily', 'language', 'suggest', 'review', 'import', 'about']);
    // Every command is described in all ten languages (es-ES read from the Latin American catalogue).
    for (const command of registered) {
      expect(Object.keys(command.description_localizations ?? {}).sort()).toEqual(
        ['es-419', 'es-ES', 'id', 'ja', 'ko', 'pt-BR', 'th', 'vi', 'zh-CN', 'zh-TW'],
      );
    }
    expect(await deployCommands(readConfig(base))).toEqual({ scope: 'global', count: 15 });
  });

  it('`npm run deploy-commands` registers them through the script', async () => {
    // Asynchronous: the test server runs in this process and must keep answering meanwhile.
    const result = await promisify(execFile)('npm', ['run', '--silent', 'deploy-commands'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: harness.server.applicationId,
        DISCORD_GUILD_ID: harness.server.guild().id,
        DISCORD_API_URL: harness.server.apiBaseUrl,
      },
      encoding: 'utf8',
    });
    expect(result.stdout).toBe(`Registered 15 commands on server ${harness.server.guild().id} (visible at once).\n`);
  });
});

describe('paging buttons end to end', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ seedDirectory: writeSeedDirectory(largeSeedFiles()) });
  });
  afterAll(async () => {
    expectEveryBodyValid(harness.server);
    await harness.stop();
  });

  it('turns the page of a long answer in place', async () => {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'awards', options: { artist: 'Mega Group' } }),
    );
    const data = callback.data as { embeds: { footer: { text: string } }[]; components: { components: { custom_id: string }[] }[] };
    expect(data.embeds[0]!.footer.text).toMatch(/^Page 1 of \d+/);
    const channelId = harness.server.channel().id;
    const reply = harness.server.messages(channelId).at(-1)!;
    const next = data.components[0]!.components[1]!.custom_id;

    const pressed = await roundTrip(harness.server, harness.server.buttonInteraction({ customId: next, message: reply }));
    expect(pressed.callback.type).toBe(7);
    expect((pressed.callback.data as { embeds: { footer: { text: string } }[] }).embeds[0]!.footer.text).toMatch(/^Page 2 of \d+/);
    expect(pressed.elapsedMs).toBeLessThan(3000);
  });
});
