/**
 * Reviews: the written part of assessments, as others read them. Listing a service's reviews (one
 * page, bounded queries: authors joined, the viewer's helpful marks and moderation asked once for the
 * page's ids), "helpful" marks (one per person and review, the review's `helpful_count` kept in step in
 * the same transaction), and the organisation's one official answer per review (audited).
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { forUpdate, isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import type { FlaggableItem } from '../../platform/flags.js';
import { authorize, type AssessmentActor } from './assessment.policy.js';
import './assessment.tables.js';

/** The flaggable content type of reviews. */
export const REVIEW_TYPE = 'assessment.review';

export const REVIEW_SORTS = ['newest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const REVIEWS_PER_PAGE = 10;
/** Offset pagination stops here (deeper pages are refused rather than scanned). */
export const MAX_REVIEW_PAGE = 500;

export const ANSWER_MAX = 4000;

/** The official answer form. */
export const answerInput = z.object({
  answer: z.string().trim().min(1).max(ANSWER_MAX),
});

/** The reviews page's query: sort order, page, and the outcome banner of a redirect. */
export const reviewsQuery = z.object({
  sort: z.enum(REVIEW_SORTS).catch('newest'),
  page: z.coerce.number().int().min(1).max(MAX_REVIEW_PAGE).catch(1),
  done: z.enum(['rated', 'deleted', 'answered', 'helpful', 'unhelpful']).optional().catch(undefined),
});
export type ReviewsQuery = z.output<typeof reviewsQuery>;

/** One review as the reviews page shows it. */
export interface ReviewItem {
  id: number;
  userId: number | null;
  /** The author's display name; null when the account row is gone (shown as a deleted participant). */
  authorName: string | null;
  satisfaction: number;
  scores: { find: number; use: number; works: number; accessible: number };
  completion: string;
  usage: string;
  review: string;
  reviewLocale: string | null;
  helpfulCount: number;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One page of a service's reviews (assessments with a written review), newest or most helpful first.
 * One query; the caller knows the total from the service's `reviews` counter.
 */
export async function listReviews(
  db: Db,
  serviceId: number,
  options: { sort: ReviewSort; page: number; perPage?: number },
): Promise<ReviewItem[]> {
  const perPage = options.perPage ?? REVIEWS_PER_PAGE;
  let q = db
    .selectFrom('assessments')
    .leftJoin('users', 'users.id', 'assessments.user_id')
    .select([
      'assessments.id',
      'assessments.user_id',
      'users.display_name',
      'assessments.satisfaction',
      'assessments.find_score',
      'assessments.use_score',
      'assessments.works_score',
      'assessments.accessible_score',
      'assessments.completion',
      'assessments.usage',
      'assessments.review',
      'assessments.review_locale',
      'assessments.helpful_count',
      'assessments.answer',
      'assessments.answered_at',
      'assessments.created_at',
      'assessments.updated_at',
    ])
    .where('assessments.service_id', '=', serviceId)
    .where('assessments.review', 'is not', null);
  q =
    options.sort === 'helpful'
      ? q.orderBy('assessments.helpful_count', 'desc').orderBy('assessments.id', 'desc')
      : q.orderBy('assessments.updated_at', 'desc').orderBy('assessments.id', 'desc');
  const rows = await q
    .limit(perPage)
    .offset((Math.min(options.page, MAX_REVIEW_PAGE) - 1) * perPage)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    authorName: r.display_name ?? null,
    satisfaction: r.satisfaction,
    scores: { find: r.find_score, use: r.use_score, works: r.works_score, accessible: r.accessible_score },
    completion: r.completion,
    usage: r.usage,
    review: r.review ?? '',
    reviewLocale: r.review_locale,
    helpfulCount: Number(r.helpful_count),
    answer: r.answer,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Which of `ids` the user marked helpful (one query). */
export async function helpfulMarksOf(db: Db, userId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('review_helpful_marks')
    .select('assessment_id')
    .where('user_id', '=', userId)
    .where('assessment_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.assessment_id));
}

/** A review with what the routes need to check rights and link back: its service's id, slug and organisation. */
export interface ReviewRef {
  id: number;
  userId: number | null;
  review: string;
  answer: string | null;
  answeredAt: string | null;
  serviceId: number;
  serviceSlug: string;
  serviceName: string;
  organisationId: number;
}

/** A review of a published service, or not_found (an assessment without a written review is not one). */
export async function findReview(db: Db, id: number): Promise<ReviewRef> {
  const row = await db
    .selectFrom('assessments')
    .innerJoin('services', 'services.id', 'assessments.service_id')
    .select([
      'assessments.id',
      'assessments.user_id',
      'assessments.review',
      'assessments.answer',
      'assessments.answered_at',
      'services.id as service_id',
      'services.slug',
      'services.name',
      'services.organisation_id',
      'services.status',
    ])
    .where('assessments.id', '=', id)
    .executeTakeFirst();
  if (!row || row.review === null || row.status !== 'published') throw new AppError('not_found', 'No such review');
  return {
    id: row.id,
    userId: row.user_id,
    review: row.review,
    answer: row.answer,
    answeredAt: row.answered_at,
    serviceId: row.service_id,
    serviceSlug: row.slug,
    serviceName: row.name,
    organisationId: row.organisation_id,
  };
}

/**
 * Marks (`on`) or unmarks a review as helpful for `actor`. Idempotent: marking twice counts once (the
 * primary key refuses the second row), unmarking what is not marked changes nothing. Nobody marks
 * their own review. Says whether anything changed, and which review it is.
 */
export async function markHelpful(
  db: Db,
  actor: AssessmentActor,
  reviewId: number,
  on: boolean,
  options: { now?: Date } = {},
): Promise<{ changed: boolean; review: ReviewRef }> {
  authorize(actor, 'assess');
  const review = await findReview(db, reviewId);
  if (review.userId === actor.id) throw new AppError('forbidden', 'You cannot mark your own review helpful');
  try {
    const changed = await db.transaction().execute(async (trx) => {
      // Lock the review, so its counter and the marks change together.
      await forUpdate(trx, trx.selectFrom('assessments').select('id').where('id', '=', reviewId)).executeTakeFirst();
      const existing = await trx
        .selectFrom('review_helpful_marks')
        .select('assessment_id')
        .where('assessment_id', '=', reviewId)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      if (on === (existing !== undefined)) return false;
      if (on) {
        await trx
          .insertInto('review_helpful_marks')
          .values({ assessment_id: reviewId, user_id: actor.id, created_at: nowIso(options.now) })
          .execute();
      } else {
        await trx.deleteFrom('review_helpful_marks').where('assessment_id', '=', reviewId).where('user_id', '=', actor.id).execute();
      }
      await trx
        .updateTable('assessments')
        .set({ helpful_count: sql<number>`helpful_count + ${on ? 1 : -1}` })
        .where('id', '=', reviewId)
        .execute();
      await contentChanged(trx);
      return true;
    });
    return { changed, review };
  } catch (err) {
    // The same person marking twice at once: the other request already counted it.
    if (on && isUniqueViolation(err)) return { changed: false, review };
    throw err;
  }
}

/**
 * Posts (or replaces) the official answer to a review: the officials of the service's organisation
 * and admins only. Audited in the same transaction. A replaced answer keeps the time of the first.
 */
export async function answerReview(
  db: Db,
  actor: AssessmentActor,
  reviewId: number,
  answer: string,
  context: Omit<AuditContext, 'actorId'>,
  options: { now?: Date } = {},
): Promise<ReviewRef> {
  const review = await findReview(db, reviewId);
  authorize(actor, 'review.answer', review.organisationId);
  const text = answerInput.parse({ answer }).answer;
  await db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    // answered_at keeps the first answer's time: the dashboards measure the time to a first answer.
    await trx
      .updateTable('assessments')
      .set({ answer: text, answer_by: actor.id, answered_at: sql<string>`coalesce(answered_at, ${now})` })
      .where('id', '=', reviewId)
      .execute();
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'review.answer',
      subjectType: REVIEW_TYPE,
      subjectId: String(reviewId),
      data: { serviceId: review.serviceId, replaced: review.answer !== null },
    });
    await contentChanged(trx);
  });
  return review;
}

/** The reviews among `ids` for the report form and the moderation queue (one query). */
export async function loadReviewsForFlags(db: Db, ids: readonly string[], defaultLocale: Locale = 'en'): Promise<FlaggableItem[]> {
  const numeric = [...new Set(ids.filter((id) => /^\d{1,12}$/.test(id)).map(Number))];
  if (numeric.length === 0) return [];
  const rows = await db
    .selectFrom('assessments')
    .innerJoin('services', 'services.id', 'assessments.service_id')
    .select(['assessments.id', 'assessments.user_id', 'assessments.review', 'assessments.review_locale', 'services.slug'])
    .where('assessments.id', 'in', numeric)
    .where('assessments.review', 'is not', null)
    .execute();
  return rows.map((r) => {
    const locale: Locale = isLocale(r.review_locale) ? r.review_locale : defaultLocale;
    const text = (r.review ?? '').replace(/\s+/g, ' ').trim();
    return {
      id: String(r.id),
      authorId: r.user_id,
      title: text.length > 120 ? `${text.slice(0, 119)}…` : text,
      url: `/${locale}/services/${r.slug}/reviews#review-${r.id}`,
      locale,
    };
  });
}
