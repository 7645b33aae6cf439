/**
 * Which URLs wiki Markdown may link to or embed. An allowlist, decided on what a browser would read
 * rather than on the text as written: `java&#x09;script:`, `JaVaScRiPt:`, `\u0001javascript:` and
 * `javascript&colon;` all reach a browser as `javascript:`, so whitespace, control characters and
 * entities are taken away (repeatedly, since they can be nested) before the scheme is looked at.
 */
import MarkdownIt from 'markdown-it';

const { unescapeAll } = new MarkdownIt().utils;

/** Schemes a link or image may use; every other one is refused, whatever its spelling. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Characters a browser drops from or ignores in a URL, plus invisible ones that could hide a scheme. */
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff]/g;

/** The same characters percent-encoded (markdown-it encodes them when it normalises a link). */
const ENCODED_IGNORED = /%(?:[01][0-9a-f]|20|7f)/gi;

/** Numeric character references, with or without their semicolon (browsers accept both in attributes). */
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]+)|([0-9]+));?/gi;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function decodeNumericEntities(text: string): string {
  return text.replace(NUMERIC_ENTITY, (whole, hex: string | undefined, decimal: string | undefined) => {
    const code = hex === undefined ? Number(decimal) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The URL with entities decoded and ignorable characters removed, until nothing changes (bounded). */
function bareUrl(url: string): string {
  let current = url;
  for (let round = 0; round < 8; round++) {
    const next = unescapeAll(decodeNumericEntities(current)).replace(ENCODED_IGNORED, '').replace(IGNORED, '');
    if (next === current) return next;
    current = next;
  }
  // Still changing after eight rounds: only a crafted URL does that, so treat it as hostile.
  return 'invalid:';
}

/**
 * Whether a link or image URL is allowed: `http:`, `https:`, `mailto:` (any case), or relative (starts
 * with `/`, `#`, `?`, `./`, `../` or is a path without a scheme). Guarantees `false` for every other
 * scheme however it is disguised, for the empty URL, and for a colon before the first `/`, `?` or `#`
 * (which some parser could read as a scheme).
 */
export function isSafeUrl(url: string): boolean {
  const bare = bareUrl(url);
  if (bare === '') return false;
  const scheme = SCHEME.exec(bare);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase());
  const colon = bare.indexOf(':');
  const pathEnd = bare.search(/[/?#]/);
  return colon === -1 || (pathEnd !== -1 && pathEnd < colon);
}

/**
 * Whether a (safe) URL leaves the site: `http:`/`https:` or scheme-relative (`//host`, which browsers
 * also accept written with backslashes). Such links get `rel="nofollow ugc noopener"`.
 */
export function isExternalUrl(url: string): boolean {
  const bare = bareUrl(url).replace(/\\/g, '/');
  return /^https?:/i.test(bare) || bare.startsWith('//');
}
