// The console adapter: runs the same command modules as Discord, one line at a time, keeps the
// last reply so that its buttons can be pressed, and plays trivia rounds for one person.
import { randomUUID } from 'node:crypto';
import type { ButtonReply, CommandContext, CommandReply, MessagePayload } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { optionLetters, roundMessages } from '../presentation/trivia-messages.js';
import { runButton, runSlashCommand } from '../command-router.js';
import { createCardPainter } from '../cards/card-painter.js';
import type { TriviaFacts } from '../core/awards-facts.js';
import { createTriviaGame, type TriviaGame } from '../trivia/trivia-game.js';
import { CommandLineError, parseLine, toInvocation } from './command-line.js';
import { buttonsOf } from './render-text.js';
import { buttonsOfPayload } from '../presentation/message-payload.js';

const consoleUser = { id: '0', name: 'console' };
/** The console is one channel, for trivia. */
export const CONSOLE_CHANNEL = 'console';

export interface ConsoleSession {
  /** Runs `/command ...`, `press <n>`, or a trivia answer A-D; throws CommandLineError for a malformed line. */
  run(line: string): Promise<CommandReply>;
  /** True while a trivia round is being played. */
  playing(): boolean;
  /** Resolves when no trivia round is being played. */
  idle(): Promise<void>;
  /** Ends a round in progress (leaving the console). */
  close(): Promise<void>;
}

/**
 * `show` prints a message a trivia round posts or finishes editing (the countdown's edits are not
 * printed: a terminal cannot edit what it printed).
 */
export function createConsoleSession(
  // The console runs its own trivia rounds: its context's store also answers what trivia reads.
  baseContext: CommandContext & { store: TriviaFacts },
  show: (payload: MessagePayload) => void,
  locale: string | null = null,
): ConsoleSession {
  let messageCount = 0;
  const requester = { user: consoleUser, guildId: null, channelId: CONSOLE_CHANNEL, locale };
  const game: TriviaGame = createTriviaGame({
    store: baseContext.store,
    trivia: baseContext.trivia,
    clock: baseContext.clock,
    logger: baseContext.logger,
    random: Math.random,
    // The console is one person's channel: its rounds are in their language.
    messagesFor: () => roundMessages(baseContext.translator.forReader(locale)),
    channel: {
      async post(_channelId, payload) {
        show(payload);
        return `console-${++messageCount}`;
      },
      async edit(_channelId, _messageId, payload) {
        const stillOpen = buttonsOfPayload(payload).some((button) => !button.disabled);
        if (!stillOpen) show(payload);
      },
    },
  });
  const context: CommandContext = { ...baseContext, capabilities: { trivia: game, singlePlayer: true, forms: false, isCurator: () => true, cards: createCardPainter() } };
  // A console that was killed mid-round left it active; it cannot go on, but its points stay.
  for (const round of baseContext.trivia.activeRounds()) {
    if (round.channelId === CONSOLE_CHANNEL) baseContext.trivia.endRound(round.id, 'interrupted', baseContext.clock.now().getTime());
  }
  let last: CommandReply | null = null;

  /** The console has no forms (its capabilities say so): a form a button still asks for is named instead. */
  function shown(reply: ButtonReply): CommandReply {
    if (reply.kind !== 'modal') return reply;
    return { payload: { content: reply.modal.title }, ephemeral: true };
  }

  async function answer(letter: string): Promise<CommandReply> {
    // Waits for the next question when the last one is still being revealed.
    const open = await game.openQuestion(CONSOLE_CHANNEL, consoleUser.id, 30_000);
    if (!open) throw new CommandLineError(baseContext.translator.forReader(locale).t('console.noOpenQuestion'));
    const press = await runButton(
      `trivia:answer:${open.id}:${optionLetters.indexOf(letter as (typeof optionLetters)[number])}`,
      requester,
      context,
      randomUUID(),
    );
    return shown(press);
  }

  return {
    async run(line) {
      const trimmed = line.trim();
      if (/^[a-d]$/i.test(trimmed)) return answer(trimmed.toUpperCase());
      const press = /^press\s+(\d+)$/i.exec(trimmed);
      if (press) {
        const buttons = last ? buttonsOf(last) : [];
        const button = buttons[Number(press[1]) - 1];
        const { t } = baseContext.translator.forReader(locale);
        if (!button || !('custom_id' in button)) throw new CommandLineError(t('console.noSuchButton', { number: press[1] }));
        if (button.disabled) throw new CommandLineError(t('console.buttonDisabled', { number: press[1] }));
        const reply: ButtonReply = await runButton(
          button.custom_id,
          requester,
          context,
          randomUUID(),
        );
        if (reply.kind === 'update') last = reply;
        return shown(reply);
      }
      const invocation = {
        ...toInvocation(
          parseLine(trimmed, baseContext.translator.forReader(locale)),
          commands.map((c) => c.definition),
          consoleUser,
          baseContext.translator.forReader(locale),
        ),
        channelId: CONSOLE_CHANNEL,
        locale,
      };
      last = await runSlashCommand(invocation, context, randomUUID());
      return last;
    },
    playing: () => baseContext.trivia.activeRoundIn(CONSOLE_CHANNEL) !== undefined,
    idle: () => game.idle(),
    close: () => game.shutdown(),
  };
}
