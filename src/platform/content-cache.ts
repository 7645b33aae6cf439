/**
 * Caches of public content, shared by the anonymous page cache and the data cache. Their validity
 * is one "content generation" counter in the database: a module that changes public content calls
 * `contentChanged(db)` (in or after its transaction), and every instance drops what it cached
 * within about a second, since each reads the counter at most once a second. Entries also expire
 * after a TTL, as a backstop.
 *
 * The data cache (`app.contentCache.get(key, loader)`) holds small reference data that many pages
 * show and that changes rarely (sectors with their counts, life events, the places on the home
 * page), so a signed-in page view does not query it each time.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { appNow } from './clock.js';
import { getSetting, incrementCounter } from './settings.js';

const GENERATION_KEY = 'content_generation';
const GENERATION_CHECK_MS = 1000;
const DATA_TTL_MS = 5 * 60 * 1000;
const MAX_DATA_ENTRIES = 1000;

/** Marks every cached page and datum stale on every instance. Call after a write to public content. */
export async function contentChanged(db: Db): Promise<void> {
  await incrementCounter(db, GENERATION_KEY);
}

/** Reads the content generation, from the database at most once a second per instance. */
export class ContentGeneration {
  private value = '0';
  private checkedAt = 0;
  private pending: Promise<void> | null = null;
  constructor(private readonly db: Db) {}

  /** Makes the next `current()` read the counter: after a write here, this instance sees it at once. */
  expire(): void {
    this.checkedAt = 0;
  }

  async current(): Promise<string> {
    if (Date.now() - this.checkedAt <= GENERATION_CHECK_MS) return this.value;
    // Requests arriving while the counter is read share the one query.
    this.pending ??= getSetting(this.db, GENERATION_KEY)
      .then((v) => {
        this.value = v ?? '0';
        this.checkedAt = Date.now();
      })
      .finally(() => {
        this.pending = null;
      });
    await this.pending;
    return this.value;
  }
}

export interface ContentCache {
  /**
   * The cached value for `key` in the current generation, or what `loader` returns (then cached).
   * `expiresAt` (epoch ms by the app's clock, `appNow`) bounds it for data that also changes with
   * time (free slots, "upcoming").
   */
  get<T>(key: string, loader: () => Promise<T>, options?: { expiresAt?: number }): Promise<T>;
}

interface DataEntry {
  value: unknown;
  generation: string;
  storedAt: number;
  expiresAt: number | null;
}

/** Decorates the app with `contentGeneration` and `contentCache` (a pass-through when PAGE_CACHE=off). */
export function registerContentCache(app: FastifyInstance): void {
  const generation = new ContentGeneration(app.db);
  const entries = new Map<string, DataEntry>();
  const cache: ContentCache = {
    async get<T>(key: string, loader: () => Promise<T>, options: { expiresAt?: number } = {}): Promise<T> {
      if (!app.config.pageCache) return loader();
      const gen = await generation.current();
      const hit = entries.get(key);
      if (
        hit &&
        hit.generation === gen &&
        Date.now() - hit.storedAt <= DATA_TTL_MS &&
        (hit.expiresAt === null || appNow(app.config).getTime() < hit.expiresAt)
      )
        return hit.value as T;
      const value = await loader();
      if (entries.size >= MAX_DATA_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, generation: gen, storedAt: Date.now(), expiresAt: options.expiresAt ?? null });
      return value;
    },
  };
  // Read-your-writes: once a write request has been answered, this instance re-reads the counter, so
  // someone who just saved sees the change on the next page (other instances within a second).
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') generation.expire();
  });
  app.decorate('contentGeneration', generation);
  app.decorate('contentCache', cache);
}
