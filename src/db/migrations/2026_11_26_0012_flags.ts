/**
 * Flags and moderation (platform mechanism, pages in the moderation module): one row per report,
 * one unique per person and item; one state per reported item, with its running flag count.
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('flags'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('flags_one_per_reporter', ['content_type', 'content_id', 'reporter_id'])
    .execute();
  await db.schema.createIndex('flags_reporter').on('flags').columns(['reporter_id']).execute();

  await db.schema
    .createTable('moderation_states')
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason_shown', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_flag_id', 'integer', (c) => c.notNull())
    .addColumn('last_flagged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('moderation_states_pk', ['content_type', 'content_id'])
    .execute();
  await db.schema.createIndex('moderation_states_queue').on('moderation_states').columns(['status', 'last_flag_id']).execute();
  await db.schema.createIndex('moderation_states_latest').on('moderation_states').columns(['last_flag_id']).execute();
}
