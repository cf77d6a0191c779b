// What a slash command module is: its definition (builder output) beside its handlers. The router,
// the deploy script and the console all read the same modules through `commands/index.ts`.
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { AnniversaryStore } from '../db/queries/anniversary-store.js';
import type { AwardsStore } from '../db/queries/awards-store.js';
import type { TriviaStore } from '../db/queries/trivia-store.js';
import type { TriviaGame } from '../src/trivia/trivia-game.js';
import type { Choice } from '../src/core/resolve-artist.js';

/** The message body the bot sends: an interaction reply, an update, or a channel message. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
}

export interface CommandReply {
  payload: MessagePayload;
  /** Shown only to the person who asked. */
  ephemeral?: boolean;
}

/** What pressing a button does: edit the message it is on, or answer the presser. */
export type ButtonReply = ({ kind: 'update' } & CommandReply) | ({ kind: 'reply' } & CommandReply);

export type OptionValue = string | number | boolean;

export interface CommandInvocation {
  commandName: string;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue | undefined>>;
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string | null;
  /** The member's permissions in the channel, on Discord; null in the console. */
  memberPermissions: bigint | null;
}

export interface FocusedOption {
  name: string;
  value: string;
}

export interface ButtonPress {
  /** The custom id split on ':' without the leading command name. */
  args: string[];
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string | null;
}

export interface Clock {
  now(): Date;
}

/** Whether the bot can post in a channel: what Discord would refuse, checked before saving settings. */
export type ChannelCheck =
  | { status: 'ok' }
  | { status: 'missing-permissions'; missing: string[] }
  | { status: 'unknown-channel' }
  | { status: 'not-text' };

/** What the Discord runtime knows about the servers the bot is in. */
export interface GuildInspector {
  checkPostingChannel(guildId: string, channelId: string): ChannelCheck;
}

/** Everything a handler may use; tests and the console pass their own. */
export interface CommandContext {
  store: AwardsStore;
  anniversaries: AnniversaryStore;
  clock: Clock;
  logger: Logger;
  trivia: TriviaStore;
  /** Plays trivia rounds where this context's messages go (Discord channels, or the console). */
  triviaGame?: TriviaGame;
  /** Present on Discord only; the console has no servers. */
  guilds?: GuildInspector;
}

export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(invocation: CommandInvocation, context: CommandContext): CommandReply | Promise<CommandReply>;
  autocomplete?(focused: FocusedOption, invocation: CommandInvocation, context: CommandContext): Choice[];
  /** Buttons whose custom id starts with `<command name>:`. */
  press?(button: ButtonPress, context: CommandContext): ButtonReply | Promise<ButtonReply>;
}

/**
 * A mistake in what the user asked for: shown to them as it is, privately, and not logged as a
 * failure.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A button whose action or ids this version no longer knows (an old message): not a failure. */
export class StaleButton extends Error {
  override name = 'StaleButton';
}
