/**
 * Two-factor authentication through the pages, on every database: set-up (password again, a valid
 * code), the second sign-in step (codes work once, recovery codes, attempts, expiry), roles that
 * need 2FA, API tokens under the same rule, turning it off, changing the password, and CSRF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles } from './accounts.service.js';
import { createApiToken } from './api-tokens.service.js';
import { DEMO_TOTP_SECRET } from './demo-data.js';
import { issueLink } from './one-time-links.js';
import { TestClient } from './testing.js';
import { base32Decode, timeStep, totpAt } from './totp.js';
import { CHALLENGE_MAX_ATTEMPTS } from './two-factor-challenge.js';
import type { Role } from './roles.js';

const PASSWORD = 'correct horse battery';
const codeFor = (secret: string, offset = 0) => totpAt(base32Decode(secret), timeStep() + offset);

describeEachDatabase('accounts: two-factor authentication', (dialect) => {
  let t: TestApp;
  let ipCount = 0;
  const client = () => new TestClient(t.app, `10.7.0.${++ipCount}`);
  let userCount = 0;
  const newUser = async (roles: Role[] = [], twoFactorSecret?: string) => {
    const email = `tf${++userCount}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${userCount}`,
      password: PASSWORD,
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(twoFactorSecret ? { twoFactorSecret } : {}),
    });
    return { id, email };
  };
  const signedIn = async (userId: number) => {
    const c = client();
    c.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return c;
  };
  const signIn = (c: TestClient, email: string, password = PASSWORD, next?: string) =>
    c.submit('/en/sign-in', '/en/sign-in', { email, password, ...(next === undefined ? {} : { next }) });
  const secondStep = (c: TestClient, code: string) => c.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', { code });
  const row = (userId: number) => t.app.db.selectFrom('user_two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
  const audits = (userId: number, action: string) =>
    t.app.db.selectFrom('audit_log').select('id').where('action', '=', action).where('subject_id', '=', String(userId)).execute();
  const mails = async (to: string) =>
    (await t.app.db.selectFrom('jobs').select('payload').where('type', '=', 'mail.send').execute())
      .map((j) => JSON.parse(j.payload) as { to: string; subject: string })
      .filter((m) => m.to === to);

  /** Goes through the set-up as the user; returns the secret and the recovery codes. */
  const setUp = async (c: TestClient) => {
    const page = await c.submit('/en/account/two-factor', '/en/account/two-factor/setup', { password: PASSWORD });
    expect(page.statusCode).toBe(200);
    const secret = /id="two-factor-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!.replace(/ /g, '');
    const done = await c.submit('/en/account/two-factor', '/en/account/two-factor/confirm', { code: codeFor(secret) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4})<\/code>/g)].map((m) => m[1]!);
    return { secret, codes, body: done.body };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
  });
  afterAll(() => t.close());

  describe('set-up', () => {
    it('asks for the password again: a wrong one shows an error and starts nothing', async () => {
      const { id } = await newUser();
      const c = await signedIn(id);
      const r = await c.submit('/en/account/two-factor', '/en/account/two-factor/setup', { password: 'not my password' });
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('The password is not right');
      expect(await row(id)).toBeUndefined();
    });

    it('shows the QR code as an image and the secret grouped by four, and refuses a wrong code', async () => {
      const { id } = await newUser();
      const c = await signedIn(id);
      const page = await c.submit('/en/account/two-factor', '/en/account/two-factor/setup', { password: PASSWORD });
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
      const grouped = /id="two-factor-secret">([A-Z2-7 ]+)</.exec(page.body)![1]!;
      expect(grouped).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
      const secret = grouped.replace(/ /g, '');
      // Stored encrypted, not in clear.
      expect((await row(id))!.secret).not.toContain(secret);
      const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
      const r = await c.submit('/en/account/two-factor', '/en/account/two-factor/confirm', { code: wrong });
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('two-factor-secret');
      expect((await row(id))!.enabled_at).toBeNull();
      expect(await audits(id, 'accounts.two_factor_enable')).toHaveLength(0);
    });

    it('enables 2FA with a valid code, shows 10 recovery codes once, audits and emails', async () => {
      const { id, email } = await newUser();
      const c = await signedIn(id);
      const { codes, body } = await setUp(c);
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(body).toContain('Two-factor authentication is on.');
      expect((await row(id))!.enabled_at).not.toBeNull();
      const stored = await t.app.db.selectFrom('two_factor_recovery_codes').select('code_hash').where('user_id', '=', id).execute();
      expect(stored).toHaveLength(10);
      expect(stored.map((s) => s.code_hash)).not.toContain(codes[0]);
      expect(await audits(id, 'accounts.two_factor_enable')).toHaveLength(1);
      expect((await mails(email)).map((m) => m.subject)).toContain('Two-factor authentication is on for your E-COOP account');
      const manage = await c.get('/en/account/two-factor');
      expect(manage.body).toContain('You have 10 recovery codes left.');
      expect(manage.body).not.toContain(codes[0]);
    });
  });

  describe('signing in with 2FA', () => {
    it('asks for the code before creating a session, then goes where the user was going', async () => {
      const { email } = await newUser([], DEMO_TOTP_SECRET);
      const c = client();
      const r = await signIn(c, email, PASSWORD, '/en/account');
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/en/sign-in/two-factor');
      expect(c.cookies.has('ecoop_session')).toBe(false);
      expect((await c.get('/en/account')).statusCode).toBe(303);
      const done = await secondStep(c, codeFor(DEMO_TOTP_SECRET));
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/en/account');
      expect(c.cookies.has('ecoop_2fa')).toBe(false);
      expect((await c.get('/en/account')).statusCode).toBe(200);
    });

    it('refuses a wrong code and a replayed one', async () => {
      const { email } = await newUser([], DEMO_TOTP_SECRET);
      const c = client();
      await signIn(c, email);
      const bad = await secondStep(c, codeFor(DEMO_TOTP_SECRET, 5));
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('The code is not right');
      const code = codeFor(DEMO_TOTP_SECRET);
      expect((await secondStep(c, code)).statusCode).toBe(303);
      const d = client();
      await signIn(d, email);
      const replay = await secondStep(d, code);
      expect(replay.statusCode).toBe(422);
      expect(d.cookies.has('ecoop_session')).toBe(false);
    });

    it('accepts a recovery code once', async () => {
      const { id, email } = await newUser();
      const { codes } = await setUp(await signedIn(id));
      const c = client();
      await signIn(c, email);
      expect((await secondStep(c, codes[3]!.toUpperCase())).statusCode).toBe(303);
      const d = client();
      await signIn(d, email);
      expect((await secondStep(d, codes[3]!)).statusCode).toBe(422);
      expect((await secondStep(d, codes[4]!)).statusCode).toBe(303);
      const left = await (await signedIn(id)).get('/en/account/two-factor');
      expect(left.body).toContain('You have 8 recovery codes left.');
    });

    it(`ends the pending sign-in after ${CHALLENGE_MAX_ATTEMPTS} wrong codes`, async () => {
      const { email } = await newUser([], DEMO_TOTP_SECRET);
      const c = client();
      await signIn(c, email);
      let r;
      for (let i = 0; i < CHALLENGE_MAX_ATTEMPTS; i++)
        r = await secondStep(c, '999999' === codeFor(DEMO_TOTP_SECRET) ? '888888' : '999999');
      expect(r!.statusCode).toBe(429);
      // Even the right code no longer works: sign in again.
      expect((await c.get('/en/sign-in/two-factor')).body).toContain('This sign-in has expired or was not started');
      const late = await c.post('/en/sign-in/two-factor', { code: codeFor(DEMO_TOTP_SECRET) });
      expect(late.statusCode).toBe(403); // no CSRF token without the page: refused either way
      expect(c.cookies.has('ecoop_session')).toBe(false);
    });

    it('lets the pending sign-in expire', async () => {
      const { id, email } = await newUser([], DEMO_TOTP_SECRET);
      const c = client();
      await signIn(c, email);
      const form = await c.get('/en/sign-in/two-factor');
      expect(form.statusCode).toBe(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      await t.app.db
        .updateTable('two_factor_challenges')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('user_id', '=', id)
        .execute();
      const r = await c.post('/en/sign-in/two-factor', { _csrf: csrf, code: codeFor(DEMO_TOTP_SECRET) });
      expect(r.statusCode).toBe(401);
      expect(c.cookies.has('ecoop_session')).toBe(false);
      const again = await c.get('/en/sign-in/two-factor');
      expect(again.body).toContain('This sign-in has expired or was not started');
      expect(again.body).not.toContain('name="code"');
    });
  });

  it('asks for the second factor after a password reset link too (the link proves the mailbox, not the phone)', async () => {
    const { id } = await newUser([], DEMO_TOTP_SECRET);
    const token = await issueLink(t.app.db, id, 'reset_password');
    const c = client();
    const r = await c.submit(`/en/reset-password?token=${token}`, '/en/reset-password', { token, password: 'another fine passphrase' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/en/sign-in/two-factor');
    expect(c.cookies.has('ecoop_session')).toBe(false);
    const done = await secondStep(c, codeFor(DEMO_TOTP_SECRET));
    expect(done.headers.location).toBe('/en/account?notice=passwordChanged');
    expect((await c.get('/en/account')).statusCode).toBe(200);
  });

  describe('roles that need 2FA', () => {
    it('keeps an admin without 2FA out of the admin pages, with a banner, until 2FA is on', async () => {
      const { id } = await newUser(['admin']);
      const c = await signedIn(id);
      expect((await c.get('/en/admin/audit')).statusCode).toBe(403);
      const account = await c.get('/en/account');
      expect(account.body).toContain('Set up two-factor authentication to use your role: Administrator.');
      await setUp(c);
      expect((await c.get('/en/admin/audit')).statusCode).toBe(200);
      expect((await c.get('/en/account')).body).not.toContain('two-factor-needed');
    });

    it('applies the same rule to API tokens', async () => {
      const { id } = await newUser(['moderator', 'helper']);
      const { token } = await createApiToken(t.app.db, { userId: id, name: 'script', via: 'cli' });
      const me = async () =>
        (await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).json<{ roles: string[] }>().roles;
      expect(await me()).not.toContain('moderator');
      expect(await me()).toContain('helper');
      await setUp(await signedIn(id));
      expect(await me()).toContain('moderator');
    });
  });

  describe('changes ask for the password again', () => {
    it('turns 2FA off only with the password, audits and emails', async () => {
      const { id, email } = await newUser(['admin']);
      const c = await signedIn(id);
      await setUp(c);
      const wrong = await c.submit('/en/account/two-factor', '/en/account/two-factor/disable', { password: 'nope nope nope' });
      expect(wrong.statusCode).toBe(422);
      expect((await row(id))!.enabled_at).not.toBeNull();
      const ok = await c.submit('/en/account/two-factor', '/en/account/two-factor/disable', { password: PASSWORD });
      expect(ok.statusCode).toBe(303);
      expect(await row(id)).toBeUndefined();
      expect(await audits(id, 'accounts.two_factor_disable')).toHaveLength(1);
      expect((await mails(email)).map((m) => m.subject)).toContain('Two-factor authentication is off for your E-COOP account');
      expect((await c.get('/en/admin/audit')).statusCode).toBe(403);
    });

    it('makes new recovery codes only with the password; the old ones stop working', async () => {
      const { id, email } = await newUser();
      const c = await signedIn(id);
      const { codes } = await setUp(c);
      expect(
        (await c.submit('/en/account/two-factor', '/en/account/two-factor/recovery-codes', { password: 'nope nope' })).statusCode,
      ).toBe(422);
      const r = await c.submit('/en/account/two-factor', '/en/account/two-factor/recovery-codes', { password: PASSWORD });
      expect(r.statusCode).toBe(200);
      const fresh = [...r.body.matchAll(/<code>([a-z2-9]{4}-[a-z2-9]{4})<\/code>/g)].map((m) => m[1]!);
      expect(fresh).toHaveLength(10);
      const d = client();
      await signIn(d, email);
      expect((await secondStep(d, codes[0]!)).statusCode).toBe(422);
      expect((await secondStep(d, fresh[0]!)).statusCode).toBe(303);
    });

    it('changes the password with the current one, ends the other sessions and emails', async () => {
      const { id, email } = await newUser();
      const c = await signedIn(id);
      const other = await signedIn(id);
      const wrong = await c.submit('/en/account/password', '/en/account/password', {
        current: 'wrong one',
        password: 'a brand new passphrase',
      });
      expect(wrong.statusCode).toBe(422);
      const weak = await c.submit('/en/account/password', '/en/account/password', { current: PASSWORD, password: 'short' });
      expect(weak.statusCode).toBe(422);
      const ok = await c.submit('/en/account/password', '/en/account/password', { current: PASSWORD, password: 'a brand new passphrase' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/en/account?notice=passwordChanged');
      expect((await c.get('/en/account')).statusCode).toBe(200);
      expect((await other.get('/en/account')).statusCode).toBe(303);
      expect((await signIn(client(), email, 'a brand new passphrase')).headers.location).toBe('/en/');
      expect(await audits(id, 'accounts.change_password')).toHaveLength(1);
      expect((await mails(email)).map((m) => m.subject)).toContain('Your E-COOP password was changed');
    });
  });

  it('refuses every POST without a CSRF token (403) and changes nothing', async () => {
    const { id } = await newUser();
    const c = await signedIn(id);
    for (const [url, fields] of [
      ['/en/account/two-factor/setup', { password: PASSWORD }],
      ['/en/account/two-factor/confirm', { code: '123456' }],
      ['/en/account/two-factor/recovery-codes', { password: PASSWORD }],
      ['/en/account/two-factor/disable', { password: PASSWORD }],
      ['/en/account/password', { current: PASSWORD, password: 'a brand new passphrase' }],
      ['/en/sign-in/two-factor', { code: '123456' }],
    ] as const) {
      const r = await c.post(url, fields);
      expect(r.statusCode, url).toBe(403);
    }
    expect(await row(id)).toBeUndefined();
  });
});
