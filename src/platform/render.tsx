/**
 * Server rendering: turns a Preact view into a complete HTML page inside the layout, with the
 * request's UI context. Output is escaped by Preact; raw HTML only enters through SafeHtml.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../config.js';
import { Layout } from '../ui/layout.js';
import { UiCtx, type UiContext } from '../ui/context.js';
import { appNow } from './clock.js';
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
    csrfToken: () => {
      // A page holding a token is personal: never store it in the shared anonymous cache.
      reply.pageCacheable = false;
      let token = csrfTokens.get(reply);
      if (token === undefined) csrfTokens.set(reply, (token = reply.generateCsrf()));
      return token;
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
  if (options.expiresAt !== undefined) reply.pageExpiresAt = options.expiresAt;
  return reply.send(html);
}

/**
 * Where a shared body's forms take the reader's CSRF token: rendered into the shared HTML, replaced
 * by each reader's own token when the page is sent. Random per process, so no content can be
 * written to carry it (and if some did, it would show each reader their own token, nobody else's).
 */
const CSRF_SLOT = `csrf-${randomBytes(12).toString('hex')}`;

/**
 * Renders a view, or part of one, that is the same for everyone who asks (to be cached and reused):
 * as nobody in particular (no user), in the request's language. Without `csrfSlot`, asking for a CSRF
 * token fails, naming `what` (a token would be someone else's); with it, forms get CSRF_SLOT, which
 * sendSharedPageFrom replaces with the reader's own token.
 */
function renderShared(request: FastifyRequest, reply: FastifyReply, view: VNode, what: string, csrfSlot = false): string {
  const ctx: UiContext = {
    ...uiContext(request, reply),
    user: null,
    csrfToken: () => {
      if (csrfSlot) return CSRF_SLOT;
      throw new Error(`${what}: a shared body cannot hold a CSRF token`);
    },
  };
  return renderToString(<UiCtx.Provider value={ctx}>{view}</UiCtx.Provider>);
}

/** Shared bodies kept per app instance, at most this many (a list page's body is 10–25 KB). */
const MAX_SHARED_BODIES = 500;
interface SharedBody {
  html: string;
  options: PageOptions;
  data?: unknown;
  /** Each hole's HTML by name and key, rendered once (CSRF tokens still to fill in). */
  holes: Map<string, string>;
  generation: string;
}
const sharedBodies = new WeakMap<object, Map<string, SharedBody>>();

/** What a shared page needs once per content generation: its body and its page options. */
export interface SharedPageContent {
  body: () => VNode;
  options: PageOptions;
  /** What each view needs besides the body (kept with it): to fill its holes (`Hole`), for `eachView`. */
  data?: unknown;
}

/** A random mark per process: no content can be written to open a hole. */
const HOLE_MARK = `hole-${randomBytes(12).toString('hex')}`;
const HOLE = new RegExp(`<template data-${HOLE_MARK}="([^"]*)"></template>`, 'g');

/**
 * A part of a shared body that differs per reader (a button that depends on what they did, a form):
 * the shared HTML keeps a mark here, and sendSharedPageFrom's `holes` says, for each request, what
 * goes in it: a view and the `key` of everything it depends on besides the hole's name (the reader's
 * state: signed in, may answer, marked it…). Each (name, key) is rendered once per body, as nobody
 * in particular, its forms' CSRF token filled in per reader. `name` (no `"`, `&` or `<`) says
 * which hole. Only in a body sent by sendSharedPageFrom with `holes`; elsewhere it is an empty template.
 */
export function Hole({ name }: { name: string }): VNode {
  return <template {...{ [`data-${HOLE_MARK}`]: name }} />;
}

