/**
 * Slugs for wiki page titles and heading anchors, and the normal form of a title. Slugs are ASCII
 * (accents folded, French ligatures spelled out) so that they read well in a URL and match the same
 * pattern as catalogue slugs: `^[a-z0-9]+(?:-[a-z0-9]+)*$`.
 */

/** Longest slug, in characters. */
export const MAX_TITLE_SLUG = 120;

/** Letters that Unicode decomposition does not fold to ASCII. */
const SPELLED_OUT: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

/**
 * A title as stored and compared: Unicode NFC, runs of whitespace as one space, trimmed. Case is
 * kept (it is the author's); two titles that differ only in case get the same slug.
 */
export function normalizeTitle(title: string): string {
  return title.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The ASCII words of a text joined by hyphens, at most `MAX_TITLE_SLUG` long; empty when it has none. */
export function slugWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæßøđłþðı]/g, (letter) => SPELLED_OUT[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_TITLE_SLUG)
    .replace(/-+$/, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag for titles without ASCII words. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The URL slug of a page title: "Applying for housing allowance online" →
 * "applying-for-housing-allowance-online", "Aide à l'œuvre" → "aide-a-l-oeuvre". Guarantees: at most
 * `MAX_TITLE_SLUG` characters, matches `^[a-z0-9]+(?:-[a-z0-9]+)*$`, the same for titles equal after
 * `normalizeTitle` and case folding, and never empty for a non-blank title (a title with no ASCII
 * words, e.g. "???" or "日本語", gets `page-` and a hash of its normal form). Empty for a blank title.
 * Two titles may share a slug: telling them apart is the caller's job.
 */
export function slugifyTitle(title: string): string {
  const normal = normalizeTitle(title);
  if (normal === '') return '';
  return slugWords(normal) || `page-${shortHash(normal.toLowerCase())}`;
}
