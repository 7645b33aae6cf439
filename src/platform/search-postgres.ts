/**
 * Search on PostgreSQL: the generated `tsv` column (title weighted A, body B, 'simple'
 * configuration because the text is already normalised by search-text.ts) and pg_trgm over the
 * vocabulary for typos.
 *
 * The tsquery is built from tokens that contain only letters and digits, each still written as a
 * quoted lexeme ('term', quotes and backslashes escaped), and passed to to_tsquery as a bound
 * parameter: user text is never SQL, nor tsquery operators.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { DocumentPage, DocumentRow, SearchEngine, TermGroup } from './search-engine.js';

/** ts_rank weights for {D, C, B, A}: a title (A) match counts ten times a body (B) match. */
const RANK = sql`ts_rank('{0.1, 0.1, 0.1, 1.0}'::float4[], tsv, q)`;

/** A tsquery lexeme literal. */
function lexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** `('a' | 'b' | 'c':*) & (…)`: every group must match, any alternative within one. */
export function tsqueryText(groups: TermGroup[]): string {
  return groups.map((g) => `(${[...g.terms.map(lexeme), ...g.prefixes.map((p) => `${lexeme(p)}:*`)].join(' | ')})`).join(' & ');
}

function typeFilter(types: string[] | undefined) {
  return types ? sql`and doc_type in (${sql.join(types)})` : sql``;
}

/** The PostgreSQL engine. */
export const postgresEngine: SearchEngine = {
  async similarTerms(db: Db, word: string, minLength: number, maxLength: number, limit: number): Promise<string[]> {
    // `%` (similarity above pg_trgm.similarity_threshold, 0.3 by default) is what the GIN
    // trigram index on search_terms answers; similarity() then orders the few it returns.
    const result = await sql<{ term: string }>`
      select term from search_terms
      where term % ${word} and length(term) between ${minLength} and ${maxLength}
      order by similarity(term, ${word}) desc, term
      limit ${limit}`.execute(db);
    return result.rows.map((r) => r.term);
  },

  async findDocuments(db: Db, groups: TermGroup[], page: DocumentPage): Promise<DocumentRow[]> {
    const result = await sql<DocumentRow>`
      select doc_type as type, ref_id as "refId", title, summary, url, ${RANK} as score
      from search_documents, to_tsquery('simple', ${tsqueryText(groups)}) q
      where tsv @@ q ${typeFilter(page.types)}
      order by score desc, title_norm, id
      limit ${page.limit} offset ${page.offset}`.execute(db);
    return result.rows;
  },

  async countDocuments(db: Db, groups: TermGroup[], types: string[] | undefined): Promise<number> {
    const result = await sql<{ total: number }>`
      select count(*) as total
      from search_documents, to_tsquery('simple', ${tsqueryText(groups)}) q
      where tsv @@ q ${typeFilter(types)}`.execute(db);
    return Number(result.rows[0]?.total ?? 0);
  },
};
