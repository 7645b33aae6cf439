/**
 * buildApp(config): the platform plugins in order, then every module, listed explicitly. Reading
 * this file tells you everything that runs on a request.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { registerSlots } from './platform/slots.js';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { isLocale, type Config } from './config.js';
import { createDatabase, type DatabaseHandle } from './db/database.js';
import { registerApiAuth } from './platform/api-auth.js';
import { registerAssets } from './platform/assets.js';
import { registerErrorHandling } from './platform/error-handler.js';
import { registerHealth } from './platform/health.js';
import { registerMaintenance } from './platform/maintenance.js';
import { registerOpenApi } from './platform/openapi.js';
import { negotiateLocale } from './platform/i18n.js';
import { JobWorker, type JobHandler } from './platform/jobs.js';
import { mailJobHandlers } from './platform/mail.js';
import type { EcoopModule } from './platform/module.js';
import { registerContentCache } from './platform/content-cache.js';
import { registerFlaggables } from './platform/flags.js';
import { registerPageCache } from './platform/page-cache.js';
import { registerRateLimits } from './platform/rate-limit.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { registerSessions } from './platform/session.js';
import { getOrCreateSecret } from './platform/settings.js';
import './platform/types.js';
import { modules as allModules } from './modules/index.js';

export interface BuildOptions {
  /** An already-open database (tests share one per file); otherwise opened from config and closed with the app. */
  database?: DatabaseHandle;
  /** Replaces the module list (tests of the platform alone). */
  modules?: readonly EcoopModule[];
  /** Extra job handlers (tests). */
  jobs?: Record<string, JobHandler>;
}

/** Every posting route gets at most this many requests per client address and minute, unless it sets its own limit. */
const DEFAULT_POST_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * Paths that change state without a CSRF token: the APIs carry their own authentication (Bearer
 * tokens), so no CSRF cookie applies; the page feedback prompt sits on cached anonymous pages, which
 * cannot hold a token, so its route (assessment/feedback.routes.tsx) demands a same-origin request
 * instead, ignores the session and records nobody.
 */
/**
 * Paths that carry a secret (a personal calendar feed's token: calendar apps send no cookie), as
 * they are logged.
 */
export function redactPath(path: string): string {
  return path.replace(/^\/calendar\/[^/]+$/, '/calendar/[redacted]');
}

const CSRF_EXEMPT = [/^\/api\//, /^\/open311\//, /^\/[a-z]{2}(?:-[a-z]{2,4})?\/page-feedback$/i];

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
      serializers: {
        // The path only: query strings may carry search terms, which are the visitor's business.
        req: (req) => ({ method: req.method, url: redactPath(req.url.split('?')[0]!), remoteAddress: req.ip }),
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });

  const ownsDatabase = !options.database;
  const database = options.database ?? createDatabase(config.database);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  if (ownsDatabase) app.addHook('onClose', async () => database.close());

  const modules = options.modules ?? allModules;
  app.decorate('modules', modules);

  // Every response says which request it was, so a user can quote it to support.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  await app.register(cookie, { secret: await getOrCreateSecret(database.db, 'cookie') });
  await app.register(formbody);
  registerSecurityHeaders(app);

  // The locale: from the URL's first segment for pages, negotiated otherwise (error pages, API).
  app.decorateRequest('locale', config.defaultLocale);
  app.decorateRequest('localePath', '/');
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '/';
    const first = path.split('/')[1];
    if (isLocale(first) && config.locales.includes(first)) {
      request.locale = first;
      request.localePath = path.slice(first.length + 1) || '/';
    } else {
      request.locale = negotiateLocale(request.headers['accept-language'], config.locales, config.defaultLocale);
      request.localePath = path;
    }
  });

  registerContentCache(app);
  registerPageCache(app);
  registerSessions(app);
  registerApiAuth(app, modules.find((m) => m.authenticateBearer)?.authenticateBearer);

  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.secureCookies ? '__Host-ecoop_csrf' : 'ecoop_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      return (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  // CSRF on every state change, at preHandler (the body is parsed by then), and a default rate
  // limit on every posting route that does not set a stricter one of its own.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(m))) return;
    route.config = { ...route.config, rateLimit: route.config?.rateLimit ?? DEFAULT_POST_RATE_LIMIT };
    if (CSRF_EXEMPT.some((re) => re.test(route.url))) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [app.csrfProtection, ...existing];
  });

  await registerRateLimits(app);
  app.decorate('assets', await registerAssets(app));
  registerErrorHandling(app);
  registerHealth(app);
  registerOpenApi(app, modules);
  registerFlaggables(app, modules);
  registerSlots(app, modules);

  // `/` → the visitor's language.
  app.get('/', async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language'], config.locales, config.defaultLocale);
    return reply.header('vary', 'accept-language').redirect(`/${locale}/`, 302);
  });
  // `/en` → `/en/`.
  for (const locale of config.locales) app.get(`/${locale}`, async (_request, reply) => reply.redirect(`/${locale}/`, 301));

  for (const m of modules) if (m.onRequest) app.addHook('onRequest', m.onRequest);
  for (const m of modules) {
    if (m.routes) await app.register(async (scope) => m.routes!(scope), { prefix: '' });
  }

  const handlers = new Map<string, JobHandler>();
  for (const [type, handler] of Object.entries(mailJobHandlers(config))) handlers.set(type, handler);
  for (const m of modules) for (const [type, handler] of Object.entries(m.jobs ?? {})) handlers.set(type, handler);
  for (const [type, handler] of Object.entries(options.jobs ?? {})) handlers.set(type, handler);
  if (config.jobsWorker) {
    const worker = new JobWorker(database.db, handlers, app.log);
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
    registerMaintenance(app);
  }
  return app;
}
