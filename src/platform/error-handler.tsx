/**
 * One place turns every error into a response: JSON for the API, Open311 and health routes (or when
 * the client asks for JSON), an HTML page in the request's locale otherwise. Users never see stack
 * traces or SQL; server errors are logged with the request id, which the page shows for support.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from './errors.js';
import { translator, type MessageKey } from './i18n.js';
import { sendPage } from './render.js';
import { ErrorPage } from '../ui/error-page.js';

const PAGE_CODES = new Set<ErrorCode>([
  'not_found',
  'internal',
  'forbidden',
  'unauthorized',
  'csrf_invalid',
  'rate_limited',
  'validation_failed',
  'bad_request',
]);

/** Maps anything thrown to an AppError. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { statusCode?: number };
  if (e?.code === 'FST_CSRF_INVALID_TOKEN' || e?.code === 'FST_CSRF_MISSING_SECRET')
    return new AppError('csrf_invalid', 'Invalid or missing CSRF token');
  if (e?.validation) return new AppError('bad_request', e.message);
  switch (e?.statusCode) {
    case 400:
      return new AppError('bad_request', e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Bad request' : (e.message ?? 'Bad request'));
    case 404:
      return new AppError('not_found');
    case 405:
      return new AppError('method_not_allowed');
    case 413:
      return new AppError('payload_too_large');
    case 415:
      return new AppError('unsupported_media_type');
    case 429:
      return new AppError('rate_limited');
    default:
      return new AppError('internal', 'Internal error', [], { cause: err });
  }
}

/** Whether the response to this request should be JSON. */
export function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  if (url.startsWith('/api/') || url.startsWith('/open311/') || url === '/healthz' || url === '/readyz') return true;
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  // Only "not found" pages may be cached (they are the same for everyone); other errors never.
  reply.pageCacheable = error.code === 'not_found';
  if (error.code === 'rate_limited' && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
  if (wantsJson(request)) {
    const t = translator(request.locale ?? 'en');
    const message = PAGE_CODES.has(error.code)
      ? t(`errors.${error.code}.title` as MessageKey)
      : error.code === 'internal'
        ? 'Internal error'
        : error.message;
    return reply
      .code(error.status)
      .type('application/json; charset=utf-8')
      .send({ code: error.code, message, ...(error.fields.length ? { fields: error.fields } : {}), requestId: String(request.id) });
  }
  const code = PAGE_CODES.has(error.code) ? error.code : 'generic';
  const t = translator(request.locale ?? 'en');
  return sendPage(request, reply, <ErrorPage code={code} />, {
    title: t(`errors.${code}.title` as MessageKey),
    status: error.status,
    cacheable: error.code === 'not_found',
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: error.code }, 'request refused');
    return sendError(request, reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('not_found')));
}
