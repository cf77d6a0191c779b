// /ceremony name:<ceremony> year:<number> — one edition's results, K-pop acts first.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ceremonyChoices, findEditionResults, isKpopNomination, resolveCeremony } from '../src/core/ceremonies.js';
import { StaleButton, UserError, type CommandContext, type SlashCommand } from './command.js';
import { editionDateText, editionLabel, escaped, nomineeText } from './presentation/fact-text.js';
import { optionalInteger, pageArgument, stringOption } from './presentation/options.js';
import { colors, renderPagedEmbed } from './presentation/paged-embed.js';

const definition = new SlashCommandBuilder()
  .setName('ceremony')
  .setDescription("One ceremony's results in a year, K-pop acts first")
  .addStringOption((option) =>
    option.setName('name').setDescription('The ceremony, e.g. VMAs or EMAs').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((option) =>
    option.setName('year').setDescription('The year, e.g. 2023').setRequired(true).setMinValue(1950).setMaxValue(2100),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function render(context: CommandContext, ceremonyId: number, year: number, page: number) {
  const ceremony = context.store.ceremonies().find((c) => c.id === ceremonyId);
  if (!ceremony) return { embeds: [{ title: 'That ceremony is no longer in the store.', color: colors.notice }] };
  const lookup = findEditionResults(context.store, ceremony, year);
  if (lookup.status !== 'found') {
    const years = lookup.knownYears.length > 0 ? ` Years I have: ${lookup.knownYears.join(', ')}.` : '';
    throw new UserError(`I have no results for the ${escaped(ceremony.shortName)} in ${year}.${years}`);
  }
  const { edition, categories } = lookup.results;
  const description = [editionDateText(edition), edition.notes ? `*${escaped(edition.notes)}*` : null]
    .filter(Boolean)
    .join('\n');
  return renderPagedEmbed({
    title: `${editionLabel(edition)}: results`,
    description,
    sections: categories.map((category) => ({
      heading: `${category.categoryName}${category.complete ? ' · full nominee list' : category.nominees.length > 1 ? ' · nominees named in the sources' : ''}`,
      lines: category.nominees.map((n) => {
        const marker = n.result === 'won' ? '🏆' : '▫️';
        const name = isKpopNomination(n) ? `**${nomineeText(n)}**` : nomineeText(n);
        return { text: `${marker} ${name}`, sources: n.sources };
      }),
    })),
    emptyText: 'The store has this edition but no results from it yet.',
    color: colors.ceremony,
    page,
    pageButtonId: (target) => `ceremony:page:${ceremony.id}:${year}:${target}`,
  });
}

export const ceremonyCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const typed = stringOption(invocation, 'name');
    const resolution = resolveCeremony(context.store, typed);
    if (resolution.status !== 'found') {
      throw new UserError(
        `I don't know a ceremony called "${escaped(typed.slice(0, 80))}". Try ${resolution.known.map((c) => c.shortName).join(' or ')}.`,
      );
    }
    const year = optionalInteger(invocation, 'year');
    if (year === undefined) throw new UserError('Please give the `year` option, e.g. `year:2023`.');
    return { payload: render(context, resolution.ceremony.id, year, 0) };
  },
  autocomplete(focused, _invocation, context) {
    return ceremonyChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, ceremonyId, year, page] = button.args;
    if (action !== 'page') throw new StaleButton(`Unknown ceremony button action ${action}`);
    return { kind: 'update', payload: render(context, Number(ceremonyId), Number(year), pageArgument(page)) };
  },
};
