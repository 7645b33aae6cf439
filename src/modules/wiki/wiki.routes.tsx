/**
 * Reading the wiki: its front page and search (`/wiki`, `/wiki?q=`), recent changes (a page and
 * Atom), a page (`/wiki/{slug}`: its accepted revision, with its discussion and the reader's watch
 * button in holes). Pages and recent changes are shared bodies (the same for everyone, rendered
 * once per content generation). A page's history and diffs are in wiki-history.routes.tsx, writing
 * in wiki-edit.routes.tsx.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Locale } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import { moderationStatus } from '../../platform/flags.js';
import { searchRouteOptions } from '../../platform/rate-limit.js';
import { pick, translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet, parseOrReject } from '../../platform/routing.js';
import { getPublishedServiceRefs } from '../catalogue/index.js';
import { extractLinks, renderMarkdown, slugifyTitle, type WikiLinkResolver } from './markdown.js';
import { PAGE_TYPES, WIKI_PAGE_TYPE, type PageType } from './wiki.model.js';
import { wikiCategories } from './wiki-categories.js';
import { recentChangesAtom } from './wiki-atom.js';
import { findPage, recentChanges } from './wiki.queries.js';
import { WikiIndexPage } from './views/wiki-index.page.js';
import { wikiSearchContent } from './search-guides.js';
import { WikiRecentPage } from './views/wiki-recent.page.js';
import { WatchButtonHole } from './views/wiki-watch-button.js';
import { watchButtonHoles } from './wiki-watch.routes.js';
import { loadDiscussion, type Discussion } from './wiki-comments.service.js';
import { discussionHoles } from './wiki-discussion.routes.js';
import { WikiDiscussion } from './views/wiki-discussion.js';
import { MissingWikiPage, WIKI_DONE, WikiDoneBanner, WikiPage, type WikiDone } from './views/wiki-page.page.js';
import { beforeQuery, slugParams } from './wiki-params.js';

const PER_PAGE = 30;
const MAX_INDEX_PAGE = 200;
const RECENT_PER_PAGE = 50;

/** Links resolved per page at most (a guide links a handful). */
const MAX_RESOLVED_LINKS = 100;

const pageQuery = z.object({
  done: z.enum(WIKI_DONE).optional().catch(undefined),
});
const indexQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_INDEX_PAGE).catch(1).default(1),
  /** Only pages of this kind, or in this category (a category's slug): unknown values show every page. */
  type: z.enum(PAGE_TYPES).optional().catch(undefined),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .optional()
    .catch(undefined),
  /** The wiki's search box: blank is no search; longer than a search box allows is cut. */
  q: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined), z.string().optional()),
});

/** Resolves a body's `[[…]]` links: pages by the slug of their title, services by slug (published ones). */
async function linkResolver(app: FastifyInstance, locale: Locale, body: string): Promise<WikiLinkResolver> {
  const links = extractLinks(body);
  const slugs = links.pages.slice(0, MAX_RESOLVED_LINKS).map((title) => slugifyTitle(title));
  const existing = new Set(
    slugs.length > 0
      ? (
          await app.db
            .selectFrom('wiki_pages')
            .select('slug')
            .where('slug', 'in', slugs)
            .where('stable_revision_id', 'is not', null)
            .execute()
        ).map((r) => r.slug)
      : [],
  );
  const refs = await getPublishedServiceRefs(app.db, links.services.slice(0, MAX_RESOLVED_LINKS));
  const services = new Map(
    [...refs].map(([slug, ref]) => [
      slug,
      { name: pick(ref.name, locale, app.config.defaultLocale) || slug, href: `/${locale}/services/${slug}` },
    ]),
  );
  return {
    page: (title) => {
      const slug = slugifyTitle(title);
      return { exists: existing.has(slug), href: `/${locale}/wiki/${slug}` };
    },
    service: (slug) => services.get(slug) ?? null,
  };
}

