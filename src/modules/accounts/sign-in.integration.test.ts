/** Signing in and out, throttling, safe redirects, new terms, the account page, CSRF and escaping. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createUserWithRoles } from './accounts.service.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-data.js';
import { TWO_FACTOR_ROLES } from '../../platform/session.js';
import { base32Decode, timeStep, totpAt } from './totp.js';
import { TestClient } from './testing.js';
import { CURRENT_TERMS_VERSION } from './terms.js';

const PASSWORD = 'correct horse battery';

describeEachDatabase('accounts: signing in and the account page', (dialect) => {
  let t: TestApp;
  let ipCount = 0;
  const client = () => new TestClient(t.app, `10.2.0.${++ipCount}`);
  let userCount = 0;
  const newUser = async (displayName = 'Sam Petit') => {
    const email = `user${++userCount}@example.org`;
    const id = await createUserWithRoles(t.app.db, { email, displayName, password: PASSWORD, locale: 'en', roles: [] });
    return { id, email };
  };
  const signIn = (c: TestClient, email: string, password = PASSWORD, next?: string) =>
    c.submit('/en/sign-in', '/en/sign-in', { email, password, ...(next === undefined ? {} : { next }) });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
  });
  afterAll(() => t.close());

  describe('sign in', () => {
    it('lets every demo account sign in without being asked to accept the terms', async () => {
      for (const a of DEMO_ACCOUNTS) {
        const c = client();
        let r = await signIn(c, a.email, DEMO_PASSWORD);
        expect(r.statusCode, a.email).toBe(303);
        if (TWO_FACTOR_ROLES.includes(a.role)) {
          // Privileged demo accounts have 2FA on with the documented demo secret.
          expect(r.headers.location).toBe('/en/sign-in/two-factor');
          r = await c.submit('/en/sign-in/two-factor', '/en/sign-in/two-factor', {
            code: totpAt(base32Decode(DEMO_TOTP_SECRET), timeStep()),
          });
          expect(r.statusCode, a.email).toBe(303);
        }
        expect(r.headers.location).toBe('/en/');
        const home = await c.get('/en/about');
        expect(home.statusCode, a.email).toBe(200);
        expect(home.body).toContain('Your account');
      }
    });

    it('rotates the session: the old cookie stops working', async () => {
      const { email } = await newUser();
      const c = client();
      await signIn(c, email);
      const first = c.cookieHeader;
      expect((await c.get('/en/account')).statusCode).toBe(200);
      const again = await signIn(c, email);
      expect(again.statusCode).toBe(303);
      expect(c.cookieHeader).not.toBe(first);
      const old = await t.app.inject({ url: '/en/account', headers: { cookie: first } });
      expect(old.statusCode).toBe(303);
      expect((await c.get('/en/account')).statusCode).toBe(200);
    });

    it('gives one message for a wrong password and an unknown email', async () => {
      const { email } = await newUser();
      const wrong = await signIn(client(), email, 'not the password');
      const unknown = await signIn(client(), 'nobody@example.org', 'not the password');
      for (const r of [wrong, unknown]) {
        expect(r.statusCode).toBe(422);
        expect(r.body).toContain('The email or password is not right');
        expect(r.body).toContain('href="#sign-in-email"');
      }
      expect(wrong.body).not.toContain('not the password');
    });

    it('refuses blocked and deleted accounts with the same message', async () => {
      const blocked = await newUser();
      const deleted = await newUser();
      await t.app.db.updateTable('users').set({ blocked_at: new Date().toISOString() }).where('id', '=', blocked.id).execute();
      await t.app.db.updateTable('users').set({ deleted_at: new Date().toISOString() }).where('id', '=', deleted.id).execute();
      for (const u of [blocked, deleted]) {
        const r = await signIn(client(), u.email);
        expect(r.statusCode).toBe(422);
        expect(r.body).toContain('The email or password is not right');
      }
    });

    it('locks an email after 10 failures, known or unknown alike, and a success clears the count', async () => {
      const known = await newUser();
      for (const email of [known.email, 'ghost@example.org']) {
        for (let i = 0; i < 10; i++) expect((await signIn(client(), email, `wrong ${i}`)).statusCode).toBe(422);
        const locked = await signIn(client(), email, email === known.email ? PASSWORD : 'anything');
        expect(locked.statusCode).toBe(429);
        expect(locked.body).toContain('Too many attempts, try again in 15 minutes');
      }
      // Counters are keyed on a hash: the table holds no address.
      const keys = await t.app.db.selectFrom('rate_limits').select('key').execute();
      expect(keys.some((k) => k.key.includes('ghost'))).toBe(false);

      const other = await newUser();
      for (let i = 0; i < 4; i++) await signIn(client(), other.email, 'wrong');
      expect((await signIn(client(), other.email)).statusCode).toBe(303);
      for (let i = 0; i < 9; i++) expect((await signIn(client(), other.email, 'wrong')).statusCode).toBe(422);
      expect((await signIn(client(), other.email)).statusCode).toBe(303);
    });

    it('refuses an IP address after 50 failures, whatever the email', async () => {
      const { email } = await newUser();
      const c = new TestClient(t.app, '10.9.9.9');
      for (let i = 0; i < 50; i++) expect((await signIn(c, `spray${i}@example.org`, 'password')).statusCode).toBe(422);
      const refused = await signIn(c, email);
      expect(refused.statusCode).toBe(429);
      expect((await signIn(client(), email)).statusCode).toBe(303);
    });

    it('goes to a same-site `next` only', async () => {
      const { email } = await newUser();
      expect((await signIn(client(), email, PASSWORD, '/en/about?x=1')).headers.location).toBe('/en/about?x=1');
      for (const next of [
        '//evil.example',
        'https://evil.example',
        '/\\evil',
        '/\\/evil.example',
        'javascript:alert(1)',
        '/%0d%0aevil',
        ' //evil.example',
      ]) {
        const r = await signIn(client(), email, PASSWORD, next);
        expect(r.statusCode, next).toBe(303);
        expect(['/en/', '/%0d%0aevil'], next).toContain(r.headers.location);
      }
    });

    it('signs out with a POST and ends the session', async () => {
      const { email } = await newUser();
      const c = client();
      await signIn(c, email);
      const cookie = c.cookieHeader;
      const out = await c.submit('/en/about', '/en/sign-out', {});
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/en/');
      expect((await t.app.inject({ url: '/en/account', headers: { cookie } })).statusCode).toBe(303);
      expect((await c.get('/en/about')).body).toContain('Register');
    });
  });

  describe('header', () => {
    it('offers sign in and register to visitors, the account and sign out to signed-in users', async () => {
      const anonymous = await client().get('/fr/about');
      expect(anonymous.body).toContain('href="/fr/sign-in"');
      expect(anonymous.body).toContain('href="/fr/register"');
      expect(anonymous.body).not.toContain('action="/fr/sign-out"');
      const { email } = await newUser();
      const c = client();
      await signIn(c, email);
      const page = await c.get('/fr/about');
      expect(page.body).toContain('href="/fr/account"');
      expect(page.body).toMatch(
        /<form method="post" action="\/fr\/sign-out" class="inline-form"><input type="hidden" name="_csrf" value="[^"]+"/,
      );
      expect(page.body).not.toContain('href="/fr/register"');
    });
  });

  describe('terms', () => {
    it('sends a user who has not accepted the current terms to accept them first', async () => {
      const { id, email } = await newUser();
      await t.app.db.updateTable('users').set({ terms_version: '2020-01-01' }).where('id', '=', id).execute();
      const c = client();
      const signedIn = await signIn(c, email, PASSWORD, '/en/about');
      expect(signedIn.headers.location).toBe('/en/about');
      const about = await c.get('/en/about');
      expect(about.statusCode).toBe(303);
      expect(about.headers.location).toBe(`/en/terms/accept?next=${encodeURIComponent('/en/about')}`);
      expect((await c.get('/en/terms')).statusCode).toBe(200);
      // What the terms refer to, and the display preferences needed to read them, stay reachable.
      for (const path of ['/en/privacy', '/fr/accessibility', '/en/preferences']) expect((await c.get(path)).statusCode).toBe(200);
      const page = await c.get('/en/terms/accept?next=%2Fen%2Fabout');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The terms of use have changed');
      const accepted = await c.submit('/en/terms/accept?next=%2Fen%2Fabout', '/en/terms/accept', { next: '/en/about' });
      expect(accepted.statusCode).toBe(303);
      expect(accepted.headers.location).toBe('/en/about');
      expect((await c.get('/en/about')).statusCode).toBe(200);
      const row = await t.app.db
        .selectFrom('users')
        .select(['terms_version', 'terms_accepted_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.terms_version).toBe(CURRENT_TERMS_VERSION);
    });

    it('still lets such a user sign out', async () => {
      const { id, email } = await newUser();
      await t.app.db.updateTable('users').set({ terms_version: null }).where('id', '=', id).execute();
      const c = client();
      await signIn(c, email);
      const out = await c.submit('/en/terms/accept', '/en/sign-out', {});
      expect(out.statusCode).toBe(303);
      expect((await c.get('/en/about')).statusCode).toBe(200);
    });
  });

  describe('account page', () => {
    it('asks anonymous visitors to sign in first', async () => {
      const r = await client().get('/en/account');
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/en/sign-in?next=%2Fen%2Faccount');
    });

    it('saves the display name and language, with errors by the fields and values kept', async () => {
      const { id, email } = await newUser();
      const c = client();
      await signIn(c, email);
      const bad = await c.submit('/en/account', '/en/account', { displayName: 'x'.repeat(61), locale: 'fr' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#account-displayName"');
      expect(bad.body).toContain(`value="${'x'.repeat(61)}"`);
      const ok = await c.submit('/en/account', '/en/account', { displayName: '  Samuel  ', locale: 'fr' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/fr/account?notice=saved');
      const page = await c.get('/fr/account?notice=saved');
      expect(page.body).toContain('Vos modifications sont enregistrées');
      expect(await t.app.db.selectFrom('users').select(['display_name', 'locale']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
        display_name: 'Samuel',
        locale: 'fr',
      });
    });

    it('renders a script in a display name as text', async () => {
      const { email } = await newUser('<script>alert(1)</script>');
      const c = client();
      await signIn(c, email);
      for (const path of ['/en/account', '/en/about']) {
        const page = await c.get(path);
        expect(page.body).not.toContain('<script>alert(1)</script>');
      }
      expect((await c.get('/en/account')).body).toContain('&lt;script>alert(1)&lt;/script>');
    });

    it('signs out everywhere, this session included', async () => {
      const { email } = await newUser();
      const a = client();
      const b = client();
      await signIn(a, email);
      await signIn(b, email);
      const r = await a.submit('/en/account', '/en/account/sign-out-everywhere', {});
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/en/sign-in?notice=signedOutEverywhere');
      expect((await a.get('/en/sign-in?notice=signedOutEverywhere')).body).toContain('signed out on every device');
      expect((await a.get('/en/account')).statusCode).toBe(303);
      expect((await b.get('/en/account')).statusCode).toBe(303);
    });
  });

  it('refuses every POST without a CSRF token', async () => {
    const { email } = await newUser();
    const c = client();
    await signIn(c, email);
    for (const path of [
      '/en/register',
      '/en/sign-in',
      '/en/sign-out',
      '/en/verify-email',
      '/en/forgot-password',
      '/en/reset-password',
      '/en/account',
      '/en/account/resend-verification',
      '/en/account/sign-out-everywhere',
      '/en/terms/accept',
    ]) {
      const r = await new TestClient(t.app, `10.3.0.${++ipCount}`).post(path, { email });
      expect(r.statusCode, path).toBe(403);
      const signedIn = await c.post(path, { email });
      expect(signedIn.statusCode, path).toBe(403);
    }
    expect((await c.get('/en/account')).statusCode).toBe(200);
  });
});
