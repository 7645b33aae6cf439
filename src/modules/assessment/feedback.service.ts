/**
 * Page feedback: "Did you find what you were looking for?" at the bottom of every page. A row holds
 * the page (its path without the locale or query string), the locale, yes/no, an optional comment
 * and the **day** — never who answered: no user id, no address, no session, and no exact time that
 * could be matched against a request log. Admins read the answers per page and the latest comments.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import './assessment.tables.js';

/** Longest page path recorded (the layout does not offer the prompt on longer ones). */
export const FEEDBACK_PAGE_MAX = 300;
/** Longest comment (the field says it; the form refuses longer ones with a clear error). */
export const FEEDBACK_COMMENT_MAX = 1000;

/**
 * A path on this site: starts with one slash (never `//host`, which browsers read as another site),
 * then the characters of a URL path; no query string or fragment.
 */
const PAGE_PATH = /^\/(?!\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;

/** Whether `page` is a path on this site that feedback may be recorded for. */
export const isFeedbackPage = (page: unknown): page is string =>
  typeof page === 'string' && page.length <= FEEDBACK_PAGE_MAX && PAGE_PATH.test(page);

/** The prompt's form. `page` is checked apart (a bad one is a 400: no page of ours sends it). */
export const pageFeedbackForm = z.object({
  found: z.enum(['yes', 'no'], { message: 'choose' }),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, { message: 'too_long' })
    .optional()
    .transform((v) => (v ? v : null)),
});

/** The periods the admin page offers, in days. */
export const FEEDBACK_PERIODS = [7, 30, 90, 365] as const;

export const feedbackAdminQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d) => (FEEDBACK_PERIODS as readonly number[]).includes(d))
    .catch(30)
    .default(30),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type FeedbackAdminQuery = z.output<typeof feedbackAdminQuery>;

/** The day (UTC midnight, ISO-8601) of a moment: the only time a feedback row keeps. */
export const dayOf = (date: Date) => `${date.toISOString().slice(0, 10)}T00:00:00.000Z`;

/** Records one answer. Nothing about the person who gave it is passed in, so nothing can be stored. */
export async function recordPageFeedback(
  db: Db,
  answer: { path: string; locale: string; found: boolean; comment: string | null },
  now: Date = new Date(),
): Promise<void> {
  await db
    .insertInto('page_feedback')
    .values({ path: answer.path, locale: answer.locale, found: answer.found ? 1 : 0, comment: answer.comment, created_at: dayOf(now) })
    .execute();
}

export interface PageFeedbackRow {
  path: string;
  yes: number;
  no: number;
}

export interface PageFeedbackComment {
  id: number;
  path: string;
  locale: string;
  found: boolean;
  comment: string;
  createdAt: string;
}

/** Pages listed at most on the admin page (the most "No" answers first). */
export const FEEDBACK_PAGES_MAX = 50;

/** Since when a period of `days` counts (from the start of the day `days - 1` days ago). */
export const periodStart = (days: number, now: Date = new Date()) => dayOf(new Date(now.getTime() - (days - 1) * 86_400_000));

/**
 * The period's answers: totals, per page (the most "No" first, at most FEEDBACK_PAGES_MAX pages),
 * and a page of the comments, newest first. Three bounded queries on the `created_at` index.
 */
export async function pageFeedbackReport(db: Db, options: { since: string; page: number; perPage: number }) {
  const yes = sql<number>`sum(case when found = 1 then 1 else 0 end)`;
  const no = sql<number>`sum(case when found = 0 then 1 else 0 end)`;
  const [totals, pages, comments, commentCount] = await Promise.all([
    db
      .selectFrom('page_feedback')
      .select([yes.as('yes'), no.as('no')])
      .where('created_at', '>=', options.since)
      .executeTakeFirst(),
    db
      .selectFrom('page_feedback')
      .select(['path', yes.as('yes'), no.as('no')])
      .where('created_at', '>=', options.since)
      .groupBy('path')
      .orderBy(no, 'desc')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('path')
      .limit(FEEDBACK_PAGES_MAX)
      .execute(),
    db
      .selectFrom('page_feedback')
      .select(['id', 'path', 'locale', 'found', 'comment', 'created_at'])
      .where('created_at', '>=', options.since)
      .where('comment', 'is not', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage)
      .execute(),
    db
      .selectFrom('page_feedback')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', options.since)
      .where('comment', 'is not', null)
      .executeTakeFirst(),
  ]);
  return {
    yes: Number(totals?.yes ?? 0),
    no: Number(totals?.no ?? 0),
    pages: pages.map((p): PageFeedbackRow => ({ path: p.path, yes: Number(p.yes), no: Number(p.no) })),
    comments: comments.map((c): PageFeedbackComment => ({
      id: c.id,
      path: c.path,
      locale: c.locale,
      found: c.found === 1,
      comment: c.comment ?? '',
      createdAt: c.created_at,
    })),
    commentCount: Number(commentCount?.n ?? 0),
  };
}
