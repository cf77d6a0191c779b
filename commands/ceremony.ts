// /ceremony name:<ceremony> [year] [date] — one edition's results, K-pop acts first; for a weekly
// music show, its episodes in a year, or one episode by its air date.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ceremonyChoices, findEditionResults, findEpisodeResults, findShowYear } from '../src/core/ceremonies.js';
import { isRealPartialDate } from '../src/core/contributed-facts.js';
import { ceremonyResultsMessage, noEditionText, showYearMessage } from '../src/presentation/ceremony-message.js';
import { echoed } from '../src/presentation/refusals.js';
import type { Translation } from '../src/presentation/translation.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { ceremonyFromText, idArgument, optionalInteger, optionalString, pageArgument, readerTranslation, stringOption } from './command-options.js';
import { StaleButtonError, UserError, type CommandContext, type SlashCommand } from './command.js';

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('ceremony'), 'commands.ceremony.description'))
  .addStringOption((option) =>
    described(option.setName('name'), 'commands.ceremony.options.name').setRequired(true).setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((option) => described(option.setName('year'), 'commands.ceremony.options.year').setMinValue(1950).setMaxValue(2100))
  .addStringOption((option) => described(option.setName('date'), 'commands.ceremony.options.date').setMinLength(10).setMaxLength(10))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `when` is a year (an annual show, or a music show's year) or an air date (one episode). */
function render(context: CommandContext, ceremonyId: number, when: string, page: number, translation: Translation) {
  const ceremony = context.store.ceremonies().find((c) => c.id === ceremonyId);
  if (!ceremony) throw new StaleButtonError(`ceremony ${ceremonyId}`);
  const pageId = `ceremony:page:${ceremony.id}:${when}`;
  if (ceremony.kind === 'music_show' && when.length === 4) {
    const episodes = findShowYear(context.store, ceremony, Number(when));
    if (episodes.length === 0) throw new UserError(noEditionText(ceremony, Number(when), context.store.editionYears(ceremony.id), translation));
    return showYearMessage(ceremony, Number(when), episodes, page, pageId, translation);
  }
  const lookup =
    when.length === 10 ? findEpisodeResults(context.store, ceremony, when) : findEditionResults(context.store, ceremony, Number(when));
  if (lookup.status !== 'found') throw new UserError(noEditionText(ceremony, lookup.year, lookup.knownYears, translation));
  return ceremonyResultsMessage(lookup.results, page, pageId, translation);
}

export const ceremonyCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const ceremony = ceremonyFromText(stringOption(invocation, 'name', translation), context, translation);
    const date = optionalString(invocation, 'date')?.trim();
    if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isRealPartialDate(date))) {
      throw new UserError(translation.t('errors.notDate', { typed: echoed(date, 20) }));
    }
    const year = optionalInteger(invocation, 'year', translation);
    if (date === undefined && year === undefined) throw new UserError(translation.t('errors.yearNeeded'));
    // An annual show's edition is its year; a date picks one episode of a music show.
    const when = date !== undefined && ceremony.kind === 'music_show' ? date : String(year ?? Number(date!.slice(0, 4)));
    return { payload: render(context, ceremony.id, when, 0, translation) };
  },
  // Read from the store alone: the same question in the same language gets the same answer.
  reusable: { reply: () => '', choices: () => '' },
  autocomplete(focused, _invocation, context) {
    return ceremonyChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, ceremonyId, when = '', page] = button.args;
    if (action !== 'page' || !/^\d{4}(-\d{2}-\d{2})?$/.test(when)) throw new StaleButtonError(`ceremony:${button.args.join(':')}`);
    return { kind: 'update', payload: render(context, idArgument(ceremonyId), when, pageArgument(page), readerTranslation(button, context)) };
  },
};
