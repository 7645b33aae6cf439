/**
 * Page routes carry the locale as their first segment. `localizedGet` registers one handler under
 * every configured locale: `localizedGet(app, '/about', h)` serves `/en/about` and `/fr/about`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AppError } from './errors.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;

export function localizedGet(app: FastifyInstance, path: string, handler: Handler, options: RouteShorthandOptions = {}): void {
  for (const locale of app.config.locales) {
    app.get(path === '/' ? `/${locale}/` : `/${locale}${path}`, options, handler);
  }
}

export function localizedPost(app: FastifyInstance, path: string, handler: Handler, options: RouteShorthandOptions = {}): void {
  for (const locale of app.config.locales) {
    app.post(`/${locale}${path}`, options, handler);
  }
}

/**
 * Sends a signed-out visitor to the sign-in page, which brings them back to this URL afterwards
 * (the sign-in page accepts only a path on this site as `next`).
 */
export function redirectToSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/${request.locale}/sign-in?next=${encodeURIComponent(request.url)}`, 303);
}

/**
 * Parses route input (path parameters, query strings, buttons) or throws `bad_request`: input no one
 * could have produced by using the pages. Forms a person fills in are validated with their own
 * error summary instead.
 */
export function parseOrReject<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'Invalid parameters');
  return parsed.data;
}
