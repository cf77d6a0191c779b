// Parses a console line such as `/awards artist:"stray kids" result:won` against the command
// definitions, checking options the way Discord's client does before a command is sent.
import { ApplicationCommandOptionType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandInvocation, OptionValue } from '../../commands/command.js';
import { translationFor, type Translation } from '../presentation/translation.js';

/** A line that cannot be run as written: the console prints it with the usage. */
export class CommandLineError extends Error {
  override name = 'CommandLineError';
}

/** The line names a command that does not exist. */
export class UnknownCommandError extends CommandLineError {
  override name = 'UnknownCommandError';
}

/** Splits on spaces, keeping quoted parts ("..." or '...') together, anywhere in a word. */
export function tokenize(line: string, translation: Translation = translationFor(null)): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const character = line[i]!;
    if (quote) {
      if (character === '\\' && quote === '"' && i + 1 < line.length) {
        current += line[++i];
      } else if (character === quote) {
        quote = null;
      } else {
        current += character;
      }
    } else if (character === '"' || character === "'") {
      quote = character;
      inToken = true;
    } else if (/\s/.test(character)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += character;
      inToken = true;
    }
  }
  if (quote) throw new CommandLineError(translation.t('console.quoteNotClosed', { quote }));
  if (inToken) tokens.push(current);
  return tokens;
}

export interface ParsedLine {
  commandName: string;
  subcommand: string | null;
  options: Record<string, string>;
}

export function parseLine(line: string, translation: Translation = translationFor(null)): ParsedLine {
  const { t } = translation;
  const [first, ...rest] = tokenize(line, translation);
  if (!first?.startsWith('/') || first.length < 2) {
    throw new CommandLineError(t('console.startsWithSlash'));
  }
  const parsed: ParsedLine = { commandName: first.slice(1).toLowerCase(), subcommand: null, options: {} };
  for (const [index, token] of rest.entries()) {
    const colon = token.indexOf(':');
    if (colon <= 0) {
      if (index === 0) {
        parsed.subcommand = token.toLowerCase();
        continue;
      }
      throw new CommandLineError(t('console.notAnOption', { token }));
    }
    const name = token.slice(0, colon).toLowerCase();
    if (name in parsed.options) throw new CommandLineError(t('console.optionTwice', { name }));
    parsed.options[name] = token.slice(colon + 1);
  }
  return parsed;
}

export function commandUsage(definition: RESTPostAPIChatInputApplicationCommandsJSONBody, translation: Translation = translationFor(null)): string[] {
  const localized = (item: { description: string; description_localizations?: Record<string, string | null> | null }) =>
    item.description_localizations?.[translation.locale] ?? item.description;
  const options = definition.options ?? [];
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  const describe = (prefix: string, opts: readonly APIApplicationCommandOption[], description: string) =>
    `${[prefix, ...opts.map((o) => ('required' in o && o.required ? `${o.name}:<${o.name}>` : `[${o.name}:<${o.name}>]`))].join(' ')}  ${description}`;
  if (subcommands.length > 0) {
    return subcommands.map((sub) =>
      describe(`/${definition.name} ${sub.name}`, 'options' in sub ? (sub.options ?? []) : [], localized(sub)),
    );
  }
  return [describe(`/${definition.name}`, options, localized(definition))];
}

/** Turns parsed text into typed option values, or explains what is wrong. */
export function toInvocation(
  parsed: ParsedLine,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  user: CommandInvocation['user'],
  translation: Translation = translationFor(null),
): CommandInvocation {
  const { t } = translation;
  const definition = definitions.find((d) => d.name === parsed.commandName);
  if (!definition) {
    throw new UnknownCommandError(
      t('errors.unknownCommand', { name: parsed.commandName, commands: definitions.map((d) => `/${d.name}`).join(', ') }),
    );
  }
  let optionDefinitions: readonly APIApplicationCommandOption[] = definition.options ?? [];
  const subcommands = optionDefinitions.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length > 0) {
    const sub = subcommands.find((s) => s.name === parsed.subcommand);
    if (!sub) {
      throw new CommandLineError(t('console.needsSubcommand', { command: definition.name, subcommands: subcommands.map((s) => s.name).join(', ') }));
    }
    optionDefinitions = 'options' in sub ? (sub.options ?? []) : [];
  } else if (parsed.subcommand !== null) {
    throw new CommandLineError(t('console.notAnOption', { token: parsed.subcommand }));
  }

  const options: Record<string, OptionValue> = {};
  for (const [name, text] of Object.entries(parsed.options)) {
    const option = optionDefinitions.find((o) => o.name === name);
    if (!option) {
      const known = optionDefinitions.map((o) => o.name).join(', ') || t('console.none');
      throw new CommandLineError(t('console.noSuchOption', { command: definition.name, name, known }));
    }
    options[name] = coerce(option, text, translation);
  }
  for (const option of optionDefinitions) {
    if ('required' in option && option.required && !(option.name in options)) {
      throw new CommandLineError(t('console.needsOption', { command: definition.name, name: option.name }));
    }
  }
  return {
    commandName: definition.name,
    subcommand: parsed.subcommand,
    options,
    user,
    guildId: null,
    channelId: null,
    locale: null,
    memberPermissions: null,
  };
}

function coerce(option: APIApplicationCommandOption, text: string, translation: Translation): OptionValue {
  const { t } = translation;
  const name = option.name;
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (option.min_length !== undefined && text.length < option.min_length) {
        throw new CommandLineError(t('console.minLength', { name, count: option.min_length }));
      }
      if (option.max_length !== undefined && text.length > option.max_length) {
        throw new CommandLineError(t('console.maxLength', { name, count: option.max_length }));
      }
      if (option.choices && !option.choices.some((c) => c.value === text)) {
        throw new CommandLineError(t('console.oneOf', { name, choices: option.choices.map((c) => c.value).join(', ') }));
      }
      return text;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const integer = option.type === ApplicationCommandOptionType.Integer;
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        throw new CommandLineError(integer ? t('console.notWholeNumber', { name, text }) : t('console.notNumber', { name, text }));
      }
      if (option.min_value !== undefined && value < option.min_value) {
        throw new CommandLineError(t('console.atLeast', { name, min: option.min_value }));
      }
      if (option.max_value !== undefined && value > option.max_value) {
        throw new CommandLineError(t('console.atMost', { name, max: option.max_value }));
      }
      return value;
    }
    case ApplicationCommandOptionType.Boolean: {
      const lowered = text.toLowerCase();
      if (['true', 'yes', 'on'].includes(lowered)) return true;
      if (['false', 'no', 'off'].includes(lowered)) return false;
      throw new CommandLineError(t('console.trueOrFalse', { name }));
    }
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable: {
      const id = /^<[#@][&!]?(\d{17,20})>$|^(\d{17,20})$/.exec(text);
      if (!id) throw new CommandLineError(t('console.notAnId', { name }));
      return id[1] ?? id[2]!;
    }
    default:
      throw new CommandLineError(t('console.notInConsole', { name }));
  }
}
