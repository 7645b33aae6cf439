/**
 * Edit distance for typo tolerance. The engines' trigram indexes only propose candidates ("shares
 * some trigrams with the query word"); this decides which candidates are real near-misses, the
 * same way on both databases.
 */

/**
 * The Damerau–Levenshtein distance: the fewest insertions, deletions, substitutions and swaps of
 * two adjacent characters turning `a` into `b`. This is the unrestricted distance (Lowrance and
 * Wagner's algorithm), not the cheaper "optimal string alignment" variant: it is a true metric
 * (the triangle inequality holds), so "a few typos away" means the same thing from either side.
 * Works on code points, so a letter outside the Basic Multilingual Plane counts once.
 */
export function damerauLevenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  const infinity = s.length + t.length;
  const width = t.length + 2;
  // d[(i + 1) * width + (j + 1)] is the distance between s[0, i) and t[0, j); row and column 0
  // hold the "infinity" sentinel the transposition step relies on.
  const d = new Array<number>((s.length + 2) * width).fill(0);
  const at = (i: number, j: number) => d[i * width + j] as number;
  d[0] = infinity;
  for (let i = 0; i <= s.length; i++) {
    d[(i + 1) * width] = infinity;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= t.length; j++) {
    d[j + 1] = infinity;
    d[width + j + 1] = j;
  }
  // The last row in which each character of `a` was seen.
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= s.length; i++) {
    let lastMatchColumn = 0;
    for (let j = 1; j <= t.length; j++) {
      const k = lastRow.get(t[j - 1] as string) ?? 0;
      const l = lastMatchColumn;
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchColumn = j;
      d[(i + 1) * width + j + 1] = Math.min(at(i, j) + cost, at(i + 1, j) + 1, at(i, j + 1) + 1, at(k, l) + (i - k - 1) + 1 + (j - l - 1));
    }
    lastRow.set(s[i - 1] as string, i);
  }
  return at(s.length + 1, t.length + 1);
}
