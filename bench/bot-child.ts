// Starts a bench bot process (see bot-process.ts) and talks to it.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface BotChild {
  process: ChildProcess;
  /** Resolves when the process ends, with its status or the signal that ended it (SIGABRT for an abort). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ask<T>(type: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startBotChild(
  kind: 'lightstick' | 'bare',
  environment: Record<string, string>,
  options: { clockOffsetMs?: number } = {},
): Promise<BotChild> {
  // A shifted clock (test/support/shifted-clock.ts) makes a day with anniversaries "today".
  const clock = options.clockOffsetMs
    ? ['--import', fileURLToPath(new URL('../test/support/shifted-clock.ts', import.meta.url))]
    : [];
  // BENCH_BETTER_SQLITE3=<package folder> runs the bot on another copy of better-sqlite3 (bench/soak.ts).
  const sqlite = process.env.BENCH_BETTER_SQLITE3
    ? ['--import', fileURLToPath(new URL('./better-sqlite3-from.ts', import.meta.url))]
    : [];
  const child = fork(fileURLToPath(new URL('./bot-process.ts', import.meta.url)), [kind], {
    // BENCH_CPU_PROFILE=<folder> writes the bot's CPU profile there, to see where its time goes.
    execArgv: [
      '--import',
      'tsx',
      ...clock,
      ...sqlite,
      '--expose-gc',
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
    ],
    env: {
      ...process.env,
      ...environment,
      ...(options.clockOffsetMs ? { LIGHTSTICK_TEST_CLOCK_OFFSET_MS: String(options.clockOffsetMs) } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  // BENCH_SEPARATE_CORES=1 (Linux): the bot on the last core, this process (the local server) on the others.
  if (process.env.BENCH_SEPARATE_CORES === '1' && child.pid !== undefined) {
    const cores = availableParallelism();
    execFileSync('taskset', ['-a', '-cp', String(cores - 1), String(child.pid)], { stdio: 'ignore' });
    execFileSync('taskset', ['-a', '-cp', cores > 2 ? `0-${cores - 2}` : '0', String(process.pid)], { stdio: 'ignore' });
  }
  const first = await Promise.race([
    once(child, 'message').then(([message]) => message as { type: string }),
    exited.then((end) => ({ type: 'exited', ...end })),
  ]);
  if (first.type !== 'ready') throw new Error(`bench bot did not start: ${JSON.stringify(first)}`);
  return {
    process: child,
    exited,
    async ask<T>(type: string) {
      const answer = new Promise<T>((resolve) => {
        const listener = (message: { type: string }) => {
          if (message.type !== type) return;
          child.off('message', listener);
          resolve(message as T);
        };
        child.on('message', listener);
      });
      child.send({ type });
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
