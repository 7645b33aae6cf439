/**
 * Rate limits shared by every instance: @fastify/rate-limit with a store in the database, so a
 * limit holds across a pool of app instances. Routes opt in with `config.rateLimit`
 * (`{ max, timeWindow }`); RATE_LIMITS=off disables them for load tests on loopback only.
 */
import rateLimit from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';

interface StoreOptions {
  timeWindow?: number;
  /** The route a child store counts for: its counters are apart from every other route's. */
  routeInfo?: { method?: string; url?: string };
}

type Incr = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** Builds a store class bound to a database (the plugin instantiates it per route). */
function databaseStore(db: Db) {
  return class DatabaseStore {
    constructor(private readonly options: StoreOptions) {}
    incr(key: string, callback: Incr, timeWindow?: number): void {
      const windowMs = timeWindow ?? this.options.timeWindow ?? 60_000;
      const now = Date.now();
      const resetAt = now + windowMs;
      // Each limited route counts on its own (as the plugin's own stores do): posting a form must
      // not use up another form's allowance.
      const route = this.options.routeInfo;
      const fullKey = route ? `${route.method ?? ''} ${route.url ?? ''} ${key}` : key;
      db.insertInto('rate_limits')
        .values({ key: fullKey, hits: 1, reset_at: resetAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
            reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow()
        .then((row) => callback(null, { current: Number(row.hits), ttl: Math.max(0, Number(row.reset_at) - now) }))
        .catch((err: Error) => callback(err));
    }
    child(routeOptions: StoreOptions) {
      return new DatabaseStore({ ...this.options, ...routeOptions });
    }
  };
}

/** Registers rate limiting (global: off; each sensitive route sets its own limit). */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  if (!app.config.rateLimits) {
    app.log.warn('RATE_LIMITS=off: rate limiting is disabled (load tests on loopback only)');
    return;
  }
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(app.db) as never,
    skipOnError: false,
    // Behind a proxy, TRUST_PROXY makes request.ip the client's address.
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) => {
      const err = new AppError('rate_limited', `Rate limit exceeded, retry in ${Math.ceil(context.ttl / 1000)} s`);
      return err;
    },
    enableDraftSpec: false,
  });
}

/** Periodic clean-up of expired counters. */
export async function purgeRateLimits(db: Db): Promise<void> {
  await db.deleteFrom('rate_limits').where('reset_at', '<', Date.now()).execute();
}

/** Searches an address may run per minute (a person types a few; a script that fills the misses list is cut off). */
const SEARCH_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * Route options for pages that search when given `?q=`: rate-limited per address, but only when
 * there is a query, so browsing (the catalogue, the wiki) costs no counter write.
 */
export const searchRouteOptions = {
  config: {
    rateLimit: {
      ...SEARCH_LIMIT,
      allowList: (request: FastifyRequest) => {
        const q = (request.query as Record<string, unknown> | undefined)?.q;
        return typeof q !== 'string' || q.trim() === '';
      },
    },
  },
};
