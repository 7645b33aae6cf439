/**
 * "Download my data" and "Delete my account". Both act on the signed-in user only: no route takes
 * a user id, and any extra field in a body or query string is ignored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import type { SessionUser } from '../../platform/session.js';
import { endSession } from './auth.routes.js';
import { deleteAccountBody } from './personal-data.schemas.js';
import { deleteOwnAccount, exportOwnData } from './personal-data.service.js';
import { AccountDeletedPage, DeleteAccountPage } from './views/personal-data.page.js';

const HOUR = 60 * 60 * 1000;

/** Counted per signed-in user (whatever their address), else per IP. */
const perUser = (request: FastifyRequest) => (request.user ? `user:${request.user.id}` : request.ip);

/** The signed-in user, or a 303 to the sign-in page that comes back to `back` (then returns null). */
function requireUser(request: FastifyRequest, reply: FastifyReply, back: string): SessionUser | null {
  if (request.user) return request.user;
  void reply.redirect(`/${request.locale}/sign-in?next=${encodeURIComponent(`/${request.locale}${back}`)}`, 303);
  return null;
}

export async function personalDataRoutes(app: FastifyInstance): Promise<void> {
  localizedPost(
    app,
    '/account/personal-data',
    async (request, reply) => {
      const user = requireUser(request, reply, '/account');
      if (!user) return reply;
      const archive = await exportOwnData(app.db, app.modules, { ...auditContext(request), actorId: user.id });
      const day = archive.generatedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="ecoop-my-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(archive, null, 2));
    },
    { config: { rateLimit: { max: 5, timeWindow: HOUR, keyGenerator: perUser } } },
  );

  localizedGet(app, '/account/delete', async (request, reply) => {
    const user = requireUser(request, reply, '/account/delete');
    if (!user) return reply;
    return sendPage(request, reply, <DeleteAccountPage errors={{}} confirmed={false} />, {
      title: translator(request.locale)('personalData.delete.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/account/delete',
    async (request, reply) => {
      const user = requireUser(request, reply, '/account/delete');
      if (!user) return reply;
      const t = translator(request.locale);
      const { password, confirm } = deleteAccountBody.parse(request.body ?? {});
      const result = await deleteOwnAccount(
        app.db,
        app.modules,
        { password, confirmed: confirm },
        { ...auditContext(request), actorId: user.id },
        app.config.baseUrl,
      );
      if (!result.deleted) {
        return sendPage(request, reply, <DeleteAccountPage errors={result.errors} confirmed={confirm} />, {
          title: t('auth.errorTitle', { title: t('personalData.delete.title') }),
          status: 422,
          cacheable: false,
        });
      }
      // The sessions are gone with the account; this removes the browser's cookie too.
      await endSession(request, reply);
      return reply.redirect(`/${request.locale}/account/deleted`, 303);
    },
    // The password is asked again: as many guesses as at sign-in, no more.
    { config: { rateLimit: { max: 10, timeWindow: HOUR, keyGenerator: perUser } } },
  );

  localizedGet(app, '/account/deleted', async (request, reply) =>
    sendPage(request, reply, <AccountDeletedPage />, { title: translator(request.locale)('personalData.deleted.title') }),
  );
}
