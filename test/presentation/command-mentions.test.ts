import { describe, expect, it } from 'vitest';
import { payloadWithCommandMentions, withCommandMentions, type CommandIndex } from '../../src/presentation/command-mentions.js';

const index: CommandIndex = {
  ids: new Map([
    ['suggest', '111'],
    ['firsts', '222'],
    ['trivia', '333'],
    ['onthisday', '444'],
  ]),
  subcommandsOf: (name) => ({ suggest: ['win', 'milestone', 'status'], trivia: ['start', 'stop'] })[name] ?? [],
};

describe('command mentions', () => {
  it('turns a command with its subcommand, in code or in text, into a mention', () => {
    expect(withCommandMentions('`/suggest status` shows how it went.', index)).toBe('</suggest status:111> shows how it went.');
    expect(withCommandMentions('Start a round with /trivia start.', index)).toBe('Start a round with </trivia start:333>.');
    expect(withCommandMentions('3 milestones (see /firsts)', index)).toBe('3 milestones (see </firsts:222>)');
  });

  it('keeps text where a mention cannot run: no id, no such subcommand, a command with subcommands named alone, an example with options', () => {
    for (const text of ['`/review next`', '`/suggest nothing`', 'add it with `/suggest`.', 'Try `/onthisday date:09-12`.', 'Try /onthisday date:09-12.', 'https://example.com/firsts']) {
      expect(withCommandMentions(text, index)).toBe(text);
    }
    expect(withCommandMentions('`/suggest win`', { ...index, ids: new Map() })).toBe('`/suggest win`');
  });

  it('reaches content, embed descriptions and fields, and V2 text displays, not titles', () => {
    const payload = payloadWithCommandMentions(
      {
        content: '`/suggest win`',
        embeds: [{ title: '`/suggest win`', description: '`/suggest win`', fields: [{ name: 'x', value: '/firsts' }] }],
        layout: [{ type: 17, components: [{ type: 10, content: '`/trivia start`' }] }],
      },
      index,
    );
    expect(payload.content).toBe('</suggest win:111>');
    expect(payload.embeds![0]).toEqual({ title: '`/suggest win`', description: '</suggest win:111>', fields: [{ name: 'x', value: '</firsts:222>' }] });
    expect(payload.layout).toEqual([{ type: 17, components: [{ type: 10, content: '</trivia start:333>' }] }]);
  });
});
