/**
 * Co-assessment: each person's assessment of an e-service (the latest counts, earlier versions are
 * kept), "helpful" marks on reviews, problem reports with their public timeline, page feedback that
 * records the page and not the person, and the counters every public number is read from
 * (maintained in the transaction that changes an assessment or a report, never recomputed per view).
 */
import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

/** The counters shared by the per-service totals and the per-month buckets. */
function counters<T extends string>(table: import('kysely').CreateTableBuilder<T, any>) {
  let t = table;
  for (const column of [
    'assessments',
    'satisfaction_sum',
    'find_sum',
    'use_sum',
    'works_sum',
    'accessible_sum',
    'completed_yes',
    'completed_partly',
    'completed_no',
    'usage_alone',
    'usage_helped',
    'usage_dps',
    'reviews',
  ]) {
    t = t.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  return t;
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessments'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    // Null once the author deleted their account (the assessment stays, anonymous).
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('find_score', 'integer', (c) => c.notNull())
    .addColumn('use_score', 'integer', (c) => c.notNull())
    .addColumn('works_score', 'integer', (c) => c.notNull())
    .addColumn('accessible_score', 'integer', (c) => c.notNull())
    .addColumn('completion', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) => c.notNull())
    .addColumn('review', 'text')
    .addColumn('review_locale', 'text')
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer', 'text')
    .addColumn('answer_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessments_one_per_person', ['service_id', 'user_id'])
    .execute();
  await db.schema.createIndex('assessments_service_updated').on('assessments').columns(['service_id', 'updated_at']).execute();
  await db.schema.createIndex('assessments_service_helpful').on('assessments').columns(['service_id', 'helpful_count', 'id']).execute();
  await db.schema.createIndex('assessments_user').on('assessments').columns(['user_id']).execute();

  // Every version of an assessment, the current one included (written with it).
  await withId(db, db.schema.createTable('assessment_versions'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('find_score', 'integer', (c) => c.notNull())
    .addColumn('use_score', 'integer', (c) => c.notNull())
    .addColumn('works_score', 'integer', (c) => c.notNull())
    .addColumn('accessible_score', 'integer', (c) => c.notNull())
    .addColumn('completion', 'text', (c) => c.notNull())
    .addColumn('usage', 'text', (c) => c.notNull())
    .addColumn('review', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_versions_unique', ['assessment_id', 'version'])
    .execute();

  await db.schema
    .createTable('review_helpful_marks')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_helpful_marks_pk', ['assessment_id', 'user_id'])
    .execute();
  await db.schema.createIndex('review_helpful_marks_user').on('review_helpful_marks').columns(['user_id']).execute();

  await counters(
    db.schema
      .createTable('service_assessment_stats')
      .addColumn('service_id', 'integer', (c) => c.primaryKey().references('services.id').onDelete('cascade')),
  )
    .addColumn('open_problems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fixed_problems', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // The same counters by the month (YYYY-MM, UTC) of each assessment's latest version.
  await counters(
    db.schema
      .createTable('service_assessment_months')
      .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
      .addColumn('month', 'text', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('service_assessment_months_pk', ['service_id', 'month'])
    .execute();

  await withId(db, db.schema.createTable('problem_reports'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'integer', (c) => c.references('problem_reports.id').onDelete('set null'))
    .addColumn('reporter_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Where to tell the reporter about changes (null: they asked not to be contacted).
    .addColumn('contact_email', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The account whose API token posted it (Open311 clients).
    .addColumn('client_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Open311 `token` (random, public).
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('address', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('first_answer_at', 'text')
    .addColumn('fixed_at', 'text')
    .addColumn('follow_up_sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('problem_reports_service_status')
    .on('problem_reports')
    .columns(['service_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('problem_reports_updated').on('problem_reports').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('problem_reports_reporter').on('problem_reports').columns(['reporter_id']).execute();

  await withId(db, db.schema.createTable('problem_report_events'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('problem_reports.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // created | status | note | reopened | merged
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status_from', 'text')
    .addColumn('status_to', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problem_report_events_report').on('problem_report_events').columns(['report_id', 'id']).execute();

  await withId(db, db.schema.createTable('page_feedback'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('found', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_feedback_path').on('page_feedback').columns(['path', 'created_at']).execute();
  await db.schema.createIndex('page_feedback_created').on('page_feedback').columns(['created_at']).execute();
}
