/**
 * Personal API tokens: the account page that lists, creates and revokes them, and `GET /api/v1/me`,
 * the smallest endpoint that proves a token works. Thin: validate → call the service → render or
 * redirect. Only the signed-in person's own tokens are ever listed or revoked.
 *
 * The token created by a POST is rendered straight into that POST's response (never cached, never
 * redirected to, never in a URL), so it exists nowhere after the person leaves the page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireApiUser } from '../../platform/api-auth.js';
import { auditContext } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import type { OpenApiFragment } from '../../platform/openapi.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import type { SessionUser } from '../../platform/session.js';
import { createTokenBody, tokenParams, tokensQuery, type TokenNameError } from './api-tokens.schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { TokensPage, type TokensPageProps } from './views/tokens.page.js';

/** The signed-in user, or null after sending them to sign in (and back here afterwards). */
function signedInOrRedirect(request: FastifyRequest, reply: FastifyReply): SessionUser | null {
  if (request.user) return request.user;
  const next = `/${request.locale}/account/tokens`;
  void reply.redirect(`/${request.locale}/sign-in?next=${encodeURIComponent(next)}`, request.method === 'GET' ? 302 : 303);
  return null;
}

/** The request id and truncated address the audit log keeps. */
function trace(request: FastifyRequest): { requestId: string; ip: string | null } {
  const { requestId, ip } = auditContext(request);
  return { requestId, ip };
}

/** Mounts `/{locale}/account/tokens` (+ create and revoke) and `GET /api/v1/me`. */
export async function apiTokenRoutes(app: FastifyInstance): Promise<void> {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: SessionUser,
    props: Omit<TokensPageProps, 'tokens'>,
    status = 200,
  ) => {
    const tokens = await listApiTokens(app.db, user.id);
    const t = translator(request.locale);
    // Personal, and after a creation it holds a secret: never served from the page cache.
    reply.pageCacheable = false;
    return sendPage(request, reply, <TokensPage tokens={tokens} {...props} />, {
      title: props.form.error ? t('tokens.errorTitle', { title: t('tokens.title') }) : t('tokens.title'),
      status,
      cacheable: false,
    });
  };

  localizedGet(app, '/account/tokens', async (request, reply) => {
    const user = signedInOrRedirect(request, reply);
    if (!user) return reply;
    const { revoked } = tokensQuery.parse(request.query ?? {});
    return render(request, reply, user, { form: { name: '', submitted: false }, revoked: revoked !== undefined });
  });

  localizedPost(
    app,
    '/account/tokens',
    async (request, reply) => {
      const user = signedInOrRedirect(request, reply);
      if (!user) return reply;
      const { name } = createTokenBody.parse(request.body ?? {});
      try {
        const created = await createApiToken(app.db, { userId: user.id, name, via: 'web', request: trace(request) });
        return render(request, reply, user, { form: { name: '', submitted: false }, created: { name, token: created.token } });
      } catch (err) {
        const field = err instanceof AppError && err.code === 'validation_failed' ? err.fields.find((f) => f.field === 'name') : undefined;
        if (!field) throw err;
        return render(request, reply, user, { form: { name, error: field.message as TokenNameError, submitted: true } }, 422);
      }
    },
    { config: { rateLimit: { max: 30, timeWindow: 60 * 60 * 1000 } } },
  );

  localizedPost(app, '/account/tokens/:id/revoke', async (request, reply) => {
    const user = signedInOrRedirect(request, reply);
    if (!user) return reply;
    const params = tokenParams.safeParse(request.params);
    if (!params.success) throw notFound('No such token');
    await revokeApiToken(app.db, { userId: user.id, tokenId: params.data.id, request: trace(request) });
    return reply.redirect(`/${request.locale}/account/tokens?revoked=1`, 303);
  });

  app.get('/api/v1/me', async (request) => {
    const user = requireApiUser(request);
    return { id: user.id, displayName: user.displayName, roles: user.roles };
  });
}

/** The OpenAPI description of `/api/v1/me`. */
export const apiTokensOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/me': {
      get: {
        operationId: 'me',
        tags: ['accounts'],
        summary: 'The user the API token acts for',
        security: [{ bearer: [] }],
        responses: {
          '200': { description: 'The token’s user', content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } } },
          '401': {
            description: 'No token, or a malformed, unknown or revoked one, or its user is blocked',
            headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
  },
  schemas: {
    Me: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        displayName: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
      },
      required: ['id', 'displayName', 'roles'],
    },
  },
};
