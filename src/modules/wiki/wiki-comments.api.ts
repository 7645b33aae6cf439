/**
 * The JSON API of a wiki page's discussion, the same use cases as its forms (wiki-discussion.routes.tsx)
 * through the same service functions: `GET /api/v1/wiki/{slug}/comments` (public, keyset pages of
 * the newest comments, oldest first within a page; a comment moderation hid keeps its place but not
 * its author or text, as the page shows only a notice), `POST /api/v1/wiki/{slug}/comments` (bearer
 * token, verified email; 201, or 200 with the first comment on a double submission) and
 * `DELETE /api/v1/wiki/comments/{id}` (bearer token; its author, a moderator or an admin; 204).
 * API URLs take no session cookie and skip the CSRF check (platform/api-auth.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireApiUser } from '../../platform/api-auth.js';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ContentModeration } from '../../platform/flags.js';
import { parseOrReject } from '../../platform/routing.js';
import { wikiActor } from './wiki.policy.js';
import {
  COMMENT_MAX,
  COMMENTS_PER_PAGE,
  deleteComment,
  loadDiscussion,
  normaliseCommentBody,
  postComment,
  type WikiComment,
} from './wiki-comments.service.js';
import { slugParams } from './wiki-params.js';

const MINUTE = 60_000;
/** The most comments one request lists. */
export const MAX_COMMENTS_PER_REQUEST = 100;

const commentId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const idParams = z.object({ id: commentId });
const listQuery = z.object({
  before: commentId.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_COMMENTS_PER_REQUEST).default(COMMENTS_PER_PAGE),
});
/** The service checks the text (empty, too long: `validation_failed`); this only stops absurd bodies early. */
const postBody = z.object({ body: z.string().max(COMMENT_MAX * 4) });

/** One comment as the API shows it: a hidden one without its author and text. */
export interface ApiComment {
  id: number;
  author: string | null;
  body: string | null;
  createdAt: string;
  moderation: ContentModeration | null;
}

function toApiComment(comment: WikiComment, moderation: ContentModeration | undefined): ApiComment {
  if (moderation) return { id: comment.id, author: null, body: null, createdAt: comment.createdAt, moderation };
  return { id: comment.id, author: comment.authorName, body: comment.body, createdAt: comment.createdAt, moderation: null };
}

export async function wikiCommentsApiRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  app.get('/api/v1/wiki/:slug/comments', async (request) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { before, limit } = parseOrReject(listQuery, request.query ?? {});
    const discussion = await loadDiscussion(db, slug, { before, limit });
    if (!discussion) throw new AppError('not_found', 'No such page');
    return {
      data: discussion.comments.map((c) => toApiComment(c, discussion.hidden.get(String(c.id)))),
      next: discussion.older,
      total: discussion.total,
    };
  });

  app.post('/api/v1/wiki/:slug/comments', { config: { rateLimit: { max: 30, timeWindow: MINUTE } } }, async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const actor = wikiActor(requireApiUser(request));
    const { body } = parseOrReject(postBody, request.body ?? {});
    const { id, created } = await postComment(db, actor, slug, body);
    // The text as stored (a double submission matched it exactly).
    return reply.code(created ? 201 : 200).send({ id, body: normaliseCommentBody(body) });
  });

  app.delete('/api/v1/wiki/comments/:id', { config: { rateLimit: { max: 60, timeWindow: MINUTE } } }, async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = wikiActor(requireApiUser(request));
    await deleteComment(db, actor, id, auditContext(request));
    return reply.code(204).send();
  });
}
