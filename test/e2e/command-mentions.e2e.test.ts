import { PermissionFlagsBits } from 'discord.js';
// Replies that tell a fan what to run next name the command as a clickable mention, with the id the
// local Discord-compatible server gave it when the commands were registered; before the bot has read
// the ids, the names stay text.
import { type APIApplicationCommand } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { checkRegisteredCommands } from '../../src/discord/command-registration.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { expectEveryBodyValid, roundTrip, startHarness, TEST_TOKEN, type Harness } from './bot-harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ now: () => new Date('2026-09-12T09:00:00Z') });
});
afterAll(async () => {
  expectEveryBodyValid(harness.server);
  await harness.stop();
});

async function contentOf(commandName: string, subcommand: string | undefined, options: Record<string, string> = {}): Promise<string> {
  // An admin asks: /anniversaries status is for those who may set the posts up.
  const raw = harness.server.chatInputInteraction({ commandName, ...(subcommand ? { subcommand } : {}), options, memberPermissions: PermissionFlagsBits.ManageGuild });
  const { callback } = await roundTrip(harness.server, raw);
  // Where the answer is: the content, or an embed's description.
  const data = callback.data as { content?: string; embeds?: { description?: string }[] };
  return [data.content ?? '', ...(data.embeds ?? []).map((embed) => embed.description ?? '')].join('\n');
}

describe('command mentions', () => {
  it('names commands as text before the registered ids are known', async () => {
    expect(await contentOf('suggest', 'status')).toContain('`/suggest win` or `/suggest milestone`');
    expect(await contentOf('awards', undefined, { artist: 'zzqqxxzzqq' })).toContain('add it with `/suggest win` or `/suggest milestone`.');
  });

  it('mentions them with the ids Discord gave them once the start-up comparison has read them', async () => {
    await deployCommands(readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: harness.server.applicationId, DISCORD_API_URL: harness.server.apiBaseUrl }));
    const registered = (await harness.bot.client.rest.get(`/applications/${harness.server.applicationId}/commands`)) as APIApplicationCommand[];
    const id = (name: string) => registered.find((command) => command.name === name)!.id;
    await checkRegisteredCommands({
      rest: harness.bot.client.rest,
      applicationId: harness.server.applicationId,
      guildId: undefined,
      logger: pino({ level: 'silent' }),
      ids: harness.bot.context.commandIds!,
    });

    const status = await contentOf('suggest', 'status');
    expect(status).toContain(`</suggest win:${id('suggest')}> or </suggest milestone:${id('suggest')}>`);
    expect(status).not.toContain('`/suggest');

    // An act Lightstick does not know yet: the way to add it is a mention of /suggest's subcommands.
    const unknownAct = await contentOf('awards', undefined, { artist: 'zzqqxxzzqq' });
    expect(unknownAct).toContain(`add it with </suggest win:${id('suggest')}> or </suggest milestone:${id('suggest')}>.`);

    const leaderboard = await contentOf('trivia', 'leaderboard');
    expect(leaderboard).toContain(`</trivia start:${id('trivia')}>`);

    // A command written with an option is an example to type: it stays as it is.
    const notSetUp = await contentOf('anniversaries', 'status');
    expect(notSetUp).toContain('`/anniversaries setup channel:#your-channel`');
  });
});
