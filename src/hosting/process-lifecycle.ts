// How the `npm start` process ends: a stop (SIGINT, SIGTERM) within a deadline, and a crash (an
// unhandled rejection or uncaught exception) logged with its context and ending in a non-zero
// status so that a supervisor restarts the bot (the store is durable: a restart loses nothing).
//
// The process exits explicitly once everything it owns is closed. It cannot wait for the event
// loop to empty: when Discord's gateway has gone away, @discordjs/ws keeps reconnecting even after
// `client.destroy()` (a shard that is idle between attempts ignores the destroy, then sleeps
// 500 ms and opens a new connection, for ever), and that timer would keep the process alive.
import type { Logger } from 'pino';

export interface Stoppable {
  stop(): Promise<void>;
  /** The steps of the stop not finished yet. */
  stillRunning(): string[];
}

/** Stops within `deadlineMs`: 0 when it finished, 1 when it failed or ran out of time (logged). */
export async function stopWithin(target: Stoppable, deadlineMs: number, logger: Logger): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  try {
    const outcome = await Promise.race([target.stop().then(() => 'stopped' as const), deadline]);
    if (outcome === 'deadline') {
      logWithoutThrowing(() => logger.error(
        { deadlineMs, stillRunning: target.stillRunning(), activeResources: process.getActiveResourcesInfo() },
        `shutdown took longer than ${deadlineMs} ms; exiting anyway`,
      ));
      return 1;
    }
    return 0;
  } catch (error) {
    logWithoutThrowing(() => logger.error({ err: error, stillRunning: target.stillRunning() }, 'unclean shutdown'));
    return 1;
  } finally {
    clearTimeout(timer);
  }
}

/** The exit status matters more than the line saying why. */
function logWithoutThrowing(log: () => void): void {
  try {
    log();
  } catch {
    // Nothing left to tell it to.
  }
}

/**
 * Runs until SIGINT or SIGTERM (then stops within the deadline) or a crash (logged, then a stop
 * within the deadline, status 1). Resolves with the exit status; the caller exits with it.
 *
 * One stop at most, whatever happens during it: a crash while stopping (say, something failing
 * over and over once its output has gone) is logged once and changes nothing, and the deadline
 * is a timer of its own, so it fires even when the stop never settles.
 */
export function runUntilStopped(target: Stoppable, options: { deadlineMs: number; logger: Logger; context?: () => Record<string, unknown> }): Promise<number> {
  const { deadlineMs, logger } = options;
  return new Promise<number>((resolve) => {
    let ending = false;
    let crashedWhileEnding = false;
    const end = (stop: () => Promise<number>) => {
      ending = true;
      // A margin past stopWithin's own deadline, so that it is the one that logs what was still running.
      setTimeout(() => resolve(1), deadlineMs + 1000).unref();
      stop().then(resolve, () => resolve(1));
    };
    const onSignal = (signal: NodeJS.Signals) => {
      if (ending) {
        // A second Ctrl+C does not wait for the deadline.
        logger.warn({ signal, stillRunning: target.stillRunning() }, 'second signal: exiting now');
        resolve(1);
        return;
      }
      logger.info({ signal }, 'signal received');
      end(() => stopWithin(target, deadlineMs, logger));
    };
    const onCrash = (error: unknown, origin: string) => {
      if (ending) {
        if (!crashedWhileEnding) logger.error({ err: error, origin }, 'crashed while stopping; the stop goes on');
        crashedWhileEnding = true;
        return;
      }
      logger.fatal({ err: error, origin, ...options.context?.() }, `crashed: ${origin === 'unhandledRejection' ? 'a promise was rejected and nothing handled it' : 'an exception was not caught'}`);
      end(() => stopWithin(target, deadlineMs, logger).then(() => 1));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('unhandledRejection', (reason) => onCrash(reason, 'unhandledRejection'));
    process.on('uncaughtException', (error, origin) => onCrash(error, origin));
  });
}
