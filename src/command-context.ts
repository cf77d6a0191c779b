// The context every handler gets: the stores, the clock, the logger and the translator, plus what
// the runtime (Discord or the console) can do.
import type { Logger } from 'pino';
import type { Capabilities, CommandContext } from '../commands/command.js';
import type { Clock } from './core/clock.js';
import type { OpenedStore } from './open-store.js';
import { createTranslator } from './presentation/translator.js';
import { createReplyCache } from './reply-cache.js';
import { ImportDrafts } from './import/import-drafts.js';

export function createCommandContext(
  opened: OpenedStore,
  clock: Clock,
  logger: Logger,
  runtime: {
    capabilities?: Capabilities;
    preferredLocale?: (guildId: string) => string | null | undefined;
    /** Answers kept for reuse; the default when unset. */
    replyCacheSize?: number;
  } = {},
): CommandContext & { store: OpenedStore['store'] } {
  return {
    store: opened.store,
    anniversaries: opened.anniversaries,
    countdowns: opened.countdowns,
    trivia: opened.trivia,
    daily: opened.daily,
    serverSettings: opened.serverSettings,
    biasRoles: opened.biasRoles,
    catalogue: opened.catalogue,
    contributions: opened.contributions,
    importDrafts: new ImportDrafts(),
    clock,
    logger,
    translator: createTranslator({
      chosen: (guildId) => opened.serverSettings.language(guildId),
      preferred: runtime.preferredLocale ?? (() => null),
    }),
    capabilities: runtime.capabilities ?? { singlePlayer: false, forms: false, isCurator: () => false },
    replies: createReplyCache(runtime.replyCacheSize),
    commandIds: new Map(),
  };
}
