// /language [language] — the language of the messages the whole server reads: anniversary posts,
// trivia questions, reveals and standings. Replies to one person follow their own Discord language.
import { SlashCommandBuilder } from '@discordjs/builders';
import {
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { languageName } from '../src/presentation/anniversary-settings-messages.js';
import { echoed } from '../src/presentation/refusals.js';
import { supportedLocales } from '../src/presentation/translation.js';
import { languageChoices } from './anniversaries.js';
import { described } from './command-descriptions.js';
import { requireManageServer } from './command-guards.js';
import { installableInServers } from './command-installs.js';
import { optionalString, readerTranslation, requiredGuildId } from './command-options.js';
import { UserError, type SlashCommand } from './command.js';

const definition = installableInServers(described(new SlashCommandBuilder().setName('language'), 'commands.language.description'))
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((option) => described(option.setName('language'), 'commands.language.options.language').addChoices(...languageChoices()))
  .toJSON() satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const languageCommand: SlashCommand = {
  definition,
  execute(invocation, context) {
    const translation = readerTranslation(invocation, context);
    const { t } = translation;
    const guildId = requiredGuildId(invocation, 'language', translation);
    requireManageServer(invocation, translation);
    const chosen = optionalString(invocation, 'language');
    if (chosen === undefined) {
      const current = context.translator.forServer(guildId).locale;
      return { payload: { content: t('language.current', { language: languageName(current, translation) }) }, ephemeral: true };
    }
    if (!(supportedLocales as readonly string[]).includes(chosen)) throw new UserError(t('errors.unknownLanguage', { typed: echoed(chosen, 20) }));
    context.serverSettings.setLanguage(guildId, chosen, context.clock.now().getTime());
    return { payload: { content: t('language.set', { language: languageName(chosen, translation) }) }, ephemeral: true };
  },
};
