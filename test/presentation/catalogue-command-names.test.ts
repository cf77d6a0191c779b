// Discord can only mention (and a fan can only run) a command with subcommands through one of them:
// a catalogue that says "add it with `/suggest`" gives plain text where a clickable `/suggest win`
// was meant. Every string of every language names real commands the way they can be run.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { catalogues, supportedLocales } from '../../src/presentation/translation.js';

/** Each command's subcommands (and subcommand groups), from the definitions that are registered. */
const subcommandsByCommand = new Map(
  commands.map((command) => [
    command.definition.name,
    (command.definition.options ?? [])
      .filter((option) => option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup)
      .map((option) => option.name),
  ]),
);

function leaves(tree: unknown, prefix = ''): [string, string][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : leaves(value, path);
  });
}

// "/name" and the word after it, where a fan would read a command: in a code span, or in running
// text after a space, an opening bracket or CJK punctuation (not in "Asia/Seoul", "3/10" or a link).
const NAMED = /(`|^|[\s(（「“：:。、，])\/([a-z][a-z0-9_-]*)(?: ([a-z][a-z0-9_-]*)([^\s`]?))?/g;
// What may follow a subcommand for a mention to end there: the mention code replaces "/trivia start"
// only as a whole word, so "/trivia start로" reads to it as /trivia alone.
const ENDS_A_NAME = /^$|^[).,;!?、。，）」”]/;

/** What is wrong with how `text` names commands: one line per problem. */
function commandNameProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, before, name, next, after] of text.matchAll(NAMED)) {
    const inCode = before === '`';
    const subcommands = subcommandsByCommand.get(name!);
    if (!subcommands) {
      // Running text may say "/command" as a word; a code span is something to type, so it must exist.
      if (inCode) problems.push(`\`/${name}\` is not a command`);
      continue;
    }
    const isOption = after === ':';
    if (subcommands.length > 0) {
      if (next === undefined || isOption) problems.push(`/${name} named without one of its subcommands (${subcommands.join(', ')})`);
      else if (!subcommands.includes(next)) problems.push(`/${name} has no subcommand "${next}"`);
      else if (!inCode && !ENDS_A_NAME.test(after!)) problems.push(`/${name} ${next} runs into the word after it ("${next}${after}")`);
    } else if (inCode && next !== undefined && !isOption) {
      // In a code span the word after the name is part of what to type; in running text it is prose.
      problems.push(`/${name} has no subcommands, yet "${next}" follows it`);
    }
  }
  return problems;
}

describe('command names in the catalogues', () => {
  it.each(supportedLocales)('name every command with subcommands through a real one in %s', (locale) => {
    const problems = leaves(catalogues[locale]).flatMap(([key, text]) => commandNameProblems(text).map((problem) => `${key}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('catch a command named alone, a subcommand that does not exist, and a command that does not exist', () => {
    expect(commandNameProblems('add it with `/suggest`.')).toEqual(['/suggest named without one of its subcommands (win, milestone, status)']);
    expect(commandNameProblems('see /review for more')).toEqual(['/review has no subcommand "for"']);
    expect(commandNameProblems('`/trivia begin`')).toEqual(['/trivia has no subcommand "begin"']);
    expect(commandNameProblems('`/anniversaries channel:#x`')).toHaveLength(1);
    expect(commandNameProblems('`/firsts blackpink`')).toEqual(['/firsts has no subcommands, yet "blackpink" follows it']);
    expect(commandNameProblems('`/sugest win`')).toEqual(['`/sugest` is not a command']);
    expect(commandNameProblems('/trivia start로 라운드를')).toEqual(['/trivia start runs into the word after it ("start로")']);
  });

  it('let through what can run: a leaf, a subcommand, examples with options, words that are not commands', () => {
    for (const text of [
      '`/suggest win` or `/suggest milestone`',
      'Start a round with /trivia start.',
      '3 milestones (see /firsts)',
      'Try `/onthisday date:09-12` or /firsts artist:blackpink.',
      '`/anniversaries setup channel:#your-channel`',
      '（/review find か承認メッセージで確認）',
      '`/trivia start`로 라운드를',
      'Asia/Seoul, 3/10, https://example.com/suggest',
      'There is no /{{name}} command.',
    ]) {
      expect(commandNameProblems(text), text).toEqual([]);
    }
  });
});
