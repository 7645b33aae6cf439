/**
 * Two-factor authentication pages: the second step of signing in, managing 2FA from the account
 * (each change asks for the password again), and changing the password.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { requireUser } from './account.routes.js';
import { findById } from './accounts.repository.js';
import { startSession } from './auth.routes.js';
import { changePassword } from './password-change.service.js';
import { clearFailures, failureCounts, isLocked, recordFailure, throttleKeys } from './sign-in-throttle.js';
import { otpauthUri } from './totp.js';
import { challengeToken, clearChallengeCookie, endChallenge, findChallenge, recordChallengeFailure } from './two-factor-challenge.js';
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  passwordMatches,
  pendingSetupSecret,
  regenerateRecoveryCodes,
  twoFactorStatus,
  verifySecondFactor,
} from './two-factor.service.js';
import { ChangePasswordPage } from './views/two-factor-password.page.js';
import { TwoFactorSignInPage } from './views/two-factor-sign-in.page.js';
import { RecoveryCodesPage, TwoFactorPage, TwoFactorSetupPage, type TwoFactorFormError } from './views/two-factor.page.js';

/** A form field read leniently: the first value, a string, at most 1,000 characters. */
const field = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(1000).catch(''));
const passwordBody = z.object({ password: field });
const codeBody = z.object({ code: field });
const changePasswordBody = z.object({ current: field, password: field });
const noticeQuery = z.object({ notice: field.optional() });

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Password re-entry and set-up codes: enough for typos, too few for guessing. */
const reauthLimit = { config: { rateLimit: { max: 10, timeWindow: FIFTEEN_MINUTES } } };

