// Every string option is bounded where Discord can check it (max_length, or its choices), and the
// router checks the same bound again, since a forged interaction ignores Discord's.
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { maxLengthOf, overlongOption } from '../../commands/command-guards.js';
import { commands } from '../../commands/index.js';

function stringOptions(options: readonly APIApplicationCommandOption[] = [], path = ''): { path: string; option: APIApplicationCommandOption }[] {
  return options.flatMap((option) =>
    option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup
      ? stringOptions(option.options ?? [], `${path}${option.name} `)
      : option.type === ApplicationCommandOptionType.String
        ? [{ path: `${path}${option.name}`, option }]
        : [],
  );
}

describe('string options', () => {
  it('each have a bound of at most 500 characters', () => {
    const unbounded = commands.flatMap((command) =>
      stringOptions(command.definition.options).flatMap(({ path, option }) => {
        const max = maxLengthOf(option as Parameters<typeof maxLengthOf>[0]);
        return max === undefined || max > 500 ? [`/${command.definition.name} ${path}: ${max}`] : [];
      }),
    );
    expect(unbounded).toEqual([]);
  });

  it('longer than their bound are found, in a subcommand too; choices bound a forged value', () => {
    const find = (name: string) => commands.find((command) => command.definition.name === name)!.definition;
    expect(overlongOption(find('firsts'), { subcommand: null, options: { artist: 'a'.repeat(101) } })).toEqual({ name: 'artist', max: 100 });
    expect(overlongOption(find('firsts'), { subcommand: null, options: { artist: 'a'.repeat(100) } })).toBeNull();
    expect(overlongOption(find('suggest'), { subcommand: 'milestone', options: { statement: 'a'.repeat(301) } })).toEqual({ name: 'statement', max: 300 });
    expect(overlongOption(find('awards'), { subcommand: null, options: { result: 'won'.repeat(1000) } })).toEqual({ name: 'result', max: 9 });
  });
});
