/**
 * Reviewing and protecting pages: the review queue (`/wiki/review`), one page's waiting changes
 * (`/wiki/{slug}/review`) with accept and reject (then back to the queue), and, from the history page,
 * filing (kind and category) and protection. For reviewers (helpers, mediators, moderators, admins),
 * who also file pages, and, for protection, moderators and admins;
 * everyone else is refused. Per person, never cached. Thin: parse → authorize → service → 303.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { lineDiff } from './revision-diff.js';
import { authorize, wikiActor } from './wiki.policy.js';
import { listRevisions } from './wiki.queries.js';
import { acceptChanges, MAX_REASON, rejectChanges, reviewQueue } from './wiki-review.service.js';
import { ReviewPage, ReviewQueuePage } from './views/wiki-review.page.js';
import { slugParams } from './wiki-params.js';
import { updatePageSettings } from './wiki-settings.service.js';

const QUEUE_PER_PAGE = 30;
/** Waiting revisions listed on a review page at most (a page rarely has more than a few). */
const WAITING_SHOWN = 100;

/** The queue's cursor: `<pending since>~<page id>`. */
const queueQuery = z.object({
  after: z
    .string()
    .max(80)
    .regex(/^[0-9T:.Z+-]+~\d{1,12}$/)
    .optional(),
  done: z.enum(['accepted', 'rejected']).optional().catch(undefined),
});
const decisionForm = z.object({ revision: z.coerce.number().int().positive() });
const rejectForm = decisionForm.extend({
  reason: z
    .string()
    .max(MAX_REASON * 4)
    .default(''),
});
const protectForm = z.object({ protected: z.enum(['0', '1']) });
/** The service checks both against the kinds and categories; these only stop absurd values early. */
const classifyForm = z.object({ type: z.string().max(40), category: z.string().max(120).default('') });
const HOUR = 60 * 60 * 1000;

export async function wikiReviewRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  /** The reviewer asking, or a redirect to sign in; anyone else is refused. */
  const reviewer = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) return { done: redirectToSignIn(request, reply) };
    const actor = wikiActor(request.user);
    authorize(actor, 'page.review');
    return { actor };
  };

  localizedGet(app, '/wiki/review', async (request, reply) => {
    const who = reviewer(request, reply);
    if ('done' in who) return who.done;
    const { after, done } = parseOrReject(queueQuery, request.query ?? {});
    const [since, id] = after ? (after.split('~') as [string, string]) : [];
    const queue = await reviewQueue(db, { after: since ? { since, id: Number(id) } : undefined, limit: QUEUE_PER_PAGE });
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <ReviewQueuePage
        pages={queue.pages}
        next={queue.next ? `${queue.next.since}~${queue.next.id}` : null}
        isFirstPage={after === undefined}
        done={done}
      />,
      { title: t('wiki.review.queueTitle'), cacheable: false },
    );
  });

  /** One page's waiting changes, all at once, with the decisions; `reason` and `error` after a refused rejection. */
  const sendReview = async (request: FastifyRequest, reply: FastifyReply, slug: string, reason = '', error?: MessageKey) => {
    const page = await db
      .selectFrom('wiki_pages')
      .select(['id', 'slug', 'title', 'current_revision_id', 'stable_revision_id'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!page) throw new AppError('not_found', 'No such page');
    const t = translator(request.locale);
    if (page.current_revision_id === page.stable_revision_id) return reply.redirect(`/${request.locale}/wiki/${slug}/history`, 303);
    const ids = [page.current_revision_id!, ...(page.stable_revision_id === null ? [] : [page.stable_revision_id])];
    const texts = await db.selectFrom('wiki_revisions').select(['id', 'body']).where('id', 'in', ids).execute();
    const bodyOf = (id: number | null) => texts.find((r) => r.id === id)?.body ?? '';
    const history = (await listRevisions(db, slug, { limit: WAITING_SHOWN }))!;
    return sendPage(
      request,
      reply,
      <ReviewPage
        page={{ slug, title: page.title, latestRevisionId: page.current_revision_id!, isNew: page.stable_revision_id === null }}
        waiting={history.revisions.filter((r) => r.reviewStatus === 'pending')}
        rows={lineDiff(bodyOf(page.stable_revision_id), bodyOf(page.current_revision_id))}
        reason={reason}
        error={error}
      />,
      {
        title: error
          ? t('wiki.edit.errorTitle', { title: t('wiki.review.pageTitle', { title: page.title }) })
          : t('wiki.review.pageTitle', { title: page.title }),
        status: error ? 422 : 200,
        cacheable: false,
      },
    );
  };

  localizedGet(app, '/wiki/:slug/review', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const who = reviewer(request, reply);
    if ('done' in who) return who.done;
    return sendReview(request, reply, slug);
  });

  const limits = { config: { rateLimit: { max: 120, timeWindow: HOUR } } };

  localizedPost(
    app,
    '/wiki/:slug/review/accept',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      const who = reviewer(request, reply);
      if ('done' in who) return who.done;
      const { revision } = parseOrReject(decisionForm, request.body ?? {});
      await acceptChanges(db, who.actor, slug, revision, auditContext(request));
      return reply.redirect(`/${request.locale}/wiki/review?done=accepted`, 303);
    },
    limits,
  );

  localizedPost(
    app,
    '/wiki/:slug/review/reject',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      const who = reviewer(request, reply);
      if ('done' in who) return who.done;
      const form = parseOrReject(rejectForm, request.body ?? {});
      try {
        await rejectChanges(db, who.actor, slug, form.revision, form.reason, auditContext(request));
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
        return sendReview(request, reply, slug, form.reason, err.fields[0]?.message as MessageKey);
      }
      return reply.redirect(`/${request.locale}/wiki/review?done=rejected`, 303);
    },
    limits,
  );

  localizedPost(
    app,
    '/wiki/:slug/protect',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const form = parseOrReject(protectForm, request.body ?? {});
      const value = form.protected === '1';
      await updatePageSettings(db, wikiActor(request.user), slug, { protected: value }, auditContext(request));
      return reply.redirect(`/${request.locale}/wiki/${slug}?done=${value ? 'protected' : 'unprotected'}`, 303);
    },
    limits,
  );

  // Filing a page (its kind and category): helpers, mediators, moderators and admins, from the history page.
  localizedPost(
    app,
    '/wiki/:slug/classify',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const form = parseOrReject(classifyForm, request.body ?? {});
      await updatePageSettings(
        db,
        wikiActor(request.user),
        slug,
        { type: form.type, category: form.category === '' ? null : form.category },
        auditContext(request),
      );
      return reply.redirect(`/${request.locale}/wiki/${slug}?done=classified`, 303);
    },
    limits,
  );
}
