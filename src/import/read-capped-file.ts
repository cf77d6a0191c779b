// Reads a file named at the terminal, at most `maxBytes` of it: a device that never ends
// (/dev/zero) or a file far larger than an import can be is refused after the cap plus one byte,
// never read whole into memory.
import { closeSync, openSync, readSync } from 'node:fs';

export type CappedRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

export function readCappedFile(path: string, maxBytes: number): CappedRead {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let total = 0;
    while (total < buffer.length) {
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
    }
    return total > maxBytes ? { ok: false, tooLarge: true } : { ok: true, bytes: buffer.subarray(0, total) };
  } finally {
    closeSync(fd);
  }
}
