// Routes an invocation to its command module, with the one error boundary: a UserError is shown to
// the user privately; anything else is logged with the interaction's id and answered with an apology.
import { commands, findCommand } from '../commands/index.js';
import {
  UserError,
  type ButtonPress,
  type ButtonReply,
  type CommandContext,
  type CommandInvocation,
  type CommandReply,
  type FocusedOption,
} from '../commands/command.js';
import { MAX_AUTOCOMPLETE_CHOICES, type Choice } from './core/resolve-artist.js';

export const APOLOGY = 'Sorry, something went wrong on my side while answering that. It has been logged; please try again.';

export function unknownCommandText(name: string): string {
  return `There is no /${name} command. Commands: ${commands.map((c) => `/${c.definition.name}`).join(', ')}.`;
}

/** The private answer to a failed request. */
export function replyForError(error: unknown, context: CommandContext, requestId: string, what: string): CommandReply {
  if (error instanceof UserError) return { payload: { content: error.message }, ephemeral: true };
  context.logger.error({ err: error, interactionId: requestId, command: what }, 'command failed');
  return { payload: { content: APOLOGY }, ephemeral: true };
}

export async function runSlashCommand(
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Promise<CommandReply> {
  const command = findCommand(invocation.commandName);
  if (!command) return { payload: { content: unknownCommandText(invocation.commandName) }, ephemeral: true };
  try {
    return await command.execute(invocation, context);
  } catch (error) {
    return replyForError(error, context, requestId, invocation.commandName);
  }
}

/** Autocomplete never fails loudly: on error it offers nothing and logs. */
export function runAutocomplete(
  focused: FocusedOption,
  invocation: CommandInvocation,
  context: CommandContext,
  requestId: string,
): Choice[] {
  const command = findCommand(invocation.commandName);
  if (!command?.autocomplete) return [];
  try {
    return command.autocomplete(focused, invocation, context).slice(0, MAX_AUTOCOMPLETE_CHOICES);
  } catch (error) {
    context.logger.error({ err: error, interactionId: requestId, command: invocation.commandName }, 'autocomplete failed');
    return [];
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
    return { kind: 'reply', payload: { content: 'That button no longer does anything.' }, ephemeral: true };
  }
  try {
    return await command.press({ ...press, args }, context);
  } catch (error) {
    return { kind: 'reply', ...replyForError(error, context, requestId, customId) };
  }
}
