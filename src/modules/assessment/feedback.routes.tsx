/**
 * Routes: the page feedback prompt's answers (POST /{l}/page-feedback), the thank-you page, and
 * the admins' report (/{l}/admin/page-feedback).
 *
 * The prompt is on every page, and anonymous pages are served from a shared cache, so its form
 * cannot hold a CSRF token: app.ts exempts this one route from the token, and the route requires a
 * same-origin request instead (`Sec-Fetch-Site: same-origin`, or an `Origin` equal to BASE_URL's),
 * which a form on another site cannot produce. The route ignores the session: an answer records
 * the page, never the person. It is rate-limited per address, generously (a Digital Public Space's
 * visitors share one).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, redirectToSignIn } from '../../platform/routing.js';
import { assessmentActor } from './assessment.actor.js';
import { authorize } from './assessment.policy.js';
import {
  FEEDBACK_COMMENT_MAX,
  feedbackAdminQuery,
  isFeedbackPage,
  pageFeedbackForm,
  pageFeedbackReport,
  periodStart,
  recordPageFeedback,
} from './feedback.service.js';
import { FeedbackAdminPage } from './views/feedback-admin.page.js';
import { FeedbackFormPage, FeedbackThanksPage } from './views/feedback.page.js';

/** Answers per address: enough for a Digital Public Space's shared connection, too few to flood. */
const FEEDBACK_RATE_LIMIT = { max: 30, timeWindow: 10 * 60_000 };
const COMMENTS_PER_PAGE = 25;

/**
 * Whether a posting request comes from a page of this site: browsers say so in `Sec-Fetch-Site`
 * (when they send it, nothing else counts); older ones send an `Origin`, which must be ours.
 */
export function isSameOrigin(request: FastifyRequest, baseOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  return request.headers.origin === baseOrigin;
}

export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const baseOrigin = new URL(app.config.baseUrl).origin;

  localizedPost(
    app,
    '/page-feedback',
    async (request, reply) => {
      if (!isSameOrigin(request, baseOrigin)) throw new AppError('forbidden', 'Page feedback is only taken from this site’s pages');
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!isFeedbackPage(body.page)) throw new AppError('bad_request', 'Not a page of this site');
      const page = body.page;
      const parsed = pageFeedbackForm.safeParse({
        found: body.found,
        comment: typeof body.comment === 'string' ? body.comment : undefined,
      });
      if (!parsed.success) {
        const t = translator(request.locale);
        const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
        const errors = {
          found: fields.has('found') ? t('feedback.form.errorFound') : undefined,
          comment: fields.has('comment') ? t('feedback.form.errorComment', { max: FEEDBACK_COMMENT_MAX }) : undefined,
        };
        const comment = typeof body.comment === 'string' ? body.comment.slice(0, FEEDBACK_COMMENT_MAX * 2) : '';
        return sendPage(request, reply, <FeedbackFormPage page={page} comment={comment} errors={errors} />, {
          title: t('feedback.form.errorTitle', { title: t('feedback.form.title') }),
          status: 422,
          cacheable: false,
        });
      }
      // Deliberately nothing from the request but the page, its locale and the answer.
      await recordPageFeedback(app.db, {
        path: page,
        locale: request.locale,
        found: parsed.data.found === 'yes',
        comment: parsed.data.comment,
      });
      return reply.redirect(`/${request.locale}/page-feedback/thanks?page=${encodeURIComponent(page)}`, 303);
    },
    { config: { rateLimit: FEEDBACK_RATE_LIMIT } },
  );

  // The form as a page of its own (where the language switcher of a re-shown form leads).
  localizedGet(app, '/page-feedback', async (request, reply) => {
    const page = (request.query as Record<string, unknown> | undefined)?.page;
    if (!isFeedbackPage(page)) return reply.redirect(`/${request.locale}/`, 303);
    const t = translator(request.locale);
    return sendPage(request, reply, <FeedbackFormPage page={page} comment="" errors={{}} />, { title: t('feedback.form.title') });
  });

  localizedGet(app, '/page-feedback/thanks', async (request, reply) => {
    const page = (request.query as Record<string, unknown> | undefined)?.page;
    const t = translator(request.locale);
    return sendPage(request, reply, <FeedbackThanksPage page={isFeedbackPage(page) ? page : null} />, {
      title: t('feedback.thanks.title'),
    });
  });

  localizedGet(app, '/admin/page-feedback', async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = await assessmentActor(app.db, request.user);
    if (!actor) return redirectToSignIn(request, reply);
    authorize(actor, 'feedback.view');
    const query = feedbackAdminQuery.parse(request.query ?? {});
    const report = await pageFeedbackReport(app.db, { since: periodStart(query.days), page: query.page, perPage: COMMENTS_PER_PAGE });
    const t = translator(request.locale);
    return sendPage(request, reply, <FeedbackAdminPage days={query.days} page={query.page} perPage={COMMENTS_PER_PAGE} {...report} />, {
      title: t('feedback.admin.title'),
      cacheable: false,
    });
  });
}
