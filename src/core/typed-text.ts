// Text a fan or a file gives for a name, a title or a statement, as it is stored: one Unicode
// form (NFC, so "é" typed two ways is one name), one line, nothing invisible. Controls, NUL,
// direction overrides and isolates, and zero-width characters can hide or reorder what a reader
// sees, and no name or title needs them.
import unhomoglyph from 'unhomoglyph';

// Cc: controls (NUL, escapes); Cf: format characters (bidi marks, overrides and isolates,
// zero-width space, joiners, BOM, soft hyphen); Co: private use; Cs: lone surrogates.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cs}]/gu;
// Line breaks, tabs and the other controls that separate words become one space.
const SEPARATING = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/** A typed name, title or statement as it is stored: NFC, invisible characters gone, whitespace one space, trimmed. */
export function cleanTypedText(typed: string): string {
  return typed.normalize('NFC').replace(INVISIBLE, '').replace(SEPARATING, ' ').trim();
}

/**
 * UTS #39's skeleton of a name, folded further for comparing names: two names with one skeleton
 * look alike ("Strаy Kids" with a Cyrillic а, "5TRAY KIDS" does not). NFKC first (full-width
 * letters are letters), then the skeleton (NFD, Unicode's confusable prototypes, NFD), then case
 * and everything but letters and digits dropped, as name look-ups ignore them.
 */
export function confusableSkeleton(name: string): string {
  const skeleton = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');
  // Case is ignored by name look-ups; lowering before and after the skeleton keeps "I" and "i",
  // and a capital whose prototype is lower case, together.
  return skeleton(skeleton(cleanTypedText(name).normalize('NFKC').toLowerCase()).toLowerCase()).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The longest text each kind of field may hold, in characters (UTF-16 units, as Discord counts
 * its `max_length`): the command options say the same, and a file's rows are held to them, so
 * that no name reaches a search that cannot take it (SQLite refuses a LIKE pattern past 50,000).
 */
export const TYPED_TEXT_MAX = {
  name: 100,
  title: 200,
  statement: 300,
  sourceTitle: 300,
  url: 500,
  reason: 300,
} as const;
