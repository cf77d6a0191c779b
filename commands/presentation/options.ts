// Reading options the same way whether they came from Discord or from the console.
import type { SlashCommandStringOption } from '@discordjs/builders';
import { UserError, type CommandInvocation } from '../command.js';

export function requiredArtistOption(option: SlashCommandStringOption, name = 'artist'): SlashCommandStringOption {
  return option.setName(name).setDescription('Group or soloist').setRequired(true).setAutocomplete(true).setMaxLength(100);
}

export function stringOption(invocation: CommandInvocation, name: string): string {
  const value = optionalString(invocation, name);
  if (value === undefined) throw new UserError(`Please give the \`${name}\` option.`);
  return value;
}

export function optionalString(invocation: CommandInvocation, name: string): string | undefined {
  const value = invocation.options[name];
  if (value === undefined) return undefined;
  return String(value);
}

export function optionalInteger(invocation: CommandInvocation, name: string): number | undefined {
  const value = invocation.options[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw new UserError(`\`${name}\` must be a whole number.`);
  return number;
}

/** The server the command was used in; `what` names what needs one ("Leaderboards"). */
export function requiredGuildId(invocation: CommandInvocation, what: string): string {
  if (!invocation.guildId) throw new UserError(`${what} belong to a server: use this command in one.`);
  return invocation.guildId;
}

/** A page number from a button's custom id; anything odd shows the first page. */
export function pageArgument(text: string | undefined): number {
  const page = Number(text);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}
