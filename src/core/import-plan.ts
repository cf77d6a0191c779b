// An import file as checked: what it would add, change or create, or what is wrong with it, row by
// row. Plain data: the terminal and Discord each word it.
import type { ImportRecord } from './contribution-records.js';
import type { FactSpec, NewArtist, NewCategory, NewCeremony, NewWork } from './contributed-facts.js';
import type { FactProblem } from './resolve-contributed-win.js';

/** How a fact already in the store would change. */
export type FactChange = { field: 'result'; from: 'nominated'; to: 'won' } | { field: 'sources'; added: string[] };

export interface PlannedFact {
  /** Where it is in the file: "row 3" of a CSV (the header is row 1), "nominations[2]" of JSON. */
  row: string;
  fact: FactSpec;
  /** The fact's row id when it is already in the store. */
  existingId: number | null;
  changes: FactChange[];
}

export interface ImportProblem extends FactProblem {
  file: string;
  /** Null for a problem with the whole file (not UTF-8, no header). */
  row: string | null;
}

export interface ImportPlan {
  fileName: string;
  digest: string;
  format: 'csv' | 'json';
  by: string;
  /** Earlier imports of a file with exactly these bytes. */
  previousImports: ImportRecord[];
  newArtists: NewArtist[];
  newCeremonies: NewCeremony[];
  newCategories: NewCategory[];
  newWorks: NewWork[];
  added: PlannedFact[];
  changed: PlannedFact[];
  unchanged: PlannedFact[];
}

export type ImportApplied =
  | { status: 'applied'; importId: number; added: number; changed: number }
  /** The store already holds every fact of the file: nothing was written, not even the import. */
  | { status: 'nothing-to-change' };
