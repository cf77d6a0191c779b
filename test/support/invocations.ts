import type { CommandInvocation, OptionValue } from '../../commands/command.js';

export function invocation(
  commandName: string,
  options: Record<string, OptionValue> = {},
  subcommand: string | null = null,
): CommandInvocation {
  return {
    commandName,
    subcommand,
    options,
    user: { id: '100000000000000001', name: 'fan' },
    guildId: '200000000000000001',
    channelId: '300000000000000001',
    locale: 'en-US',
    memberPermissions: null,
  };
}
