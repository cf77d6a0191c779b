// Starts the real bot (the same createBot that `npm start` uses) against the Discord-compatible
// server on 127.0.0.1, and checks every body it sends against Discord's spec and limits.
import pino from 'pino';
import { expect } from 'vitest';
import { readConfig } from '../../src/config.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { FakeDiscordServer, type GuildSpec, type RecordedRequest } from '../discord-server/index.js';
import {
  checkAttachmentReferences,
  specAvailable,
  specSkipNote,
  validateCreateMessage,
  validateCreateRole,
  validateEditRole,
  validateEditMessage,
  validateInteractionCallback,
  validateWebhookEdit,
  validateWebhookExecute,
} from '../discord-server/openapi-check.js';
import { foundingSeedDirectory, temporaryDatabasePath } from '../support/test-store.js';
import type { Clock, Timers } from '../../src/core/clock.js';

export const TEST_TOKEN = 'lightstick-test-token.0123456789abcdef';

export interface Harness {
  server: FakeDiscordServer;
  bot: Bot;
  databasePath: string;
  logLines: string[];
  stop(): Promise<void>;
}

export async function startHarness(options: {
  guilds?: GuildSpec[];
  now?: () => Date;
  seedDirectory?: string;
  databasePath?: string;
  anniversaryTickMs?: number;
  /** A clock with its timers (a TestClock) that the test moves on: the bot's time, and every trivia wait. */
  clock?: Clock & Timers;
  /** A running server to log in to again (a restart); the harness then leaves it running when it stops. */
  server?: FakeDiscordServer;
} = {}): Promise<Harness> {
  const ownServer = !options.server;
  const server = options.server ?? new FakeDiscordServer({ guilds: options.guilds ?? [{ name: 'Fan Server', channels: [{ name: 'general' }] }] });
  if (ownServer) await server.start();
  const databasePath = options.databasePath ?? temporaryDatabasePath();
  const config = readConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: server.applicationId,
    DISCORD_API_URL: server.apiBaseUrl,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'info',
  });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const bot = createBot(config, {
    logger,
    ...(options.now ? { clock: { now: options.now } } : {}),
    ...(options.clock ? { clock: options.clock, timers: options.clock } : {}),
    // The founding articles' facts unless a test asks for another set (the catalogue: seeds/).
    seedDirectory: options.seedDirectory ?? foundingSeedDirectory,
    ...(options.anniversaryTickMs ? { anniversaryTickMs: options.anniversaryTickMs } : {}),
  });
  await bot.start();
  return {
    server,
    bot,
    databasePath,
    logLines,
    async stop() {
      await bot.stop();
      if (ownServer) await server.stop();
    },
  };
}

/** What is wrong with a body the bot sent, by route; [] when it is fine. */
export function problemsWithRequest(request: RecordedRequest): string[] {
  const attachmentProblems = request.files.length > 0 ? checkAttachmentReferences(request.body, request.files) : [];
  return [...attachmentProblems, ...schemaProblems(request)];
}

function schemaProblems(request: RecordedRequest): string[] {
  const { method, path, body } = request;
  if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return validateInteractionCallback(body);
  if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) return validateWebhookEdit(body);
  if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return validateWebhookExecute(body);
  if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) return validateCreateMessage(body);
  if (method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(path)) return validateEditMessage(body);
  if (method === 'POST' && /^\/guilds\/\d+\/roles$/.test(path)) return validateCreateRole(body);
  if (method === 'PATCH' && /^\/guilds\/\d+\/roles\/\d+$/.test(path)) return validateEditRole(body);
  return [];
}

let warned = false;

/** Checks every message body the bot has sent so far against the spec (when present) and limits. */
export function expectEveryBodyValid(server: FakeDiscordServer): void {
  if (!specAvailable && !warned) {
    warned = true;
    console.warn(`${specSkipNote} Only the limits the spec does not cover were checked.`);
  }
  const problems = server.requests
    .map((request) => ({ route: `${request.method} ${request.path}`, problems: problemsWithRequest(request) }))
    .filter((entry) => entry.problems.length > 0);
  expect(problems).toEqual([]);
}

/** Sends an interaction and returns the bot's callback with how long it took. */
export async function roundTrip(server: FakeDiscordServer, raw: Parameters<FakeDiscordServer['sendInteraction']>[0]) {
  const started = Date.now();
  const sent = server.sendInteraction(raw);
  const callback = await sent.callback(3500);
  return { sent, callback, elapsedMs: Date.now() - started };
}
