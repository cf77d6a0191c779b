// Registers the slash commands with Discord: on one server when DISCORD_GUILD_ID is set (updates
// show at once), globally otherwise. Run on demand, never at start-up.
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.js';
import { ConfigError, type Config } from '../config.js';
import { DEFAULT_DISCORD_API_URL } from './create-client.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
}

export async function deployCommands(config: Config): Promise<DeployResult> {
  if (!config.discordToken || !config.discordClientId) {
    throw new ConfigError(
      'Deploying commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example).',
    );
  }
  const rest = new REST({ api: config.discordApiUrl ?? DEFAULT_DISCORD_API_URL }).setToken(config.discordToken);
  const body = commands.map((command) => command.definition);
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: config.discordGuildId ? 'guild' : 'global', count: registered.length };
}
