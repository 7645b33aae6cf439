/**
 * Page routes carry the locale as their first segment. `localizedGet` registers one handler under
 * every configured locale: `localizedGet(app, '/about', h)` serves `/en/about` and `/fr/about`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';

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
