import { describe, expect, it } from 'vitest';
import { payloadWithCommandMentions, withCommandMentions, type CommandIndex } from '../../src/presentation/command-mentions.js';
import { discordLimits } from '../../src/presentation/discord-limits.js';
import { discordLimitProblems } from '../support/discord-limits.js';

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
    // CJK punctuation takes no space after it.
    expect(withCommandMentions('ありません。/trivia start でラウンドを', index)).toBe('ありません。</trivia start:333> でラウンドを');
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

// Ids as long as Discord's: 19 digits, so a mention is 20 characters longer than `/suggest win`.
const ID = '1234567890123456789';
const longIds: CommandIndex = { ...index, ids: new Map([...index.ids.keys()].map((name) => [name, ID])) };
const growth = `</suggest win:${ID}>`.length - '`/suggest win`'.length;

/** `text` padded at the front to exactly `length` characters. */
const padded = (text: string, length: number) => `${'x'.repeat(length - text.length)}${text}`;

describe('command mentions within Discord\'s limits', () => {
  it('keep the name as text where the mention would pass its own limit, and fill it in where it just fits', () => {
    const atLimit = padded('`/suggest win`', discordLimits.fieldValue);
    const withRoom = padded('`/suggest win`', discordLimits.fieldValue - growth);
    const embed = (value: string) => ({ embeds: [{ fields: [{ name: 'x', value }] }] });
    expect(payloadWithCommandMentions(embed(atLimit), longIds).embeds![0]!.fields![0]!.value).toBe(atLimit);
    const filled = payloadWithCommandMentions(embed(withRoom), longIds).embeds![0]!.fields![0]!.value;
    expect(filled).toHaveLength(discordLimits.fieldValue);
    expect(filled.endsWith(`</suggest win:${ID}>`)).toBe(true);

    for (const [limit, payload, read] of [
      [discordLimits.content, (text: string) => ({ content: text }), (made: { content?: string }) => made.content],
      [discordLimits.embedDescription, (text: string) => ({ embeds: [{ description: text }] }), (made: { embeds?: { description?: string }[] }) => made.embeds![0]!.description],
      [4000, (text: string) => ({ layout: [{ type: 17, components: [{ type: 10, content: text }] }] }), (made: { layout?: unknown }) => (made.layout as { components: { content: string }[] }[])[0]!.components[0]!.content],
    ] as const) {
      const text = padded('`/suggest win`', limit);
      const made = payloadWithCommandMentions((payload as (text: string) => Parameters<typeof payloadWithCommandMentions>[0])(text), longIds);
      expect((read as (made: unknown) => string)(made)).toBe(text);
      expect(discordLimitProblems(made)).toEqual([]);
    }
  });

  it('fill in what fits of several names in one place, in order, and keep the rest as text', () => {
    const text = padded('`/suggest win` or `/suggest milestone`', 2000 - growth - 5);
    const made = payloadWithCommandMentions({ content: text }, longIds).content!;
    expect(made.endsWith(`</suggest win:${ID}> or \`/suggest milestone\``)).toBe(true);
    expect(made.length).toBeLessThanOrEqual(2000);
  });

  it('share the 6000 characters of all the embeds of a message, and the 4000 of all its text displays', () => {
    // Two embeds at 3000 each: every field has room of its own, the message has none.
    const half = { title: 'x', fields: [{ name: 'x', value: padded('`/suggest win`', 1000) }], description: 'x'.repeat(3000 - 1002) };
    const embeds = payloadWithCommandMentions({ embeds: [half, half] }, longIds).embeds!;
    expect(embeds.map((embed) => embed.fields![0]!.value)).toEqual([half.fields[0]!.value, half.fields[0]!.value]);

    // Room for one more mention in the message: the first embed's takes it.
    const roomy = { ...half, description: 'x'.repeat(3000 - 1002 - growth) };
    const [first, second] = payloadWithCommandMentions({ embeds: [roomy, half] }, longIds).embeds!;
    expect(first!.fields![0]!.value).toContain(`</suggest win:${ID}>`);
    expect(second!.fields![0]!.value).toBe(half.fields[0]!.value);

    const display = (content: string) => ({ type: 10 as const, content });
    const layout = [{ type: 17 as const, components: [display(padded('`/trivia start`', 2000)), display(padded('`/trivia start`', 2000))] }];
    const made = payloadWithCommandMentions({ layout }, longIds);
    expect(made.layout).toEqual(layout);
    expect(discordLimitProblems(made)).toEqual([]);
  });
});
