/**
 * Routes: rating a service (`/services/:slug/rate`, its delete confirmation), reading its reviews
 * (`/services/:slug/reviews`), marking a review helpful and the organisation's official answer
 * (`/reviews/:id/helpful`, `/reviews/:id/answer`). Thin: who is asking → policy → one service
 * function → render, or 303 after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import type { FieldError } from '../../platform/errors.js';
import { moderationStatus } from '../../platform/flags.js';
import { pick, translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { getPublishedServiceRef } from '../catalogue/index.js';
import { organisationNamesByIds } from '../territory/index.js';
import { assessmentActor } from './assessment.actor.js';
import { assessmentInput } from './assessment.model.js';
import { authorize, can } from './assessment.policy.js';
import { serviceKpis } from './assessment.queries.js';
import { deleteAssessment, findOwnAssessment, submitAssessment } from './assessments.service.js';
import {
  answerInput,
  answerReview,
  findReview,
  helpfulMarksOf,
  listReviews,
  markHelpful,
  MAX_REVIEW_PAGE,
  REVIEW_TYPE,
  reviewsQuery,
  REVIEWS_PER_PAGE,
} from './reviews.service.js';
import { AnswerPage } from './views/answer.page.js';
import { emptyRateForm, RATE_FIELDS, RateDeletePage, RatePage, RateRefusedPage, type RateFormValues } from './views/rate.page.js';
import {
  ReviewActions,
  ReviewsPage,
  reviewActionItems,
  reviewActionsHole,
  type ReviewActionItem,
  type ReviewReaderState,
} from './views/reviews.page.js';

const HOUR = 60 * 60 * 1000;

const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(200),
});
const idParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
const helpfulForm = z.object({
  mark: z.enum(['on', 'off']),
  sort: z.string().optional(),
  page: z.string().optional(),
});

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The rating form's fields as sent. */
function readRateForm(body: unknown): RateFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const values = emptyRateForm();
  for (const f of RATE_FIELDS) values[f] = text(b[f]);
  return values;
}

/** The form's errors, one per field, as catalog keys. */
function rateErrors(issues: readonly { path: readonly PropertyKey[] }[]): FieldError[] {
  const fields = new Set(issues.map((i) => String(i.path[0])));
  return RATE_FIELDS.filter((f) => fields.has(f)).map((f) => ({ field: f, message: `rating.errors.${f}` }));
}

