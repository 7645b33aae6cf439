/**
 * The anonymous page cache. Visitors without a session get pages from memory: each instance keeps
 * a bounded LRU of rendered HTML, keyed by URL and display preferences. A content generation
 * counter in the database invalidates every instance's cache when content changes (modules call
 * `invalidatePages` after a write); each instance reads it at most once a second, and entries also
 * expire after a TTL, so a stale page lives at most about a second after a change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { getSetting, incrementCounter } from './settings.js';
import { sessionCookieName } from './session.js';

const GENERATION_KEY = 'content_generation';
const MAX_ENTRIES = 5000;
/** "Not found" pages have their own, smaller LRU: a crawler trying random URLs cannot evict real pages. */
const MAX_NOT_FOUND_ENTRIES = 500;
const TTL_MS = 5 * 60 * 1000;
const GENERATION_CHECK_MS = 1000;

interface Entry {
  status: number;
  body: string;
  headers: Record<string, string>;
  generation: string;
  storedAt: number;
}

/** Marks every cached page stale on every instance. Call after a write that changes public pages. */
export async function invalidatePages(db: Db): Promise<void> {
  await incrementCounter(db, GENERATION_KEY);
}

/** Cookies whose values change what an anonymous page looks like (display preferences). */
const VARYING_COOKIES = ['ecoop_prefs'];

export function registerPageCache(app: FastifyInstance): void {
  app.decorateReply('pageCacheable', true);
  if (!app.config.pageCache) return;
  const pages = new Map<string, Entry>();
  const notFound = new Map<string, Entry>();
  let generation = '0';
  let checkedAt = 0;
  let pending: Promise<void> | null = null;

  // At most one query a second per instance; requests arriving meanwhile share it.
  const currentGeneration = async (): Promise<string> => {
    if (Date.now() - checkedAt <= GENERATION_CHECK_MS) return generation;
    pending ??= getSetting(app.db, GENERATION_KEY)
      .then((v) => {
        generation = v ?? '0';
        checkedAt = Date.now();
      })
      .finally(() => {
        pending = null;
      });
    await pending;
    return generation;
  };

  const keyOf = (request: FastifyRequest): string | null => {
    if (request.method !== 'GET') return null;
    if (request.cookies[sessionCookieName(app.config.secureCookies)]) return null;
    if (!/^\/[a-z]{2}(\/|$|\?)/.test(request.url)) return null;
    const vary = VARYING_COOKIES.map((c) => request.cookies[c] ?? '').join('|');
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
    cache.set(key, { status, body: payload, headers, generation: seen.get(request) ?? '-', storedAt: Date.now() });
    reply.header('x-page-cache', 'miss');
    return payload;
  });
}
