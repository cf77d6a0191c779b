// The offline console: one-shot, piped (one command per line) or interactive at a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { TriviaFacts } from '../core/awards-facts.js';
import type { CommandContext, CommandReply } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { supportedLocaleOf, supportedLocales, translationFor, type Translation } from '../presentation/translation.js';
import { CommandLineError, commandUsage, parseLine, toInvocation } from './command-line.js';
import { createConsoleSession, type ConsoleSession } from './console-session.js';
import { renderReplyText, replyJson } from './render-text.js';

/** How to run the console, in the reader's language. */
export function usageText(translation: Translation = translationFor(null)): string {
  return translation.t('console.usage');
}

export interface ConsoleStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

export interface ConsoleArguments {
  json: boolean;
  now: Date | null;
  /** The language of the answers (a Discord locale such as ko or pt-BR); null is English. */
  locale: string | null;
  line: string | null;
}

/** Reads the console's own arguments; throws CommandLineError for anything it does not understand. */
export function parseConsoleArguments(argv: string[]): ConsoleArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
      throw new CommandLineError(translationFor(null).t('console.badNow', { text }));
    }
  }
  const locale = parsed.values.locale ?? null;
  if (locale !== null && !supportedLocaleOf(locale)) {
    throw new CommandLineError(translationFor(null).t('console.badLocale', { text: locale, locales: supportedLocales.join(', ') }));
  }
  const line = parsed.positionals.length > 0 ? parsed.positionals.join(' ') : null;
  return { json: parsed.values.json ?? false, now, locale, line };
}

export function helpText(translation: Translation = translationFor(null)): string {
  const { t } = translation;
  return [
    t('console.help.commands'),
    ...commands.flatMap((c) => commandUsage(c.definition, translation)).map((line) => `  ${line}`),
    `  press <number>   ${t('console.help.press')}`,
    `  A, B, C ${t('console.help.or')} D   ${t('console.help.answer')}`,
    `  help             ${t('console.help.help')}`,
    `  exit             ${t('console.help.exit')}`,
  ].join('\n');
}

function show(reply: CommandReply, json: boolean, pretty: boolean, translation: Translation): string {
  if (!json) return renderReplyText(reply, translation);
  return JSON.stringify(replyJson(reply), null, pretty ? 2 : undefined);
}

/** Runs one command and returns the process exit code: 0 answered, 2 malformed. */
export async function runOneShot(
  session: ConsoleSession,
  line: string,
  json: boolean,
  streams: ConsoleStreams,
  translation: Translation = translationFor(null),
): Promise<number> {
  try {
    const reply = await session.run(line);
    streams.output.write(`${show(reply, json, true, translation)}\n`);
    // A trivia round started: its answers come from standard input.
    if (session.playing()) {
      return streams.input.isTTY ? runInteractive(session, json, streams, translation) : runPiped(session, json, streams, translation);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    streams.errors.write(`${error.message}\n\n${usageText(translation)}\n\n${helpText(translation)}\n`);
    return 2;
  }
}

/** One command per line from a pipe; malformed lines are reported and skipped, and make the exit code 2. */
export async function runPiped(
  session: ConsoleSession,
  json: boolean,
  streams: ConsoleStreams,
  translation: Translation = translationFor(null),
): Promise<number> {
  let exitCode = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: streams.input, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNumber++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === 'exit' || line === 'quit') break;
    if (line === 'help') {
      if (!json) streams.output.write(`${helpText(translation)}\n\n`);
      continue;
    }
    try {
      const reply = await session.run(line);
      streams.output.write(json ? `${show(reply, true, false, translation)}\n` : `${show(reply, false, false, translation)}\n\n`);
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      streams.errors.write(`${translation.t('console.lineNumber', { line: lineNumber })} ${error.message}\n`);
      exitCode = 2;
    }
  }
  // A round still being played when the input ends plays out before the console exits.
  await session.idle();
  return exitCode;
}

/** A prompt with history (arrow keys), `help` and `exit`. */
export async function runInteractive(
  session: ConsoleSession,
  json: boolean,
  streams: ConsoleStreams,
  translation: Translation = translationFor(null),
): Promise<number> {
  const prompt = createInterface({
    input: streams.input,
    output: streams.output,
    prompt: 'lightstick> ',
    historySize: 500,
    terminal: true,
  });
  streams.output.write(`${translation.t('console.welcome')}\n`);
  prompt.prompt();
  for await (const raw of prompt) {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') break;
    if (line === 'help') streams.output.write(`${helpText(translation)}\n`);
    else if (line !== '') {
      try {
        streams.output.write(`${show(await session.run(line), json, true, translation)}\n`);
      } catch (error) {
        if (!(error instanceof CommandLineError)) throw error;
        streams.output.write(`${error.message} ${translation.t('console.typeHelp')}\n`);
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
  makeContext: (now: Date | null) => CommandContext & { store: TriviaFacts },
  streams: ConsoleStreams,
): Promise<number> {
  let args: ConsoleArguments;
  try {
    args = parseConsoleArguments(argv);
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    streams.errors.write(`${error.message ? `${error.message}\n\n` : ''}${usageText()}\n`);
    return 2;
  }
  const translation = translationFor(args.locale);
  // A malformed one-shot command is refused before the store is opened: it never creates or seeds one.
  if (args.line !== null && !/^([a-d]|press\s+\d+)$/i.test(args.line.trim())) {
    try {
      toInvocation(parseLine(args.line.trim(), translation), commands.map((c) => c.definition), { id: '0', name: 'console' }, translation);
    } catch (error) {
      if (!(error instanceof CommandLineError)) throw error;
      streams.errors.write(`${error.message}\n\n${usageText(translation)}\n\n${helpText(translation)}\n`);
      return 2;
    }
  }
  const session = createConsoleSession(
    makeContext(args.now),
    (payload) => {
      const text = args.json
        ? JSON.stringify(replyJson({ payload }))
        : renderReplyText({ payload }, translation, translation.t('console.answerHint'));
      streams.output.write(`${text}\n${args.json ? '' : '\n'}`);
    },
    args.locale,
  );
  if (args.line !== null) return runOneShot(session, args.line, args.json, streams, translation);
  if (streams.input.isTTY) return runInteractive(session, args.json, streams, translation);
  return runPiped(session, args.json, streams, translation);
}
