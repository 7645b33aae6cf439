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
}

/** Builds the UI context for a request. */
export function uiContext(request: FastifyRequest, reply: FastifyReply): UiContext {
  let csrf: string | undefined;
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
    csrfToken: () => {
      // A page holding a token is personal: never store it in the shared anonymous cache.
      reply.pageCacheable = false;
      // One token per page: without a CSRF cookie yet, each generateCsrf() would set a new secret
      // and only the last form of a page with several would work.
      return (csrf ??= reply.generateCsrf());
    },
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
  const html = renderDocument(uiContext(request, reply), body, options);
  reply.code(options.status ?? 200).type('text/html; charset=utf-8');
  if (options.cacheable === false) reply.pageCacheable = false;
  return reply.send(html);
}