async function qrDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export async function twoFactorRoutes(app: FastifyInstance): Promise<void> {
  const baseUrl = app.config.baseUrl;

  const renderSetup = async (request: FastifyRequest, reply: FastifyReply, secret: string, email: string, error: boolean) => {
    const t = translator(request.locale);
    const uri = otpauthUri(secret, email, t('meta.siteName'));
    return sendPage(request, reply, <TwoFactorSetupPage qrDataUri={await qrDataUri(uri)} secret={secret} error={error} />, {
      title: error ? t('auth.errorTitle', { title: t('twoFactor.setup.title') }) : t('twoFactor.setup.title'),
      status: error ? 422 : 200,
      cacheable: false,
    });
  };

  const renderManage = async (request: FastifyRequest, reply: FastifyReply, userId: number, error?: TwoFactorFormError) => {
    const t = translator(request.locale);
    const status = await twoFactorStatus(app.db, userId);
    const { notice } = noticeQuery.parse(request.query ?? {});
    return sendPage(
      request,
      reply,
      <TwoFactorPage {...status} error={error} notice={!error && notice === 'disabled' ? 'disabled' : undefined} />,
      {
        title: error ? t('auth.errorTitle', { title: t('twoFactor.title') }) : t('twoFactor.title'),
        status: error ? 422 : 200,
        cacheable: false,
      },
    );
  };

  // ── The second step of signing in ──────────────────────────────────────────────────────────

  localizedGet(app, '/sign-in/two-factor', async (request, reply) => {
    // Without a pending sign-in (it expired, or never began) the page says so and links to the sign-in.
    const pending = await findChallenge(app.db, challengeToken(request));
    return sendPage(request, reply, <TwoFactorSignInPage error={pending ? undefined : 'expired'} />, {
      title: translator(request.locale)('twoFactor.signIn.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/sign-in/two-factor',
    async (request, reply) => {
      const t = translator(request.locale);
      const token = challengeToken(request);
      const challenge = await findChallenge(app.db, token);
      const user = challenge ? await findById(app.db, challenge.userId) : undefined;
      const fail = (error: 'invalid' | 'tooMany' | 'locked', status: number) =>
        sendPage(request, reply, <TwoFactorSignInPage error={error} />, {
          title: t('auth.errorTitle', { title: t('twoFactor.signIn.title') }),
          status,
          cacheable: false,
        });
      if (!token || !challenge || !user || user.blocked_at || user.deleted_at) {
        clearChallengeCookie(reply);
        return fail('tooMany', 401);
      }
      // The same per-account and per-IP counters as the password step.
      const keys = throttleKeys(user.email, request.ip);
      if (isLocked(await failureCounts(app.db, keys))) return fail('locked', 429);
      const { code } = codeBody.parse(request.body ?? {});
      if ((await verifySecondFactor(app.db, user.id, code)) === null) {
        await recordFailure(app.db, keys);
        if (await recordChallengeFailure(app.db, token)) return fail('invalid', 422);
        clearChallengeCookie(reply);
        return fail('tooMany', 429);
      }
      await endChallenge(app.db, token);
      clearChallengeCookie(reply);
      await clearFailures(app.db, keys.email);
      await startSession(request, reply, user.id);
      return reply.redirect(challenge.next, 303);
    },
    { config: { rateLimit: { max: 30, timeWindow: FIFTEEN_MINUTES } } },
  );

  // ── Managing 2FA from the account ───────────────────────────────────────────────────────────

  localizedGet(app, '/account/two-factor', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return renderManage(request, reply, user.id);
  });

  localizedPost(
    app,
    '/account/two-factor/setup',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const { password } = passwordBody.parse(request.body ?? {});
      if (!(await passwordMatches(app.db, user.id, password))) {
        return renderManage(request, reply, user.id, { form: 'setup', message: 'twoFactor.errors.passwordWrong' });
      }
      const secret = await beginTwoFactorSetup(app.db, user.id);
      if (!secret) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      return renderSetup(request, reply, secret, user.email, false);
    },
    reauthLimit,
  );

  localizedPost(
    app,
    '/account/two-factor/confirm',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const { code } = codeBody.parse(request.body ?? {});
      const codes = await confirmTwoFactorSetup(app.db, { userId: user.id, code, context: auditContext(request), baseUrl });
      if (codes) {
        return sendPage(request, reply, <RecoveryCodesPage codes={codes} justEnabled />, {
          title: translator(request.locale)('twoFactor.recovery.title'),
          cacheable: false,
        });
      }
      const secret = await pendingSetupSecret(app.db, user.id);
      if (!secret) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      return renderSetup(request, reply, secret, user.email, true);
    },
    reauthLimit,
  );

  localizedPost(
    app,
    '/account/two-factor/recovery-codes',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const { password } = passwordBody.parse(request.body ?? {});
      if (!(await passwordMatches(app.db, user.id, password))) {
        return renderManage(request, reply, user.id, { form: 'regenerate', message: 'twoFactor.errors.passwordWrong' });
      }
      const codes = await regenerateRecoveryCodes(app.db, { userId: user.id, context: auditContext(request), baseUrl });
      if (!codes) return reply.redirect(`/${request.locale}/account/two-factor`, 303);
      return sendPage(request, reply, <RecoveryCodesPage codes={codes} justEnabled={false} />, {
        title: translator(request.locale)('twoFactor.recovery.title'),
        cacheable: false,
      });
    },
    reauthLimit,
  );

  localizedPost(
    app,
    '/account/two-factor/disable',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const { password } = passwordBody.parse(request.body ?? {});
      if (!(await passwordMatches(app.db, user.id, password))) {
        return renderManage(request, reply, user.id, { form: 'disable', message: 'twoFactor.errors.passwordWrong' });
      }
      await disableTwoFactor(app.db, { userId: user.id, context: auditContext(request), baseUrl });
      return reply.redirect(`/${request.locale}/account/two-factor?notice=disabled`, 303);
    },
    reauthLimit,
  );

  // ── Changing the password ───────────────────────────────────────────────────────────────────

  localizedGet(app, '/account/password', async (request, reply) => {
    const user = requireUser(request, reply);
    if (!user) return reply;
    return sendPage(request, reply, <ChangePasswordPage errors={{}} />, {
      title: translator(request.locale)('twoFactor.password.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/account/password',
    async (request, reply) => {
      const user = requireUser(request, reply);
      if (!user) return reply;
      const t = translator(request.locale);
      const { current, password } = changePasswordBody.parse(request.body ?? {});
      const errors = await changePassword(app.db, {
        userId: user.id,
        current,
        password,
        keepSessionId: user.sessionId,
        context: auditContext(request),
        baseUrl,
      });
      if (errors.current || errors.password) {
        return sendPage(request, reply, <ChangePasswordPage errors={errors} />, {
          title: t('auth.errorTitle', { title: t('twoFactor.password.title') }),
          status: 422,
          cacheable: false,
        });
      }
      return reply.redirect(`/${request.locale}/account?notice=passwordChanged`, 303);
    },
    reauthLimit,
  );
}
