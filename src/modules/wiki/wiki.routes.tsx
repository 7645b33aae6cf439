/**
 * The wiki's pages: its front page (`/wiki`), a page (`/wiki/{slug}`), its history and the changes
 * between any two revisions, writing a page (`/wiki/new`, `/wiki/{slug}/edit`: merged with what was
 * saved since, or a conflict screen that keeps the editor's text) and bringing an old revision back.
 * Reading pages and diffs are shared bodies (the same for everyone, rendered once per content
 * generation); the history and the editor are per person. Thin: parse → authorize → one service
 * function → render, or 303 after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../config.js';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { pick, translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage, sendSharedPageFrom, type SharedPageContent } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { getPublishedServiceRef } from '../catalogue/index.js';
import { extractLinks, renderMarkdown, slugifyTitle, type WikiLinkResolver } from './markdown.js';
import { lineDiff } from './revision-diff.js';
import { PAGE_TYPES, type PageType } from './wiki.model.js';
import { can, wikiActor } from './wiki.policy.js';
import { recentChangesAtom } from './wiki-atom.js';
import { findPage, listRevisions, recentChanges } from './wiki.queries.js';
import { freeSlug, restoreRevision, savePage } from './wiki.service.js';
import { WikiDiffPage } from './views/wiki-diff.page.js';
import { WikiEditPage, type WikiEditErrors, type WikiEditValues } from './views/wiki-edit.page.js';
import { WikiHistoryPage } from './views/wiki-history.page.js';
import { WikiIndexPage } from './views/wiki-index.page.js';
import { WikiRecentPage } from './views/wiki-recent.page.js';
import { MissingWikiPage, WikiDoneBanner, WikiPage, type WikiDone } from './views/wiki-page.page.js';

const PER_PAGE = 30;
const MAX_INDEX_PAGE = 200;
const HISTORY_PER_PAGE = 50;
const RECENT_PER_PAGE = 50;
/** Links resolved per page at most (a guide links a handful). */
const MAX_RESOLVED_LINKS = 100;

const slugParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(120),
});
const pageQuery = z.object({
  done: z.enum(['saved', 'merged', 'unchanged', 'restored', 'created']).optional().catch(undefined),
});
const indexQuery = z.object({ page: z.coerce.number().int().min(1).max(MAX_INDEX_PAGE).catch(1).default(1) });
const historyQuery = z.object({ before: z.coerce.number().int().positive().optional() });
const diffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
const editForm = z.object({
  title: z.string().max(2000).default(''),
  body: z.string().max(400_000).default(''),
  summary: z.string().max(2000).default(''),
  type: z.string().max(40).default('guide'),
  baseRevisionId: z.string().max(20).default(''),
});
const restoreForm = z.object({ revision: z.coerce.number().int().positive() });
const newQuery = z.object({ title: z.string().max(200).optional() });

/** Resolves a body's `[[…]]` links: pages by the slug of their title, services by slug (published ones). */
async function linkResolver(app: FastifyInstance, locale: Locale, body: string): Promise<WikiLinkResolver> {
  const links = extractLinks(body);
  const slugs = links.pages.slice(0, MAX_RESOLVED_LINKS).map((title) => slugifyTitle(title));
  const existing = new Set(
    slugs.length > 0 ? (await app.db.selectFrom('wiki_pages').select('slug').where('slug', 'in', slugs).execute()).map((r) => r.slug) : [],
  );
  const services = new Map<string, { name: string; href: string }>();
  for (const slug of links.services.slice(0, MAX_RESOLVED_LINKS)) {
    try {
      const ref = await getPublishedServiceRef(app.db, slug);
      services.set(slug, { name: pick(ref.name, locale, app.config.defaultLocale) || slug, href: `/${locale}/services/${slug}` });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
    }
  }
  return {
    page: (title) => {
      const slug = slugifyTitle(title);
      return { exists: existing.has(slug), href: `/${locale}/wiki/${slug}` };
    },
    service: (slug) => services.get(slug) ?? null,
  };
}

