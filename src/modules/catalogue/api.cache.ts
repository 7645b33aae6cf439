/**
 * The anonymous response cache of the catalogue's JSON API: what the page cache is for pages (which
 * it does not cover: it keeps locale pages only). Each instance keeps a bounded LRU of serialised
 * responses, keyed by the reader's language and the URL, valid for one content generation (so a
 * change made on any instance reaches this one within about a second) and at most five minutes.
 * Requests with a token are never cached: they may see drafts. Hits are sent compressed when the
 * request accepts it (each entry compressed once).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendCompressed, type CompressibleBody } from '../../platform/encoding.js';

const MAX_ENTRIES = 2000;
/** Bound on the bytes held: a hundred services of JSON weigh about 200 KB. */
const MAX_BYTES = 32 * 1024 * 1024;
const TTL_MS = 5 * 60 * 1000;

/** `body` is encoded once when stored; a hit sends it as it is or compressed (kept once made). */
interface Entry extends CompressibleBody {
  etag: string | undefined;
  generation: string;
  storedAt: number;
}

/** What a route builds on a miss: the response body, and its ETag if it has one. */
export interface CacheableResponse {
  body: unknown;
  etag?: string;
}

export interface ResponseCache {
  /**
   * Sends the cached response for this request, or builds, sends and (for anonymous readers) keeps
   * it. Errors thrown by `build` are not cached. Answers 304 when `If-None-Match` names the ETag.
   */
  send(request: FastifyRequest, reply: FastifyReply, build: () => Promise<CacheableResponse>): Promise<FastifyReply>;
  /** Drops everything (after a write on this instance, so its own reader never sees the old data). */
  clear(): void;
}

export function responseCache(app: FastifyInstance): ResponseCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const respond = (request: FastifyRequest, reply: FastifyReply, body: Buffer | string | Entry, etag: string | undefined) => {
    if (etag) {
      reply.header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    }
    reply.type('application/json; charset=utf-8');
    return typeof body === 'string' || Buffer.isBuffer(body) ? reply.send(body) : sendCompressed(request, reply, body);
  };
  // Cached responses go out compressed or not, as each request asks.
  const varyOnEncoding = (reply: FastifyReply) => {
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  };

  return {
    async send(request, reply, build) {
      const key = app.config.pageCache && request.authVia !== 'token' ? `${request.locale} ${request.url}` : null;
      const generation = key ? await app.contentGeneration.current() : '';
      const hit = key ? entries.get(key) : undefined;
      if (key && hit) {
        drop(key);
        if (hit.generation === generation && Date.now() - hit.storedAt <= TTL_MS) {
          entries.set(key, hit);
          bytes += hit.body.length;
          reply.header('x-page-cache', 'hit');
          varyOnEncoding(reply);
          return respond(request, reply, hit, hit.etag);
        }
      }
      const built = await build();
      const text = JSON.stringify(built.body);
      if (key) {
        const body = Buffer.from(text);
        while (entries.size > 0 && (entries.size >= MAX_ENTRIES || bytes + body.length > MAX_BYTES))
          drop(entries.keys().next().value as string);
        if (body.length <= MAX_BYTES) {
          entries.set(key, { body, etag: built.etag, generation, storedAt: Date.now() });
          bytes += body.length;
          reply.header('x-page-cache', 'miss');
          varyOnEncoding(reply);
        }
        return respond(request, reply, body, built.etag);
      }
      return respond(request, reply, text, built.etag);
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
