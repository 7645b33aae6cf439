/**
 * Writing wiki pages: the editor for a new page (`/wiki/new`) or an existing one
 * (`/wiki/{slug}/edit`), saving it (merged with what was saved since, or the conflict screen that
 * keeps the editor's text; a new account's edit waits for review), and bringing an old revision
 * back. Per person, never cached. Thin: parse → authorize → one service function → render, or 303.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { formatDate, translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { PAGE_TYPES, type PageType } from './wiki.model.js';
import { can, wikiActor } from './wiki.policy.js';
import { findPage } from './wiki.queries.js';
import { freeSlug, restoreRevision, savePage } from './wiki.service.js';
import { slugParams } from './wiki-params.js';
import { WikiEditPage, type WikiEditErrors, type WikiEditValues } from './views/wiki-edit.page.js';
import { WikiRestorePage } from './views/wiki-restore.page.js';
import { lineDiff } from './revision-diff.js';
import { wikiCategories } from './wiki-categories.js';
import type { WikiDone } from './views/wiki-page.page.js';

const editForm = z.object({
  title: z.string().max(2000).default(''),
  body: z.string().max(400_000).default(''),
  summary: z.string().max(2000).default(''),
  type: z.string().max(40).default('guide'),
  /** A category's slug; blank for none (new pages only). */
  category: z.string().max(120).default(''),
  baseRevisionId: z.string().max(20).default(''),
});
const restoreForm = z.object({ revision: z.coerce.number().int().positive() });
const newQuery = z.object({
  title: z.string().max(200).optional(),
  /** A guide or a good-practice sheet starts with its usual sections; unknown values are ignored. */
  type: z.enum(PAGE_TYPES).optional().catch(undefined),
  category: z.string().max(120).optional().catch(undefined),
});