/**
 * Sends a page whose main content is the same for everyone who gets this `key` (a public list or
 * service page: no CSRF token, nothing about the viewer). The body is rendered once per content
 * generation and instance, then reused for signed-in views, which the anonymous page cache does not
 * serve; only the layout (header, account links) is rendered per request.
 *
 * `key` must name everything the body depends on besides the locale and the content: the URL
 * (path and query) and any viewer-dependent switch (e.g. `officialLinks=1`). Never use it for a
 * body that holds a form with a CSRF token or personal data: it would be shown to someone else.
 */
export async function sendSharedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  body: () => VNode,
  options: PageOptions,
): Promise<FastifyReply> {
  return sendSharedPageFrom(request, reply, key, async () => ({ body, options }));
}

/**
 * Like sendSharedPage, but `load` (the page's queries and its options: title, description, head)
 * runs only when the body is not cached for this generation: a signed-in view of a cached page
 * then costs no query of its own. What `load` throws (a 404) is thrown, and nothing is cached.
 *
 * With `csrf`, the body may hold forms (CsrfField): each reader gets the body with their own token.
 * The rest of the body must still be the same for everyone under `key` (no one's values or errors).
 */
export async function sendSharedPageFrom(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  load: () => Promise<SharedPageContent>,
  {
    csrf = false,
    holes,
    eachView,
  }: {
    csrf?: boolean;
    /**
     * For this request, from the body's `data` (what it may query for the reader): what goes in each
     * hole by name (see `Hole`), or null for nothing.
     */
    holes?: (data: unknown) => Promise<(name: string) => { key: string; view: () => VNode } | null>;
    /** What every view must do, cached body or not (count a search that found nothing), from its `data`. */
    eachView?: (data: unknown) => Promise<void>;
  } = {},
): Promise<FastifyReply> {
  const app = request.server;
  const render = (body: () => VNode) => renderShared(request, reply, body(), `sendSharedPage(${key})`, csrf);
  let shared: Omit<SharedBody, 'generation'>;
  if (!app.config.pageCache) {
    const content = await load();
    shared = { html: render(content.body), options: content.options, data: content.data, holes: new Map() };
  } else {
    let bodies = sharedBodies.get(app);
    if (!bodies) sharedBodies.set(app, (bodies = new Map()));
    const generation = await app.contentGeneration.current();
    const fullKey = `${request.locale}\n${key}`;
    const hit = bodies.get(fullKey);
    if (
      hit &&
      hit.generation === generation &&
      (hit.options.expiresAt === undefined || appNow(app.config).getTime() < hit.options.expiresAt)
    ) {
      // Most recently used last: eviction takes the oldest.
      bodies.delete(fullKey);
      bodies.set(fullKey, hit);
      shared = hit;
    } else {
      const content = await load();
      shared = { html: render(content.body), options: content.options, data: content.data, holes: new Map() };
      if (bodies.size >= MAX_SHARED_BODIES) bodies.delete(bodies.keys().next().value as string);
      bodies.set(fullKey, { ...shared, generation });
    }
  }
  if (eachView) await eachView(shared.data);
  let html = shared.html;
  if (holes) {
    const fill = await holes(shared.data);
    html = html.replace(HOLE, (_mark, name: string) => {
      const part = fill(name);
      if (!part) return '';
      const partKey = `${name}\n${part.key}`;
      let out = shared.holes.get(partKey);
      if (out === undefined) {
        out = renderShared(request, reply, part.view(), `hole ${name} of sendSharedPage(${key})`, true);
        shared.holes.set(partKey, out);
      }
      return out;
    });
  }
  // The reader's own token in the body's forms (the token is URL-safe base64: nothing to escape);
  // a page holding one is personal, never stored in the anonymous page cache.
  if ((csrf || holes) && html.includes(CSRF_SLOT)) html = html.replaceAll(CSRF_SLOT, uiContext(request, reply).csrfToken());
  // The HTML was rendered (and escaped) by Preact above, with this request's context.
  return sendPage(request, reply, <div dangerouslySetInnerHTML={{ __html: html }} />, shared.options);
}
