// Answers worth reusing: fans of one act ask the same questions ("/firsts blackpink") all day, and
// the answer changes only when a fact does. Each answer is kept under the question that made it
// and the store's facts revision; when the revision moves (an approval, an import, a withdrawal,
// in this process or another), every kept answer is dropped at once.
//
// The least recently used answer goes first when the cache is full, which bounds its memory: an
// answer is a few KiB of JSON at most.

export interface ReplyCache {
  /** The value kept under `key` while the facts were at `revision`, or undefined. */
  get<T>(key: string, revision: number): T | undefined;
  /** Keeps `value` under `key`, made while the facts were at `revision`. */
  set(key: string, revision: number, value: unknown): void;
  readonly size: number;
  /** False when the cache keeps nothing (a capacity of 0): callers need not make keys for it. */
  readonly keeps: boolean;
}

export const DEFAULT_REPLY_CACHE_SIZE = 1000;

export function createReplyCache(capacity = DEFAULT_REPLY_CACHE_SIZE): ReplyCache {
  const values = new Map<string, unknown>();
  let keptRevision: number | null = null;

  /** Drops everything made at another revision. */
  const atRevision = (revision: number) => {
    if (keptRevision === revision) return;
    values.clear();
    keptRevision = revision;
  };

  return {
    get<T>(key: string, revision: number): T | undefined {
      atRevision(revision);
      const value = values.get(key);
      if (value === undefined) return undefined;
      // Used again: to the back of the line.
      values.delete(key);
      values.set(key, value);
      return value as T;
    },
    set(key, revision, value) {
      // An answer made while the facts moved under it is not kept: the next question reads afresh.
      if (keptRevision !== revision || capacity === 0) return;
      values.delete(key);
      values.set(key, value);
      if (values.size > capacity) values.delete(values.keys().next().value!);
    },
    get size() {
      return values.size;
    },
    keeps: capacity > 0,
  };
}
