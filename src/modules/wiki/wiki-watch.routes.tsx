/**
 * Watchlists: watch and stop watching a page (POST, signed in, back to the page or to a wiki path
 * given as `returnTo`), the person's watchlist (`/wiki/watchlist`), and the per-reader watch button
 * in the page's shared body (`watchButtonHoles`). Thin: parse → one service call → 303 or render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import type { SessionUser } from '../../platform/session.js';
import { configureWatchMail, isWatching, listWatchlist, unwatch, watch, watchablePageId } from './wiki-watch.service.js';
import { WATCH_HOLE, WatchButton, type WatchState } from './views/wiki-watch-button.js';
import { WikiWatchlistPage } from './views/wiki-watchlist.page.js';
import { slugParams } from './wiki-params.js';

const PER_PAGE = 50;

const toggleForm = z.object({ returnTo: z.string().max(300).optional() });
const listQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  done: z.literal('unwatched').optional().catch(undefined),
});

/**
 * `returnTo` when it is one of the wiki's own pages on this site (`/{locale}/wiki…`, plain query):
 * nothing else, so the form cannot be made to redirect anywhere else.
 */
function wikiPath(returnTo: string | undefined, locales: readonly string[]): string | null {
  if (returnTo === undefined) return null;
  const [path = '', query] = returnTo.split('?', 2) as [string, string | undefined];
  const locale = path.split('/')[1] ?? '';
  if (!locales.includes(locale) || !/^\/[a-z-]+\/wiki(?:\/[a-z0-9-]+)*$/i.test(path)) return null;
  if (query !== undefined && !/^[A-Za-z0-9=&_.-]*$/.test(query)) return null;
  return returnTo;
}

/** `path` with `done=<done>` in its query (replacing any). */
function withDone(path: string, done: string): string {
  const [base = '', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('done', done);
  return `${base}?${params.toString()}`;
}

/**
 * The watch button's hole for `slug`'s shared page, for this reader: one query when signed in
 * (pass it as sendSharedPageFrom's `holes`).
 */
export function watchButtonHoles(db: Db, user: SessionUser | null | undefined, slug: string) {
  return async () => {
    const state: WatchState = !user ? 'signedOut' : (await isWatching(db, user.id, slug)) ? 'watching' : 'notWatching';
    return (name: string) => (name === WATCH_HOLE ? { key: state, view: () => <WatchButton slug={slug} state={state} /> } : null);
  };
}

export async function wikiWatchRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  configureWatchMail(db, { baseUrl: app.config.baseUrl, defaultLocale: app.config.defaultLocale });

  localizedGet(app, '/wiki/watchlist', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { before, done } = parseOrReject(listQuery, request.query ?? {});
    const { pages, next } = await listWatchlist(db, request.user.id, { before, limit: PER_PAGE });
    const t = translator(request.locale);
    return sendPage(request, reply, <WikiWatchlistPage pages={pages} next={next} before={before} unwatched={done === 'unwatched'} />, {
      title: t('wiki.watch.list.title'),
      cacheable: false,
    });
  });

  /** Watches (`on`) or stops watching the page, then back where the button was. */
  const toggle = (on: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { returnTo } = parseOrReject(toggleForm, request.body ?? {});
    if (!request.user) throw new AppError('unauthorized', 'Sign in first');
    const pageId = await watchablePageId(db, slug);
    await (on ? watch : unwatch)(db, request.user.id, pageId);
    const back = wikiPath(returnTo, app.config.locales) ?? `/${request.locale}/wiki/${slug}`;
    return reply.redirect(withDone(back, on ? 'watched' : 'unwatched'), 303);
  };
  const limits = { config: { rateLimit: { max: 60, timeWindow: 60_000 } } };
  localizedPost(app, '/wiki/:slug/watch', toggle(true), limits);
  localizedPost(app, '/wiki/:slug/unwatch', toggle(false), limits);
}
