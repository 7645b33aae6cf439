/**
 * The wiki's JSON API: read a page, its history, and save it with a bearer token
 * (`PUT /api/v1/wiki/{slug}`): 201 when created, 200 when edited (`merged: true` when it was saved
 * from an older revision and merged with the edits since), 409 `edit_conflict` with both versions
 * when the edits overlap, and nothing saved; `pendingReview: true` when the edit waits for a
 * reviewer (a new account's). Readers get the latest accepted revision. `PATCH` changes a page's
 * kind, category and protection, as the history page's forms do. Same rules as the pages.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireApiUser } from '../../platform/api-auth.js';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { parseOrReject } from '../../platform/routing.js';
import { PAGE_TYPES, WIKI_LIMITS } from './wiki.model.js';
import { wikiActor } from './wiki.policy.js';
import { findPage, listRevisions, MAX_REVISIONS_PER_PAGE } from './wiki.queries.js';
import { savePage } from './wiki.service.js';
import { updatePageSettings } from './wiki-settings.service.js';

const MINUTE = 60_000;

const slugParams = z.object({ slug: z.string().min(1).max(120) });
const revisionsQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_REVISIONS_PER_PAGE).default(50),
});
/** Bounds are checked again (with field messages) by the service; these stop absurd bodies early. */
const saveBody = z.object({
  title: z.string().max(WIKI_LIMITS.title * 4),
  body: z.string().max(WIKI_LIMITS.body * 2),
  summary: z
    .string()
    .max(WIKI_LIMITS.summary * 4)
    .default(''),
  baseRevisionId: z.number().int().positive().optional(),
  type: z.enum(PAGE_TYPES).optional(),
  category: z.string().max(120).nullable().optional(),
  locale: z.string().max(10).optional(),
});

/** Each setting left out stays as it is; the service says when nothing is given. */
const settingsBody = z
  .object({
    type: z.string().max(40).optional(),
    category: z.string().max(120).nullable().optional(),
    protected: z.boolean().optional(),
  })
  .strict();

export async function wikiApiRoutes(app: FastifyInstance): Promise<void> {
  const { locales, defaultLocale, wikiReview: review } = app.config;

  app.get('/api/v1/wiki/:slug', async (request) => {
    const { slug } = parseOrReject(slugParams, request.params);
    // Readers' version: the latest accepted revision (`latestRevisionId` is where an edit starts).
    const page = await findPage(app.db, slug);
    if (!page) throw new AppError('not_found', 'No such page');
    const { id: _id, ...view } = page;
    return view;
  });

  app.get('/api/v1/wiki/:slug/revisions', async (request) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const query = parseOrReject(revisionsQuery, request.query ?? {});
    const history = await listRevisions(app.db, slug, query);
    if (!history) throw new AppError('not_found', 'No such page');
    return { data: history.revisions, next: history.next };
  });

  app.put('/api/v1/wiki/:slug', { config: { rateLimit: { max: 30, timeWindow: MINUTE } } }, async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const actor = wikiActor(requireApiUser(request));
    const input = parseOrReject(saveBody, request.body ?? {});
    const outcome = await savePage(app.db, actor, slug, input, { locales, defaultLocale, review });
    if (outcome.status === 'conflict') {
      return reply.code(409).send({
        code: 'edit_conflict',
        message: 'The page was changed since your base revision, in the same places: nothing was saved',
        current: outcome.current,
        yours: outcome.yours,
        requestId: String(request.id),
      });
    }
    return reply
      .code(outcome.created ? 201 : 200)
      .send({ revisionId: outcome.revisionId, merged: outcome.merged, pendingReview: outcome.pending });
  });

  app.patch('/api/v1/wiki/:slug', { config: { rateLimit: { max: 30, timeWindow: MINUTE } } }, async (request) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const actor = wikiActor(requireApiUser(request));
    const settings = parseOrReject(settingsBody, request.body ?? {});
    const { changed } = await updatePageSettings(app.db, actor, slug, settings, auditContext(request));
    const page = await findPage(app.db, slug, 'latest');
    if (!page) throw new AppError('not_found', 'No such page');
    return { slug, type: page.type, category: page.category, protected: page.protected, changed };
  });
}
