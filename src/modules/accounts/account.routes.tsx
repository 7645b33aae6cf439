/** The signed-in person's own pages: the account page, email re-verification, new terms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import type { SessionUser } from '../../platform/session.js';
import { nextQuery, noticeQuery, profileBody, validateProfile } from './accounts.schemas.js';
import { endSession } from './auth.routes.js';
import { acceptCurrentTerms, saveProfile, signOutEverywhere } from './profile.service.js';
import { resendVerification } from './registration.service.js';
import { safeNext } from './safe-redirect.js';
import { ACCOUNT_NOTICES, AcceptTermsPage, AccountPage, type AccountNotice } from './views/account.page.js';

/** The signed-in user, or a 303 to the sign-in page that comes back here (then returns null). */
export function requireUser(request: FastifyRequest, reply: FastifyReply): SessionUser | null {
  if (request.user) return request.user;
  const next = request.method === 'GET' ? request.url : `/${request.locale}/account`;
  void reply.redirect(`/${request.locale}/sign-in?next=${encodeURIComponent(next)}`, 303);
  return null;
}

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  localizedGet(app, '/account', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const t = translator(request.locale);
    const { notice } = noticeQuery.parse(request.query ?? {});
    const known = ACCOUNT_NOTICES.find((n) => n === notice) as AccountNotice | undefined;
    return sendPage(
      request,
      reply,
      <AccountPage
        email={user.email}
        emailVerified={user.emailVerified}
        values={{ displayName: user.displayName, locale: user.locale }}
        errors={{}}
        notice={known}
        security={{ twoFactor: user.twoFactor ?? false, pendingRoles: user.pendingRoles ?? [] }}
        workspaces={app.modules.flatMap((m) => m.workspaces ?? []).filter((w) => w.visibleTo(user.roles))}
      />,
      { title: t('account.title'), cacheable: false },
    );
  });

  localizedPost(app, '/account', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const t = translator(request.locale);
    const values = profileBody.parse(request.body ?? {});
    const errors = validateProfile(values, app.config.locales);
    if (Object.keys(errors).length > 0) {
      return sendPage(
        request,
        reply,
        <AccountPage
          email={user.email}
          emailVerified={user.emailVerified}
          values={values}
          errors={errors}
          security={{ twoFactor: user.twoFactor ?? false, pendingRoles: user.pendingRoles ?? [] }}
        />,
        {
          title: t('auth.errorTitle', { title: t('account.title') }),
          status: 422,
          cacheable: false,
        },
      );
    }
    await saveProfile(app.db, user.id, values);
    // The account page comes back in the language just chosen.
    return reply.redirect(`/${values.locale}/account?notice=saved`, 303);
  });

  localizedPost(
    app,
    '/account/resend-verification',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      await resendVerification(app.db, user.id, app.config.baseUrl);
      return reply.redirect(`/${request.locale}/account?notice=verificationSent`, 303);
    },
    { config: { rateLimit: { max: 3, timeWindow: 60 * 60 * 1000 } } },
  );

  localizedPost(app, '/account/sign-out-everywhere', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    await signOutEverywhere(app.db, user.id);
    await endSession(request, reply);
    return reply.redirect(`/${request.locale}/sign-in?notice=signedOutEverywhere`, 303);
  });

  localizedGet(app, '/terms/accept', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const { next } = nextQuery.parse(request.query ?? {});
    return sendPage(request, reply, <AcceptTermsPage next={safeNext(next, `/${request.locale}/`)} />, {
      title: translator(request.locale)('account.terms.title'),
      cacheable: false,
    });
  });

  localizedPost(app, '/terms/accept', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const { next } = nextQuery.parse(request.body ?? {});
    await acceptCurrentTerms(app.db, user.id);
    return reply.redirect(safeNext(next, `/${request.locale}/`), 303);
  });
}