export async function wikiRoutes(app: FastifyInstance): Promise<void> {
  const { locales, defaultLocale } = app.config;
  const db = app.db;

  localizedGet(app, '/wiki', (request, reply) =>
    sendSharedPageFrom(request, reply, request.url, async () => {
      const { page } = indexQuery.parse(request.query ?? {});
      const base = db.selectFrom('wiki_pages').where('locale', '=', request.locale);
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .select(['slug', 'title', 'type', 'updated_at'])
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(PER_PAGE)
          .offset((page - 1) * PER_PAGE)
          .execute(),
      ]);
      const t = translator(request.locale);
      const pageCount = Math.min(MAX_INDEX_PAGE, Math.max(1, Math.ceil(Number(count.n) / PER_PAGE)));
      return {
        body: () => (
          <WikiIndexPage
            pages={rows.map((r) => ({ slug: r.slug, title: r.title, type: r.type as PageType, updatedAt: r.updated_at }))}
            page={page}
            pageCount={pageCount}
          />
        ),
        options: { title: t('wiki.index.title'), description: t('wiki.index.lead') },
      };
    }),
  );

  // The latest revisions of this language's pages: the same for everyone (a shared body), and as Atom.
  localizedGet(app, '/wiki/recent-changes', async (request, reply) => {
    const { before } = parseOrReject(historyQuery, request.query ?? {});
    return sendSharedPageFrom(request, reply, request.url, async () => {
      const { changes, next } = await recentChanges(db, request.locale, { before, limit: RECENT_PER_PAGE });
      const t = translator(request.locale);
      return {
        body: () => <WikiRecentPage changes={changes} next={next} isFirstPage={before === undefined} />,
        options: {
          title: t('wiki.recent.title'),
          head: (
            <link
              rel="alternate"
              type="application/atom+xml"
              title={t('wiki.recent.title')}
              href={`/${request.locale}/wiki/recent-changes.atom`}
            />
          ),
        },
      };
    });
  });

  localizedGet(app, '/wiki/recent-changes.atom', async (request, reply) => {
    const t = translator(request.locale);
    const { changes } = await recentChanges(db, request.locale, { limit: RECENT_PER_PAGE });
    const atom = recentChangesAtom(changes, {
      base: app.config.baseUrl,
      locale: request.locale,
      title: `${t('wiki.index.title')} — ${t('wiki.recent.title')}`,
      kindLabel: (c) => t(`wiki.history.kind.${c.kind}`),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(atom);
  });

  localizedGet(app, '/wiki/:slug', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { done } = pageQuery.parse(request.query ?? {});
    const load = async (): Promise<SharedPageContent> => {
      const page = await findPage(db, slug);
      if (!page) throw new AppError('not_found', 'No such page');
      const links = await linkResolver(app, request.locale, page.body);
      const rendered = renderMarkdown(page.body, links, { idPrefix: 'wiki-' });
      const translations = await db
        .selectFrom('wiki_pages as other')
        .innerJoin('wiki_pages as self', 'self.translation_group', 'other.translation_group')
        .select(['other.locale', 'other.slug', 'other.title'])
        .where('self.slug', '=', slug)
        .where('other.slug', '!=', slug)
        .orderBy('other.locale')
        .execute();
      return {
        body: () => (
          <>
            {done ? <WikiDoneBanner done={done as WikiDone} /> : null}
            <WikiPage page={page} rendered={rendered} translations={translations} />
          </>
        ),
        options: { title: page.title },
      };
    };
    try {
      return await sendSharedPageFrom(request, reply, request.url, load);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      const t = translator(request.locale);
      return sendPage(request, reply, <MissingWikiPage slug={slug} />, { title: t('wiki.page.missingTitle'), status: 404 });
    }
  });

  localizedGet(app, '/wiki/:slug/history', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { before } = parseOrReject(historyQuery, request.query ?? {});
    const page = await findPage(db, slug);
    if (!page) throw new AppError('not_found', 'No such page');
    const history = (await listRevisions(db, slug, { before, limit: HISTORY_PER_PAGE }))!;
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <WikiHistoryPage
        page={page}
        revisions={history.revisions}
        next={history.next}
        isFirstPage={before === undefined}
        canRestore={can(wikiActor(request.user), 'page.edit', page)}
      />,
      { title: t('wiki.history.title', { title: page.title }) },
    );
  });

  localizedGet(app, '/wiki/:slug/diff', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { from, to } = parseOrReject(diffQuery, request.query ?? {});
    // Revisions never change: the diff of two of them is the same for everyone, and forever.
    return sendSharedPageFrom(request, reply, request.url, async () => {
      const page = await db.selectFrom('wiki_pages').select(['id', 'slug', 'title']).where('slug', '=', slug).executeTakeFirst();
      if (!page) throw new AppError('not_found', 'No such page');
      const revisions = await db
        .selectFrom('wiki_revisions')
        .select(['id', 'title', 'body', 'created_at'])
        .where('page_id', '=', page.id)
        .where('id', 'in', [from, to])
        .execute();
      const a = revisions.find((r) => r.id === from);
      const b = revisions.find((r) => r.id === to);
      if (!a || !b) throw new AppError('not_found', 'No such revision of this page');
      const t = translator(request.locale);
      return {
        body: () => (
          <WikiDiffPage
            page={page}
            from={{ id: a.id, title: a.title, createdAt: a.created_at }}
            to={{ id: b.id, title: b.title, createdAt: b.created_at }}
            rows={lineDiff(a.body, b.body)}
          />
        ),
        options: { title: t('wiki.diff.title', { title: page.title }) },
      };
    });
  });

  // ---- Writing ----------------------------------------------------------------------------------

  /** The editor, for a new page (`existing` null) or an existing one, with values, errors or a conflict. */
  const sendEditor = (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    existing: { title: string } | null,
    values: WikiEditValues,
    errors: WikiEditErrors = {},
    status = 200,
    conflict?: { title: string; body: string },
  ) => {
    const t = translator(request.locale);
    const title = existing ? t('wiki.edit.titleEdit', { title: existing.title }) : t('wiki.edit.titleNew');
    const invalid = Object.keys(errors).length > 0 || conflict !== undefined;
    return sendPage(
      request,
      reply,
      <WikiEditPage
        slug={slug}
        action={slug === '' ? `/${request.locale}/wiki/new` : `/${request.locale}/wiki/${slug}/edit`}
        existing={existing}
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
    const { title } = newQuery.parse(request.query ?? {});
    return sendEditor(request, reply, '', null, { title: title ?? '', body: '', summary: '', type: 'guide', baseRevisionId: '' });
  });

  localizedGet(app, '/wiki/:slug/edit', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const page = await findPage(db, slug);
    if (page && !can(who.actor, 'page.edit', page)) throw new AppError('forbidden', 'This page is protected');
    return page
      ? sendEditor(request, reply, slug, page, {
          title: page.title,
          body: page.body,
          summary: '',
          type: page.type,
          baseRevisionId: String(page.revisionId),
        })
      : sendEditor(request, reply, slug, null, {
          title: slug.replace(/-/g, ' '),
          body: '',
          summary: '',
          type: 'guide',
          baseRevisionId: '',
        });
  });

  /** Saves the form for `slug` (found by the title for a new page) and answers as the editor would. */
  const save = async (request: FastifyRequest, reply: FastifyReply, slugOrNew: string | null) => {
    const who = editorOrRedirect(request, reply);
    if ('done' in who) return who.done;
    const form = parseOrReject(editForm, request.body ?? {});
    const type: PageType = (PAGE_TYPES as readonly string[]).includes(form.type) ? (form.type as PageType) : 'guide';
    const values: WikiEditValues = { title: form.title, body: form.body, summary: form.summary, type, baseRevisionId: form.baseRevisionId };
    const base = /^\d+$/.test(form.baseRevisionId) ? Number(form.baseRevisionId) : undefined;
    const existing = slugOrNew ? await findPage(db, slugOrNew) : null;
    const slug = slugOrNew ?? (await freeSlug(db, form.title));
    try {
      const outcome = await savePage(
        db,
        who.actor,
        slug,
        { title: form.title, body: form.body, summary: form.summary, baseRevisionId: base, type, locale: request.locale },
        { locales, defaultLocale },
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
      const done: WikiDone = outcome.created ? 'created' : outcome.unchanged ? 'unchanged' : outcome.merged ? 'merged' : 'saved';
      return reply.redirect(`/${request.locale}/wiki/${slug}?done=${done}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation_failed') {
        const errors: WikiEditErrors = {};
        for (const f of err.fields)
          if (f.field === 'title' || f.field === 'body' || f.field === 'summary' || f.field === 'type')
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

  localizedPost(app, '/wiki/:slug/restore', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { revision } = parseOrReject(restoreForm, request.body ?? {});
    if (!request.user) return redirectToSignIn(request, reply);
    await restoreRevision(db, wikiActor(request.user), slug, revision, '', auditContext(request));
    return reply.redirect(`/${request.locale}/wiki/${slug}?done=restored`, 303);
  });
}
