interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  timer: NodeJS.Timeout;
}

/** Enough context to spot a near miss without burying it under heartbeats. */
const RECENT_ITEMS_SHOWN = 40;

/**
 * An append-only log that tests can await: `waitFor` resolves with the first matching entry,
 * whether it was recorded before the call or arrives later.
 */
export class Recorder<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (item: T) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const waiter of this.waiters) {
      if (!waiter.predicate(item)) continue;
      this.settle(waiter);
      waiter.resolve(item);
    }
  }

  waitFor(predicate: (item: T) => boolean, timeoutMs: number, what = 'a matching entry'): Promise<T> {
    const existing = this.items.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        timer: setTimeout(() => {
          this.settle(waiter);
          // List what did arrive: the usual cause is a slightly different path or body.
          const recent = this.items.slice(-RECENT_ITEMS_SHOWN).map((item) => `  ${this.describe(item)}`);
          const seen = recent.join('\n') || '  (nothing)';
          reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${what}. Most recent entries:\n${seen}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.items.length = 0;
  }

  /**
   * Cancels every pending wait's timer so nothing outlives the server. The waits stay pending rather than
   * rejecting: the ones still pending at shutdown belong to tests that already failed, and a rejection
   * nobody awaits would only add an unhandled-rejection error to the report.
   */
  dropWaiters(): void {
    for (const waiter of this.waiters) this.settle(waiter);
  }

  private settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}
