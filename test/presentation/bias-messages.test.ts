// Bias role texts and payloads: the one place a post's pings go in, and the select menus within
// Discord's limits in every language.
import { describe, expect, it } from 'vitest';
import { MAX_BIAS_LINKS } from '../../src/core/bias-roles.js';
import { biasListMessage, panelMessage, pickMenus, roleProblemsText } from '../../src/presentation/bias-messages.js';
import { withRoleMentions } from '../../src/presentation/post-mentions.js';
import { supportedLocales, translationFor } from '../../src/presentation/translation.js';
import { discordLimits } from '../../src/presentation/discord-limits.js';

describe('a post with its pings', () => {
  it('puts the mentions in front and names exactly those roles in allowed_mentions', () => {
    const post = withRoleMentions({ embeds: [{ title: 'On this day' }] }, ['11', '22']);
    expect(post).toEqual({ embeds: [{ title: 'On this day' }], content: '<@&11> <@&22>', allowedRoleMentions: ['11', '22'] });
    expect(withRoleMentions({ content: 'Hello' }, ['11']).content).toBe('<@&11>\nHello');
  });

  it('leaves a post without roles as it was, and never passes 2000 characters', () => {
    const plain = { embeds: [] };
    expect(withRoleMentions(plain, [])).toBe(plain);
    const many = Array.from({ length: 200 }, (_, index) => String(100000000000000000n + BigInt(index)));
    const post = withRoleMentions({ content: 'x'.repeat(1000) }, many);
    expect(post.content!.length).toBeLessThanOrEqual(discordLimits.content);
    expect(post.allowedRoleMentions!.length).toBeGreaterThan(0);
    expect(post.content!.split('\n')[0]!.split(' ')).toHaveLength(post.allowedRoleMentions!.length);
  });
});

describe('menus and texts in every language', () => {
  const options = Array.from({ length: MAX_BIAS_LINKS }, (_, index) => ({ artistId: index + 1, artist: `${'Artist '.repeat(20)}${index}` }));

  it.each(supportedLocales)('%s: five menus of 25 at most, with labels, placeholders and custom ids within limits', (locale) => {
    const translation = translationFor(locale);
    const rows = pickMenus('pick', options, new Set([1, 30]), translation);
    expect(rows).toHaveLength(discordLimits.actionRows);
    for (const row of rows) {
      const menu = row.components[0]!;
      expect(menu.options.length).toBeLessThanOrEqual(25);
      expect(menu.max_values).toBe(menu.options.length);
      expect(menu.placeholder!.length).toBeLessThanOrEqual(150);
      expect(menu.custom_id.length).toBeLessThanOrEqual(discordLimits.customId);
      for (const option of menu.options) expect(option.label.length).toBeLessThanOrEqual(100);
    }
    expect(rows[0]!.components[0]!.options.filter((option) => option.default).map((option) => option.value)).toEqual(['1']);
    expect(panelMessage(options, 3, translation).content!.length).toBeLessThanOrEqual(discordLimits.content);
    const every = ['role-deleted', 'missing-manage-roles', 'role-above-bot', 'role-managed', 'role-everyone', 'not-mentionable'] as const;
    expect(roleProblemsText([...every], '123456789012345678', '223456789012345678', translation)).not.toContain('{{');
    const rows125 = options.map((option) => ({ ...option, roleId: '123456789012345678', problems: [...every] }));
    const list = biasListMessage(rows125, { pickLimit: 5, pings: true }, '223456789012345678', translation);
    expect(list.embeds![0]!.description!.length).toBeLessThanOrEqual(discordLimits.embedDescription);
  });
});
