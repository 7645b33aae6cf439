/**
 * The two full-text engines behind search.ts: SQLite FTS5 and PostgreSQL tsvector + pg_trgm.
 * Everything that differs between them is in search-sqlite.ts and search-postgres.ts; this file
 * only names what each must do and picks one for a connection.
 */
import type { Db } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import { postgresEngine } from './search-postgres.js';
import { sqliteEngine } from './search-sqlite.js';

/**
 * One query word as the engines see it: a document matches when it contains any of `terms`, or
 * any word starting with one of `prefixes`.
 */
export interface TermGroup {
  terms: string[];
  prefixes: string[];
}

/** Which documents to return. `types` undefined means every type. */
export interface DocumentPage {
  types?: string[];
  limit: number;
  offset: number;
}

/** A matching document as stored (title and summary still JSON text). */
export interface DocumentRow {
  type: string;
  refId: string;
  title: string;
  summary: string;
  url: string;
  /** Higher is better; only comparable within one result. */
  score: number;
}

/** What each database must provide. Every user-provided value reaches SQL as a bound parameter. */
export interface SearchEngine {
  /**
   * Vocabulary terms sharing trigrams with `word`, whose length is within [minLength, maxLength],
   * most similar first. Candidates only: the caller keeps those within an edit distance.
   */
  similarTerms(db: Db, word: string, minLength: number, maxLength: number, limit: number): Promise<string[]>;
  /** Documents matching every group (AND across groups, OR within one), best first. */
  findDocuments(db: Db, groups: TermGroup[], page: DocumentPage): Promise<DocumentRow[]>;
  /** How many documents match every group. */
  countDocuments(db: Db, groups: TermGroup[], types: string[] | undefined): Promise<number>;
}

/** The engine for the database `db` talks to. */
export function engineFor(db: Db): SearchEngine {
  return dialectOf(db) === 'postgres' ? postgresEngine : sqliteEngine;
}
