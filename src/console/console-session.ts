// The console adapter: runs the same command modules as Discord, one line at a time, and keeps the
// last reply so that its buttons can be pressed.
import { randomUUID } from 'node:crypto';
import type { ButtonReply, CommandContext, CommandReply } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { runButton, runSlashCommand } from '../command-router.js';
import { buttonsOf } from './render-text.js';
import { CommandLineError, parseLine, toInvocation } from './command-line.js';

const consoleUser = { id: '0', name: 'console' };

export interface ConsoleSession {
  /** Runs `/command ...` or `press <n>`; throws CommandLineError for a malformed line. */
  run(line: string): Promise<CommandReply>;
}

export function createConsoleSession(context: CommandContext): ConsoleSession {
  let last: CommandReply | null = null;
  return {
    async run(line) {
      const press = /^press\s+(\d+)$/i.exec(line.trim());
      if (press) {
        const buttons = last ? buttonsOf(last) : [];
        const button = buttons[Number(press[1]) - 1];
        if (!button || !('custom_id' in button)) {
          throw new CommandLineError(`There is no button ${press[1]} on the last reply.`);
        }
        if (button.disabled) throw new CommandLineError(`Button ${press[1]} is disabled.`);
        const reply: ButtonReply = await runButton(
          button.custom_id,
          { user: consoleUser, guildId: null, channelId: null },
          context,
          randomUUID(),
        );
        if (reply.kind === 'update') last = reply;
        return reply;
      }
      const invocation = toInvocation(
        parseLine(line),
        commands.map((c) => c.definition),
        consoleUser,
      );
      last = await runSlashCommand(invocation, context, randomUUID());
      return last;
    },
  };
}
