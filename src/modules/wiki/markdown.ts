/**
 * Wiki page bodies: Markdown (CommonMark, tables, strikethrough) to safe HTML, with `[[wiki links]]`,
 * a table of contents and the lists of links the page makes.
 *
 * Safe by construction rather than by cleaning the HTML afterwards: markdown-it runs with `html:
 * false`, so raw HTML in the source is text; every URL of a link or an image is checked by `isSafeUrl`
 * in one place, on the final tokens (so wiki links and reference links are covered too): a refused
 * link keeps its text without the `<a>`, a refused image becomes its alt text; images keep only `src` and `alt`; table alignment becomes a class, not
 * a `style`. All output goes through markdown-it's renderer, which escapes text and attributes.
 */
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import { isExternalUrl, isSafeUrl } from './markdown-urls.js';
import { slugWords } from './markdown-slug.js';
import { resolveWikiLinks, wikiLinkRule, type FoundLinks, type WikiLinkResolver } from './markdown-wiki-links.js';

export { slugifyTitle, normalizeTitle, MAX_TITLE_SLUG } from './markdown-slug.js';
export { isSafeUrl } from './markdown-urls.js';
export type { WikiLinkResolver } from './markdown-wiki-links.js';

/** A heading of the table of contents: the body's `#` (shown as h2) and `##` (shown as h3). */
export interface TocHeading {
  level: 2 | 3;
  /** Plain text (not HTML: escape it when rendering). */
  text: string;
  /** The `id` of the heading in `html`, unique in the document. */
  id: string;
}

/** A rendered page body and what it links to. */
export interface RenderedMarkdown {
  /** Safe HTML: only the elements of Markdown, no event handler or style, URLs from the allowlist. */
  html: string;
  /** For the table of contents, in document order. */
  headings: TocHeading[];
  /** Titles linked with `[[...]]`, normalised (`normalizeTitle`), in order, without duplicates. */
  wikiLinks: string[];
  /** Those of `wikiLinks` whose page does not exist. */
  missingPages: string[];
  /** Service slugs linked with `[[service:slug]]`, lower case, in order, without duplicates. */
  serviceLinks: string[];
}

/** Options of `renderMarkdown`. */
export interface RenderOptions {
  /** Put before every heading id, so that they cannot clash with the ids of the page around the body. */
  idPrefix?: string;
}

/** What the core rules read and fill in during one parse. */
interface WikiEnv {
  links?: WikiLinkResolver;
  idPrefix: string;
  found: FoundLinks;
  missing: string[];
  headings: TocHeading[];
}

const EXTERNAL_REL = 'nofollow ugc noopener';

/** Body heading levels as shown: the page title is the h1, so `#` is an h2, `##` an h3, deeper an h4. */
function shownLevel(markdownLevel: number): number {
  return Math.min(markdownLevel + 1, 4);
}

/** Plain text of inline tokens, as a reader sees it (image alt texts included). */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image') return plainText(token.children ?? []);
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      return token.type === 'text' || token.type === 'code_inline' || token.type === 'text_special' ? token.content : '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An id not yet in `used` built on `base`: `base`, then `base-2`, `base-3`… (skipping taken ones). */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Core rule: wiki links of every inline block resolved (or only collected, without a resolver). */
function wikiLinksRule(state: StateCore): void {
  const env = state.env as WikiEnv;
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) {
      block.children = resolveWikiLinks(state, block.children, env.links, env.found, env.missing);
    }
  }
}

/** Link and image tokens after the URL allowlist: refused links unwrapped, refused images as alt text. */
function safeInline(state: StateCore, tokens: Token[]): Token[] {
  const result: Token[] = [];
  const unwrapped: boolean[] = []; // per open link: whether its `<a>` was dropped
  for (const token of tokens) {
    if (token.type === 'link_open') {
      const href = token.attrGet('href');
      const drop = href !== null && !isSafeUrl(href);
      unwrapped.push(drop);
      if (!drop && href !== null && isExternalUrl(href)) token.attrSet('rel', EXTERNAL_REL);
      if (!drop) result.push(token);
    } else if (token.type === 'link_close') {
      if (!unwrapped.pop()) result.push(token);
    } else if (token.type === 'image') {
      result.push(safeImage(state, token));
    } else {
      result.push(token);
    }
  }
  return result;
}

