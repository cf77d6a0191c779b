// /ceremony name:<ceremony> year:<number> — one edition's results, K-pop acts first.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ceremonyChoices, findEditionResults } from '../src/core/ceremonies.js';
import { ceremonyResultsMessage, noEditionText } from '../src/presentation/ceremony-message.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { ceremonyFromText, optionalInteger, pageArgument, readerTranslation, stringOption } from './command-options.js';
import { StaleButtonError, UserError, type CommandContext, type SlashCommand } from './command.js';

const definition = described(new SlashCommandBuilder().setName('ceremony'), 'commands.ceremony.description')
  .addStringOption((option) =>
    described(option.setName('name'), 'commands.ceremony.options.name').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((option) =>
    described(option.setName('year'), 'commands.ceremony.options.year').setRequired(true).setMinValue(1950).setMaxValue(2100),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function render(context: CommandContext, ceremonyId: number, year: number, page: number, translation: Translation) {
  const ceremony = context.store.ceremonies().find((c) => c.id === ceremonyId);
  if (!ceremony) throw new StaleButtonError(`ceremony ${ceremonyId}`);
  const lookup = findEditionResults(context.store, ceremony, year);
  if (lookup.status !== 'found') throw new UserError(noEditionText(ceremony, year, lookup.knownYears, translation));
  return ceremonyResultsMessage(lookup.results, page, `ceremony:page:${ceremony.id}:${year}`, translation);
}

export const ceremonyCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const ceremony = ceremonyFromText(stringOption(invocation, 'name', translation), context, translation);
    const year = optionalInteger(invocation, 'year', translation);
    if (year === undefined) throw new UserError(translation.t('errors.yearNeeded'));
    return { payload: render(context, ceremony.id, year, 0, translation) };
  },
  autocomplete(focused, _invocation, context) {
    return ceremonyChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, ceremonyId, year, page] = button.args;
    if (action !== 'page') throw new StaleButtonError(`ceremony:${button.args.join(':')}`);
    return { kind: 'update', payload: render(context, Number(ceremonyId), Number(year), pageArgument(page), readerTranslation(button, context)) };
  },
};
