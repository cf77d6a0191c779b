// What a slash command module is: its definition (builder output) beside its handlers, and what a
// handler may use. The router, the deploy script and the console all read the same modules through
// `commands/index.ts`. Only interfaces here: the runtimes pass the implementations.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { AnniversaryStore } from '../db/queries/anniversary-store.js';
import type { CountdownStore } from '../db/queries/countdown-store.js';
import type { BiasRoleStore } from '../db/queries/bias-role-store.js';
import type { DailyQuestionStore } from '../db/queries/daily-question-store.js';
import type { CommandFacts } from '../src/core/awards-facts.js';
import type { ServerSettingsStore } from '../db/queries/server-settings-store.js';
import type { ContributionLookups } from '../db/queries/contribution-store.js';
import type { SuggestionStore } from '../db/queries/suggestion-store.js';
import type { TriviaStore } from '../db/queries/trivia-store.js';
import type { CatalogueSummaryStore } from '../src/core/catalogue-summary.js';
import type { ImportApplied } from '../src/import/apply-import.js';
import type { ImportDrafts } from '../src/import/import-drafts.js';
import type { ImportInput, ImportPlan, ImportPlanning } from '../src/import/plan-import.js';
import type { Clock } from '../src/core/clock.js';
import type { GuildInspector } from '../src/core/guild-inspector.js';
import type { ScheduledEvents } from '../src/core/scheduled-events.js';
import type { GuildRoles } from '../src/core/guild-roles.js';
import type { Choice } from '../src/core/resolve-artist.js';
import type { TriviaGame } from '../src/trivia/trivia-game.js';
import type { MessagePayload } from '../src/presentation/message-payload.js';
import type { Translator } from '../src/presentation/translator.js';
import type { CardPainter } from '../src/presentation/milestone-card-message.js';
import type { ReplyCache } from '../src/reply-cache.js';

export type { MessagePayload };

export interface CommandReply {
  payload: MessagePayload;
  /** Shown only to the person who asked. */
  ephemeral?: boolean;
}

/** A form Discord shows over the chat (a modal): one or more text fields, sent back on submit. */
export interface ModalForm {
  customId: string;
  title: string;
  fields: { customId: string; label: string; style: 'short' | 'paragraph'; required: boolean; maxLength: number; placeholder?: string }[];
}

/** What pressing a button does: edit the message it is on, answer the presser, or open a form. */
export type ButtonReply =
  | ({ kind: 'update' } & CommandReply)
  | ({ kind: 'reply' } & CommandReply)
  | { kind: 'modal'; modal: ModalForm };

/** A file attached to a command option. */
export interface AttachmentRef {
  name: string;
  url: string;
  size: number;
}

export type OptionValue = string | number | boolean;

/** Who is asking, where, and in which language. */
export interface Requester {
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string | null;
  /** The person's Discord locale (`interaction.locale`): replies to them are in it. */
  locale: string | null;
  /** The member's roles in the server, on Discord (from the interaction); absent elsewhere. */
  memberRoleIds?: readonly string[];
}

export interface CommandInvocation extends Requester {
  commandName: string;
  subcommand: string | null;
  options: Readonly<Record<string, OptionValue | undefined>>;
  /** Files given in attachment options, by option name. */
  attachments?: Readonly<Record<string, AttachmentRef>>;
  /** The member's permissions in the channel, on Discord; null in the console. */
  memberPermissions: bigint | null;
}

export interface FocusedOption {
  name: string;
  value: string;
}

export interface ButtonPress extends Requester {
  /** The custom id split on ':' without the leading command name. */
  args: string[];
  /** For a select menu: the values picked, and every value the menu offered. */
  values?: readonly string[];
  offered?: readonly string[];
}

/** A submitted form: the custom id's arguments and each field's text. */
export interface FormSubmission extends Requester {
  args: string[];
  fields: Readonly<Record<string, string>>;
}

