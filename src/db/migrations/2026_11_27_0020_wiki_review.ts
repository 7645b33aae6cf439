/**
 * The wiki's review queue, discussions and watchlists. A page now points at two revisions: the
 * latest (`current_revision_id`, which editors build on) and the last accepted one
 * (`stable_revision_id`, which readers see). An edit by a new account waits (`review_status =
 * 'pending'`) until a reviewer accepts or rejects it with a reason; `pending_since` orders the queue.
 * Comments are a page's discussion; watches say who is emailed when a watched page changes.
 * Revisions carry their page's language (a page never changes it), so the recent changes of one
 * language are read from one index, newest first, on both databases.
 */
import { sql, type Kysely } from 'kysely';
import { withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wiki_pages').addColumn('stable_revision_id', 'integer').execute();
  await db.schema.alterTable('wiki_pages').addColumn('pending_since', 'text').execute();
  await sql`update wiki_pages set stable_revision_id = current_revision_id`.execute(db);
  await db.schema.createIndex('wiki_pages_pending').on('wiki_pages').columns(['pending_since', 'id']).execute();
  // The wiki's front page: a language's pages, the latest changed first, without a sort.
  await db.schema.createIndex('wiki_pages_recent').on('wiki_pages').columns(['locale', 'updated_at', 'id']).execute();

  // accepted | pending | rejected
  await db.schema
    .alterTable('wiki_revisions')
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('accepted'))
    .execute();
  await db.schema
    .alterTable('wiki_revisions')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('wiki_revisions').addColumn('reviewed_at', 'text').execute();
  // Why a reviewer rejected it, shown in the history.
  await db.schema.alterTable('wiki_revisions').addColumn('review_reason', 'text').execute();
  await db.schema
    .alterTable('wiki_revisions')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update wiki_revisions set locale = (select p.locale from wiki_pages p where p.id = wiki_revisions.page_id)`.execute(db);
  await db.schema.createIndex('wiki_revisions_locale').on('wiki_revisions').columns(['locale', 'id']).execute();

  await withId(db, db.schema.createTable('wiki_comments'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('wiki_pages.id').onDelete('cascade'))
    // Null once the author deleted their account.
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wiki_comments_page').on('wiki_comments').columns(['page_id', 'id']).execute();
  await db.schema.createIndex('wiki_comments_author').on('wiki_comments').column('author_id').execute();

  await db.schema
    .createTable('wiki_watches')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.notNull().references('wiki_pages.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wiki_watches_pk', ['user_id', 'page_id'])
    .execute();
  // A page's watchers, read in user id order (batched): no sort.
  await db.schema.createIndex('wiki_watches_page').on('wiki_watches').columns(['page_id', 'user_id']).execute();
}
