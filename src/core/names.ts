// How a fan's typing is compared with artist and ceremony names: case, spacing, punctuation and
// diacritics do not matter, Hangul and other scripts are kept.

/** Folds a name to the form look-ups compare: "ROSÉ" -> "rose", "Black Pink" -> "blackpink", "정국" -> "정국". */
export function normalizeName(name: string): string {
  return (
    name
      // NFKD splits "é" into "e" + a combining accent, which is then dropped; NFC afterwards
      // recomposes Hangul syllables that NFKD split into jamo.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, '')
  );
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the swap rule, which looks two rows back.
  let twoBack = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[cols - 1]!;
}

/** How many edits a typo of a name this long may hold and still be suggested. */
export function typoAllowance(normalizedLength: number): number {
  if (normalizedLength <= 2) return 0;
  if (normalizedLength <= 4) return 1;
  if (normalizedLength <= 8) return 2;
  return 3;
}