export async function reviewsRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale } = app.config;

  /**
   * The published service of the URL, and its name in the request's language. Pages read it from
   * the data cache (per content generation: publishing or withdrawing a service changes that), as
   * the reviews list is read on every view; a form's POST reads the database. An unknown, draft or
   * withdrawn service throws inside the loader, so nothing is cached for it.
   */
  const publishedService = async (request: FastifyRequest) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const service =
      request.method === 'GET'
        ? await app.contentCache.get(`assessment:service-ref:${slug}`, () => getPublishedServiceRef(app.db, slug))
        : await getPublishedServiceRef(app.db, slug);
    return { service, ref: { slug: service.slug, name: pick(service.name, request.locale, defaultLocale) || service.slug } };
  };

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: VNode,
    title: string,
    options: { status?: number; cacheable?: boolean } = {},
  ) => {
    const t = translator(request.locale);
    const status = options.status ?? 200;
    return sendPage(request, reply, view, {
      title: status === 422 ? t('rating.errorTitle', { title }) : title,
      status,
      cacheable: options.cacheable ?? false,
    });
  };

  const reviewsUrl = (request: FastifyRequest, slug: string, params: Record<string, string> = {}, anchor = '') => {
    const qs = new URLSearchParams(params).toString();
    return `/${request.locale}/services/${slug}/reviews${qs ? `?${qs}` : ''}${anchor}`;
  };

  localizedGet(app, '/services/:slug/rate', async (request, reply) => {
    const { service, ref } = await publishedService(request);
    const t = translator(request.locale);
    const title = t('rating.form.title', { service: ref.name });
    if (!request.user) {
      // The same for every visitor: it may be cached.
      return page(request, reply, <RateRefusedPage service={ref} reason="signIn" />, t('rating.refused.signIn.title'), { cacheable: true });
    }
    const actor = await assessmentActor(app.db, request.user);
    if (!actor?.emailVerified) {
      return page(request, reply, <RateRefusedPage service={ref} reason="unverified" />, t('rating.refused.unverified.title'), {
        status: 403,
      });
    }
    const own = await findOwnAssessment(app.db, actor.id, service.id);
    const values: RateFormValues = own
      ? {
          satisfaction: String(own.satisfaction),
          find: String(own.find_score),
          use: String(own.use_score),
          works: String(own.works_score),
          accessible: String(own.accessible_score),
          completion: own.completion,
          usage: own.usage,
          review: own.review ?? '',
        }
      : emptyRateForm();
    return page(
      request,
      reply,
      <RatePage service={ref} values={values} errors={[]} ratedAt={own?.updated_at ?? null} displayName={request.user.displayName} />,
      title,
    );
  });

  localizedPost(
    app,
    '/services/:slug/rate',
    async (request, reply) => {
      const { service, ref } = await publishedService(request);
      const actor = await assessmentActor(app.db, request.user);
      authorize(actor, 'assess');
      const values = readRateForm(request.body);
      const parsed = assessmentInput.safeParse(values);
      if (!parsed.success) {
        const own = await findOwnAssessment(app.db, actor.id, service.id);
        const t = translator(request.locale);
        return page(
          request,
          reply,
          <RatePage
            service={ref}
            values={values}
            errors={rateErrors(parsed.error.issues)}
            ratedAt={own?.updated_at ?? null}
            displayName={request.user!.displayName}
          />,
          t('rating.form.title', { service: ref.name }),
          { status: 422 },
        );
      }
      await submitAssessment(app.db, actor, service.id, parsed.data, { locale: request.locale });
      return reply.redirect(reviewsUrl(request, service.slug, { done: 'rated' }), 303);
    },
    { config: { rateLimit: { max: 30, timeWindow: HOUR } } },
  );

  localizedGet(app, '/services/:slug/rate/delete', async (request, reply) => {
    const { service, ref } = await publishedService(request);
    const t = translator(request.locale);
    if (!request.user) {
      return page(request, reply, <RateRefusedPage service={ref} reason="signIn" />, t('rating.refused.signIn.title'), { cacheable: true });
    }
    const own = await findOwnAssessment(app.db, request.user.id, service.id);
    if (!own) return reply.redirect(`/${request.locale}/services/${service.slug}/rate`, 303);
    return page(request, reply, <RateDeletePage service={ref} />, t('rating.delete.title', { service: ref.name }));
  });

  localizedPost(app, '/services/:slug/rate/delete', async (request, reply) => {
    const { service } = await publishedService(request);
    const actor = await assessmentActor(app.db, request.user);
    await deleteAssessment(app.db, actor, service.id);
    return reply.redirect(reviewsUrl(request, service.slug, { done: 'deleted' }), 303);
  });

  // The list is the same for everyone (a shared body, per URL and content generation); what each
  // reader may do with a review is rendered for them in its hole: their helpful marks are the page's
  // one query of its own.
  localizedGet(app, '/services/:slug/reviews', async (request, reply) => {
    const { service, ref } = await publishedService(request);
    const query = reviewsQuery.parse(request.query ?? {});
    const actor = await assessmentActor(app.db, request.user);
    const load = async (): Promise<SharedPageContent> => {
      const [kpis, reviews, names] = await Promise.all([
        serviceKpis(app.db, [service.id]),
        listReviews(app.db, service.id, { sort: query.sort, page: query.page }),
        organisationNamesByIds(app.db, [service.organisationId]),
      ]);
      const total = kpis.get(service.id)?.reviews ?? 0;
      const hidden = await moderationStatus(
        app.db,
        REVIEW_TYPE,
        reviews.map((r) => String(r.id)),
      );
      const t = translator(request.locale);
      return {
        body: () => (
          <ReviewsPage
            service={ref}
            organisationName={pick(names.get(service.organisationId) ?? '{}', request.locale, defaultLocale)}
            reviews={reviews}
            total={total}
            pageCount={Math.min(MAX_REVIEW_PAGE, Math.ceil(total / REVIEWS_PER_PAGE))}
            query={query}
            hidden={hidden}
          />
        ),
        options: { title: t('rating.reviews.title', { service: ref.name }) },
        data: reviewActionItems(reviews, hidden),
      };
    };
    return sendSharedPageFrom(request, reply, request.url, load, {
      holes: async (data) => {
        const items = data as Map<number, ReviewActionItem>;
        const marked = actor ? await helpfulMarksOf(app.db, actor.id, [...items.keys()]) : new Set<number>();
        const canMark = can(actor, 'assess');
        const canAnswer = can(actor, 'review.answer', service.organisationId);
        const byHole = new Map([...items.values()].map((i) => [reviewActionsHole(i.id), i]));
        return (name) => {
          const item = byHole.get(name);
          if (!item) return null;
          const state: ReviewReaderState = {
            signedIn: actor !== null,
            canMark,
            canAnswer,
            own: actor !== null && item.userId === actor.id,
            marked: marked.has(item.id),
          };
          return {
            // The state's flags as 0s and 1s, in the order written above: one key per distinct state.
            key: Object.values(state).map(Number).join(''),
            view: () => <ReviewActions item={item} state={state} query={query} serviceSlug={ref.slug} />,
          };
        };
      },
    });
  });

  localizedPost(app, '/reviews/:id/helpful', async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await assessmentActor(app.db, request.user);
    authorize(actor, 'assess');
    const form = parseOrReject(helpfulForm, request.body ?? {});
    const on = form.mark === 'on';
    const { review } = await markHelpful(app.db, actor, id, on);
    const back = reviewsQuery.parse({ sort: form.sort, page: form.page });
    const params: Record<string, string> = {};
    if (back.sort !== 'newest') params.sort = back.sort;
    if (back.page > 1) params.page = String(back.page);
    params.done = on ? 'helpful' : 'unhelpful';
    return reply.redirect(reviewsUrl(request, review.serviceSlug, params, `#review-${id}`), 303);
  });

  /** The answer page's review and the actor, who must answer for the service's organisation. */
  const answerable = async (request: FastifyRequest) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await assessmentActor(app.db, request.user);
    const review = await findReview(app.db, id);
    authorize(actor, 'review.answer', review.organisationId);
    return { actor, review };
  };

  const sendAnswerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    review: Awaited<ReturnType<typeof findReview>>,
    form: { value: string; error: string | null },
  ) => {
    const names = await organisationNamesByIds(app.db, [review.organisationId]);
    const name = pick(review.serviceName, request.locale, defaultLocale) || review.serviceSlug;
    const t = translator(request.locale);
    return page(
      request,
      reply,
      <AnswerPage
        review={{ id: review.id, text: review.review, answer: review.answer, answeredAt: review.answeredAt }}
        service={{ slug: review.serviceSlug, name }}
        organisationName={pick(names.get(review.organisationId) ?? '{}', request.locale, defaultLocale)}
        value={form.value}
        error={form.error}
      />,
      t('rating.answer.title', { service: name }),
      { status: form.error ? 422 : 200 },
    );
  };

  localizedGet(app, '/reviews/:id/answer', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { review } = await answerable(request);
    return sendAnswerPage(request, reply, review, { value: review.answer ?? '', error: null });
  });

  localizedPost(
    app,
    '/reviews/:id/answer',
    async (request, reply) => {
      const { actor, review } = await answerable(request);
      const value = text((request.body as Record<string, unknown> | undefined)?.answer);
      const parsed = answerInput.safeParse({ answer: value });
      if (!parsed.success) {
        const error = value.trim() === '' ? 'rating.errors.answer' : 'rating.errors.answerTooLong';
        return sendAnswerPage(request, reply, review, { value, error });
      }
      await answerReview(app.db, actor, review.id, parsed.data.answer, auditContext(request));
      return reply.redirect(reviewsUrl(request, review.serviceSlug, { done: 'answered' }, `#review-${review.id}`), 303);
    },
    { config: { rateLimit: { max: 60, timeWindow: HOUR } } },
  );
}
