/**
 * `[[Page title]]`, `[[Page title|label]]` and `[[service:slug]]` in wiki Markdown. Two steps, so that
 * links can be listed without knowing which pages exist: a markdown-it inline rule turns the syntax
 * into `wiki_link` tokens (never inside code, where inline rules do not run; inside a link's text the
 * wiki link wins and the outer brackets stay text, as CommonMark does for a link in a link), and `resolveWikiLinks` later replaces them with
 * ordinary link tokens, so escaping and the URL allowlist apply to them like to any other link.
 */
import type { StateCore, StateInline, Token } from 'markdown-it';
import { normalizeTitle } from './markdown-slug.js';

/** How the renderer learns about pages and services (see `renderMarkdown`). */
export interface WikiLinkResolver {
  /** Whether a wiki page with this title exists, and its URL path (e.g. "/en/wiki/applying-for-housing"). */
  page(title: string): { exists: boolean; href: string };
  /** A published catalogue service by slug: its name in the reader's language and URL, or null. */
  service(slug: string): { name: string; href: string } | null;
}

/** What a `[[...]]` says, as parsed (before anything is resolved). */
export type WikiTarget =
  | { kind: 'page'; title: string; label: string }
  | { kind: 'service'; slug: string; label: string | null }
  /** `[[service:...]]` whose slug is not a slug: rendered as missing, never looked up. */
  | { kind: 'bad-service'; text: string };

/** Links found in a document, in order of first appearance, without duplicates. */
export interface FoundLinks {
  pages: string[];
  services: string[];
}

/** Longest text between `[[` and `]]`; longer brackets are not a wiki link (and stay cheap to scan). */
const MAX_INNER = 300;
const SERVICE_PREFIX = /^service:/i;
const SERVICE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPEN_BRACKET = 0x5b;

/**
 * Parses the text between `[[` and `]]`: `title`, `title|label` or `service:slug` (`|label` allowed
 * too). Null when there is no title. Labels are plain text: Markdown inside them is not interpreted.
 */
export function parseWikiTarget(inner: string): WikiTarget | null {
  const bar = inner.indexOf('|');
  const target = normalizeTitle(bar === -1 ? inner : inner.slice(0, bar));
  const label = bar === -1 ? '' : normalizeTitle(inner.slice(bar + 1));
  if (target === '') return null;
  if (SERVICE_PREFIX.test(target)) {
    const slug = target.replace(SERVICE_PREFIX, '').trim().toLowerCase();
    return SERVICE_SLUG.test(slug) ? { kind: 'service', slug, label: label || null } : { kind: 'bad-service', text: target };
  }
  return { kind: 'page', title: target, label: label || target };
}

/** Index of the `]]` closing a wiki link whose text starts at `from`, or -1 (no brackets or line break inside). */
function closingBrackets(src: string, from: number, max: number): number {
  for (let i = from; i < max && i - from <= MAX_INNER; i++) {
    const char = src[i];
    if (char === '[' || char === '\n') return -1;
    if (char === ']') return i + 1 < max && src[i + 1] === ']' ? i : -1;
  }
  return -1;
}

/** Whether the rule runs on a link's text (markdown-it counts it in `linkLevel`, missing from its types). */
function insideLinkText(state: StateInline): boolean {
  return ((state as StateInline & { linkLevel?: number }).linkLevel ?? 0) > 0;
}

/** The markdown-it inline rule for `[[...]]`; register it before `link` so `[[` is not read as a link. */
export function wikiLinkRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== OPEN_BRACKET || state.src.charCodeAt(start + 1) !== OPEN_BRACKET) return false;
  if (insideLinkText(state)) return false;
  const close = closingBrackets(state.src, start + 2, state.posMax);
  if (close === -1) return false;
  const target = parseWikiTarget(state.src.slice(start + 2, close));
  if (target === null) return false;
  if (!silent) {
    const token = state.push('wiki_link', '', 0);
    token.meta = target;
    token.markup = state.src.slice(start, close + 2);
  }
  state.pos = close + 2;
  return true;
}

/** `href` with a `create` query parameter, before any fragment, so the page view offers to create it. */
export function withCreateQuery(href: string): string {
  const hash = href.indexOf('#');
  const [path, fragment] = hash === -1 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${path}${path.includes('?') ? '&' : '?'}create${fragment}`;
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Records a wiki link in `found`; the order is the order of appearance. */
function collect(target: WikiTarget, found: FoundLinks): void {
  if (target.kind === 'page') addOnce(found.pages, target.title);
  if (target.kind === 'service') addOnce(found.services, target.slug);
}

/** The tokens `<a attrs>text</a>` (no `href` in `attrs` makes a placeholder link, i.e. plain text). */
function linkTokens(state: StateCore, attrs: [string, string][], text: string): Token[] {
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = attrs;
  const content = new state.Token('text', '', 0);
  content.content = text;
  return [open, content, new state.Token('link_close', 'a', -1)];
}

/** The link tokens for one wiki link, and whether it points to a page that does not exist. */
function resolveTarget(state: StateCore, target: WikiTarget, links: WikiLinkResolver): { tokens: Token[]; missing: boolean } {
  if (target.kind === 'page') {
    const page = links.page(target.title);
    return page.exists
      ? {
          tokens: linkTokens(
            state,
            [
              ['href', page.href],
              ['class', 'wiki-link'],
            ],
            target.label,
          ),
          missing: false,
        }
      : {
          tokens: linkTokens(
            state,
            [
              ['href', withCreateQuery(page.href)],
              ['class', 'wiki-link--missing'],
            ],
            target.label,
          ),
          missing: true,
        };
  }
  const service = target.kind === 'service' ? links.service(target.slug) : null;
  if (service === null) {
    const text = target.kind === 'service' ? target.slug : target.text;
    return { tokens: linkTokens(state, [['class', 'wiki-link--missing']], text), missing: false };
  }
  const label = (target.kind === 'service' && target.label) || service.name;
  return {
    tokens: linkTokens(
      state,
      [
        ['href', service.href],
        ['class', 'wiki-link wiki-link--service'],
      ],
      label,
    ),
    missing: false,
  };
}

/** In an image's alt text a wiki link cannot be a link: it is its label (or slug), and not listed. */
function asAltText(state: StateCore, token: Token): Token {
  if (token.type !== 'wiki_link') return token;
  const target = token.meta as WikiTarget;
  const text = new state.Token('text', '', 0);
  text.content = target.kind === 'page' ? target.label : target.kind === 'service' ? (target.label ?? target.slug) : target.text;
  return text;
}

/**
 * Replaces the `wiki_link` tokens of one inline token list by link tokens when `links` is given, and
 * records every wiki link in `found` and every page that does not exist in `missing`.
 */
export function resolveWikiLinks(
  state: StateCore,
  children: Token[],
  links: WikiLinkResolver | undefined,
  found: FoundLinks,
  missing: string[],
): Token[] {
  return children.flatMap((token) => {
    if (token.type === 'image' && token.children) token.children = token.children.map((child) => asAltText(state, child));
    if (token.type !== 'wiki_link') return [token];
    const target = token.meta as WikiTarget;
    collect(target, found);
    if (links === undefined) return [token];
    const resolved = resolveTarget(state, target, links);
    if (resolved.missing && target.kind === 'page') addOnce(missing, target.title);
    return resolved.tokens;
  });
}
