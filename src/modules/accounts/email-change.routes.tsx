/**
 * Changing the email address: the form (password asked again, rate-limited), "check your new
 * mailbox", and the link's confirmation page (`/account/email?token=…` shows a button, the POST to
 * `/account/email/confirm` uses the link up). The link only works for its own account, signed in.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { requireUser } from './account.routes.js';
import { confirmEmailChange, pendingEmailChange, requestEmailChange } from './email-change.service.js';
import { ChangeEmailPage, ConfirmEmailChangePage, EmailChangeOutcomePage, EmailChangeSentPage } from './views/email-change.page.js';

/** A form field read leniently: the first value, a string, at most 1,000 characters. */
const field = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(1000).catch(''));
const changeEmailBody = z.object({ email: field, password: field });
const tokenInput = z.object({ token: field });

const HOUR = 60 * 60 * 1000;

export async function emailChangeRoutes(app: FastifyInstance): Promise<void> {
  const baseUrl = app.config.baseUrl;

  // The form, or (with the emailed link's `?token=`) the confirmation page: GET shows a button, changes nothing.
  localizedGet(app, '/account/email', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    const t = translator(request.locale);
    const { token } = tokenInput.parse(request.query ?? {});
    if (!token) {
      return sendPage(request, reply, <ChangeEmailPage current={user.email} email="" errors={{}} />, {
        title: t('emailChange.title'),
        cacheable: false,
      });
    }
    const email = await pendingEmailChange(app.db, token, user.id);
    if (email === null) {
      return sendPage(request, reply, <EmailChangeOutcomePage outcome="invalid" />, {
        title: t('emailChange.invalid.title'),
        status: 400,
        cacheable: false,
      });
    }
    return sendPage(request, reply, <ConfirmEmailChangePage token={token} email={email} />, {
      title: t('emailChange.confirm.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/account/email',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const t = translator(request.locale);
      const { email, password } = changeEmailBody.parse(request.body ?? {});
      const errors = await requestEmailChange(app.db, {
        userId: user.id,
        newEmail: email,
        password,
        context: auditContext(request),
        baseUrl,
      });
      if (errors.email || errors.password) {
        return sendPage(request, reply, <ChangeEmailPage current={user.email} email={email} errors={errors} />, {
          title: t('auth.errorTitle', { title: t('emailChange.title') }),
          status: 422,
          cacheable: false,
        });
      }
      // The same answer whether or not the address already has an account.
      return sendPage(request, reply, <EmailChangeSentPage />, { title: t('emailChange.sent.title'), cacheable: false });
    },
    { config: { rateLimit: { max: 5, timeWindow: HOUR } } },
  );

  localizedPost(
    app,
    '/account/email/confirm',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const t = translator(request.locale);
      const { token } = tokenInput.parse(request.body ?? {});
      const result = await confirmEmailChange(app.db, {
        token,
        userId: user.id,
        keepSessionId: user.sessionId,
        context: auditContext(request),
        baseUrl,
      });
      const status = result.status === 'changed' ? 200 : result.status === 'taken' ? 409 : 400;
      const email = result.status === 'invalid' ? undefined : result.email;
      return sendPage(request, reply, <EmailChangeOutcomePage outcome={result.status} {...(email ? { email } : {})} />, {
        title: t(`emailChange.${result.status}.title`),
        status,
        cacheable: false,
      });
    },
    { config: { rateLimit: { max: 10, timeWindow: HOUR } } },
  );
}
