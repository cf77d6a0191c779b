// Reading options the same way whether they came from Discord or from the console, and turning
// what a fan typed into the artist, ceremony or server a command needs, or a friendly refusal in
// the reader's language.
import type { SlashCommandStringOption } from '@discordjs/builders';
import { resolveArtist } from '../src/core/resolve-artist.js';
import { resolveCeremony } from '../src/core/ceremonies.js';
import { artistNotFoundText, ceremonyNotFoundText } from '../src/presentation/refusals.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { UserError, type CommandContext, type CommandInvocation, type Requester } from './command.js';

/** The reader's translation: replies to one person are in their Discord locale. */
export function readerTranslation(requester: Requester, context: CommandContext): Translation {
  return context.translator.forReader(requester.locale);
}

/** A required artist option with autocomplete, described by the catalogue key `key`. */
export function requiredArtistOption(
  option: SlashCommandStringOption,
  key: Parameters<typeof described>[1],
  name = 'artist',
): SlashCommandStringOption {
  return described(option.setName(name), key).setRequired(true).setAutocomplete(true).setMaxLength(100);
}

export function stringOption(invocation: CommandInvocation, name: string, translation: Translation): string {
  const value = optionalString(invocation, name);
  if (value === undefined) throw new UserError(translation.t('errors.missingOption', { name }));
  return value;
}

export function optionalString(invocation: CommandInvocation, name: string): string | undefined {
  const value = invocation.options[name];
  if (value === undefined) return undefined;
  return String(value);
}

export function optionalInteger(invocation: CommandInvocation, name: string, translation: Translation): number | undefined {
  const value = invocation.options[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw new UserError(translation.t('errors.notWholeNumber', { name }));
  return number;
}

/** The server the command was used in; `what` says what needs one. */
export function requiredGuildId(
  invocation: CommandInvocation,
  what: 'anniversaries' | 'leaderboards' | 'language',
  translation: Translation,
): string {
  if (!invocation.guildId) throw new UserError(translation.t(`errors.needsServer.${what}`));
  return invocation.guildId;
}

/** A page number from a button's custom id; anything odd shows the first page. */
export function pageArgument(text: string | undefined): number {
  const page = Number(text);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

/** The artist a fan typed, or a UserError with suggestions. */
export function artistFromOption(invocation: CommandInvocation, name: string, context: CommandContext, translation: Translation) {
  const resolution = resolveArtist(context.store, stringOption(invocation, name, translation));
  if (resolution.status === 'found') return resolution.artist;
  throw new UserError(artistNotFoundText(resolution, translation));
}

/** The ceremony a fan typed, or a UserError naming the ones the store has. */
export function ceremonyFromText(typed: string, context: CommandContext, translation: Translation) {
  const resolution = resolveCeremony(context.store, typed);
  if (resolution.status === 'found') return resolution.ceremony;
  throw new UserError(ceremonyNotFoundText(resolution, translation));
}
