/**
 * Joining and signing in: register, verify the email, sign in and out, forgotten password. Routes
 * stay thin: read the form leniently, validate, call one service function, render or redirect (303).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale } from '../../config.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { createSession, destroySession, sessionCookieName, sessionToken, setSessionCookie } from '../../platform/session.js';
import {
  forgotPasswordBody,
  nextQuery,
  noticeQuery,
  registerBody,
  resetPasswordBody,
  signInBody,
  tokenBody,
  tokenQuery,
  validateForgotPassword,
  validateNewPassword,
  validateRegister,
} from './accounts.schemas.js';
import { requestPasswordReset, resetLinkAccount, resetPassword } from './password-reset.service.js';
import { registerAccount, verifyEmail } from './registration.service.js';
import { safeNext } from './safe-redirect.js';
import { checkCredentials } from './sign-in.service.js';
import { clearFailures, failureCounts, failureDelayMs, isLocked, recordFailure, throttleKeys } from './sign-in-throttle.js';
import { peekLink } from './one-time-links.js';
import { createChallenge, setChallengeCookie } from './two-factor-challenge.js';
import { hasTwoFactor } from './two-factor.service.js';
import { CheckEmailPage, RegisterPage } from './views/register.page.js';
import { SignInPage } from './views/sign-in.page.js';
import { ConfirmEmailPage, ForgotPasswordPage, InvalidLinkPage, ResetPasswordPage } from './views/links.page.js';

const HOUR = 60 * 60 * 1000;

/** Signs a user in on this reply with a new session, ending the one the browser had (rotation). */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
  const db = request.server.db;
  const old = sessionToken(request);
  if (old) await destroySession(db, old);
  setSessionCookie(reply, await createSession(db, userId));
}

/**
 * Signs a user in after an emailed link (email verification, password reset) and goes to `next`;
 * with two-factor authentication on, through the second factor first: the link proves access to
 * the mailbox, not to the authenticator.
 */
async function continueSignIn(request: FastifyRequest, reply: FastifyReply, userId: number, next: string): Promise<FastifyReply> {
  const db = request.server.db;
  if (await hasTwoFactor(db, userId)) {
    setChallengeCookie(reply, await createChallenge(db, userId, next));
    return reply.redirect(`/${request.locale}/sign-in/two-factor`, 303);
  }
  await startSession(request, reply, userId);
  return reply.redirect(next, 303);
}

