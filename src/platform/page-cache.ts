/**
 * The anonymous page cache. Visitors without a session get pages from memory: each instance keeps
 * a bounded LRU of rendered HTML, keyed by URL and display preferences. The content generation
 * (content-cache.ts) invalidates every instance's cache when content changes (modules call
 * `contentChanged` after a write), so a stale page lives at most about a second after a change. A
 * page that changes with time sets `reply.pageExpiresAt` (by the app's clock, clock.ts), and is
 * kept until then at most. Hits are sent compressed (Brotli or gzip, as the request accepts), each
 * entry compressed once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appNow } from './clock.js';
import { sendCompressed, type CompressibleBody } from './encoding.js';
import { PREFERENCES_COOKIE, normalizePreferencesCookie } from './preferences.js';
import { sessionCookieName } from './session.js';

const MAX_ENTRIES = 5000;
/** "Not found" pages have their own, smaller LRU: a crawler trying random URLs cannot evict real pages. */
const MAX_NOT_FOUND_ENTRIES = 500;
const TTL_MS = 5 * 60 * 1000;

/** `body` is encoded once when stored; a hit sends it as it is or compressed (kept once made). */
interface Entry extends CompressibleBody {
  status: number;
  headers: Record<string, string>;
  generation: string;
  storedAt: number;
  /** By the app's clock (epoch ms), or null. */
  expiresAt: number | null;
}

/**
 * Cookies whose values change what an anonymous page looks like (display preferences), each with
 * its canonical form: `rm.lt` and `lt.rm` share a page, and junk values cannot fill the cache.
 */
const VARYING_COOKIES: readonly [string, (value: string | undefined) => string][] = [[PREFERENCES_COOKIE, normalizePreferencesCookie]];

export function registerPageCache(app: FastifyInstance): void {
  app.decorateReply('pageCacheable', true);
  app.decorateReply('pageExpiresAt', null);
  if (!app.config.pageCache) return;
  const pages = new Map<string, Entry>();
  const notFound = new Map<string, Entry>();
  const currentGeneration = () => app.contentGeneration.current();

  const keyOf = (request: FastifyRequest): string | null => {
    if (request.method !== 'GET') return null;
    if (request.cookies[sessionCookieName(app.config.secureCookies)]) return null;
    if (!/^\/[a-z]{2}(\/|$|\?)/.test(request.url)) return null;
    const vary = VARYING_COOKIES.map(([name, canonical]) => canonical(request.cookies[name])).join('|');
    return `${request.url}#${vary}`;
  };

  // The generation seen when the request started: a page rendered from older data is never
  // stored under a newer generation.
  const seen = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (!key) return;
    const cache = pages.has(key) ? pages : notFound;
    const entry = cache.get(key);
    const gen = await currentGeneration();
    seen.set(request, gen);
    if (!entry) return;
    if (
      entry.generation !== gen ||
      Date.now() - entry.storedAt > TTL_MS ||
      (entry.expiresAt !== null && appNow(app.config).getTime() >= entry.expiresAt)
    ) {
      cache.delete(key);
      return;
    }
    // Refresh LRU position.
    cache.delete(key);
    cache.set(key, entry);
    reply.pageCacheable = false;
    reply.code(entry.status).headers(entry.headers).header('x-page-cache', 'hit');
    // Compressed once per entry rather than by the reverse proxy on every hit (it passes encoded
    // bodies on as they are).
    return sendCompressed(request, reply, entry);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const status = reply.statusCode;
    if (!reply.pageCacheable || (status !== 200 && status !== 404) || !(typeof payload === 'string' || Buffer.isBuffer(payload)))
      return payload;
    const key = keyOf(request);
    if (!key || request.user) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html') || reply.getHeader('set-cookie')) return payload;
    // The same URL is sent compressed or not (hits), as the request asks: caches must keep them apart.
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'content-length' && name !== 'set-cookie' && name !== 'x-request-id')
        headers[name] = String(value);
    }
    const [cache, max] = status === 200 ? [pages, MAX_ENTRIES] : [notFound, MAX_NOT_FOUND_ENTRIES];
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(key, {
      status,
      body: Buffer.isBuffer(payload) ? payload : Buffer.from(payload),
      headers,
      generation: seen.get(request) ?? '-',
      storedAt: Date.now(),
      expiresAt: reply.pageExpiresAt,
    });
    reply.header('x-page-cache', 'miss');
    return payload;
  });
}
