// Files a curator previewed with /import, kept between the preview and its Apply or Cancel button.
// Session state of this process (like the answers kept for reuse), not facts: nothing is stored.
import { randomUUID } from 'node:crypto';
import type { ImportInput } from './plan-import.js';

/** The file as it was uploaded: planned again on Apply, against the store as it is then. */
export type DraftedImport = Omit<ImportInput, 'now'>;

interface Draft {
  input: DraftedImport;
  curatorId: string;
  expiresAt: number;
}

/** A quarter of an hour: long enough to read a preview, short enough not to keep files about. */
export const DRAFT_LIFETIME_MS = 15 * 60_000;

export class ImportDrafts {
  readonly #drafts = new Map<string, Draft>();

  constructor(private readonly lifetimeMs = DRAFT_LIFETIME_MS) {}

  /** Keeps a previewed file for its curator; returns the id its buttons carry. */
  keep(input: DraftedImport, curatorId: string, now: Date): string {
    this.#forgetExpired(now);
    const id = randomUUID().slice(0, 12);
    this.#drafts.set(id, { input, curatorId, expiresAt: now.getTime() + this.lifetimeMs });
    return id;
  }

  /**
   * Hands the draft over once, to the curator who previewed it, and forgets it: a second Apply (or
   * an Apply after Cancel) finds nothing. Undefined when expired, unknown or someone else's.
   */
  take(id: string, curatorId: string, now: Date): DraftedImport | undefined {
    this.#forgetExpired(now);
    const draft = this.#drafts.get(id);
    if (!draft || draft.curatorId !== curatorId) return undefined;
    this.#drafts.delete(id);
    return draft.input;
  }

  /** How many drafts are kept (expired ones are forgotten at the next keep or take). */
  get size(): number {
    return this.#drafts.size;
  }

  #forgetExpired(now: Date): void {
    for (const [id, draft] of this.#drafts) if (draft.expiresAt <= now.getTime()) this.#drafts.delete(id);
  }
}
