// Registers the slash commands with Discord: on one server when DISCORD_GUILD_ID is set (updates
// show at once), globally otherwise. `global: true` registers them globally even with
// DISCORD_GUILD_ID set, and clears that server's own copies so they do not show twice (the move
// from trying it out on one server to every server). Run on demand, never at start-up.
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.js';
import { ConfigError, type Config } from '../config.js';
import { DEFAULT_DISCORD_API_URL } from './create-client.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
  /** The server whose copies were cleared, when moving to global. */
  clearedGuildId?: string;
}

export async function deployCommands(config: Config, options: { global?: boolean } = {}): Promise<DeployResult> {
  if (!config.discordToken || !config.discordClientId) {
    throw new ConfigError(
      'Deploying commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example).',
    );
  }
  const rest = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(config.discordToken);
  const body = commands.map((command) => command.definition);
  const guildId = config.discordGuildId;
  if (guildId && !options.global) {
    const registered = (await rest.put(Routes.applicationGuildCommands(config.discordClientId, guildId), { body })) as unknown[];
    return { scope: 'guild', count: registered.length };
  }
  const registered = (await rest.put(Routes.applicationCommands(config.discordClientId), { body })) as unknown[];
  if (!guildId) return { scope: 'global', count: registered.length };
  await rest.put(Routes.applicationGuildCommands(config.discordClientId, guildId), { body: [] });
  return { scope: 'global', count: registered.length, clearedGuildId: guildId };
}
