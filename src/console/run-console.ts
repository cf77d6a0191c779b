// The offline console: one-shot, piped (one command per line) or interactive at a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { CommandContext, CommandReply } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { CommandLineError, commandUsage } from './command-line.js';
import { createConsoleSession, type ConsoleSession } from './console-session.js';
import { renderReplyText, replyJson } from './render-text.js';

export const USAGE = `Usage: npm run --silent console -- [--json] [--now <ISO-8601 instant>] ["/command name:value ..."]
  Without a command, reads one command per line from standard input (a prompt when it is a terminal).
  Quote values with spaces: /awards artist:"stray kids" result:won
  --json   print exactly the message payload the bot would send, one JSON document per command
  --now    pin the clock, e.g. --now 2026-09-12T09:00:00Z`;

export interface ConsoleStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

export interface ConsoleArguments {
  json: boolean;
  now: Date | null;
  line: string | null;
}

/** Reads the console's own arguments; throws CommandLineError for anything it does not understand. */
export function parseConsoleArguments(argv: string[]): ConsoleArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CommandLineError((error as Error).message);
  }
  if (parsed.values.help) throw new CommandLineError('');
  let now: Date | null = null;
  if (parsed.values.now !== undefined) {
    const text = parsed.values.now;
    now = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? new Date(text) : null;
    if (!now || Number.isNaN(now.getTime())) {
      throw new CommandLineError(`--now needs an ISO-8601 instant such as 2026-09-12T09:00:00Z, not "${text}".`);
    }
  }
  const line = parsed.positionals.length > 0 ? parsed.positionals.join(' ') : null;
  return { json: parsed.values.json ?? false, now, line };
}

export function helpText(): string {
  return [
    'Commands:',
    ...commands.flatMap((c) => commandUsage(c.definition)).map((line) => `  ${line}`),
    '  press <number>   press a button on the last reply (e.g. the next page)',
    '  A, B, C or D     answer the open trivia question',
    '  help             show this list',
    '  exit             leave the console',
  ].join('\n');
}

function show(reply: CommandReply, json: boolean, pretty: boolean): string {
  if (!json) return renderReplyText(reply);
  return JSON.stringify(replyJson(reply), null, pretty ? 2 : undefined);
}

/** Runs one command and returns the process exit code: 0 answered, 2 malformed. */
export async function runOneShot(session: ConsoleSession, line: string, json: boolean, streams: ConsoleStreams): Promise<number> {
  try {
    const reply = await session.run(line);
    streams.output.write(`${show(reply, json, true)}\n`);
    // A trivia round started: its answers come from standard input.
    if (session.playing()) return streams.input.isTTY ? runInteractive(session, json, streams) : runPiped(session, json, streams);
    return 0;
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    streams.errors.write(`${error.message}\n\n${USAGE}\n\n${helpText()}\n`);
    return 2;
  }
}

/** One command per line from a pipe; malformed lines are reported and skipped, and make the exit code 2. */
export async function runPiped(session: ConsoleSession, json: boolean, streams: ConsoleStreams): Promise<number> {
  let exitCode = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: streams.input, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === 'exit' || line === 'quit') break;
    if (line === 'help') {
      if (!json) streams.output.write(`${helpText()}\n\n`);
      continue;
    }
    try {
      const reply = await session.run(line);
      streams.output.write(json ? `${show(reply, true, false)}\n` : `${show(reply, false, false)}\n\n`);
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      streams.errors.write(`line ${lineNumber}: ${error.message}\n`);
      exitCode = 2;
    }
  }
  // A round still being played when the input ends plays out before the console exits.
  await session.idle();
  return exitCode;
}

/** A prompt with history (arrow keys), `help` and `exit`. */
export async function runInteractive(session: ConsoleSession, json: boolean, streams: ConsoleStreams): Promise<number> {
  const prompt = createInterface({
    input: streams.input,
    output: streams.output,
    prompt: 'lightstick> ',
    historySize: 500,
    terminal: true,
  });
  streams.output.write('Lightstick console. Try /firsts artist:blackpink, or type help. exit (or Ctrl+D) leaves.\n');
  prompt.prompt();
  for await (const raw of prompt) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line === 'help') streams.output.write(`${helpText()}\n`);
    else if (line !== '') {
      try {
        streams.output.write(`${show(await session.run(line), json, true)}\n`);
      } catch (error) {
        if (!(error instanceof CommandLineError)) throw error;
        streams.output.write(`${error.message} (type help for the commands)\n`);
      }
    }
    prompt.prompt();
  }
  prompt.close();
  await session.close();
  return 0;
}

export async function runConsole(
  argv: string[],
  makeContext: (now: Date | null) => CommandContext,
  streams: ConsoleStreams,
): Promise<number> {
  let args: ConsoleArguments;
  try {
    args = parseConsoleArguments(argv);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    streams.errors.write(`${error.message ? `${error.message}\n\n` : ''}${USAGE}\n`);
    return 2;
  }
  const session = createConsoleSession(makeContext(args.now), (payload) => {
    const text = args.json
      ? JSON.stringify(payload)
      : renderReplyText({ payload }, '(type A, B, C or D to answer)');
    streams.output.write(`${text}\n${args.json ? '' : '\n'}`);
  });
  if (args.line !== null) return runOneShot(session, args.line, args.json, streams);
  if (streams.input.isTTY) return runInteractive(session, args.json, streams);
  return runPiped(session, args.json, streams);
}
