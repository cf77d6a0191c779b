// Logging that cannot write drops lines: it never buffers without bound, and a broken pipe never
// becomes an uncaught exception.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, droppingDestination } from '../src/logger.js';

/** A stream whose reader has stopped reading: nothing it is given is ever written. */
function stalledStream() {
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      pending.push(() => callback());
    },
  });
  return { stream, resume: () => pending.splice(0).forEach((done) => done()) };
}

describe('droppingDestination', () => {
  it('drops and counts lines once the stream holds the cap, then says how many were dropped', async () => {
    const { stream, resume } = stalledStream();
    const written: string[] = [];
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string) => {
      written.push(chunk);
      return original(chunk);
    }) as typeof stream.write;
    const destination = droppingDestination(stream, 1000);
    const line = `${'x'.repeat(99)}\n`;
    for (let count = 0; count < 1000; count++) destination.write(line);
    expect(stream.writableLength).toBeLessThanOrEqual(1000);
    expect(written.length).toBe(10);
    expect(destination.dropped()).toBe(990);

    resume();
    await new Promise((resolve) => setImmediate(resolve));
    resume();
    destination.write('{"msg":"after"}\n');
    expect(JSON.parse(written[10]!)).toMatchObject({ level: 40, dropped: 990, msg: expect.stringMatching(/^log lines dropped/) });
    expect(written[11]).toBe('{"msg":"after"}\n');
    expect(destination.dropped()).toBe(0);
  });

  it('after a write fails (the reader has gone), drops every line without throwing or emitting an uncaught error', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const destination = droppingDestination(stream);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      destination.write('{"msg":"first"}\n');
      await new Promise((resolve) => setImmediate(resolve));
      for (let count = 0; count < 100; count++) destination.write('{"msg":"later"}\n');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
    expect(destination.dropped()).toBe(100);
  });

  it('is what createLogger writes through: a logger on a broken stream keeps logging without a sound', async () => {
    const stream = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const logger = createLogger('info', stream);
    logger.info('first');
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => {
      for (let count = 0; count < 100; count++) logger.info({ count }, 'again');
    }).not.toThrow();
    expect(stream.writableLength).toBe(0);
  });
});