/** Ends the browser's session and removes its cookie. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = sessionToken(request);
  if (token) await destroySession(request.server.db, token);
  const secure = request.server.config.secureCookies;
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

const errorTitle = (request: FastifyRequest, title: string) => translator(request.locale)('auth.errorTitle', { title });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const baseUrl = app.config.baseUrl;
  // Tests would wait minutes for the real back-off; its growth is unit-tested instead.
  const delayBaseMs = app.config.env === 'test' ? 0 : 500;

  localizedGet(app, '/register', async (request, reply) => {
    const t = translator(request.locale);
    const values = { displayName: '', email: '', locale: request.locale, terms: '' };
    return sendPage(request, reply, <RegisterPage values={values} errors={{}} />, { title: t('auth.register.title'), cacheable: false });
  });

  localizedPost(
    app,
    '/register',
    async (request, reply) => {
      const t = translator(request.locale);
      const { password, ...values } = registerBody.parse(request.body ?? {});
      const errors = validateRegister({ ...values, password }, app.config.locales);
      if (Object.keys(errors).length > 0 || !isLocale(values.locale)) {
        return sendPage(request, reply, <RegisterPage values={values} errors={errors} />, {
          title: errorTitle(request, t('auth.register.title')),
          status: 422,
          cacheable: false,
        });
      }
      await registerAccount(app.db, { displayName: values.displayName, email: values.email, password, locale: values.locale }, baseUrl);
      return reply.redirect(`/${request.locale}/register/check-email`, 303);
    },
    { config: { rateLimit: { max: 5, timeWindow: HOUR } } },
  );

  localizedGet(app, '/register/check-email', async (request, reply) =>
    sendPage(request, reply, <CheckEmailPage />, { title: translator(request.locale)('auth.checkEmail.title') }),
  );

  localizedGet(app, '/verify-email', async (request, reply) => {
    const t = translator(request.locale);
    const { token } = tokenQuery.parse(request.query ?? {});
    if ((await peekLink(app.db, token, 'verify_email')) === null) {
      return sendPage(request, reply, <InvalidLinkPage kind="verify" />, {
        title: t('auth.invalidLink.title'),
        status: 400,
        cacheable: false,
      });
    }
    return sendPage(request, reply, <ConfirmEmailPage token={token} />, { title: t('auth.verify.title'), cacheable: false });
  });

  localizedPost(app, '/verify-email', async (request, reply) => {
    const { token } = tokenBody.parse(request.body ?? {});
    const userId = await verifyEmail(app.db, token);
    if (userId === null) {
      const t = translator(request.locale);
      return sendPage(request, reply, <InvalidLinkPage kind="verify" />, {
        title: t('auth.invalidLink.title'),
        status: 400,
        cacheable: false,
      });
    }
    return continueSignIn(request, reply, userId, `/${request.locale}/account?notice=verified`);
  });

  localizedGet(app, '/sign-in', async (request, reply) => {
    const t = translator(request.locale);
    const { next } = nextQuery.parse(request.query ?? {});
    const { notice } = noticeQuery.parse(request.query ?? {});
    return sendPage(
      request,
      reply,
      <SignInPage email="" next={safeNext(next, '')} notice={notice === 'signedOutEverywhere' ? notice : undefined} />,
      { title: t('auth.signIn.title'), cacheable: false },
    );
  });

  localizedPost(app, '/sign-in', async (request, reply) => {
    const t = translator(request.locale);
    const { email, password, next } = signInBody.parse(request.body ?? {});
    const keys = throttleKeys(email, request.ip);
    const counts = await failureCounts(app.db, keys);
    const fail = (error: 'invalid' | 'locked') =>
      sendPage(request, reply, <SignInPage email={email} next={safeNext(next, '')} error={error} />, {
        title: errorTitle(request, t('auth.signIn.title')),
        status: error === 'locked' ? 429 : 422,
        cacheable: false,
      });
    if (isLocked(counts)) return fail('locked');
    const delay = failureDelayMs(counts.email, delayBaseMs);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const account = await checkCredentials(app.db, email, password);
    if (account === null) {
      await recordFailure(app.db, keys);
      return fail('invalid');
    }
    // Without a destination, an unverified user lands on the account page, which asks them to verify.
    const fallback = account.verified ? `/${request.locale}/` : `/${request.locale}/account`;
    if (await hasTwoFactor(app.db, account.userId)) {
      // No session yet: a pending sign-in waits for the second factor (failures are cleared only after it).
      setChallengeCookie(reply, await createChallenge(app.db, account.userId, safeNext(next, fallback)));
      return reply.redirect(`/${request.locale}/sign-in/two-factor`, 303);
    }
    await clearFailures(app.db, keys.email);
    await startSession(request, reply, account.userId);
    return reply.redirect(safeNext(next, fallback), 303);
  });

  localizedPost(app, '/sign-out', async (request, reply) => {
    await endSession(request, reply);
    return reply.redirect(`/${request.locale}/`, 303);
  });

  localizedGet(app, '/forgot-password', async (request, reply) => {
    const t = translator(request.locale);
    const { notice } = noticeQuery.parse(request.query ?? {});
    const sent = notice === 'sent';
    return sendPage(request, reply, <ForgotPasswordPage email="" sent={sent} />, {
      title: sent ? t('auth.forgot.sentTitle') : t('auth.forgot.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/forgot-password',
    async (request, reply) => {
      const t = translator(request.locale);
      const { email } = forgotPasswordBody.parse(request.body ?? {});
      const errors = validateForgotPassword({ email });
      if (errors.email) {
        return sendPage(request, reply, <ForgotPasswordPage email={email} error={errors.email} sent={false} />, {
          title: errorTitle(request, t('auth.forgot.title')),
          status: 422,
          cacheable: false,
        });
      }
      await requestPasswordReset(app.db, email, baseUrl);
      return reply.redirect(`/${request.locale}/forgot-password?notice=sent`, 303);
    },
    { config: { rateLimit: { max: 5, timeWindow: HOUR } } },
  );

  localizedGet(app, '/reset-password', async (request, reply) => {
    const t = translator(request.locale);
    const { token } = tokenQuery.parse(request.query ?? {});
    if (!(await resetLinkAccount(app.db, token))) {
      return sendPage(request, reply, <InvalidLinkPage kind="reset" />, {
        title: t('auth.invalidLink.title'),
        status: 400,
        cacheable: false,
      });
    }
    return sendPage(request, reply, <ResetPasswordPage token={token} />, { title: t('auth.reset.title'), cacheable: false });
  });

  localizedPost(
    app,
    '/reset-password',
    async (request, reply) => {
      const t = translator(request.locale);
      const { token, password } = resetPasswordBody.parse(request.body ?? {});
      const invalid = () =>
        sendPage(request, reply, <InvalidLinkPage kind="reset" />, { title: t('auth.invalidLink.title'), status: 400, cacheable: false });
      const account = await resetLinkAccount(app.db, token);
      if (!account) return invalid();
      const errors = validateNewPassword(password, account);
      if (errors.password) {
        return sendPage(request, reply, <ResetPasswordPage token={token} error={errors.password as MessageKey} />, {
          title: errorTitle(request, t('auth.reset.title')),
          status: 422,
          cacheable: false,
        });
      }
      const userId = await resetPassword(app.db, token, password, baseUrl);
      if (userId === null) return invalid();
      return continueSignIn(request, reply, userId, `/${request.locale}/account?notice=passwordChanged`);
    },
    { config: { rateLimit: { max: 10, timeWindow: HOUR } } },
  );
}
