/**
 * Platform search: one index of documents contributed by modules (services, guides, questions,
 * places…), searched through one interface on both databases. Modules describe their content as
 * `SearchDocument`s and register a `Searchable` per type; they index on every write, inside their
 * own transaction, and `reindexAll` rebuilds the lot.
 *
 * The text is normalised here (search-text.ts), not by the engines, so SQLite and PostgreSQL index
 * the same tokens; typo tolerance comes from a vocabulary of indexed words (search-query.ts); the
 * engines (search-sqlite.ts, search-postgres.ts) only match and rank.
 */
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';
import type { Translated } from '../db/schema.js';
import { engineFor } from './search-engine.js';
import { planQuery } from './search-query.js';
import { isVocabularyTerm, normalize, queryTokens, tokenize } from './search-text.js';

export { normalize } from './search-text.js';

/** What a module puts in the index for one piece of content. */
export interface SearchDocument {
  /** The content type, as registered by its `Searchable` (e.g. "service"). */
  type: string;
  /** The content's identifier within its type; with `type`, identifies the document. */
  refId: string;
  /** Shown in results and weighted highest. */
  title: Translated;
  /** Shown in results; also searched, like the body. */
  summary: Translated;
  /** Where a hit links to, without the locale segment (e.g. "/services/housing-benefit"). */
  url: string;
  /** Further searchable texts (description, keywords…), in every locale. Not shown. */
  body: Translated[];
}

/** A content type a module contributes to the index, able to list all its current documents. */
export interface Searchable {
  type: string;
  documents: (db: Db) => AsyncIterable<SearchDocument>;
}

/** One search result. */
export interface SearchHit {
  type: string;
  refId: string;
  title: Translated;
  summary: Translated;
  url: string;
  /** Relevance, higher is better. Only comparable within one result: each engine has its own scale. */
  score: number;
}

/** Narrowing and paging of a search. */
export interface SearchOptions {
  /** Only these content types; undefined for all, an empty list for none. */
  types?: string[];
  /** Page size, 1 to MAX_SEARCH_LIMIT; 20 when not given. */
  limit?: number;
  /** Hits to skip; past MAX_SEARCH_OFFSET the page is empty (lists are bounded). */
  offset?: number;
}

/** A page of hits and how many documents match in all. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

/** Largest page a search returns. */
export const MAX_SEARCH_LIMIT = 100;

/** Deepest offset a search pages to: nobody reads result 1,001, but a crawler would ask for it. */
export const MAX_SEARCH_OFFSET = 1000;

const DEFAULT_LIMIT = 20;

/** Rows per INSERT when adding vocabulary, well under both drivers' bound-parameter limits. */
const TERMS_PER_INSERT = 500;

/** Runs `fn` in the caller's transaction if there is one, else in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** The non-empty texts of translated values, every locale. */
function localeTexts(values: Translated[]): string[] {
  return values.flatMap((v) => Object.values(v ?? {})).filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}

/** Normalises each text and joins the distinct results (a text repeated across locales counts once). */
function normalizeAll(texts: string[]): string {
  return [...new Set(texts.map(normalize).filter((t) => t !== ''))].join(' ');
}

/**
 * Adds or replaces the document for (doc.type, doc.refId) and adds its words to the vocabulary
 * used for typo correction. Runs in the caller's transaction when `db` is one, so content and
 * index commit together; otherwise in its own.
 */
export async function indexDocument(db: Db, doc: SearchDocument): Promise<void> {
  const titleTexts = localeTexts([doc.title]);
  const bodyTexts = localeTexts([doc.summary, ...doc.body]);
  const row = {
    doc_type: doc.type,
    ref_id: doc.refId,
    title: JSON.stringify(doc.title),
    summary: JSON.stringify(doc.summary),
    url: doc.url,
    title_norm: normalizeAll(titleTexts),
    body_norm: normalizeAll(bodyTexts),
    updated_at: nowIso(),
  };
  // Sorted so that concurrent writers lock vocabulary rows in the same order (no deadlock on PostgreSQL).
  const terms = [
    ...new Set(
      [...titleTexts, ...bodyTexts]
        .flatMap(tokenize)
        .filter(isVocabularyTerm)
        .map((t) => t.stem),
    ),
  ].sort();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('search_documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['doc_type', 'ref_id']).doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          summary: eb.ref('excluded.summary'),
          url: eb.ref('excluded.url'),
          title_norm: eb.ref('excluded.title_norm'),
          body_norm: eb.ref('excluded.body_norm'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    for (let i = 0; i < terms.length; i += TERMS_PER_INSERT) {
      await trx
        .insertInto('search_terms')
        .values(terms.slice(i, i + TERMS_PER_INSERT).map((term) => ({ term })))
        .onConflict((oc) => oc.column('term').doNothing())
        .execute();
    }
  });
}

/**
 * Removes the document for (type, refId), if any. Its words stay in the vocabulary: other
 * documents may use them, and a stale term only costs a correction that matches nothing.
 */
export async function removeDocument(db: Db, type: string, refId: string): Promise<void> {
  await db.deleteFrom('search_documents').where('doc_type', '=', type).where('ref_id', '=', refId).execute();
}

/**
 * Rebuilds the index for the given content types: drops their documents, then indexes every
 * document each `Searchable` lists. One transaction (the caller's, if `db` is one), so searches
 * see the old index or the new one, never half of it. Returns the number of documents indexed.
 */
export async function reindexAll(db: Db, searchables: Searchable[]): Promise<number> {
  return inTransaction(db, async (trx) => {
    let count = 0;
    for (const searchable of searchables) {
      await trx.deleteFrom('search_documents').where('doc_type', '=', searchable.type).execute();
      for await (const doc of searchable.documents(trx)) {
        // A document of another type would survive the next rebuild of its own type twice over.
        if (doc.type !== searchable.type) throw new Error(`searchable "${searchable.type}" listed a document of type "${doc.type}"`);
        await indexDocument(trx, doc);
        count++;
      }
    }
    return count;
  });
}

function parseTranslated(json: string): Translated {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Translated) : {};
  } catch {
    return {};
  }
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/**
 * Searches the index. Every word of the query must match (in any locale); a word also matches
 * vocabulary terms a typo or two away when it is not itself a known word, and the last word
 * matches as a prefix. Title matches rank above body matches; ties are broken by title, so the
 * order is stable. A query with no letters or digits returns no hits; user text only ever reaches
 * the database as bound parameters.
 */
export async function search(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const tokens = queryTokens(typeof query === 'string' ? query : '');
  const types = options.types ? [...new Set(options.types)] : undefined;
  if (tokens.length === 0 || types?.length === 0) return { hits: [], total: 0 };
  const limit = clampInteger(options.limit, 1, MAX_SEARCH_LIMIT, DEFAULT_LIMIT);
  const offset = clampInteger(options.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  const engine = engineFor(db);
  const groups = await planQuery(db, tokens);
  const rows = offset > MAX_SEARCH_OFFSET ? [] : await engine.findDocuments(db, groups, { types, limit, offset });
  // The count query is only needed when this page does not tell how many there are.
  const total =
    rows.length > 0 && rows.length < limit
      ? offset + rows.length
      : rows.length === 0 && offset === 0
        ? 0
        : await engine.countDocuments(db, groups, types);
  const hits = rows.map((r) => ({
    type: r.type,
    refId: r.refId,
    title: parseTranslated(r.title),
    summary: parseTranslated(r.summary),
    url: r.url,
    score: Number(r.score),
  }));
  return { hits, total };
}
