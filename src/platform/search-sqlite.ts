/**
 * Search on SQLite: FTS5 over the normalised columns (external content, kept in sync by the
 * triggers of the platform migration) and an FTS5 trigram table over the vocabulary for typos.
 *
 * A MATCH expression is itself a little language, so user words never reach it as syntax: each
 * term is written as an FTS5 string ("term"), with any double quote doubled, and the whole
 * expression is a bound parameter.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { DocumentPage, DocumentRow, SearchEngine, TermGroup } from './search-engine.js';

/** Title matches count ten times body matches (the columns of search_fts, in order). */
const BM25 = sql`bm25(search_fts, 10.0, 1.0)`;

/** An FTS5 string literal: the text between double quotes, inner quotes doubled. */
function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** `("a" OR "b" OR "c"*) AND (…)`: every group must match, any alternative within one. */
export function matchExpression(groups: TermGroup[]): string {
  return groups.map((g) => `(${[...g.terms.map(ftsString), ...g.prefixes.map((p) => `${ftsString(p)}*`)].join(' OR ')})`).join(' AND ');
}

/** The distinct trigrams of a word, as the trigram tokenizer cuts them. */
function trigrams(word: string): string[] {
  const chars = Array.from(word);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

function typeFilter(types: string[] | undefined) {
  return types ? sql`and d.doc_type in (${sql.join(types)})` : sql``;
}

/** The SQLite engine. */
export const sqliteEngine: SearchEngine = {
  async similarTerms(db: Db, word: string, minLength: number, maxLength: number, limit: number): Promise<string[]> {
    const grams = trigrams(word);
    if (grams.length === 0) return [];
    // bm25 over an OR of trigrams ranks the terms sharing the most (and rarest) trigrams first.
    const result = await sql<{ term: string }>`
      select term from search_terms_trgm
      where search_terms_trgm match ${grams.map(ftsString).join(' OR ')}
        and length(term) between ${minLength} and ${maxLength}
      order by rank limit ${limit}`.execute(db);
    return result.rows.map((r) => r.term);
  },

  async findDocuments(db: Db, groups: TermGroup[], page: DocumentPage): Promise<DocumentRow[]> {
    const result = await sql<DocumentRow>`
      select d.doc_type as type, d.ref_id as "refId", d.title, d.summary, d.url, -${BM25} as score
      from search_fts join search_documents d on d.id = search_fts.rowid
      where search_fts match ${matchExpression(groups)} ${typeFilter(page.types)}
      order by ${BM25}, d.title_norm, d.id
      limit ${page.limit} offset ${page.offset}`.execute(db);
    return result.rows;
  },

  async countDocuments(db: Db, groups: TermGroup[], types: string[] | undefined): Promise<number> {
    const result = await sql<{ total: number }>`
      select count(*) as total
      from search_fts join search_documents d on d.id = search_fts.rowid
      where search_fts match ${matchExpression(groups)} ${typeFilter(types)}`.execute(db);
    return Number(result.rows[0]?.total ?? 0);
  },
};
