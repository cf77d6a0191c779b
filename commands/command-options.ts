// Reading options the same way whether they came from Discord or from the console, and turning
// what a fan typed into the artist, ceremony or server a command needs, or a friendly refusal in
// the reader's language.
import type { SlashCommandStringOption } from '@discordjs/builders';
import { resolveArtist } from '../src/core/resolve-artist.js';
import { resolveCeremony } from '../src/core/ceremonies.js';
import { artistNotFoundText, ceremonyNotFoundText } from '../src/presentation/refusals.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { StaleButtonError, UserError, type CommandContext, type CommandInvocation, type Requester } from './command.js';

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

/**
 * A number from a custom id, only as the bot writes one: plain decimal digits without a sign, a
 * leading zero, an exponent or hex (`Number` would read "1e0" and "0x1" as 1, "" as 0). Anything
 * else is a forged or garbled id, answered as a stale button.
 */
function customIdNumber(text: string | undefined, smallest: 0 | 1): number {
  const number = text !== undefined && /^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : NaN;
  if (!(number >= smallest)) throw new StaleButtonError(`number ${JSON.stringify(text)}`);
  return number;
}

/** An id (1, 2, …) from a button's custom id, or a StaleButtonError. */
export function idArgument(text: string | undefined): number {
  return customIdNumber(text, 1);
}

/** An index or count (0, 1, …) from a button's custom id, or a StaleButtonError. */
export function indexArgument(text: string | undefined): number {
  return customIdNumber(text, 0);
}

/** A page number (0, 1, …) from a button's custom id, or a StaleButtonError. */
export function pageArgument(text: string | undefined): number {
  return indexArgument(text);
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
