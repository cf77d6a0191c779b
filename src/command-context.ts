// The context every handler gets: the stores, the clock and the logger (plus what the Discord
// runtime or the console adds: the trivia game, the server inspector).
import type { Logger } from 'pino';
import type { Clock, CommandContext } from '../commands/command.js';
import type { OpenedStore } from './open-store.js';

export function createCommandContext(opened: OpenedStore, clock: Clock, logger: Logger): CommandContext {
  return { store: opened.store, anniversaries: opened.anniversaries, trivia: opened.trivia, clock, logger };
}
