// Structured logs (pino). The token never reaches a log line: it is redacted wherever it appears.
import pino, { type DestinationStream, type Logger } from 'pino';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** How much unwritten log a stream may hold before further lines are dropped. */
export const MAX_BUFFERED_LOG_BYTES = 1024 * 1024;

export function createLogger(level: LogLevel, destination: DestinationStream | NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'lightstick' },
      redact: { paths: ['token', '*.token', 'config.discordToken', 'headers.authorization'], censor: '[redacted]' },
    },
    isWritableStream(destination) ? droppingDestination(destination) : destination,
  );
}

export interface DroppingDestination extends DestinationStream {
  /** Lines dropped since the last one written. */
  dropped(): number;
}

/**
 * A destination that never holds the process up. A pipe whose reader has gone (a service manager
 * or `docker logs` that went away) fails every write, and one whose reader stopped reading
 * buffers in memory without bound: past `maxBufferedBytes`, and for good once the stream has
 * failed, lines are dropped and counted. The failure itself is handled here, so it cannot become
 * an uncaught exception that logs again.
 */
export function droppingDestination(stream: NodeJS.WritableStream, maxBufferedBytes = MAX_BUFFERED_LOG_BYTES): DroppingDestination {
  let failed = false;
  let dropped = 0;
  stream.on('error', () => {
    failed = true;
  });
  const buffered = () => (stream as { writableLength?: number }).writableLength ?? 0;
  const gone = () => failed || (stream as { destroyed?: boolean }).destroyed === true || (stream as { writableEnded?: boolean }).writableEnded === true;
  return {
    write(line: string) {
      if (gone() || buffered() + line.length > maxBufferedBytes) {
        dropped += 1;
        return;
      }
      if (dropped > 0) {
        // Said in the log's own shape, so that whoever reads it later knows lines are missing.
        stream.write(`${JSON.stringify({ level: 40, time: Date.now(), app: 'lightstick', dropped, msg: 'log lines dropped: the log could not be written fast enough' })}\n`);
        dropped = 0;
      }
      stream.write(line);
    },
    dropped: () => dropped,
  };
}

function isWritableStream(destination: DestinationStream | NodeJS.WritableStream): destination is NodeJS.WritableStream {
  return typeof (destination as NodeJS.WritableStream).on === 'function' && typeof (destination as NodeJS.WritableStream).write === 'function';
}
