/** Registering, confirming the email by the link that arrived over SMTP, and resetting a password. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createUserWithRoles } from './accounts.service.js';
import { deliverMail, linkIn, mailText, startSmtpServer, TestClient, type ReceivedMail } from './testing.js';
import { CURRENT_TERMS_VERSION } from './terms.js';

const STRONG = 'river lantern oat 42';

describeEachDatabase('accounts: registration and password reset', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ipCount = 0;
  const client = () => new TestClient(t.app, `10.1.0.${++ipCount}`);
  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));
  const userCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { config: { smtpUrl: smtp.url, baseUrl: 'http://ecoop.test' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const register = (c: TestClient, fields: Partial<Record<string, string>> = {}) =>
    c.submit('/en/register', '/en/register', {
      displayName: 'Léa Moreau',
      email: 'lea@example.org',
      password: STRONG,
      locale: 'en',
      terms: 'accepted',
      ...fields,
    } as Record<string, string>);

  describe('register', () => {
    it('creates an unverified citizen, emails a link that confirms the address and signs in', async () => {
      const c = client();
      const response = await register(c, { displayName: '  Léa Moreau  ', email: 'Lea@Example.org', locale: 'fr' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/en/register/check-email');
      expect((await c.get('/en/register/check-email')).statusCode).toBe(200);

      const user = await t.app.db.selectFrom('users').selectAll().where('email', '=', 'lea@example.org').executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        display_name: 'Léa Moreau',
        locale: 'fr',
        email_verified_at: null,
        terms_version: CURRENT_TERMS_VERSION,
      });
      expect(user.terms_accepted_at).toBeTruthy();
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const roles = await t.app.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
      expect(roles.map((r) => r.role)).toEqual(['citizen']);

      await deliverMail(t.app);
      const [mail] = mailsTo('lea@example.org');
      expect(mail).toBeDefined();
      // In the user's language.
      expect(mailText(mail!)).toContain('Bonjour Léa Moreau');
      const link = linkIn(mail!, '/fr/verify-email');
      expect(link.url.startsWith('http://ecoop.test/fr/verify-email?token=')).toBe(true);
      expect(Buffer.from(link.token, 'base64url').length).toBeGreaterThanOrEqual(16);
      // Only the hash is stored.
      const stored = await t.app.db.selectFrom('account_tokens').select('token_hash').where('user_id', '=', user.id).execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(link.token);

      // Opening the link changes nothing (mail scanners open links); the button does.
      const page = await c.get(`/fr/verify-email?token=${link.token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Confirmer mon adresse');
      expect(
        (await t.app.db.selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow())
          .email_verified_at,
      ).toBeNull();
      const confirmed = await c.submit(`/fr/verify-email?token=${link.token}`, '/fr/verify-email', { token: link.token });
      expect(confirmed.statusCode).toBe(303);
      expect(confirmed.headers.location).toBe('/fr/account?notice=verified');
      const account = await c.get('/fr/account?notice=verified');
      expect(account.statusCode).toBe(200);
      expect(account.body).toContain('Votre adresse e-mail est confirmée');
      expect(account.body).toContain('lea@example.org');
      const verified = await t.app.db.selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(verified.email_verified_at).toBeTruthy();

      // Single use.
      const again = await c.submit(`/fr/account`, '/fr/verify-email', { token: link.token });
      expect(again.statusCode).toBe(400);
      expect((await c.get(`/fr/verify-email?token=${link.token}`)).statusCode).toBe(400);
    });

    it('answers the same for an address that has an account, creates none, and warns the owner', async () => {
      const before = await userCount();
      const first = await register(client(), { email: 'lea@example.org', displayName: 'Someone Else' });
      expect(first.statusCode).toBe(303);
      expect(first.headers.location).toBe('/en/register/check-email');
      expect(await userCount()).toBe(before);
      await deliverMail(t.app);
      const mails = mailsTo('lea@example.org');
      expect(mails).toHaveLength(1);
      expect(mailText(mails[0]!)).toContain('essayé de créer un compte');
      expect(mailText(mails[0]!)).not.toContain('verify-email');
    });

    it('makes a double submission harmless', async () => {
      const c = client();
      const page = await c.get('/en/register');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      const fields = {
        _csrf: token,
        displayName: 'Double',
        email: 'double@example.org',
        password: STRONG,
        locale: 'en',
        terms: 'accepted',
      };
      const [a, b] = await Promise.all([c.post('/en/register', fields), c.post('/en/register', fields)]);
      expect([a.statusCode, b.statusCode]).toEqual([303, 303]);
      const rows = await t.app.db.selectFrom('users').select('id').where('email', '=', 'double@example.org').execute();
      expect(rows).toHaveLength(1);
    });

    it('refuses bad input with field errors, keeps the values but never the password, and writes nothing', async () => {
      const before = await userCount();
      const jobsBefore = (await t.app.db.selectFrom('jobs').select('id').execute()).length;
      const cases: [Record<string, string>, string, string][] = [
        [{ password: 'password1' }, 'register-password', 'among the most used'],
        [{ password: 'PassWord1' }, 'register-password', 'among the most used'],
        [{ password: 'short1' }, 'register-password', 'at least 8 characters'],
        [{ password: 'x'.repeat(129) }, 'register-password', '128 characters or fewer'],
        [{ password: 'my-lea.m-secret', email: 'lea.m@example.org' }, 'register-password', 'must not contain'],
        [{ password: 'xx moreau xx', displayName: 'Moreau' }, 'register-password', 'must not contain'],
        [{ displayName: '   ' }, 'register-displayName', 'Enter a display name'],
        [{ displayName: 'a'.repeat(61) }, 'register-displayName', '60 characters or fewer'],
        [{ email: 'not-an-email' }, 'register-email', 'right format'],
        [{ terms: '' }, 'register-terms', 'accept the terms'],
        [{ locale: 'de' }, 'register-locale', 'Choose a language'],
      ];
      for (const [fields, fieldId, message] of cases) {
        const response = await register(client(), { email: 'new@example.org', ...fields });
        expect(response.statusCode, JSON.stringify(fields)).toBe(422);
        expect(response.body).toContain(`href="#${fieldId}"`);
        expect(response.body).toContain(message);
        expect(response.body).toContain('<title>Error: ');
        expect(response.body).not.toContain(fields.password ?? STRONG);
      }
      const kept = await register(client(), { email: 'kept@example.org', password: 'short' });
      expect(kept.body).toContain('value="kept@example.org"');
      expect(kept.body).toContain('value="Léa Moreau"');
      expect(await userCount()).toBe(before);
      expect((await t.app.db.selectFrom('jobs').select('id').execute()).length).toBe(jobsBefore);
      // 128 characters is fine.
      expect((await register(client(), { email: 'long@example.org', password: 'y'.repeat(127) + 'z' })).statusCode).toBe(303);
    });

    it('rate-limits registration to 5 an hour per IP', async () => {
      const c = client();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await register(c, { email: `rl${i}@example.org`, password: 'short' })).statusCode);
      expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
      expect(statuses[5]).toBe(429);
    });

    it('lets an unverified user sign in, shows the banner, and resends the link', async () => {
      await register(client(), { email: 'unverified@example.org', displayName: 'Unverified' });
      await deliverMail(t.app);
      const c = client();
      const signedIn = await c.submit('/en/sign-in', '/en/sign-in', { email: 'unverified@example.org', password: STRONG });
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe('/en/account');
      const account = await c.get('/en/account');
      expect(account.body).toContain('Confirm your email address');
      smtp.received.length = 0;
      const resent = await c.submit('/en/account', '/en/account/resend-verification', {});
      expect(resent.statusCode).toBe(303);
      expect(resent.headers.location).toBe('/en/account?notice=verificationSent');
      await deliverMail(t.app);
      const link = linkIn(mailsTo('unverified@example.org')[0]!, '/en/verify-email');
      expect((await c.submit('/en/account', '/en/verify-email', { token: link.token })).statusCode).toBe(303);
      const after = await c.get('/en/account');
      expect(after.body).not.toContain('Send me a new link');
    });

    it('rate-limits new confirmation links to 3 an hour', async () => {
      await register(client(), { email: 'resend@example.org', displayName: 'Resend' });
      const c = client();
      await c.submit('/en/sign-in', '/en/sign-in', { email: 'resend@example.org', password: STRONG });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await c.submit('/en/account', '/en/account/resend-verification', {})).statusCode);
      expect(statuses).toEqual([303, 303, 303, 429]);
    });

    it('refuses an expired verification link', async () => {
      await register(client(), { email: 'late@example.org', displayName: 'Late' });
      await deliverMail(t.app);
      const link = linkIn(mailsTo('late@example.org')[0]!, '/en/verify-email');
      await t.app.db
        .updateTable('account_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      const c = client();
      expect((await c.get(`/en/verify-email?token=${link.token}`)).statusCode).toBe(400);
      expect((await c.submit('/en/sign-in', '/en/verify-email', { token: link.token })).statusCode).toBe(400);
      expect((await c.get('/en/verify-email')).statusCode).toBe(400);
    });
  });

  describe('forgot password', () => {
    let userId: number;
    beforeAll(async () => {
      userId = await createUserWithRoles(t.app.db, {
        email: 'reset@example.org',
        displayName: 'Reset Me',
        password: STRONG,
        locale: 'en',
        roles: [],
      });
    });

    it('answers the same for unknown addresses and sends nothing', async () => {
      const known = await client().submit('/en/forgot-password', '/en/forgot-password', { email: 'reset@example.org' });
      const unknown = await client().submit('/en/forgot-password', '/en/forgot-password', { email: 'nobody@example.org' });
      expect(known.statusCode).toBe(303);
      expect(unknown.statusCode).toBe(303);
      expect(unknown.headers.location).toBe(known.headers.location);
      await deliverMail(t.app);
      expect(mailsTo('nobody@example.org')).toHaveLength(0);
      expect(mailsTo('reset@example.org')).toHaveLength(1);
      const invalid = await client().submit('/en/forgot-password', '/en/forgot-password', { email: 'nope' });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.body).toContain('href="#forgot-email"');
    });

    it('sets the new password, ends every other session, signs in afresh, audits and tells the owner', async () => {
      const elsewhere = client();
      await elsewhere.submit('/en/sign-in', '/en/sign-in', { email: 'reset@example.org', password: STRONG });
      expect((await elsewhere.get('/en/account')).statusCode).toBe(200);

      const c = client();
      await c.submit('/en/forgot-password', '/en/forgot-password', { email: 'reset@example.org' });
      await deliverMail(t.app);
      const mails = mailsTo('reset@example.org');
      const link = linkIn(mails[mails.length - 1]!, '/en/reset-password');
      expect((await c.get(`/en/reset-password?token=${link.token}`)).statusCode).toBe(200);

      const weak = await c.submit(`/en/reset-password?token=${link.token}`, '/en/reset-password', {
        token: link.token,
        password: 'qwerty123',
      });
      expect(weak.statusCode).toBe(422);
      expect(weak.body).toContain('href="#reset-password"');

      smtp.received.length = 0;
      const done = await c.submit(`/en/reset-password?token=${link.token}`, '/en/reset-password', {
        token: link.token,
        password: 'a brand new passphrase',
      });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/en/account?notice=passwordChanged');
      expect((await c.get('/en/account')).statusCode).toBe(200);
      // The other session is over.
      const other = await elsewhere.get('/en/account');
      expect(other.statusCode).toBe(303);
      expect(other.headers.location).toMatch(/^\/en\/sign-in/);
      // Old password no longer works; the new one does.
      expect((await client().submit('/en/sign-in', '/en/sign-in', { email: 'reset@example.org', password: STRONG })).statusCode).toBe(422);
      expect(
        (await client().submit('/en/sign-in', '/en/sign-in', { email: 'reset@example.org', password: 'a brand new passphrase' }))
          .statusCode,
      ).toBe(303);
      const audit = await t.app.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'accounts.reset_password')
        .where('subject_id', '=', String(userId))
        .execute();
      expect(audit).toHaveLength(1);
      await deliverMail(t.app);
      expect(mailsTo('reset@example.org').some((m) => mailText(m).includes('has just been changed'))).toBe(true);

      // Single use.
      expect((await c.get(`/en/reset-password?token=${link.token}`)).statusCode).toBe(400);
      const reused = await c.post('/en/reset-password', { _csrf: 'x', token: link.token, password: 'yet another passphrase' });
      expect(reused.statusCode).toBe(403);
      const reusedWithCsrf = await c.submit('/en/account', '/en/reset-password', { token: link.token, password: 'yet another passphrase' });
      expect(reusedWithCsrf.statusCode).toBe(400);
    });

    it('rate-limits reset requests to 5 an hour per IP', async () => {
      const c = client();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await c.submit('/en/forgot-password', '/en/forgot-password', { email: `x${i}@example.org` })).statusCode);
      expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    });

    it('refuses an expired reset link', async () => {
      const c = client();
      await c.submit('/en/forgot-password', '/en/forgot-password', { email: 'reset@example.org' });
      await deliverMail(t.app);
      const mails = mailsTo('reset@example.org');
      const link = linkIn(mails[mails.length - 1]!, '/en/reset-password');
      await t.app.db
        .updateTable('account_tokens')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('purpose', '=', 'reset_password')
        .execute();
      expect((await c.get(`/en/reset-password?token=${link.token}`)).statusCode).toBe(400);
      expect((await c.submit('/en/sign-in', '/en/reset-password', { token: link.token, password: 'a fine passphrase' })).statusCode).toBe(
        400,
      );
    });
  });
});
