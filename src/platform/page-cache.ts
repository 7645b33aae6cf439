/**
 * The anonymous page cache. Visitors without a session get pages from memory: each instance keeps
 * a bounded LRU of rendered HTML, keyed by URL and display preferences. The content generation
 * (content-cache.ts) invalidates every instance's cache when content changes (modules call
 * `contentChanged` after a write), so a stale page lives at most about a second after a change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PREFERENCES_COOKIE, normalizePreferencesCookie } from './preferences.js';
import { sessionCookieName } from './session.js';

const MAX_ENTRIES = 5000;
/** "Not found" pages have their own, smaller LRU: a crawler trying random URLs cannot evict real pages. */
const MAX_NOT_FOUND_ENTRIES = 500;
const TTL_MS = 5 * 60 * 1000;

interface Entry {
  status: number;
  /** Encoded once when stored: a hit sends the bytes as they are. */
  body: Buffer;
  headers: Record<string, string>;
  generation: string;
  storedAt: number;
}

/**
 * Cookies whose values change what an anonymous page looks like (display preferences), each with
 * its canonical form: `rm.lt` and `lt.rm` share a page, and junk values cannot fill the cache.
 */
const VARYING_COOKIES: readonly [string, (value: string | undefined) => string][] = [[PREFERENCES_COOKIE, normalizePreferencesCookie]];

export function registerPageCache(app: FastifyInstance): void {
  app.decorateReply('pageCacheable', true);
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
    if (entry.generation !== gen || Date.now() - entry.storedAt > TTL_MS) {
      cache.delete(key);
      return;
    }
    // Refresh LRU position.
    cache.delete(key);
    cache.set(key, entry);
    reply.pageCacheable = false;
    reply.code(entry.status).headers(entry.headers).header('x-page-cache', 'hit');
    return reply.send(entry.body);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const status = reply.statusCode;
    if (!reply.pageCacheable || (status !== 200 && status !== 404) || typeof payload !== 'string') return payload;
    const key = keyOf(request);
    if (!key || request.user) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('text/html') || reply.getHeader('set-cookie')) return payload;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'content-length' && name !== 'set-cookie' && name !== 'x-request-id')
        headers[name] = String(value);
    }
    const [cache, max] = status === 200 ? [pages, MAX_ENTRIES] : [notFound, MAX_NOT_FOUND_ENTRIES];
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(key, { status, body: Buffer.from(payload), headers, generation: seen.get(request) ?? '-', storedAt: Date.now() });
    reply.header('x-page-cache', 'miss');
    return payload;
  });
}
