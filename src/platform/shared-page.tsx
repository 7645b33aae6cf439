/**
 * Shared pages: a page body that is the same for everyone who asks (a public list, a service, a
 * wiki page) is rendered once per content generation, language and instance, as nobody in
 * particular, then reused for every view, signed in or not. What differs per reader fills marks
 * left in it: holes (`Hole`) for their buttons and forms, and their own CSRF token. The layout
 * around it is rendered once per address, sign-in state and display preferences (a shell). Each part
 * is kept encoded (UTF-8), so a view costs copying bytes, not rendering or encoding HTML.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { UiCtx, type UiContext } from '../ui/context.js';
import { appNow } from './clock.js';
import { CSRF_SLOT, renderShell, replyCsrfToken, sendDocument, shellKey, uiContext, type PageOptions } from './render.js';

/** A random mark per process: no content can be written to open a hole. */
const HOLE_MARK = `hole-${randomBytes(12).toString('hex')}`;
const HOLE = new RegExp(`<template data-${HOLE_MARK}="([^"]*)"></template>`, 'g');

/** Shared bodies kept per app instance, at most this many (a list page's body is 10–25 KB). */
const MAX_SHARED_BODIES = 500;
/** Layouts kept per shared body (one per address, signed in or not, display preferences): 5–7 KB each. */
const MAX_SHELLS = 8;

/** The CSRF token's place in a template. */
const TOKEN = Symbol('csrf token');
/**
 * Rendered HTML, split once into its UTF-8 bytes and the places filled per request: the reader's
 * CSRF token and, in a body with holes, each hole by name.
 */
type Template = (Buffer | typeof TOKEN | { hole: string })[];

/** Compiles rendered HTML into a template; `holes` says whether its hole marks are places to fill. */
function compile(html: string, holes: boolean): Template {
  const template: Template = [];
  const text = (part: string) =>
    part.split(CSRF_SLOT).forEach((chunk, i) => {
      if (i > 0) template.push(TOKEN);
      if (chunk) template.push(Buffer.from(chunk, 'utf8'));
    });
  if (!holes) {
    text(html);
    return template;
  }
  let from = 0;
  for (const match of html.matchAll(HOLE)) {
    text(html.slice(from, match.index));
    template.push({ hole: match[1]! });
    from = match.index + match[0].length;
  }
  text(html.slice(from));
  return template;
}

interface SharedBody {
  body: Template;
  options: PageOptions;
  data?: unknown;
  /** Each hole's template by name and key, rendered once. */
  holes: Map<string, Template>;
  /** The layout before and after the body, by shellKey. */
  shells: Map<string, readonly [Template, Template]>;
}
const sharedBodies = new WeakMap<object, Map<string, SharedBody & { generation: string }>>();

/** What a shared page needs once per content generation: its body and its page options. */
export interface SharedPageContent {
  body: () => VNode;
  options: PageOptions;
  /** What each view needs besides the body (kept with it): to fill its holes (`Hole`), for `eachView`. */
  data?: unknown;
}

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

/** The layout of a shared body for this request, before and after the body: rendered once per shellKey. */
function shellOf(request: FastifyRequest, reply: FastifyReply, shared: SharedBody): readonly [Template, Template] {
  const key = shellKey(request);
  const hit = shared.shells.get(key);
  if (hit) return hit;
  const [before, after] = renderShell(request, reply, shared.options);
  const shell = [compile(before, false), compile(after, false)] as const;
  if (shared.shells.size >= MAX_SHELLS) shared.shells.delete(shared.shells.keys().next().value as string);
  shared.shells.set(key, shell);
  return shell;
}

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
 * serve; the layout (header, account links) is rendered once per address and kind of reader.
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
  const build = async (): Promise<SharedBody> => {
    const content = await load();
    const html = renderShared(request, reply, content.body(), `sendSharedPage(${key})`, csrf);
    return { body: compile(html, holes !== undefined), options: content.options, data: content.data, holes: new Map(), shells: new Map() };
  };
  let shared: SharedBody;
  if (!app.config.pageCache) shared = await build();
  else {
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
      shared = await build();
      if (bodies.size >= MAX_SHARED_BODIES) bodies.delete(bodies.keys().next().value as string);
      bodies.set(fullKey, { ...shared, generation });
    }
  }
  if (eachView) await eachView(shared.data);
  const fill = holes ? await holes(shared.data) : () => null;
  const holeOf = (name: string): Template => {
    const part = fill(name);
    if (!part) return [];
    const partKey = `${name}\n${part.key}`;
    let template = shared.holes.get(partKey);
    if (template === undefined) {
      template = compile(renderShared(request, reply, part.view(), `hole ${name} of sendSharedPage(${key})`, true), false);
      shared.holes.set(partKey, template);
    }
    return template;
  };
  // The reader's own token where a form of the body or the layout holds one (URL-safe base64:
  // nothing to escape); a page holding one is personal, never stored in the anonymous page cache.
  let token: Buffer | undefined;
  const chunks: Buffer[] = [];
  const write = (template: Template) => {
    for (const piece of template) {
      if (Buffer.isBuffer(piece)) chunks.push(piece);
      else if (piece === TOKEN) chunks.push((token ??= Buffer.from(replyCsrfToken(reply), 'utf8')));
      else write(holeOf(piece.hole));
    }
  };
  const [before, after] = shellOf(request, reply, shared);
  write(before);
  write(shared.body);
  write(after);
  // Everything was rendered (and escaped) by Preact: the body as nobody, the layout per shellKey.
  return sendDocument(reply, Buffer.concat(chunks), shared.options);
}
