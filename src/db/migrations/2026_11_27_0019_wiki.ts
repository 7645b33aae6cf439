/**
 * The E-coop Wiki: pages (guides, good-practice sheets, general pages) in one language each, linked
 * to their translations by a group; every save is a revision with its full text (a page's history
 * reads any revision at once, as MediaWiki does) and the diff from the revision before it (stored,
 * so history and "applying the stored diff reproduces the next" hold without recomputing). The page
 * points at its latest revision; `lock_version` moves with it, so concurrent saves serialise on the
 * page row on both databases.
 */
import type { Kysely } from 'kysely';
import { flag, withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('wiki_pages'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // guide | good_practice | general
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('general'))
    .addColumn('category', 'text')
    // Pages that are translations of each other share a group (the first page's id).
    .addColumn('translation_group', 'integer')
    .addColumn('protected', 'integer', flag)
    .addColumn('current_revision_id', 'integer')
    .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wiki_pages_title').on('wiki_pages').columns(['locale', 'title']).execute();
  await db.schema.createIndex('wiki_pages_translation_group').on('wiki_pages').column('translation_group').execute();

  await withId(db, db.schema.createTable('wiki_revisions'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('wiki_pages.id').onDelete('cascade'))
    // The revision this one followed (null for the first); for a merged save, the latest one.
    .addColumn('parent_id', 'integer', (c) => c.references('wiki_revisions.id').onDelete('set null'))
    // Null once the author deleted their account.
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON: the stored diff from the parent's body to this body (revision-diff.ts).
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('size_delta', 'integer', (c) => c.notNull())
    // edit | create | merge | restore
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('edit'))
    // For a restore: the revision whose text it brings back.
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wiki_revisions_page').on('wiki_revisions').columns(['page_id', 'id']).execute();
  await db.schema.createIndex('wiki_revisions_author').on('wiki_revisions').column('author_id').execute();

  // What each page links to, kept on every save: missing pages, "what links here", guides of a service.
  await db.schema
    .createTable('wiki_links')
    .addColumn('page_id', 'integer', (c) => c.notNull().references('wiki_pages.id').onDelete('cascade'))
    // page | service
    .addColumn('kind', 'text', (c) => c.notNull())
    // A page's normalised title, or a service's slug.
    .addColumn('target', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wiki_links_pk', ['page_id', 'kind', 'target'])
    .execute();
  await db.schema.createIndex('wiki_links_target').on('wiki_links').columns(['kind', 'target']).execute();
}
