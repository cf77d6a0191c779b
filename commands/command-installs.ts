// Where a command can be installed and used. What only reads the store goes wherever fans talk: a
// person may install it to their own account and use it in any server, in the bot's DMs, and in
// their own DMs and group DMs. What needs the bot in the server (posting, rounds, settings, curation)
// stays with a server install.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';

interface Installable<T> {
  setIntegrationTypes(...types: ApplicationIntegrationType[]): T;
  setContexts(...contexts: InteractionContextType[]): T;
}

/** Installable to a server or to a person's account, usable in servers, the bot's DMs and private channels. */
export function installableAnywhere<T extends Installable<T>>(builder: T): T {
  return builder
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel);
}

/** Installable to a server only; its contexts are the command's own. */
export function installableInServers<T extends Installable<T>>(builder: T): T {
  return builder.setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}
