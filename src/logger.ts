// Structured logs (pino). The token never reaches a log line: it is redacted wherever it appears.
import pino, { type DestinationStream, type Logger } from 'pino';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export function createLogger(level: LogLevel, destination: DestinationStream | NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'lightstick' },
      redact: { paths: ['token', '*.token', 'config.discordToken', 'headers.authorization'], censor: '[redacted]' },
    },
    destination as DestinationStream,
  );
}
