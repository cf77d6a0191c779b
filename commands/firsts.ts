// /firsts artist:<name> — an artist's historic firsts and milestones, oldest first.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { findFirsts } from '../src/core/firsts.js';
import { artistChoices } from '../src/core/resolve-artist.js';
import { firstsMessage } from '../src/presentation/firsts-message.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { artistFromOption, idArgument, pageArgument, readerTranslation, requiredArtistOption } from './command-options.js';
import { StaleButtonError, type SlashCommand } from './command.js';

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('firsts'), 'commands.firsts.description'))
  .addStringOption((option) => requiredArtistOption(option, 'commands.firsts.options.artist'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const firstsCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const artist = artistFromOption(invocation, 'artist', context, translation);
    return { payload: firstsMessage(artist, findFirsts(context.store, artist), 0, translation) };
  },
  // Read from the store alone: the same question in the same language gets the same answer.
  reusable: { reply: () => '', choices: () => '' },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
  press(button, context) {
    const [action, artistId, page, ...rest] = button.args;
    const artist = action === 'page' && rest.length === 0 ? context.store.artistById(idArgument(artistId)) : undefined;
    if (!artist) throw new StaleButtonError(`firsts:${button.args.join(':')}`);
    const translation = readerTranslation(button, context);
    return { kind: 'update', payload: firstsMessage(artist, findFirsts(context.store, artist), pageArgument(page), translation) };
  },
};
