// The files a curator previewed with /import: one draft per preview, only for its curator, taken once, gone after a quarter of an hour.
import { describe, expect, it } from 'vitest';
import { DRAFT_LIFETIME_MS, ImportDrafts } from '../../src/import/import-drafts.js';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 21, 12) + ms);
const file = (name: string) => ({ bytes: Buffer.from(name), fileName: name, by: 'curator-1' });

describe('import drafts', () => {
  it('keeps each preview apart, even two of the same file by the same curator', () => {
    const drafts = new ImportDrafts();
    const first = drafts.keep(file('wins.csv'), 'curator-1', at(0));
    const second = drafts.keep(file('wins.csv'), 'curator-1', at(0));
    expect(first).not.toBe(second);
    expect(drafts.size).toBe(2);
    expect(drafts.take(first, 'curator-1', at(1))).toEqual(file('wins.csv'));
    expect(drafts.take(second, 'curator-1', at(1))).toEqual(file('wins.csv'));
  });

  it('hands a draft over once: a second Apply finds nothing', () => {
    const drafts = new ImportDrafts();
    const id = drafts.keep(file('wins.csv'), 'curator-1', at(0));
    expect(drafts.take(id, 'curator-1', at(1))).toBeDefined();
    expect(drafts.take(id, 'curator-1', at(2))).toBeUndefined();
  });

  it("gives another curator nothing, and leaves the draft to its own curator", () => {
    const drafts = new ImportDrafts();
    const id = drafts.keep(file('wins.csv'), 'curator-1', at(0));
    expect(drafts.take(id, 'curator-2', at(1))).toBeUndefined();
    expect(drafts.take(id, 'curator-1', at(2))).toBeDefined();
  });

  it('forgets a draft once its quarter of an hour is over', () => {
    const drafts = new ImportDrafts();
    const kept = drafts.keep(file('kept.csv'), 'curator-1', at(0));
    const expired = drafts.keep(file('old.csv'), 'curator-1', at(0));
    expect(drafts.take(kept, 'curator-1', at(DRAFT_LIFETIME_MS - 1))).toBeDefined();
    expect(drafts.take(expired, 'curator-1', at(DRAFT_LIFETIME_MS))).toBeUndefined();
    expect(drafts.size).toBe(0);
  });
});
