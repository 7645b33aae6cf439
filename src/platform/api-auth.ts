/**
 * Bearer-token authentication for the JSON API (`/api/…`) and Open311 (`/open311/…`).
 *
 * On those URLs `request.user` comes only from `Authorization: Bearer <token>`: a session cookie
 * is ignored, so a page on another site cannot ride a signed-in visitor's cookie to write through
 * the API (which is why these URLs skip the CSRF check). No header means an anonymous request
 * (public reads); a malformed, unknown or revoked token is refused at once with 401 and
 * `WWW-Authenticate: Bearer`, rather than silently treated as anonymous.
 *
 * Why the hook lives here and the lookup in the accounts module: the hook must run for every
 * module's API routes, so it belongs to the root app (a hook added inside a module's routes would
 * only see that module's routes), while the `api_tokens` table belongs to accounts and the platform
 * knows no module. The accounts manifest therefore declares `authenticateBearer`, and `app.ts`
 * hands it to `registerApiAuth`, the same way modules hand their routes and jobs to the platform.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import type { SessionUser } from './session.js';

/** Resolves a Bearer token to its user (roles loaded), or null when it grants nothing. */
export type BearerAuthenticator = (db: Db, token: string) => Promise<SessionUser | null>;

/** How `request.user` was established: a session cookie (pages), a Bearer token (API), or nobody. */
export type AuthVia = 'session' | 'token' | null;

declare module 'fastify' {
  interface FastifyRequest {
    /** How `request.user` was authenticated; on API URLs it is only ever 'token' or null. */
    authVia: AuthVia;
  }
}

const API_URL = /^\/(api|open311)\//;
/** RFC 6750's `b64token`. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Whether a URL is served to integrations (Bearer tokens, JSON) rather than to browsers. */
export function isApiUrl(url: string): boolean {
  return API_URL.test(url);
}

/**
 * Installs the hook. Register it after the sessions (it replaces their answer on API URLs). Without
 * an authenticator (an app built without the accounts module) every Bearer token is refused.
 */
export function registerApiAuth(app: FastifyInstance, authenticate: BearerAuthenticator | undefined): void {
  app.decorateRequest('authVia', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiUrl(request.url)) {
      request.authVia = request.user ? 'session' : null;
      return;
    }
    request.user = null;
    request.authVia = null;
    const header = request.headers.authorization;
    if (header === undefined) return;
    const token = BEARER.exec(header)?.[1];
    const user = token && authenticate ? await authenticate(app.db, token) : null;
    if (!user) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new AppError('unauthorized', 'Invalid API token');
    }
    request.user = user;
    request.authVia = 'token';
  });
  // Every 401 from the API says how to authenticate (RFC 6750), whoever refused the request.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode === 401 && isApiUrl(request.url) && !reply.hasHeader('www-authenticate')) {
      reply.header('www-authenticate', 'Bearer');
    }
  });
}

/** The token's user on an API route, or 401 (`unauthorized`) when the request carries no token. */
export function requireApiUser(request: FastifyRequest): SessionUser {
  if (request.authVia !== 'token' || !request.user) throw new AppError('unauthorized', 'An API token is required');
  return request.user;
}
