/**
 * The wiki in the platform search: each page's stable revision (the last accepted one, what readers
 * see) is a `wiki.page` document, so a revision waiting for review is never findable, nor is a page
 * whose first revision waits. The title is in the page's language only, which is how searches tell
 * the reader's pages from the others (the index keeps no language of its own: see `searchWikiPages`).
 * Indexed in the saving transaction (`indexWikiPage`), rebuilt by `reindexAll` (`wikiSearchable`).
 */
import MarkdownIt, { type Token } from 'markdown-it';
import type { Db } from '../../db/database.js';
import { moderationStatus } from '../../platform/flags.js';
import { indexDocument, removeDocument, search, MAX_SEARCH_LIMIT, type SearchDocument, type Searchable } from '../../platform/search.js';
import { wikiLinkRule, type WikiTarget } from './markdown-wiki-links.js';
import { WIKI_PAGE_TYPE } from './wiki.model.js';
import './wiki.tables.js';

/** The content type of wiki pages, in the search index (and the API's `types` filter) as for flags. */
export { WIKI_PAGE_TYPE };

/** Characters of the excerpt shown under a hit, about two lines. */
const EXCERPT_LENGTH = 200;
/** Pages read per query when rebuilding the index (bodies run to 200,000 characters). */
const REINDEX_BATCH = 200;

/** A parser for reading only: wiki links become their labels; no HTML is ever produced from it. */
const reader = (() => {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.inline.ruler.before('link', 'wiki_link', wikiLinkRule);
  return md;
})();

/** The words a wiki link shows: its label, its page title, or the service's slug. */
function wikiLinkText(target: WikiTarget): string {
  if (target.kind === 'page') return target.label;
  if (target.kind === 'service') return target.label ?? target.slug.replace(/-/g, ' ');
  return target.text;
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'image') return inlineText(token.children ?? []);
      if (token.type === 'wiki_link') return wikiLinkText(token.meta as WikiTarget);
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      return token.type === 'text' || token.type === 'code_inline' || token.type === 'text_special' ? token.content : '';
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A Markdown body as plain text, block by block (headings, paragraphs, list items, code), and its
 * first paragraph (the first block when it has none), as a reader would see them. Pure.
 */
export function markdownText(source: string): { blocks: string[]; firstParagraph: string } {
  const tokens = reader.parse(source, {});
  const blocks: string[] = [];
  let firstParagraph: string | undefined;
  tokens.forEach((token, index) => {
    const text =
      token.type === 'inline'
        ? inlineText(token.children ?? [])
        : token.type === 'fence' || token.type === 'code_block'
          ? token.content.trim()
          : '';
    if (text === '') return;
    blocks.push(text);
    if (firstParagraph === undefined && token.type === 'inline' && tokens[index - 1]?.type === 'paragraph_open') firstParagraph = text;
  });
  return { blocks, firstParagraph: firstParagraph ?? blocks[0] ?? '' };
}

/** `text` cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

interface StablePage {
  id: number;
  slug: string;
  locale: string;
  title: string;
  body: string;
}

/** The search document of a page's stable revision: everything in the page's language. */
function pageDocument(page: StablePage): SearchDocument {
  const { blocks, firstParagraph } = markdownText(page.body);
  return {
    type: WIKI_PAGE_TYPE,
    refId: String(page.id),
    title: { [page.locale]: page.title },
    summary: { [page.locale]: excerpt(firstParagraph) },
    url: `/wiki/${page.slug}`,
    body: [{ [page.locale]: blocks.join('\n') }],
  };
}

/** Pages with their stable revision's title and text (pages without one are left out by the join). */
function stablePages(db: Db) {
  return db
    .selectFrom('wiki_pages as p')
    .innerJoin('wiki_revisions as r', 'r.id', 'p.stable_revision_id')
    .select(['p.id', 'p.slug', 'p.locale', 'r.title', 'r.body']);
}

/**
 * (Re)indexes one page from its stable revision, or removes it from the index when it has none
 * (its first revision waits for review). Call it in the transaction that changed the page's
 * revisions or review state, so the index and the page commit together.
 */
export async function indexWikiPage(trx: Db, pageId: number): Promise<void> {
  const page = await stablePages(trx).where('p.id', '=', pageId).executeTakeFirst();
  if (page) await indexDocument(trx, pageDocument(page));
  else await removeDocument(trx, WIKI_PAGE_TYPE, String(pageId));
}

/** Every page with a stable revision, read by keyset batches so a large wiki is never loaded at once. */
async function* wikiPageDocuments(db: Db): AsyncIterable<SearchDocument> {
  let after = 0;
  for (;;) {
    const rows = await stablePages(db).where('p.id', '>', after).orderBy('p.id').limit(REINDEX_BATCH).execute();
    for (const row of rows) yield pageDocument(row);
    if (rows.length < REINDEX_BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The wiki's searchable content type, for the module's manifest. */
export const wikiSearchable: Searchable = { type: WIKI_PAGE_TYPE, documents: wikiPageDocuments };

/** A wiki page found by a search, in the reader's language. */
export interface WikiHit {
  slug: string;
  title: string;
  summary: string;
}

/**
 * The pages written in `locale` that match `q`, most relevant first, at most `limit`, and whether
 * there are more; pages a moderator hid are left out (their title may be what got them hidden).
 * The index has no language filter: the most relevant MAX_SEARCH_LIMIT wiki hits are narrowed to
 * the pages whose title is in `locale` (a page's title is only in its language), so a search
 * bounded in cost may miss the odd page far down the ranking, never show a wrong one.
 */
export async function searchWikiPages(db: Db, q: string, locale: string, limit: number): Promise<{ hits: WikiHit[]; more: boolean }> {
  const found = await search(db, q, { types: [WIKI_PAGE_TYPE], limit: MAX_SEARCH_LIMIT });
  const mine = found.hits.filter((h) => typeof h.title[locale] === 'string' && h.url.startsWith('/wiki/'));
  const hidden = await moderationStatus(
    db,
    WIKI_PAGE_TYPE,
    mine.map((h) => h.refId),
  );
  const shown = mine
    .filter((h) => !hidden.has(h.refId))
    .map((h) => ({ slug: h.url.slice('/wiki/'.length), title: h.title[locale]!, summary: h.summary[locale] ?? '' }));
  return { hits: shown.slice(0, limit), more: shown.length > limit };
}
