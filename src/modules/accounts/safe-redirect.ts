/** Where to send someone after signing in: only a path on this site, never another origin. */

/**
 * Returns `next` when it is a same-site relative path (`/en/services?q=x`), else the fallback.
 * Refuses `//host`, `/\host` (browsers read `\` as `/`), schemes, and control characters.
 */
export function safeNext(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 1000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(next)) return fallback;
  try {
    const url = new URL(next, 'http://ecoop.invalid');
    if (url.origin !== 'http://ecoop.invalid') return fallback;
    return url.pathname + url.search;
  } catch {
    return fallback;
  }
}
