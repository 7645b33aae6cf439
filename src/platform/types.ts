/** Fastify type augmentations for what the platform decorates requests, replies and the app with. */
import type { Config, Locale } from '../config.js';
import type { Db, DatabaseHandle } from '../db/database.js';
import type { Assets } from './assets.js';
import type { ContentCache, ContentGeneration } from './content-cache.js';
import type { EcoopModule } from './module.js';
import type { SessionUser } from './session.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    database: DatabaseHandle;
    assets: Assets;
    /** The content generation: bumped by `contentChanged` when public content changes. */
    contentGeneration: ContentGeneration;
    /** Small reference data cached until the content changes. */
    contentCache: ContentCache;
    /** The modules this app runs (the personal-data registry reads their declarations). */
    modules: readonly EcoopModule[];
  }
  interface FastifyRequest {
    /** The locale of the page (from the URL prefix, else negotiated). */
    locale: Locale;
    /** The path after the locale prefix (`/about`), or the whole path when there is no prefix. */
    localePath: string;
    /** The signed-in user, or null. */
    user: SessionUser | null;
  }
  interface FastifyReply {
    /** Set to false by a page that must never be served from the page cache. */
    pageCacheable: boolean;
    /**
     * When the page stops being true by the app's clock (epoch ms; `appNow`), for a page that shows
     * something that changes with time ("open now", free slots): the page cache keeps it until then
     * at most. Null: until the content changes (or the cache's TTL).
     */
    pageExpiresAt: number | null;
  }
}
