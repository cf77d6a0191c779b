// What checking a contributed fact needs to know of the store: the look-ups port an import or a
// suggestion is resolved against, and the records it reads.
import type { Ceremony, FactOrigin } from './awards-facts.js';
import type { SourceSpec } from './contributed-facts.js';

/** A fact already in the store with the same natural key. */
export interface ExistingFact {
  id: number;
  origin: FactOrigin;
  /** The seed file that holds it, for a seed fact. */
  seedFile: string | null;
  withdrawn: boolean;
  withdrawalReason: string | null;
  /** 'won' | 'nominated' for a nomination; null for a milestone. */
  result: 'won' | 'nominated' | null;
  /** For a milestone: its statement, to tell a changed one from the same one. */
  statement: string | null;
  sourceIdentifiers: string[];
}

export interface ImportRecord {
  id: number;
  fileName: string;
  digest: string;
  importedAt: number;
  importedBy: string;
}

export interface ContributionLookups {
  artistBySlug(slug: string): { id: number; slug: string; name: string; kind: 'group' | 'soloist' } | undefined;
  ceremonyBySlug(slug: string): Ceremony | undefined;
  categoriesOf(ceremonyId: number): { slug: string; name: string; grandPrize: boolean }[];
  edition(ceremonyId: number, editionKey: string): { id: number; heldOn: string | null; episode: boolean } | undefined;
  /** Every work credited to the artist, live facts or not: a title is matched against these. */
  worksCreditedTo(artistId: number): { slug: string; title: string }[];
  workBySlug(slug: string): { slug: string; title: string; credits: { artistSlug: string; role: 'primary' | 'featured' }[] } | undefined;
  slugTaken(table: 'artists' | 'ceremonies' | 'works', slug: string): boolean;
  nomination(ceremonyId: number, editionKey: string, categorySlug: string, nomineeKey: string): ExistingFact | undefined;
  milestone(key: string): ExistingFact | undefined;
  importsWithDigest(digest: string): ImportRecord[];
  /** A source already in the store, by its identifier (an article's file name, a page's URL). */
  sourceByIdentifier(identifier: string): SourceSpec | undefined;
}
