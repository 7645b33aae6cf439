/** Platform tables: settings and generated secrets, job queue, mail outbox, audit log, search index. */
import { sql, type Kysely } from 'kysely';
import { dialectOf, withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('jobs'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
  // The admin's list of jobs by status, newest first (keyset on id).
  await db.schema.createIndex('jobs_status_id').on('jobs').columns(['status', 'id']).execute();

  await withId(db, db.schema.createTable('mail_outbox'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_created').on('audit_log').column('created_at').execute();

  // Rate-limit counters shared by every instance (times in epoch milliseconds).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute();

  // Search: documents hold text already normalised by the application (lower case, no diacritics,
  // light stemming), so both engines index the same tokens and behave alike.
  await withId(db, db.schema.createTable('search_documents'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title_norm', 'text', (c) => c.notNull())
    .addColumn('body_norm', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_ref', ['doc_type', 'ref_id'])
    .execute();
  await db.schema
    .createTable('search_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .execute();

  if (dialectOf(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`alter table search_documents add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', title_norm), 'A') || setweight(to_tsvector('simple', body_norm), 'B')) stored`.execute(db);
    await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
    await sql`create index search_terms_trgm on search_terms using gin (term gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title_norm, body_norm, content='search_documents', content_rowid='id', tokenize='unicode61')`.execute(
      db,
    );
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, title_norm, body_norm) values (new.id, new.title_norm, new.body_norm); end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, title_norm, body_norm) values ('delete', old.id, old.title_norm, old.body_norm); end`.execute(
      db,
    );
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, title_norm, body_norm) values ('delete', old.id, old.title_norm, old.body_norm);
      insert into search_fts(rowid, title_norm, body_norm) values (new.id, new.title_norm, new.body_norm); end`.execute(db);
    await sql`create virtual table search_terms_trgm using fts5(term, tokenize='trigram')`.execute(db);
    await sql`create trigger search_terms_ai after insert on search_terms begin
      insert into search_terms_trgm(term) values (new.term); end`.execute(db);
  }
}
