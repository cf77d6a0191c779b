// Routes an invocation to its command module, with the one error boundary: a UserError is shown to
// the user privately; a stale button is answered privately and logged at debug level; anything
// else is logged with the interaction's id and answered with an apology, in the reader's language.
import { commands, findCommand } from '../commands/index.js';
import { overlongOption, refuseOverlongOptions } from '../commands/command-guards.js';
import {
  StaleButtonError,
  UserError,
  type ButtonPress,
  type ButtonReply,
  type CommandContext,
  type CommandInvocation,
  type CommandReply,
  type FocusedOption,
  type FormSubmission,
  type SlashCommand,
} from '../commands/command.js';
import { MAX_AUTOCOMPLETE_CHOICES, type Choice } from './core/resolve-artist.js';
import type { InteractionOutcome } from './hosting/metrics.js';
import type { Translation } from './presentation/translation.js';

// How each answer came about, for the metrics: answers are tagged here rather than changed.
const outcomes = new WeakMap<object, InteractionOutcome>();
function tagged<T extends object>(answer: T, outcome: InteractionOutcome): T {
  outcomes.set(answer, outcome);
  return answer;
}

/** Whether an answer the router gave is a plain answer, a user error, an apology or a stale request. */
export function outcomeOf(answer: object): InteractionOutcome {
  return outcomes.get(answer) ?? 'ok';
}

/** The same answer made anew (as the runtime dresses it for sending) counts as the answer it came from. */
export function withOutcomeOf<T extends object>(original: object, answer: T): T {
  const outcome = outcomes.get(original);
  if (outcome) outcomes.set(answer, outcome);
  return answer;
}

export function apologyText(translation: Translation): string {
  return translation.t('errors.apology');
}

export function unknownCommandText(name: string, translation: Translation): string {
  return translation.t('errors.unknownCommand', { name, commands: commands.map((c) => `/${c.definition.name}`).join(', ') });
}

/** The private answer to a failed request. */
export function replyForError(
  error: unknown,
  context: CommandContext,
  translation: Translation,
  requestId: string,
  what: string,
): CommandReply {
  if (error instanceof UserError) return tagged({ payload: { content: error.message }, ephemeral: true }, 'user_error');
  if (error instanceof StaleButtonError) {
    context.logger.debug({ interactionId: requestId, button: what }, 'stale button pressed');
    return tagged({ payload: { content: translation.t('errors.staleButton') }, ephemeral: true }, 'unknown');
  }
  context.logger.error({ err: error, interactionId: requestId, command: what }, 'command failed');
  // A store that cannot be written is said plainly: the reader can do nothing about it, but the
  // host can, and nothing was changed (the write's transaction rolled back).
  const storeRefusal = storeRefusalKey(error);
  if (storeRefusal) return tagged({ payload: { content: translation.t(storeRefusal) }, ephemeral: true }, 'error');
  return tagged({ payload: { content: apologyText(translation) }, ephemeral: true }, 'error');
}

/** The plain answer to SQLite's "disk full" or "read-only database", by its error code. */
function storeRefusalKey(error: unknown): 'input.storeFull' | 'input.storeReadOnly' | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_FULL') return 'input.storeFull';
  if (code.startsWith('SQLITE_READONLY')) return 'input.storeReadOnly';
  return null;
}

