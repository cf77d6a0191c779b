// /about — what the store holds, for a server admin deciding whether Lightstick suits their fans:
// acts, wins (weekly music shows and award shows apart), ceremonies, years covered, and where the
// facts come from.
import { SlashCommandBuilder } from '@discordjs/builders';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { aboutMessage } from '../src/presentation/about-message.js';
import { described } from './command-descriptions.js';
import { installableAnywhere } from './command-installs.js';
import { readerTranslation } from './command-options.js';
import type { SlashCommand } from './command.js';

// It reads the store alone, so it goes wherever fans talk, like the other read-only commands.
const definition = installableAnywhere(described(new SlashCommandBuilder().setName('about'), 'commands.about.description'))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const aboutCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    return { payload: aboutMessage(context.catalogue.catalogueSummary(), readerTranslation(invocation, context)) };
  },
  // Read from the store alone: the same question in the same language gets the same answer.
  reusable: { reply: () => '' },
};
