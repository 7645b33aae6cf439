/**
 * Co-assessment: indexes for the median time to a first answer (dashboard and public results).
 * Partial (only answered rows) and covering (the creation time too), so reading a year of answers
 * of a service touches only those rows, however many assessments it has.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessments_answered')
    .on('assessments')
    .columns(['service_id', 'answered_at', 'created_at'])
    .where(sql.ref('answered_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('problem_reports_first_answer')
    .on('problem_reports')
    .columns(['service_id', 'first_answer_at', 'created_at'])
    .where(sql.ref('first_answer_at'), 'is not', null)
    .execute();
}
