/**
 * A wiki page's discussion: posting a comment (`POST /wiki/{slug}/comments`), deleting one
 * (`POST /wiki/{slug}/comments/{id}/delete`) and the discussion's own page for earlier comments
 * (`/wiki/{slug}/discussion?before=`), where the form also comes back with its error. Under the page
 * itself the discussion is part of the shared body; `discussionHoles` fills its per-reader parts.
 * Thin: parse → authorize → one service function → 303, or the page with the error (422).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject } from '../../platform/routing.js';
import { wikiActor } from './wiki.policy.js';
import {
  canDeleteComment,
  canPostComment,
  COMMENTS_PER_PAGE,
  deleteComment,
  loadDiscussion,
  postComment,
  type Discussion,
} from './wiki-comments.service.js';
import {
  COMMENT_FORM_HOLE,
  CommentActions,
  CommentForm,
  commentActionsHole,
  WikiDiscussionPage,
  type CommentFormValues,
  type DiscussionReader,
} from './views/wiki-discussion.js';
import { slugParams } from './wiki-params.js';

const commentParams = slugParams.extend({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
const discussionQuery = z.object({
  before: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional(),
});
/** The form's text as sent (the first, if a tampered form sends several); checked by the service. */
const commentForm = z.object({
  body: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch('')).default(''),
});

type SessionUser = FastifyRequest['user'];

/** What the reader may do in a discussion: post (or what first), and with each comment. */
export function discussionReader(user: SessionUser): DiscussionReader {
  const actor = wikiActor(user);
  return {
    form: !actor ? 'signIn' : canPostComment(actor) ? 'post' : 'verify',
    comment: (c) => ({ signedIn: actor !== null, own: actor !== null && c.authorId === actor.id, canDelete: canDeleteComment(actor, c) }),
  };
}

/**
 * For the page's shared body (sendSharedPageFrom's `holes`): what goes in the discussion's holes
 * for this reader, given the discussion the body was rendered with; null for a hole that is not
 * the discussion's (so it composes with other holes of the page).
 */
export function discussionHoles(
  request: FastifyRequest,
  discussion: Discussion | null | undefined,
): (name: string) => { key: string; view: () => VNode } | null {
  if (!discussion) return () => null;
  const reader = discussionReader(request.user);
  const byHole = new Map(discussion.comments.filter((c) => !discussion.hidden.has(String(c.id))).map((c) => [commentActionsHole(c.id), c]));
  return (name) => {
    if (name === COMMENT_FORM_HOLE) {
      return { key: reader.form, view: () => <CommentForm slug={discussion.slug} state={reader.form} level={3} /> };
    }
    const comment = byHole.get(name);
    if (!comment) return null;
    const state = reader.comment(comment);
    return { key: JSON.stringify(state), view: () => <CommentActions slug={discussion.slug} comment={comment} state={state} /> };
  };
}

/** Mounts the discussion's routes under every locale. */
export async function wikiDiscussionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  /** The discussion's page for this reader: a page of comments, and the form (with what was typed and its error). */
  const sendDiscussionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { before?: number | undefined; values?: CommentFormValues; status?: number } = {},
  ) => {
    // The title readers see: the accepted revision's (a newer one may wait for review).
    const page = await db
      .selectFrom('wiki_pages as p')
      .innerJoin('wiki_revisions as r', 'r.id', 'p.stable_revision_id')
      .select(['p.slug', 'r.title'])
      .where('p.slug', '=', slug)
      .executeTakeFirst();
    const discussion = page ? await loadDiscussion(db, slug, { before: options.before, limit: COMMENTS_PER_PAGE }) : null;
    if (!page || !discussion) throw new AppError('not_found', 'No such page');
    const t = translator(request.locale);
    const title = t('wiki.discussion.pageTitle', { title: page.title });
    return sendPage(
      request,
      reply,
      <WikiDiscussionPage
        page={page}
        discussion={discussion}
        before={options.before}
        reader={discussionReader(request.user)}
        values={options.values}
      />,
      { title: options.values?.error ? t('wiki.discussion.errorTitle', { title }) : title, status: options.status ?? 200 },
    );
  };

  localizedGet(app, '/wiki/:slug/discussion', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { before } = parseOrReject(discussionQuery, request.query ?? {});
    return sendDiscussionPage(request, reply, slug, { before });
  });

  localizedPost(
    app,
    '/wiki/:slug/comments',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      // Back to the page after signing in (this address only answers POST).
      if (!request.user)
        return reply.redirect(`/${request.locale}/sign-in?next=${encodeURIComponent(`/${request.locale}/wiki/${slug}`)}`, 303);
      const { body } = parseOrReject(commentForm, request.body ?? {});
      try {
        const { id } = await postComment(db, wikiActor(request.user), slug, body);
        return reply.redirect(`/${request.locale}/wiki/${slug}#comment-${id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
        const error = (err.fields.find((f) => f.field === 'body')?.message ?? 'wiki.discussion.errors.bodyMissing') as MessageKey;
        return sendDiscussionPage(request, reply, slug, { values: { body, error }, status: 422 });
      }
    },
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
  );

  localizedPost(
    app,
    '/wiki/:slug/comments/:id/delete',
    async (request, reply) => {
      const { id } = parseOrReject(commentParams, request.params);
      if (!request.user) throw new AppError('unauthorized', 'Sign in first');
      const { slug } = await deleteComment(db, wikiActor(request.user), id, auditContext(request));
      return reply.redirect(`/${request.locale}/wiki/${slug}#discussion`, 303);
    },
    { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
  );
}
