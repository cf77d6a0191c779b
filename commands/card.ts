// /card artist:<name> [milestone] — a picture of an artist's milestone or win that fans can share;
// the embed carries the same facts in text, and the picture has alt text.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { notableFacts } from '../src/core/notable-facts.js';
import { artistChoices, resolveArtist } from '../src/core/resolve-artist.js';
import { cardMessage, notableFactChoice } from '../src/presentation/milestone-card-message.js';
import { escaped } from '../src/presentation/fact-text.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { artistFromOption, optionalString, readerTranslation, requiredArtistOption } from './command-options.js';
import { UserError, type SlashCommand } from './command.js';

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('card'), 'commands.card.description'))
  .addStringOption((option) => requiredArtistOption(option, 'commands.card.options.artist'))
  .addStringOption((option) => described(option.setName('milestone'), 'commands.card.options.milestone').setAutocomplete(true).setMaxLength(100))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const cardCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const artist = artistFromOption(invocation, 'artist', context, translation);
    const facts = notableFacts(context.store, artist);
    if (facts.length === 0) throw new UserError(translation.t('cards.nothingYet', { artist: escaped(artist.name) }));
    const chosen = optionalString(invocation, 'milestone');
    const fact = chosen === undefined ? facts[0]! : facts.find((f) => notableFactChoice(f, translation).value === chosen);
    if (!fact) throw new UserError(translation.t('cards.unknownMilestone', { artist: escaped(artist.name) }));
    if (!context.capabilities.cards) throw new UserError(translation.t('errors.apology'));
    return { payload: cardMessage(artist, fact, context.capabilities.cards, translation) };
  },
  autocomplete(focused, invocation, context) {
    if (focused.name !== 'milestone') return artistChoices(context.store, focused.value);
    const typed = String(invocation.options.artist ?? '');
    const resolution = resolveArtist(context.store, typed);
    if (resolution.status !== 'found') return [];
    const translation = readerTranslation(invocation, context);
    const wanted = focused.value.toLowerCase();
    return notableFacts(context.store, resolution.artist)
      .map((fact) => notableFactChoice(fact, translation))
      .filter((choice) => choice.name.toLowerCase().includes(wanted))
      .slice(0, 25);
  },
};
