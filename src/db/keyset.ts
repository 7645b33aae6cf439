/**
 * Keyset paging, newest first, by integer id: fetch `limit + 1` rows with `id < before`, show
 * `limit`, and the extra row says whether an older page exists. Stable under inserts, and as cheap
 * on the thousandth page as on the first (no OFFSET).
 */

/** The page size to ask the database for (one more than shown). */
export function keysetFetchSize(limit: number): number {
  return limit + 1;
}

/** Splits fetched rows into the page shown and the cursor of the next (older) page, if any. */
export function keysetPage<T extends { id: number }>(rows: T[], limit: number): { page: T[]; nextBefore: number | null } {
  const page = rows.slice(0, limit);
  return { page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
