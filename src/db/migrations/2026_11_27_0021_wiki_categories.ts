/**
 * The wiki's front page filtered by kind of page or by category (a catalogue sector's slug): a
 * language's pages of one type, or of one category, the latest changed first, each from one index.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('wiki_pages_by_type').on('wiki_pages').columns(['locale', 'type', 'updated_at', 'id']).execute();
  await db.schema.createIndex('wiki_pages_by_category').on('wiki_pages').columns(['locale', 'category', 'updated_at', 'id']).execute();
}
