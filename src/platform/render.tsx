/**
 * Server rendering: turns a Preact view into a complete HTML page inside the layout, with the
 * request's UI context. Output is escaped by Preact; raw HTML only enters through SafeHtml.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../config.js';
import { Layout } from '../ui/layout.js';
import { UiCtx, type UiContext } from '../ui/context.js';
import { translator } from './i18n.js';
import { requestPreferences } from './preferences.js';

export interface PageOptions {
  title: string;
  description?: string;
  status?: number;
  head?: ComponentChildren;
  /** Whether an anonymous response may be served from the page cache (default true for 200). */
  cacheable?: boolean;
  /**
   * For a page that changes with time ("open now", upcoming sessions, free slots): when it stops
   * being true, by the app's clock (epoch ms, `appNow`). The page cache keeps anonymous copies until
   * then at most, and a shared body (sendSharedPage) is rendered again from then on.
   */
  expiresAt?: number;
}

/**
 * The CSRF token of each reply, once made. One token per page: without a CSRF cookie yet, each
 * generateCsrf() would set a new secret and only the last form of a page with several would work,
 * so every context of a reply (a shared body's, the layout's) hands out the same one.
 */
const csrfTokens = new WeakMap<FastifyReply, string>();

/** The reply's CSRF token, made on first use; a page holding one is never stored in the shared anonymous cache. */
export function replyCsrfToken(reply: FastifyReply): string {
  reply.pageCacheable = false;
  let token = csrfTokens.get(reply);
  if (token === undefined) csrfTokens.set(reply, (token = reply.generateCsrf()));
  return token;
}

/** Builds the UI context for a request. */
export function uiContext(request: FastifyRequest, reply: FastifyReply): UiContext {
  const app = request.server;
  const locale = request.locale;
  const prefix = (l: Locale) => `/${l}`;
  return {
    locale,
    locales: app.config.locales,
    t: translator(locale),
    path: request.localePath,
    search: request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '',
    user: request.user ? { id: request.user.id, displayName: request.user.displayName, roles: request.user.roles } : null,
    preferences: requestPreferences(request),
    isDev: app.config.isDev,
    csrfToken: () => replyCsrfToken(reply),
    assets: app.assets.urls,
    requestId: String(request.id),
    href: (path: string, l: Locale = locale) => (path === '/' ? `${prefix(l)}/` : `${prefix(l)}${path}`),
  };
}

/** Renders a view in the layout to an HTML document string. */
export function renderDocument(ctx: UiContext, body: VNode, options: PageOptions): string {
  return (
    '<!DOCTYPE html>' +
    renderToString(
      <UiCtx.Provider value={ctx}>
        <Layout title={options.title} description={options.description} head={options.head}>
          {body}
        </Layout>
      </UiCtx.Provider>,
    )
  );
}

/** Sends a rendered page. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: VNode, options: PageOptions): FastifyReply {
  return sendDocument(reply, renderDocument(uiContext(request, reply), body, options), options);
}

/** Sends an HTML document with the status and caching that its page options say. */
export function sendDocument(reply: FastifyReply, html: string | Buffer, options: PageOptions): FastifyReply {
  reply.code(options.status ?? 200).type('text/html; charset=utf-8');
  if (options.cacheable === false) reply.pageCacheable = false;
  if (options.expiresAt !== undefined) reply.pageExpiresAt = options.expiresAt;
  return reply.send(html);
}
