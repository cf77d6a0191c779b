// The compiled bot (`npm start`'s command, without npm in between) in a child process, with helpers
// to wait for its log lines and to read its health server.
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { TEST_TOKEN } from '../e2e/bot-harness.js';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the first JSON log line whose msg starts with `message`. */
  waitForLog(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit status. */
  exited(timeoutMs?: number): Promise<number | null>;
  kill(): void;
  /** With `logRelay`, the process reading the bot's stdout and stderr (killing it breaks the bot's pipe). */
  logRelay?: ChildProcess;
}

export function spawnBot(options: { env: Record<string, string>; cwd?: string; nodeArgs?: string[]; logRelay?: boolean }): BotProcess {
  // As a service manager or `docker logs` would: another process reads the bot's output (and
  // passes it on to this one), so that the test can take the reader away.
  const relay = options.logRelay
    ? spawn(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { stdio: ['pipe', 'pipe', 'ignore'] })
    : undefined;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--enable-source-maps', 'dist/src/main.js'], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, DISCORD_TOKEN: TEST_TOKEN, LOG_LEVEL: 'debug', ...options.env },
    stdio: relay ? ['pipe', relay.stdin, relay.stdin] : ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  if (relay) {
    relay.stdout.on('data', collect);
  } else {
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  }
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => output,
    waitForLog(message, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of output.split('\n')) {
            if (!line.startsWith('{')) continue;
            let entry: Record<string, unknown>;
            try {
              entry = JSON.parse(line) as Record<string, unknown>;
            } catch {
              continue; // the last line, still arriving
            }
            if (typeof entry.msg === 'string' && entry.msg.startsWith(message)) {
              listeners.delete(check);
              clearTimeout(timer);
              resolve(entry);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no log line "${message}" within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        exit.then(() => {
          check();
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`exited before logging "${message}"; output:\n${output}`));
          }
        });
        check();
      });
    },
    exited(timeoutMs = 20_000) {
      return Promise.race([
        exit,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms; output:\n${output}`)), timeoutMs).unref()),
      ]);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (relay && relay.exitCode === null && relay.signalCode === null) relay.kill('SIGKILL');
    },
    logRelay: relay,
  };
}

export async function getText(url: string): Promise<{ status: number; body: string; contentType: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}
