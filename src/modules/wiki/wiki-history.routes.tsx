/**
 * A wiki page's history and the changes between two of its revisions. Both are the same for
 * everyone (shared bodies): the history's per-reader buttons (bring back, review, classify,
 * protect) are holes; the diff of two revisions never changes until moderation hides one of them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { moderationStatus } from '../../platform/flags.js';
import { translator } from '../../platform/i18n.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet, parseOrReject } from '../../platform/routing.js';
import { lineDiff } from './revision-diff.js';
import { WIKI_REVISION_TYPE, type PageType } from './wiki.model.js';
import { wikiCategories, type WikiCategory } from './wiki-categories.js';
import { can, wikiActor } from './wiki.policy.js';
import { findPage, revisionsOfPage } from './wiki.queries.js';
import { WikiDiffPage } from './views/wiki-diff.page.js';
import { ClassifyForm, ProtectForm, restoreHole, RestoreLink, ReviewLink, WikiHistoryPage } from './views/wiki-history.page.js';
import { beforeQuery, slugParams } from './wiki-params.js';

const HISTORY_PER_PAGE = 50;

/**
 * What a history body keeps for its holes: the page's protection, kind and category (with the
 * categories to choose from), and each listed revision's id and date by hole.
 */
interface HistoryData {
  protected: boolean;
  type: PageType;
  category: string | null;
  categories: WikiCategory[];
  created: Map<string, { id: number; createdAt: string }>;
}

const diffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export async function wikiHistoryRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  // The same for everyone (a shared body): each reader's buttons (bring back, review, classify, protect) are holes.
  localizedGet(app, '/wiki/:slug/history', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { before } = parseOrReject(beforeQuery, request.query ?? {});
    const actor = wikiActor(request.user);
    const load = async (): Promise<SharedPageContent> => {
      const page = await findPage(db, slug, 'latest');
      if (!page) throw new AppError('not_found', 'No such page');
      const history = await revisionsOfPage(db, page.id, { before, limit: HISTORY_PER_PAGE });
      const t = translator(request.locale);
      const data: HistoryData = {
        protected: page.protected,
        type: page.type,
        category: page.category,
        categories: await wikiCategories(db, request.locale, app.config.defaultLocale),
        created: new Map(history.revisions.map((r) => [restoreHole(r.id), { id: r.id, createdAt: r.createdAt }])),
      };
      return {
        body: () => (
          <WikiHistoryPage
            page={page}
            revisions={history.revisions}
            next={history.next}
            isFirstPage={before === undefined}
            hidden={history.hidden}
          />
        ),
        options: { title: t('wiki.history.title', { title: page.title }) },
        data,
      };
    };
    return sendSharedPageFrom(request, reply, request.url, load, {
      holes: async (data) => {
        const page = data as HistoryData;
        const may = {
          restore: can(actor, 'page.edit', { protected: page.protected }),
          review: can(actor, 'page.review'),
          protect: can(actor, 'page.protect'),
          classify: can(actor, 'page.classify'),
        };
        return (name) => {
          if (name === 'review') return may.review ? { key: '', view: () => <ReviewLink slug={slug} /> } : null;
          if (name === 'classify')
            return may.classify
              ? {
                  key: '',
                  view: () => <ClassifyForm slug={slug} type={page.type} category={page.category} categories={page.categories} />,
                }
              : null;
          if (name === 'protect')
            return may.protect ? { key: '', view: () => <ProtectForm slug={slug} isProtected={page.protected} /> } : null;
          const revision = page.created.get(name);
          return revision && may.restore ? { key: '', view: () => <RestoreLink {...revision} /> } : null;
        };
      },
    });
  });

  localizedGet(app, '/wiki/:slug/diff', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { from, to } = parseOrReject(diffQuery, request.query ?? {});
    // Revisions never change: the diff of two of them is the same for everyone (until moderation
    // hides one of them, which changes the content generation).
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
      const hidden = await moderationStatus(db, WIKI_REVISION_TYPE, [String(a.id), String(b.id)]);
      const hiddenOne = hidden.get(String(a.id)) ?? hidden.get(String(b.id));
      const t = translator(request.locale);
      return {
        body: () => (
          <WikiDiffPage
            page={page}
            from={{ id: a.id, title: a.title, createdAt: a.created_at }}
            to={{ id: b.id, title: b.title, createdAt: b.created_at }}
            rows={hiddenOne ? [] : lineDiff(a.body, b.body)}
            hidden={hiddenOne}
          />
        ),
        options: { title: t('wiki.diff.title', { title: page.title }) },
      };
    });
  });
}