export async function wikiRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  localizedGet(
    app,
    '/wiki',
    (request, reply) =>
      sendSharedPageFrom(request, reply, request.url, async () => {
        const { page, q, type, category } = indexQuery.parse(request.query ?? {});
        if (q !== undefined) return wikiSearchContent(db, request.locale, q);
        const categories = await wikiCategories(db, request.locale, app.config.defaultLocale);
        const filter = { type, category: categories.some((c) => c.slug === category) ? category : undefined };
        const base = db
          .selectFrom('wiki_pages')
          .where('locale', '=', request.locale)
          .where('stable_revision_id', 'is not', null)
          .$if(filter.type !== undefined, (qb) => qb.where('type', '=', filter.type!))
          .$if(filter.category !== undefined, (qb) => qb.where('category', '=', filter.category!));
        const [count, rows] = await Promise.all([
          base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
          base
            .select(['slug', 'title', 'type', 'category', 'updated_at'])
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
              pages={rows.map((r) => ({
                slug: r.slug,
                title: r.title,
                type: r.type as PageType,
                category: categories.find((c) => c.slug === r.category) ?? null,
                updatedAt: r.updated_at,
              }))}
              total={Number(count.n)}
              page={page}
              pageCount={pageCount}
              categories={categories}
              filter={filter}
            />
          ),
          options: { title: t('wiki.index.title'), description: t('wiki.index.lead') },
        };
      }),
    // `?q=` searches the wiki: rate-limited like the catalogue's search.
    searchRouteOptions,
  );

  // The latest revisions of this language's pages: the same for everyone (a shared body), and as Atom.
  localizedGet(app, '/wiki/recent-changes', async (request, reply) => {
    const { before } = parseOrReject(beforeQuery, request.query ?? {});
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

  // Feed readers poll: the feed is built once per content generation and language.
  localizedGet(app, '/wiki/recent-changes.atom', async (request, reply) => {
    const locale = request.locale;
    const atom = await app.contentCache.get(`wiki:recent-changes.atom:${locale}`, async () => {
      const t = translator(locale);
      const { changes } = await recentChanges(db, locale, { limit: RECENT_PER_PAGE });
      return recentChangesAtom(changes, {
        base: app.config.baseUrl,
        locale,
        title: `${t('wiki.index.title')} — ${t('wiki.recent.title')}`,
        kindLabel: (c) => t(`wiki.history.kind.${c.kind}`),
      });
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
        .where('other.stable_revision_id', 'is not', null)
        .orderBy('other.locale')
        .execute();
      const hidden = (await moderationStatus(db, WIKI_PAGE_TYPE, [String(page.id)])).get(String(page.id)) ?? null;
      const discussion = await loadDiscussion(db, slug);
      const categories = page.category ? await wikiCategories(db, request.locale, app.config.defaultLocale) : [];
      return {
        body: () => (
          <>
            {done ? <WikiDoneBanner done={done as WikiDone} /> : null}
            <WikiPage
              page={page}
              rendered={rendered}
              translations={translations}
              pending={page.pendingReview ? { from: page.revisionId, to: page.latestRevisionId } : null}
              hidden={hidden}
              watch={<WatchButtonHole />}
              discussion={discussion ? <WikiDiscussion discussion={discussion} /> : undefined}
              category={categories.find((c) => c.slug === page.category) ?? null}
            />
          </>
        ),
        options: { title: page.title },
        data: discussion,
      };
    };
    try {
      return await sendSharedPageFrom(request, reply, request.url, load, {
        holes: async (data) => {
          const watch = await watchButtonHoles(db, request.user, slug)();
          const discussion = discussionHoles(request, data as Discussion | null);
          return (name) => watch(name) ?? discussion(name);
        },
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'not_found')) throw err;
      const t = translator(request.locale);
      // A page whose first revision waits for review exists, but not for readers yet.
      const waiting = await db
        .selectFrom('wiki_pages')
        .select('id')
        .where('slug', '=', slug)
        .where('pending_since', 'is not', null)
        .executeTakeFirst();
      return sendPage(request, reply, <MissingWikiPage slug={slug} waiting={waiting !== undefined} />, {
        title: t(waiting ? 'wiki.page.waitingTitle' : 'wiki.page.missingTitle'),
        status: 404,
      });
    }
  });
}
