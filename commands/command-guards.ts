// Checks a handler makes itself, whatever Discord let through: a command's default member
// permission is only a default (a server can change it, and a forged interaction ignores it), a
// command meant for servers can arrive without one, and an option's max_length is Discord's
// check, not a promise.
import { ApplicationCommandOptionType, PermissionFlagsBits, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Translation } from '../src/presentation/translation.js';
import { UserError, type CommandContext, type CommandInvocation } from './command.js';

/**
 * Refuses a member without Manage Server (or Administrator). `memberPermissions` is null only
 * where there are no members (the console, whose person runs the bot); on Discord a server's
 * interaction carries the member's permissions, and one without them counts as none.
 */
export function requireManageServer(invocation: CommandInvocation, translation: Translation): void {
  const permissions = invocation.memberPermissions;
  if (permissions === null) return;
  if ((permissions & (PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator)) === 0n) {
    throw new UserError(translation.t('input.needsManageServer'));
  }
}

/** Refuses an interaction from Discord without a server (a DM, or a forged one); the console has none and plays alone. */
export function requireServer(invocation: CommandInvocation, context: CommandContext, translation: Translation): void {
  if (!invocation.guildId && !context.capabilities.singlePlayer) throw new UserError(translation.t('input.needsServer'));
}

type StringOption = Extract<APIApplicationCommandOption, { type: ApplicationCommandOptionType.String }>;

/** The string options a subcommand (or the command itself) takes, by name. */
function stringOptionsOf(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, subcommand: string | null): Map<string, StringOption> {
  let options = definition.options ?? [];
  if (subcommand !== null) {
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
        const found = option.options?.find((sub) => sub.name === subcommand);
        if (found) options = found.options ?? [];
      } else if (option.type === ApplicationCommandOptionType.Subcommand && option.name === subcommand) {
        options = option.options ?? [];
      }
    }
  }
  return new Map(options.flatMap((option) => (option.type === ApplicationCommandOptionType.String ? [[option.name, option] as const] : [])));
}

/** The most characters a string option may hold: its max_length, else its longest choice. */
export function maxLengthOf(option: StringOption): number | undefined {
  if (option.max_length !== undefined) return option.max_length;
  const choices = 'choices' in option ? option.choices : undefined;
  return choices?.length ? Math.max(...choices.map((choice) => choice.value.length)) : undefined;
}

/** The first string option longer than its definition allows, with its bound; null when all fit. */
export function overlongOption(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  invocation: Pick<CommandInvocation, 'subcommand' | 'options'>,
): { name: string; max: number } | null {
  const options = stringOptionsOf(definition, invocation.subcommand);
  for (const [name, value] of Object.entries(invocation.options)) {
    const option = options.get(name);
    const max = option ? maxLengthOf(option) : undefined;
    if (typeof value === 'string' && max !== undefined && value.length > max) return { name, max };
  }
  return null;
}

/** Refuses, in the reader's language, a string option longer than its definition allows. */
export function refuseOverlongOptions(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, invocation: CommandInvocation, translation: Translation): void {
  const overlong = overlongOption(definition, invocation);
  if (overlong) throw new UserError(translation.t('input.optionTooLong', { name: overlong.name, max: overlong.max }));
}
