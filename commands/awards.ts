// /awards artist:<name> [ceremony] [year] [result] — wins and nominations by ceremony edition.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { findAwards, type ResultFilter } from '../src/core/awards.js';
import { ceremonyChoices } from '../src/core/ceremonies.js';
import { artistChoices } from '../src/core/resolve-artist.js';
import { awardsMessage, type AwardsView } from '../src/presentation/awards-message.js';
import type { Translation } from '../src/presentation/translation.js';
import { described, localizedChoice } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import {
  artistFromOption,
  ceremonyFromText,
  optionalInteger,
  optionalString,
  idArgument,
  pageArgument,
  readerTranslation,
  requiredArtistOption,
} from './command-options.js';
import { StaleButtonError, UserError, type CommandContext, type SlashCommand } from './command.js';

const resultChoices = ['won', 'nominated', 'all'] as const satisfies readonly ResultFilter[];

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('awards'), 'commands.awards.description'))
  .addStringOption((option) => requiredArtistOption(option, 'commands.awards.options.artist'))
  .addStringOption((option) =>
    described(option.setName('ceremony'), 'commands.awards.options.ceremony').setAutocomplete(true).setMaxLength(100),
  )
  .addIntegerOption((option) => described(option.setName('year'), 'commands.awards.options.year').setMinValue(1950).setMaxValue(2100))
  .addStringOption((option) =>
    described(option.setName('result'), 'commands.awards.options.result').addChoices(
      ...resultChoices.map((value) => localizedChoice(value, `commands.awards.choices.${value}`)),
    ),
  )
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function render(context: CommandContext, view: AwardsView, page: number, translation: Translation) {
  const artist = context.store.artistById(view.artistId);
  if (!artist) throw new StaleButtonError(`awards artist ${view.artistId}`);
  const ceremony = view.ceremonyId === null ? null : (context.store.ceremonies().find((c) => c.id === view.ceremonyId) ?? null);
  return awardsMessage(artist, ceremony, view, findAwards(context.store, artist, view), page, translation);
}

export const awardsCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const artist = artistFromOption(invocation, 'artist', context, translation);
    const ceremonyName = optionalString(invocation, 'ceremony');
    const ceremonyId = ceremonyName === undefined ? null : ceremonyFromText(ceremonyName, context, translation).id;
    const result = optionalString(invocation, 'result') ?? 'all';
    if (!(resultChoices as readonly string[]).includes(result)) throw new UserError(translation.t('errors.resultChoice'));
    const view = {
      artistId: artist.id,
      ceremonyId,
      year: optionalInteger(invocation, 'year', translation) ?? null,
      result: result as ResultFilter,
    };
    return { payload: render(context, view, 0, translation) };
  },
  // Read from the store alone: the same question in the same language gets the same answer.
  reusable: { reply: () => '', choices: () => '' },
  autocomplete(focused, _invocation, context) {
    if (focused.name === 'ceremony') return ceremonyChoices(context.store, focused.value);
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, artistId, ceremonyId, year, result = '', page, ...rest] = button.args;
    // A result the bot never writes is a forged id, not a filter to guess at.
    if (action !== 'page' || rest.length > 0 || !(resultChoices as readonly string[]).includes(result)) {
      throw new StaleButtonError(`awards:${button.args.join(':')}`);
    }
    const view: AwardsView = {
      artistId: idArgument(artistId),
      ceremonyId: ceremonyId === '-' ? null : idArgument(ceremonyId),
      year: year === '-' ? null : idArgument(year),
      result: result as ResultFilter,
    };
    return { kind: 'update', payload: render(context, view, pageArgument(page), readerTranslation(button, context)) };
  },
};
