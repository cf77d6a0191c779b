// A clock and its timers that only move when a test says so: a trivia question closes, a pause ends,
// because the test moved time on, never because the machine was slow.
import type { Clock, TimerHandle, Timers } from '../../src/core/clock.js';

interface PendingTimer {
  id: number;
  due: number;
  callback: () => void;
}

export class TestClock implements Clock, Timers {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, PendingTimer>();
  readonly #autoAdvance: boolean;

  /**
   * With `autoAdvance`, a timer fires as soon as the code that set it has nothing else to do
   * (on the next turn of the event loop), time jumping to when it was due: rounds play through
   * in virtual time. Without it, timers fire only through `advance` and `runUntil`.
   */
  constructor(start: Date | string = '2026-11-21T12:00:00Z', options: { autoAdvance?: boolean } = {}) {
    this.#now = new Date(start).getTime();
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): Date {
    return new Date(this.#now);
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: this.#now + Math.max(0, ms), callback });
    if (this.#autoAdvance) setImmediate(() => this.#fireEarliest());
    return id;
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (typeof handle === 'number') this.#timers.delete(handle);
  }

  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, firing each timer due by then at its own time, earliest first. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const earliest = this.#earliest();
      if (!earliest || earliest.due > until) break;
      this.#fire(earliest);
    }
    this.#now = until;
  }

  /** Moves time on to `date` (as `advance`). */
  advanceTo(date: Date | string): void {
    this.advance(new Date(date).getTime() - this.#now);
  }

  /**
   * Fires timers one at a time, earliest first, letting the code they wake run (its network calls
   * too) before the next, until `found` returns something. A timer is fired only once the previous
   * one's work has set it; the real-time limit only ends a test that would otherwise hang.
   */
  async runUntil<T>(found: () => T | undefined | null | false, realTimeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + realTimeoutMs;
    for (;;) {
      const value = found();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('runUntil: what was waited for never came');
      const earliest = this.#earliest();
      if (earliest) {
        this.#fire(earliest);
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }

  #earliest(): PendingTimer | undefined {
    let earliest: PendingTimer | undefined;
    for (const timer of this.#timers.values()) if (!earliest || timer.due < earliest.due) earliest = timer;
    return earliest;
  }

  #fire(timer: PendingTimer): void {
    this.#timers.delete(timer.id);
    this.#now = Math.max(this.#now, timer.due);
    timer.callback();
  }

  #fireEarliest(): void {
    const earliest = this.#earliest();
    if (earliest) this.#fire(earliest);
  }
}
