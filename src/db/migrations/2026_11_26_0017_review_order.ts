/**
 * Co-assessment: the reviews page lists a service's assessments that have a review, newest or most
 * helpful first. Partial indexes on exactly those rows, in both orders with the id as tie-break,
 * let both databases read one page without sorting the service's every assessment.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessments_reviews_newest')
    .on('assessments')
    .columns(['service_id', 'updated_at', 'id'])
    .where(sql.ref('review'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('assessments_reviews_helpful')
    .on('assessments')
    .columns(['service_id', 'helpful_count', 'id'])
    .where(sql.ref('review'), 'is not', null)
    .execute();
}