/** What the runtime a command runs in can do; the console and Discord each say so. */
export interface Capabilities {
  /** Plays trivia rounds where this runtime's messages go. */
  trivia?: TriviaGame;
  /** Checks the bot's access to a server's channels: Discord only. */
  guilds?: GuildInspector;
  /** Reads a server's roles and hands them out: Discord only. */
  roles?: GuildRoles;
  /** Posts a message in a server's channel (a bias panel); resolves with its id: Discord only. */
  postToChannel?(channelId: string, payload: MessagePayload): Promise<string>;
  /** One person at a terminal: a trivia question closes once they answer, they answer with letters, and they may stop any round. */
  singlePlayer: boolean;
  /** Draws milestone cards (each distinct card once). */
  cards?: CardPainter;
  /** Whether a button may open a form (a modal): Discord can, the console cannot. */
  forms: boolean;
  /** Who may review suggestions, import files and withdraw facts. */
  isCurator(userId: string): boolean;
  /** The servers' Discord event lists (Discord only), and a way to have them synced soon after a change. */
  scheduledEvents?: { api: ScheduledEvents; changed(): void };
  /** Downloads a file attached to a command (Discord only), refusing one larger than `maxBytes`. */
  fetchAttachment?(attachment: AttachmentRef, maxBytes: number): Promise<Buffer>;
}

/** How the store grows: suggestions and their review, and imports. */
export interface Contributions {
  suggestions: SuggestionStore;
  lookups: ContributionLookups;
  /** Plans in turns, so that other commands are answered while a large file is checked. */
  planImport(input: ImportInput): Promise<ImportPlanning>;
  /** Writes in small transactions, in turns, so that other commands are answered meanwhile. */
  applyImport(plan: ImportPlan, now: Date): Promise<ImportApplied>;
}

/** Everything a handler may use; tests and the console pass their own. */
export interface CommandContext {
  store: CommandFacts;
  anniversaries: AnniversaryStore;
  /** Reminder days and scheduled events of round anniversaries. */
  countdowns: CountdownStore;
  trivia: TriviaStore;
  daily: DailyQuestionStore;
  serverSettings: ServerSettingsStore;
  biasRoles: BiasRoleStore;
  /** What the store holds at a glance, for /about. */
  catalogue: CatalogueSummaryStore;
  contributions: Contributions;
  /** Files a curator previewed with /import, kept until Apply or Cancel (or a quarter of an hour). */
  importDrafts: ImportDrafts;
  clock: Clock;
  logger: Logger;
  translator: Translator;
  capabilities: Capabilities;
  /** Answers of commands that say they may be reused, kept until a fact changes. */
  replies: ReplyCache;
  /**
   * The ids Discord gave the registered commands, by name, for clickable command mentions: empty until
   * the start-up comparison has read them (and always in the console, where names stay text).
   */
  commandIds?: Map<string, string>;
}

/**
 * What, besides the store's facts, the command, its options and the reader's language, an answer
 * depends on (a day, a time zone): '' for nothing more. Only for commands that read and never write.
 */
export interface ReusableAnswers {
  reply?(invocation: CommandInvocation, context: CommandContext): string;
  choices?(focused: FocusedOption, invocation: CommandInvocation, context: CommandContext): string;
}

export interface SlashCommand {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(invocation: CommandInvocation, context: CommandContext): CommandReply | Promise<CommandReply>;
  autocomplete?(focused: FocusedOption, invocation: CommandInvocation, context: CommandContext): Choice[];
  /** Buttons whose custom id starts with `<command name>:`. */
  press?(button: ButtonPress, context: CommandContext): ButtonReply | Promise<ButtonReply>;
  /** Forms whose custom id starts with `<command name>:`. */
  submit?(form: FormSubmission, context: CommandContext): ButtonReply | Promise<ButtonReply>;
  /** Present when the command's answers may be reused until a fact changes. */
  reusable?: ReusableAnswers;
  /**
   * Its answer is private and may take longer than Discord's three seconds (a large file to check):
   * Discord is told at once, privately, that the answer is coming.
   */
  defersPrivately?: true;
}

/**
 * A mistake in what the user asked for: its message (already in the reader's language) is shown
 * to them as it is, privately, and not logged as a failure.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** A button whose action or ids no longer mean anything (an old message, a changed bot). */
export class StaleButtonError extends Error {
  override name = 'StaleButtonError';
}
