// What Discord has registered compared with the commands this version defines: at start-up the bot
// logs a warning naming the differences, so a forgotten `npm run deploy-commands` shows at once.
import { Routes, type APIApplicationCommand, type REST } from 'discord.js';
import type { Logger } from 'pino';
import { commands } from '../../commands/index.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Discord fills in defaults and adds ids and versions: compare only what a definition says.
const OPTION_FIELDS = ['type', 'name', 'description', 'required', 'choices', 'autocomplete', 'min_value', 'max_value', 'min_length', 'max_length', 'channel_types', 'options'] as const;
const OPTION_DEFAULTS: Record<string, Json> = { required: false, autocomplete: false };

function normalizedOption(option: Record<string, unknown>): Json {
  const result: Record<string, Json> = {};
  for (const field of OPTION_FIELDS) {
    const value = option[field] ?? OPTION_DEFAULTS[field];
    if (value === undefined || value === null) continue;
    result[field] = field === 'options' ? (value as Record<string, unknown>[]).map(normalizedOption) : (value as Json);
  }
  return result;
}

export function normalizedCommand(command: Record<string, unknown>): Json {
  return {
    name: command.name as string,
    description: (command.description as string | undefined) ?? '',
    options: ((command.options as Record<string, unknown>[] | undefined) ?? []).map(normalizedOption),
    contexts: [...((command.contexts as number[] | null | undefined) ?? [])].sort(),
    // Where it may be installed: a server (0) and a person's account (1). Discord answers [0] for a
    // command registered without it.
    integration_types: [...((command.integration_types as number[] | null | undefined) ?? [0])].sort(),
    default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
  };
}

export interface CommandDifferences {
  /** Defined here, registered nowhere. */
  missing: string[];
  /** Registered, no longer defined here. */
  extra: string[];
  /** Registered with other options, descriptions, contexts, installation types or permissions. */
  changed: string[];
  /** Registered both globally and on the server: Discord shows them twice there. */
  duplicated: string[];
}

export function compareCommands(
  own: readonly Record<string, unknown>[],
  registered: { global: readonly Record<string, unknown>[]; guild: readonly Record<string, unknown>[] },
): CommandDifferences {
  const byName = new Map<string, Record<string, unknown>>();
  for (const command of [...registered.global, ...registered.guild]) byName.set(command.name as string, command);
  const ownNames = new Set(own.map((command) => command.name as string));
  const globalNames = new Set(registered.global.map((command) => command.name as string));
  return {
    missing: own.map((command) => command.name as string).filter((name) => !byName.has(name)),
    extra: [...byName.keys()].filter((name) => !ownNames.has(name)),
    changed: own
      .filter((command) => {
        const other = byName.get(command.name as string);
        return other !== undefined && JSON.stringify(normalizedCommand(other)) !== JSON.stringify(normalizedCommand(command));
      })
      .map((command) => command.name as string),
    duplicated: registered.guild.map((command) => command.name as string).filter((name) => globalNames.has(name)),
  };
}

export function describeDifferences(differences: CommandDifferences): string | null {
  const parts = [
    differences.missing.length > 0 && `not registered: ${differences.missing.map((n) => `/${n}`).join(', ')}`,
    differences.changed.length > 0 && `registered with different options or text: ${differences.changed.map((n) => `/${n}`).join(', ')}`,
    differences.extra.length > 0 && `registered but no longer defined: ${differences.extra.map((n) => `/${n}`).join(', ')}`,
    differences.duplicated.length > 0 && `registered both globally and on the server (shown twice): ${differences.duplicated.map((n) => `/${n}`).join(', ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * Logs a warning naming the differences (or a debug line when there are none); never throws. With
 * `ids`, fills it with the id of each registered command by name (a server's own copy over the global
 * one), for the command mentions in replies.
 */
export async function checkRegisteredCommands(options: {
  rest: REST;
  applicationId: string;
  guildId: string | undefined;
  logger: Logger;
  ids?: Map<string, string>;
}): Promise<CommandDifferences | null> {
  const { rest, applicationId, guildId, logger } = options;
  try {
    const global = (await rest.get(Routes.applicationCommands(applicationId))) as APIApplicationCommand[];
    const guild = guildId ? ((await rest.get(Routes.applicationGuildCommands(applicationId, guildId))) as APIApplicationCommand[]) : [];
    if (options.ids) {
      options.ids.clear();
      for (const command of [...global, ...guild]) options.ids.set(command.name, command.id);
    }
    const own = commands.map((command) => command.definition as unknown as Record<string, unknown>);
    const differences = compareCommands(own, { global: global as unknown as Record<string, unknown>[], guild: guild as unknown as Record<string, unknown>[] });
    const described = describeDifferences(differences);
    if (described) logger.warn({ ...differences }, `registered slash commands differ from this version's: ${described}. Run npm run deploy-commands.`);
    else logger.debug('registered slash commands match');
    return differences;
  } catch (error) {
    logger.warn({ err: error }, 'could not compare the registered slash commands');
    return null;
  }
}
