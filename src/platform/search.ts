/**
 * PLACEHOLDER INTERFACE — being implemented by the search helper. Keep these exported names/signatures.
 */
import type { Db } from '../db/database.js';
import type { Translated } from '../db/schema.js';

export interface SearchDocument {
  type: string;
  refId: string;
  title: Translated;
  summary: Translated;
  url: string;
  body: Translated[];
}
export interface Searchable {
  type: string;
  documents: (db: Db) => AsyncIterable<SearchDocument>;
}
export async function indexDocument(_db: Db, _doc: SearchDocument): Promise<void> {}
export async function reindexAll(_db: Db, _searchables: Searchable[]): Promise<void> {}
