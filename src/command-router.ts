// Routes an invocation to its command module, with the one error boundary: a UserError is shown to
// the user privately; anything else is logged with the interaction's id and answered with an apology.
import { commands, findCommand } from '../commands/index.js';
import {
  StaleButton,
  UserError,
  type ButtonPress,
  type ButtonReply,
  type CommandContext,
  type CommandInvocation,
  type CommandReply,
  type FocusedOption,
} from '../commands/command.js';
import { MAX_AUTOCOMPLETE_CHOICES, type Choice } from './core/resolve-artist.js';
import type { InteractionOutcome } from './hosting/metrics.js';

export const APOLOGY = 'Sorry, something went wrong on my side while answering that. It has been logged; please try again.';

export const STALE_BUTTON_TEXT = 'That button no longer works. Run the command again for a fresh one.';

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

export function unknownCommandText(name: string): string {
  return `There is no /${name} command. Commands: ${commands.map((c) => `/${c.definition.name}`).join(', ')}.`;
}

/** The private answer to a failed request. */
export function replyForError(error: unknown, context: CommandContext, requestId: string, what: string): CommandReply {
  if (error instanceof UserError) return tagged({ payload: { content: error.message }, ephemeral: true }, 'user_error');
  if (error instanceof StaleButton) return staleButtonReply(context, requestId, what, error.message);
  context.logger.error({ err: error, interactionId: requestId, command: what }, 'command failed');
  return tagged({ payload: { content: APOLOGY }, ephemeral: true }, 'error');
}

/** An old button (an action or id this version no longer knows): said privately, logged at debug only. */
function staleButtonReply(context: CommandContext, requestId: string, customId: string, why: string): CommandReply {
  context.logger.debug({ interactionId: requestId, customId, why }, 'stale button');
  return tagged({ payload: { content: STALE_BUTTON_TEXT }, ephemeral: true }, 'unknown');
}

export async function runSlashCommand(
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Promise<CommandReply> {
  const command = findCommand(invocation.commandName);
  if (!command) return tagged({ payload: { content: unknownCommandText(invocation.commandName) }, ephemeral: true }, 'unknown');
  try {
    return await command.execute(invocation, context);
  } catch (error) {
    return replyForError(error, context, requestId, invocation.commandName);
  }
}

/** Autocomplete never fails loudly: on error, or with no focused option, it offers nothing. */
export function runAutocomplete(
  focused: FocusedOption | null,
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Choice[] {
  const command = findCommand(invocation.commandName);
  if (!command?.autocomplete) return tagged([], 'unknown');
  if (!focused) {
    context.logger.debug({ interactionId: requestId, command: invocation.commandName }, 'autocomplete without a focused option');
    return tagged([], 'unknown');
  }
  try {
    return command.autocomplete(focused, invocation, context).slice(0, MAX_AUTOCOMPLETE_CHOICES);
  } catch (error) {
    context.logger.error({ err: error, interactionId: requestId, command: invocation.commandName }, 'autocomplete failed');
    return tagged([], 'error');
  }
}

/** Buttons carry `<command>:<args...>` in their custom id. */
export async function runButton(
  customId: string,
  press: Omit<ButtonPress, 'args'>,
  context: CommandContext,
  requestId: string,
): Promise<ButtonReply> {
  const [commandName = '', ...args] = customId.split(':');
  const command = findCommand(commandName);
  if (!command?.press) {
    return tagged({ kind: 'reply', ...staleButtonReply(context, requestId, customId, 'no command has this button') }, 'unknown');
  }
  try {
    return await command.press({ ...press, args }, context);
  } catch (error) {
    const reply = replyForError(error, context, requestId, customId);
    return tagged({ kind: 'reply', ...reply }, outcomeOf(reply));
  }
}
