/**
 * Server rendering: turns a Preact view into a complete HTML page inside the layout, with the
 * request's UI context. Output is escaped by Preact; raw HTML only enters through SafeHtml.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../config.js';
import { Layout } from '../ui/layout.js';
import { UiCtx, type UiContext } from '../ui/context.js';
import { translator } from './i18n.js';
import { preferenceClasses, requestPreferences } from './preferences.js';

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
export function renderDocument(ctx: UiContext, body: ComponentChildren, options: PageOptions): string {
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

/**
 * Where a shell's forms (the layout's sign-out, a shared body's) take the reader's CSRF token:
 * replaced by each reader's own token when the page is sent. Random per process, so no content can
 * be written to carry it (and if some did, it would show each reader their own token, nobody else's).
 */
export const CSRF_SLOT = `csrf-${randomBytes(12).toString('hex')}`;

/** Where a shell takes its body; random per process, like CSRF_SLOT. */
const BODY_SLOT = `body-${randomBytes(12).toString('hex')}`;

/** Stands for the signed-in reader in a shell: the layout may depend on being signed in, not on who. */
const SOMEONE: NonNullable<UiContext['user']> = { id: 0, displayName: '', roles: [] };

/**
 * Everything the layout depends on besides the locale and the page options: the address (the
 * language switcher, the current link, the feedback prompt), whether the reader is signed in (the
 * account links) and the display preferences (classes on <html>). Layout must read nothing else of
 * the context (not the user's name or roles): its shell is shared by every reader with this key.
 */
export function shellKey(request: FastifyRequest): string {
  return `${request.user ? 1 : 0}\n${preferenceClasses(requestPreferences(request)) ?? ''}\n${request.url}`;
}

/**
 * The layout of a page for this request's shellKey, rendered around nothing and split where the
 * body goes: [before, after], with CSRF_SLOT where its forms take the reader's token.
 */
export function renderShell(request: FastifyRequest, reply: FastifyReply, options: PageOptions): [string, string] {
  const ctx: UiContext = { ...uiContext(request, reply), user: request.user ? SOMEONE : null, csrfToken: () => CSRF_SLOT };
  const parts = renderDocument(ctx, BODY_SLOT, options).split(BODY_SLOT);
  if (parts.length !== 2) throw new Error('the layout must hold its body exactly once');
  return [parts[0]!, parts[1]!];
}

/** Layouts of pages kept per app instance (5–7 KB each): by page title, description and shellKey. */
const MAX_SHELLS = 1000;
const shells = new WeakMap<FastifyInstance, Map<string, [string, string]>>();

/**
 * Sends a rendered page. The body is rendered for this request; the layout around it once per
 * title, description and shellKey (a page with its own `head` renders it every time).
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: VNode, options: PageOptions): FastifyReply {
  const ctx = uiContext(request, reply);
  if (options.head !== undefined) return sendDocument(reply, renderDocument(ctx, body, options), options);
  let cache = shells.get(request.server);
  if (!cache) shells.set(request.server, (cache = new Map()));
  // JSON: no title or description can be written to read as another page's key.
  const key = JSON.stringify([request.locale, options.title, options.description ?? null, shellKey(request)]);
  let shell = cache.get(key);
  if (shell) {
    // Most recently used last: eviction takes the oldest.
    cache.delete(key);
    cache.set(key, shell);
  } else {
    shell = renderShell(request, reply, options);
    if (cache.size >= MAX_SHELLS) cache.delete(cache.keys().next().value as string);
    cache.set(key, shell);
  }
  const html = shell[0] + renderToString(<UiCtx.Provider value={ctx}>{body}</UiCtx.Provider>) + shell[1];
  return sendDocument(reply, html.includes(CSRF_SLOT) ? html.replaceAll(CSRF_SLOT, replyCsrfToken(reply)) : html, options);
}

/** Sends an HTML document with the status and caching that its page options say. */
export function sendDocument(reply: FastifyReply, html: string | Buffer, options: PageOptions): FastifyReply {
  reply.code(options.status ?? 200).type('text/html; charset=utf-8');
  if (options.cacheable === false) reply.pageCacheable = false;
  if (options.expiresAt !== undefined) reply.pageExpiresAt = options.expiresAt;
  return reply.send(html);
}