export async function runSlashCommand(
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Promise<CommandReply> {
  const translation = context.translator.forReader(invocation.locale);
  const command = findCommand(invocation.commandName);
  if (!command) return tagged({ payload: { content: unknownCommandText(invocation.commandName, translation) }, ephemeral: true }, 'unknown');
  try {
    // Before any handler: no option longer than its definition allows reaches a look-up.
    refuseOverlongOptions(command.definition, invocation, translation);
    const reuse = command.reusable?.reply;
    if (!reuse || !context.replies.keeps) return await command.execute(invocation, context);
    // Read before the answer is made: an answer is never kept under a revision newer than its facts.
    const revision = context.store.revision();
    const key = questionKey('reply', invocation, translation, reuse(invocation, context));
    const kept = context.replies.get<CommandReply>(key, revision);
    if (kept) return kept;
    const reply = await command.execute(invocation, context);
    context.replies.set(key, revision, reply);
    return reply;
  } catch (error) {
    return replyForError(error, context, translation, requestId, invocation.commandName);
  }
}

/** A question as a cache key: what was asked, with which options, read in which language, and what else the command names. */
function questionKey(kind: string, invocation: CommandInvocation, translation: Translation, more: string): string {
  const options = Object.entries(invocation.options)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([kind, invocation.commandName, invocation.subcommand, translation.locale, options, more]);
}

/** Autocomplete never fails loudly: on error, or without a focused option, it offers nothing. */
export function runAutocomplete(
  focused: FocusedOption | null,
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Choice[] {
  const command = findCommand(invocation.commandName);
  if (!command?.autocomplete || !focused) return [];
  // Text longer than the option may hold matches nothing, and is not searched for.
  if (overlongOption(command.definition, { subcommand: invocation.subcommand, options: { ...invocation.options, [focused.name]: focused.value } })) return [];
  try {
    const reuse = command.reusable?.choices;
    if (!reuse || !context.replies.keeps) return command.autocomplete(focused, invocation, context).slice(0, MAX_AUTOCOMPLETE_CHOICES);
    const revision = context.store.revision();
    const translation = context.translator.forReader(invocation.locale);
    const key = questionKey(`choices:${focused.name}:${focused.value}`, invocation, translation, reuse(focused, invocation, context));
    const kept = context.replies.get<Choice[]>(key, revision);
    if (kept) return kept;
    const choices = command.autocomplete(focused, invocation, context).slice(0, MAX_AUTOCOMPLETE_CHOICES);
    context.replies.set(key, revision, choices);
    return choices;
  } catch (error) {
    context.logger.error({ err: error, interactionId: requestId, command: invocation.commandName }, 'autocomplete failed');
    return [];
  }
}

/** Forms carry `<command>:<args...>` in their custom id, like buttons. */
export async function runForm(
  customId: string,
  form: Omit<FormSubmission, 'args'>,
  context: CommandContext,
  requestId: string,
): Promise<ButtonReply> {
  return runComponent(customId, form.locale, (command) => command.submit && ((args) => command.submit!({ ...form, args }, context)), context, requestId);
}

function outcomeOfError(error: unknown): InteractionOutcome {
  return error instanceof UserError ? 'user_error' : error instanceof StaleButtonError ? 'unknown' : 'error';
}

/** Buttons carry `<command>:<args...>` in their custom id. */
export async function runButton(
  customId: string,
  press: Omit<ButtonPress, 'args'>,
  context: CommandContext,
  requestId: string,
): Promise<ButtonReply> {
  return runComponent(customId, press.locale, (command) => command.press && ((args) => command.press!({ ...press, args }, context)), context, requestId);
}

/**
 * The one path of a button press and a form submission: the command named by the custom id, its
 * handler for this kind of component (none: the component is stale), and the error boundary.
 */
async function runComponent(
  customId: string,
  locale: string | null,
  handlerOf: (command: SlashCommand) => ((args: string[]) => ButtonReply | Promise<ButtonReply>) | undefined,
  context: CommandContext,
  requestId: string,
): Promise<ButtonReply> {
  const translation = context.translator.forReader(locale);
  const [commandName = '', ...args] = customId.split(':');
  const command = findCommand(commandName);
  try {
    const handler = command && handlerOf(command);
    if (!handler) throw new StaleButtonError(customId);
    return await handler(args);
  } catch (error) {
    return tagged({ kind: 'reply', ...replyForError(error, context, translation, requestId, customId) }, outcomeOfError(error));
  }
}