export async function wikiEditRoutes(app: FastifyInstance): Promise<void> {
  const { locales, defaultLocale, wikiReview: review } = app.config;
  const db = app.db;

  /** The editor, for a new page (`existing` null) or an existing one, with values, errors or a conflict. */
  const sendEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    existing: { title: string; pendingReview?: boolean } | null,
    values: WikiEditValues,
    errors: WikiEditErrors = {},
    status = 200,
    conflict?: { title: string; body: string },
  ) => {
    const t = translator(request.locale);
    const title = existing ? t('wiki.edit.titleEdit', { title: existing.title }) : t('wiki.edit.titleNew');
    const invalid = Object.keys(errors).length > 0 || conflict !== undefined;
    // A new page's author files it in a category; an existing page's is changed by its classifiers.
    const categories = existing ? [] : await wikiCategories(db, request.locale, defaultLocale);
    return sendPage(
      request,
      reply,
      <WikiEditPage
        slug={slug}
        action={slug === '' ? `/${request.locale}/wiki/new` : `/${request.locale}/wiki/${slug}/edit`}
        existing={existing}
        categories={categories}
        values={values}
        errors={errors}
        conflict={conflict}
      />,
      { title: invalid ? t('wiki.edit.errorTitle', { title }) : title, status },
    );
  };

  /** Signed in with a verified email, or sent to sign in; the unverified are told to confirm first. */
  const editorOrRedirect = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) return { done: redirectToSignIn(request, reply) };
    if (!request.user.emailVerified) throw new AppError('forbidden', 'Confirm your email address first');
    return { actor: wikiActor(request.user)! };
  };

  localizedGet(app, '/wiki/new', async (request, reply) => {
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const { title, type, category } = newQuery.parse(request.query ?? {});
    const t = translator(request.locale);
    return sendEditor(request, reply, '', null, {
      title: title ?? '',
      body: type === 'guide' || type === 'good_practice' ? t(`wiki.template.${type}`) : '',
      summary: '',
      type: type ?? 'guide',
      category: category ?? '',
      baseRevisionId: '',
    });
  });

  localizedGet(app, '/wiki/:slug/edit', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const page = await findPage(db, slug, 'latest');
    if (page && !can(who.actor, 'page.edit', page)) throw new AppError('forbidden', 'This page is protected');
    return page
      ? sendEditor(
          request,
          reply,
          slug,
          { title: page.title, pendingReview: page.pendingReview },
          {
            title: page.title,
            body: page.body,
            summary: '',
            type: page.type,
            category: page.category ?? '',
            baseRevisionId: String(page.revisionId),
          },
        )
      : sendEditor(request, reply, slug, null, {
          title: slug.replace(/-/g, ' '),
          body: '',
          summary: '',
          type: 'guide',
          category: '',
          baseRevisionId: '',
        });
  });

  /** Saves the form for `slug` (found by the title for a new page) and answers as the editor would. */
  const save = async (request: FastifyRequest, reply: FastifyReply, slugOrNew: string | null) => {
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const form = parseOrReject(editForm, request.body ?? {});
    const type: PageType = (PAGE_TYPES as readonly string[]).includes(form.type) ? (form.type as PageType) : 'guide';
    const values: WikiEditValues = {
      title: form.title,
      body: form.body,
      summary: form.summary,
      type,
      category: form.category,
      baseRevisionId: form.baseRevisionId,
    };
    const base = /^\d+$/.test(form.baseRevisionId) ? Number(form.baseRevisionId) : undefined;
    const existing = slugOrNew ? await findPage(db, slugOrNew, 'latest') : null;
    const slug = slugOrNew ?? (await freeSlug(db, form.title));
    try {
      const outcome = await savePage(
        db,
        who.actor,
        slug,
        {
          title: form.title,
          body: form.body,
          summary: form.summary,
          baseRevisionId: base,
          type,
          category: form.category === '' ? null : form.category,
          locale: request.locale,
        },
        { locales, defaultLocale, review },
      );
      if (outcome.status === 'conflict') {
        return sendEditor(
          request,
          reply,
          slug,
          existing ?? { title: outcome.current.title },
          { ...values, baseRevisionId: String(outcome.current.revisionId) },
          {},
          409,
          outcome.current,
        );
      }
      const done: WikiDone = outcome.unchanged
        ? 'unchanged'
        : outcome.pending
          ? 'pending'
          : outcome.created
            ? 'created'
            : outcome.merged
              ? 'merged'
              : 'saved';
      return reply.redirect(`/${request.locale}/wiki/${slug}?done=${done}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') {
        const errors: WikiEditErrors = {};
        for (const f of err.fields)
          if (f.field === 'title' || f.field === 'body' || f.field === 'summary' || f.field === 'type' || f.field === 'category')
            errors[f.field] = f.message as MessageKey;
        if (Object.keys(errors).length === 0) errors.title = 'wiki.errors.slug';
        return sendEditor(request, reply, slugOrNew ?? '', existing, values, errors, 422);
      }
      throw err;
    }
  };

  localizedPost(app, '/wiki/new', (request, reply) => save(request, reply, null), {
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
  });
  localizedPost(app, '/wiki/:slug/edit', (request, reply) => save(request, reply, parseOrReject(slugParams, request.params).slug), {
    config: { rateLimit: { max: 30, timeWindow: 60_000 } },
  });

  // Confirming first: what the page would become, and one button.
  localizedGet(app, '/wiki/:slug/restore', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { revision } = parseOrReject(restoreForm, request.query ?? {});
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const page = await findPage(db, slug, 'latest');
    if (!page) throw new AppError('not_found', 'No such page');
    if (!can(who.actor, 'page.edit', page)) throw new AppError('forbidden', 'This page is protected');
    const old = await db
      .selectFrom('wiki_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.author_id')
      .select(['r.id', 'r.body', 'r.created_at', 'u.display_name', 'u.deleted_at'])
      .where('r.id', '=', revision)
      .where('r.page_id', '=', page.id)
      .executeTakeFirst();
    if (!old) throw new AppError('not_found', 'No such revision of this page');
    if (old.id === page.revisionId) return reply.redirect(`/${request.locale}/wiki/${slug}/history`, 303);
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <WikiRestorePage
        page={page}
        revision={{ id: old.id, createdAt: old.created_at, author: old.display_name && !old.deleted_at ? old.display_name : null }}
        rows={lineDiff(page.body, old.body)}
      />,
      { title: t('wiki.restore.confirm', { date: formatDate(request.locale, old.created_at, 'datetime') }), cacheable: false },
    );
  });

  localizedPost(app, '/wiki/:slug/restore', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { revision } = parseOrReject(restoreForm, request.body ?? {});
    if (!request.user) return redirectToSignIn(request, reply);
    const restored = await restoreRevision(db, wikiActor(request.user), slug, revision, '', auditContext(request), review);
    return reply.redirect(`/${request.locale}/wiki/${slug}?done=${restored.pending ? 'pending' : 'restored'}`, 303);
  });
}
