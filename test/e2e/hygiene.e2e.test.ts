// Discord hygiene: moving the commands to global, the start-up comparison of registered commands,
// server-only commands, old buttons, an autocomplete without a focused option, typed masked links.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { readConfig } from '../../src/config.js';
import { checkRegisteredCommands, compareCommands, describeDifferences } from '../../src/discord/command-registration.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { expectEveryBodyValid, roundTrip, startHarness, TEST_TOKEN, type Harness } from './bot-harness.js';

const EPHEMERAL = 64;
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  expectEveryBodyValid(harness.server);
  await harness.stop();
});

function config(guild: boolean) {
  return readConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: harness.server.applicationId,
    DISCORD_API_URL: harness.server.apiBaseUrl,
    ...(guild ? { DISCORD_GUILD_ID: harness.server.guild().id } : {}),
  });
}

async function compare(guildId: string | undefined) {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const differences = await checkRegisteredCommands({ rest: harness.bot.client.rest, applicationId: harness.server.applicationId, guildId, logger });
  return { differences, lines };
}

describe('registering commands', () => {
  it('moves from one server to global, clearing the server copies, and the start-up comparison sees each step', async () => {
    const guildId = harness.server.guild().id;
    const names = commands.map((command) => command.definition.name);

    const before = await compare(guildId);
    expect(before.differences?.missing).toEqual(names);
    expect(before.lines.join('')).toContain('registered slash commands differ from this version');

    expect(await deployCommands(config(true))).toEqual({ scope: 'guild', count: names.length });
    const onServer = await compare(guildId);
    expect(onServer.differences).toEqual({ missing: [], extra: [], changed: [], duplicated: [] });
    expect(onServer.lines.join('')).toContain('registered slash commands match');

    expect(await deployCommands(config(true), { global: true })).toEqual({ scope: 'global', count: names.length, clearedGuildId: guildId });
    const guildCopies = await harness.bot.client.rest.get(`/applications/${harness.server.applicationId}/guilds/${guildId}/commands`);
    expect(guildCopies).toEqual([]);
    expect((await compare(guildId)).differences).toEqual({ missing: [], extra: [], changed: [], duplicated: [] });
  });

  it('names what differs: a changed description, a command no longer defined, copies shown twice', () => {
    const own = commands.map((command) => command.definition as unknown as Record<string, unknown>);
    const registered: Record<string, unknown>[] = own.map((command) => ({ ...command, id: '1', version: '1', type: 1 }));
    registered[0] = { ...registered[0]!, description: 'an older description' };
    const differences = compareCommands(own, {
      global: [...registered, { name: 'ping', description: 'Pong', id: '2' }],
      guild: [registered[1]!],
    });
    expect(differences).toEqual({ missing: [], extra: ['ping'], changed: ['firsts'], duplicated: ['awards'] });
    expect(describeDifferences(differences)).toBe(
      'registered with different options or text: /firsts; registered but no longer defined: /ping; registered both globally and on the server (shown twice): /awards',
    );
  });

  it('/anniversaries and /trivia are for servers only; the fact commands work in DMs and private channels too', () => {
    const contexts = Object.fromEntries(commands.map((command) => [command.definition.name, command.definition.contexts ?? null]));
    const installs = Object.fromEntries(commands.map((command) => [command.definition.name, command.definition.integration_types ?? null]));
    expect(contexts.anniversaries).toEqual([0]);
    expect(contexts.trivia).toEqual([0]);
    expect(installs.anniversaries).toEqual([0]);
    expect(contexts.firsts).toEqual([0, 1, 2]);
    expect(installs.firsts).toEqual([0, 1]);
  });
});

describe('requests the bot no longer knows', () => {
  it('an old button answers privately that it no longer works, logged at debug only', async () => {
    const answer = await roundTrip(harness.server, harness.server.chatInputInteraction({ commandName: 'artist', options: { name: 'lisa' } }));
    expect(answer.callback.type).toBe(4);
    const message = harness.server.messages(harness.server.channel().id).at(-1)!;
    for (const customId of ['firsts:sparkle:12:0', 'retired-command:page:1', 'awards']) {
      const pressed = await roundTrip(harness.server, harness.server.buttonInteraction({ customId, message }));
      expect(pressed.callback).toMatchObject({ type: 4, data: { content: 'That button no longer works. Run the command again for a fresh answer.', flags: EPHEMERAL } });
    }
    const logged = harness.logLines.join('');
    expect(logged).not.toContain('"msg":"command failed"');
  });

  it('an autocomplete without a focused option gets an empty answer', async () => {
    const raw = harness.server.autocompleteInteraction({ commandName: 'firsts', focused: { name: 'artist', value: 'bla' } });
    for (const option of (raw.data as { options: { focused?: boolean }[] }).options) delete option.focused;
    const { callback } = await roundTrip(harness.server, raw);
    expect(callback).toMatchObject({ type: 8, data: { choices: [] } });
  });
});

describe('what a fan types is shown as typed', () => {
  it('a masked link in an echoed name is escaped', async () => {
    const { callback } = await roundTrip(
      harness.server,
      harness.server.chatInputInteraction({ commandName: 'artist', options: { name: '[free lightsticks](https://example.invalid/claim)' } }),
    );
    const content = (callback.data as { content: string }).content;
    expect(content).toContain('\\[free lightsticks\\](https\\://example.invalid/claim)');
    expect(content).not.toMatch(/(^|[^\\])\[free lightsticks\]\(/);
  });
});
