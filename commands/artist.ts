// /artist name:<name> — who an artist is: aliases, group or members, award counts, latest win.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { describeArtist } from '../src/core/artist-profile.js';
import { artistChoices } from '../src/core/resolve-artist.js';
import { artistProfileMessage } from '../src/presentation/artist-profile-message.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { artistFromOption, readerTranslation, requiredArtistOption } from './command-options.js';
import type { SlashCommand } from './command.js';

const definition = installableAnywhere(described(new SlashCommandBuilder().setName('artist'), 'commands.artist.description'))
  .addStringOption((option) => requiredArtistOption(option, 'commands.artist.options.name', 'name'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const artistCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const artist = artistFromOption(invocation, 'name', context, translation);
    return { payload: artistProfileMessage(describeArtist(context.store, artist), translation) };
  },
  // Read from the store alone: the same question in the same language gets the same answer.
  reusable: { reply: () => '', choices: () => '' },
  autocomplete(focused, _invocation, context) {
    return artistChoices(context.store, focused.value);
  },
};
