/**
 * The co-assessment module's part of a person's data (platform/gdpr.ts): their assessments with every
 * version, the reviews they marked helpful, and the problems they reported. On account deletion the
 * assessments and reports stay (they count in the public results and keep pointing at the anonymised
 * account, shown as a deleted participant); the contact details given with their reports are erased,
 * and their helpful marks are removed with each review's counter decremented in the same transaction.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { contentChanged } from '../../platform/content-cache.js';
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import './assessment.tables.js';

/** Exports and anonymises a person's assessments, helpful marks and problem reports. */
export const assessmentPersonalData: PersonalDataProvider = {
  async export(db: Db, userId: number) {
    const [assessments, versions, marks, reports] = await Promise.all([
      db
        .selectFrom('assessments')
        .innerJoin('services', 'services.id', 'assessments.service_id')
        .select([
          'assessments.id',
          'services.slug',
          'assessments.satisfaction',
          'assessments.find_score',
          'assessments.use_score',
          'assessments.works_score',
          'assessments.accessible_score',
          'assessments.completion',
          'assessments.usage',
          'assessments.review',
          'assessments.helpful_count',
          'assessments.version',
          'assessments.created_at',
          'assessments.updated_at',
        ])
        .where('assessments.user_id', '=', userId)
        .orderBy('assessments.id')
        .execute(),
      db
        .selectFrom('assessment_versions')
        .innerJoin('assessments', 'assessments.id', 'assessment_versions.assessment_id')
        .select([
          'assessment_versions.assessment_id',
          'assessment_versions.version',
          'assessment_versions.satisfaction',
          'assessment_versions.find_score',
          'assessment_versions.use_score',
          'assessment_versions.works_score',
          'assessment_versions.accessible_score',
          'assessment_versions.completion',
          'assessment_versions.usage',
          'assessment_versions.review',
          'assessment_versions.created_at',
        ])
        .where('assessments.user_id', '=', userId)
        .orderBy('assessment_versions.assessment_id')
        .orderBy('assessment_versions.version')
        .execute(),
      db
        .selectFrom('review_helpful_marks')
        .innerJoin('assessments', 'assessments.id', 'review_helpful_marks.assessment_id')
        .innerJoin('services', 'services.id', 'assessments.service_id')
        .select(['review_helpful_marks.assessment_id', 'services.slug', 'review_helpful_marks.created_at'])
        .where('review_helpful_marks.user_id', '=', userId)
        .orderBy('review_helpful_marks.created_at')
        .execute(),
      db
        .selectFrom('problem_reports')
        .innerJoin('services', 'services.id', 'problem_reports.service_id')
        .select([
          'problem_reports.id',
          'services.slug',
          'problem_reports.category',
          'problem_reports.description',
          'problem_reports.status',
          'problem_reports.contact_email',
          'problem_reports.contact_name',
          'problem_reports.created_at',
          'problem_reports.updated_at',
          'problem_reports.fixed_at',
        ])
        .where('problem_reports.reporter_id', '=', userId)
        .orderBy('problem_reports.id')
        .execute(),
    ]);
    const scores = (r: { satisfaction: number; find_score: number; use_score: number; works_score: number; accessible_score: number }) => ({
      satisfaction: r.satisfaction,
      easyToFind: r.find_score,
      easyToUse: r.use_score,
      worksWell: r.works_score,
      accessible: r.accessible_score,
    });
    return {
      assessments: assessments.map((a) => ({
        id: a.id,
        service: a.slug,
        ...scores(a),
        completion: a.completion,
        usage: a.usage,
        review: a.review,
        helpfulCount: Number(a.helpful_count),
        version: a.version,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
        versions: versions
          .filter((v) => v.assessment_id === a.id)
          .map((v) => ({
            version: v.version,
            ...scores(v),
            completion: v.completion,
            usage: v.usage,
            review: v.review,
            createdAt: v.created_at,
          })),
      })),
      helpfulMarks: marks.map((m) => ({ review: m.assessment_id, service: m.slug, createdAt: m.created_at })),
      problemReports: reports.map((r) => ({
        id: r.id,
        service: r.slug,
        category: r.category,
        description: r.description,
        status: r.status,
        contactEmail: r.contact_email,
        contactName: r.contact_name,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        fixedAt: r.fixed_at,
      })),
    };
  },

  async anonymise(trx: Db, userId: number) {
    // Each review this person marked loses their mark: the counter first, then the marks themselves.
    await trx
      .updateTable('assessments')
      .set({ helpful_count: sql<number>`helpful_count - 1` })
      .where('id', 'in', (eb) => eb.selectFrom('review_helpful_marks').select('assessment_id').where('user_id', '=', userId))
      .execute();
    await trx.deleteFrom('review_helpful_marks').where('user_id', '=', userId).execute();
    await trx.updateTable('problem_reports').set({ contact_email: null, contact_name: null }).where('reporter_id', '=', userId).execute();
    // Helpful counts and author names on public pages changed.
    await contentChanged(trx);
  },
};