/** An image with only `src` and `alt` (filled in by the renderer), or its alt text if `src` is refused. */
function safeImage(state: StateCore, image: Token): Token {
  const src = image.attrGet('src') ?? '';
  if (isSafeUrl(src)) {
    image.attrs = [
      ['src', src],
      ['alt', ''],
    ];
    return image;
  }
  const text = new state.Token('text', '', 0);
  text.content = plainText(image.children ?? []);
  return text;
}

/** Core rule: the URL allowlist applied to the final inline tokens. */
function safeUrlsRule(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type === 'inline' && block.children) block.children = safeInline(state, block.children);
  }
}

/** Core rule: heading levels shifted, h2/h3 given unique ids and listed; table alignment as a class. */
function outlineRule(state: StateCore): void {
  const env = state.env as WikiEnv;
  const used = new Set<string>();
  state.tokens.forEach((token, index) => {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${shownLevel(Number(token.tag.slice(1)))}`;
    }
    if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3')) {
      const text = plainText(state.tokens[index + 1]?.children ?? []);
      const id = uniqueId(`${env.idPrefix}${slugWords(text) || 'section'}`, used);
      token.attrSet('id', id);
      env.headings.push({ level: token.tag === 'h2' ? 2 : 3, text, id });
    }
    if (token.type === 'th_open' || token.type === 'td_open') alignAsClass(token);
  });
}

/** markdown-it writes column alignment as `style="text-align:…"`; styles are not allowed, classes are. */
function alignAsClass(cell: Token): void {
  const style = cell.attrGet('style');
  if (style === null) return;
  cell.attrs = (cell.attrs ?? []).filter(([name]) => name !== 'style');
  const align = /text-align:(left|center|right)/.exec(style)?.[1];
  if (align) cell.attrSet('class', `align-${align}`);
}

/** The one parser: its configuration and rules never change after this. */
const markdown = (() => {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  // Every destination is parsed as a link, so that a refused one still reads as its text (markdown-it
  // would leave the whole `[text](javascript:…)` as source); `safeUrlsRule` then decides.
  md.validateLink = () => true;
  md.inline.ruler.before('link', 'wiki_link', wikiLinkRule);
  md.core.ruler.push('wiki_links', wikiLinksRule);
  md.core.ruler.push('safe_urls', safeUrlsRule);
  md.core.ruler.push('outline', outlineRule);
  // `wikiLinksRule` replaces every wiki link token; should one ever be missed, it shows as its source.
  md.renderer.rules['wiki_link'] = (tokens, index) => md.utils.escapeHtml(tokens[index]?.markup ?? '');
  return md;
})();

function newEnv(links: WikiLinkResolver | undefined, idPrefix: string): WikiEnv {
  return { links, idPrefix, found: { pages: [], services: [] }, missing: [], headings: [] };
}

/**
 * Renders a wiki page body. The HTML is safe to insert as is (see the file comment for how), and the
 * same source, resolver answers and prefix always give the same result. The resolver is called once
 * per wiki link occurrence; a missing page links to its href with `?create` (class
 * `wiki-link--missing`), an unknown service is its slug as text in a placeholder `<a>` without `href`.
 */
export function renderMarkdown(source: string, links: WikiLinkResolver, options: RenderOptions = {}): RenderedMarkdown {
  const env = newEnv(links, options.idPrefix ?? '');
  const html = markdown.renderer.render(markdown.parse(source, env), markdown.options, env);
  return { html, headings: env.headings, wikiLinks: env.found.pages, missingPages: env.missing, serviceLinks: env.found.services };
}

/**
 * The pages (normalised titles) and service slugs a body links to, exactly as `renderMarkdown` would
 * list them in `wikiLinks` and `serviceLinks`, without a resolver: for storing links when a page is saved.
 */
export function extractLinks(source: string): { pages: string[]; services: string[] } {
  const env = newEnv(undefined, '');
  markdown.parse(source, env);
  return env.found;
}
