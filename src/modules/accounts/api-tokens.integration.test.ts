/** Personal API tokens: the account page, Bearer authentication on the API, and who may not. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, formSession, type TestApp } from '../../../test/support.js';
import { requireApiUser } from '../../platform/api-auth.js';
import type { EcoopModule } from '../../platform/module.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from './index.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** API writes as a module would add them: they answer who they acted for. */
const writesModule: EcoopModule = {
  name: 'test-api-writes',
  routes: (app) => {
    for (const url of ['/api/v1/__test/write', '/open311/v2/__test/write'])
      app.post(url, async (request) => ({ userId: requireApiUser(request).id, via: request.authVia }));
  },
};
const TOKEN_IN_PAGE = /id="new-token"[^>]*value="(ecoop_[A-Za-z0-9_-]{43})"|value="(ecoop_[A-Za-z0-9_-]{43})"[^>]*id="new-token"/;

describeEachDatabase('API tokens', (dialect) => {
  let t: TestApp;
  let users = 0;

  /** A new user with a session; returns their id and session cookie. */
  const newUser = async (roles: Role[] = []) => {
    users += 1;
    const id = await createUserWithRoles(t.app.db, {
      email: `user${users}@example.org`,
      displayName: `User ${users}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return { id, cookie: `ecoop_session=${await createSession(t.app.db, id)}` };
  };

  /** Signs the form in: the tokens page's CSRF token and the cookies that go with it. */
  const tokensForm = async (cookie: string) => {
    const page = await t.app.inject({ url: '/en/account/tokens', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const form = formSession(page);
    return { token: form.token, cookie: `${cookie}; ${form.cookie}` };
  };

  /** Creates a token through the page and returns it (read from the one response that shows it). */
  const createToken = async (cookie: string, name: string) => {
    const form = await tokensForm(cookie);
    const r = await t.app.inject({
      method: 'POST',
      url: '/en/account/tokens',
      headers: { ...FORM, cookie: form.cookie },
      payload: new URLSearchParams({ _csrf: form.token, name }).toString(),
    });
    expect(r.statusCode).toBe(200);
    const m = TOKEN_IN_PAGE.exec(r.body);
    expect(m).not.toBeNull();
    return { token: (m![1] ?? m![2])!, response: r };
  };

  const me = (token?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ url: '/api/v1/me', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  const tokenRows = (userId: number) => t.app.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, { build: { modules: [...modules, writesModule] } });
  });
  afterAll(() => t.close());

  describe('GET /api/v1/me', () => {
    it('answers the token’s user, with roles, and records the use', async () => {
      const a = await newUser(['helper']);
      const { token } = await createToken(a.cookie, 'laptop script');
      const r = await me(token);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.json()).toEqual({ id: a.id, displayName: `User ${users}`, roles: expect.arrayContaining(['citizen', 'helper']) });
      const [row] = await tokenRows(a.id);
      expect(row!.last_used_at).not.toBeNull();
      // Used again within the minute: no new write.
      const first = row!.last_used_at;
      await me(token);
      expect((await tokenRows(a.id))[0]!.last_used_at).toBe(first);
    });

    it('refuses a request without a token: 401, unauthorized, WWW-Authenticate: Bearer', async () => {
      const r = await me();
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ code: 'unauthorized' });
      expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('refuses malformed and unknown tokens with 401', async () => {
      for (const header of [
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        'Bearer not-a-token',
        `Bearer ecoop_${'A'.repeat(43)}`,
        'Bearer a b',
      ]) {
        const r = await t.app.inject({ url: '/api/v1/me', headers: { authorization: header } });
        expect(r.statusCode, header).toBe(401);
        expect(r.json().code, header).toBe('unauthorized');
        expect(r.headers['www-authenticate'], header).toMatch(/^Bearer/);
      }
    });

    it('refuses a bad token on every API URL, even public ones (no silent fallback to anonymous)', async () => {
      const r = await t.app.inject({ url: '/api/v1/openapi.json', headers: { authorization: 'Bearer nope' } });
      expect(r.statusCode).toBe(401);
      expect((await t.app.inject({ url: '/api/v1/openapi.json' })).statusCode).toBe(200);
    });

    it('ignores a session cookie on API URLs: a cookie alone is 401', async () => {
      const a = await newUser();
      const r = await me(undefined, { cookie: a.cookie });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('unauthorized');
    });

    it('acts as the token’s user even when another user’s session cookie comes along', async () => {
      const a = await newUser();
      const b = await newUser();
      const { token } = await createToken(b.cookie, 'b');
      const r = await me(token, { cookie: a.cookie });
      expect(r.json().id).toBe(b.id);
    });

    it('refuses a revoked token', async () => {
      const a = await newUser();
      const { token } = await createToken(a.cookie, 'to revoke');
      expect((await me(token)).statusCode).toBe(200);
      const [row] = await tokenRows(a.id);
      // The page has two forms (revoke, create) and this visit has no CSRF cookie yet: the revoke
      // form's token, the first on the page, must match the one cookie the page sets.
      const form = await tokensForm(a.cookie);
      const r = await t.app.inject({
        method: 'POST',
        url: `/en/account/tokens/${row!.id}/revoke`,
        headers: { ...FORM, cookie: form.cookie },
        payload: `_csrf=${encodeURIComponent(form.token)}`,
      });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/en/account/tokens?revoked=1');
      expect((await me(token)).statusCode).toBe(401);
      const page = await t.app.inject({ url: r.headers.location as string, headers: { cookie: a.cookie } });
      expect(page.body).toContain('The token was revoked');
      expect(page.body).toContain('Revoked');
      const audit = await t.app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'accounts.api_token_revoke')
        .where('subject_id', '=', String(row!.id))
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(a.id);
    });

    it('refuses the token of a blocked or deleted user', async () => {
      const a = await newUser();
      const { token } = await createToken(a.cookie, 'blocked');
      await t.app.db.updateTable('users').set({ blocked_at: new Date().toISOString() }).where('id', '=', a.id).execute();
      expect((await me(token)).statusCode).toBe(401);
      await t.app.db.updateTable('users').set({ blocked_at: null }).where('id', '=', a.id).execute();
      expect((await me(token)).statusCode).toBe(200);
      await t.app.db.updateTable('users').set({ deleted_at: new Date().toISOString() }).where('id', '=', a.id).execute();
      expect((await me(token)).statusCode).toBe(401);
    });
  });

  describe('the tokens page', () => {
    it('sends a signed-out visitor to sign in, and back afterwards', async () => {
      const r = await t.app.inject({ url: '/fr/account/tokens' });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe(`/fr/sign-in?next=${encodeURIComponent('/fr/account/tokens')}`);
      const post = await t.app.inject({ method: 'POST', url: '/en/account/tokens', headers: FORM, payload: 'name=x' });
      // CSRF is checked first: without a token there is no state change whoever asks.
      expect(post.statusCode).toBe(403);
    });

    it('shows the token once, stores only its hash and a prefix, and lists only the prefix afterwards', async () => {
      const a = await newUser();
      const { token, response } = await createToken(a.cookie, 'CI <pipeline>');
      expect(token).toMatch(/^ecoop_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(6), 'base64url')).toHaveLength(32);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['location']).toBeUndefined();
      expect(response.body).toContain('it will not be shown again');
      expect(response.body).toContain('CI &lt;pipeline>');
      expect(response.body).not.toContain('CI <pipeline>');

      const rows = await tokenRows(a.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(rows[0]!.prefix).toBe(token.slice(0, 14));
      expect(JSON.stringify(rows)).not.toContain(token);
      const audit = await t.app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'accounts.api_token_create')
        .where('subject_id', '=', String(rows[0]!.id))
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(a.id);
      expect(audit[0]!.data).not.toContain(token.slice(14));

      const later = await t.app.inject({ url: '/en/account/tokens', headers: { cookie: a.cookie } });
      expect(later.statusCode).toBe(200);
      expect(later.body).not.toContain(token);
      expect(later.body).toContain(`${token.slice(0, 14)}…`);
      expect(later.body).toContain('Active');
      expect(later.body).toContain('Never');
    });

    it('validates the name: required, at most 60 characters, not already in use; nothing written on error', async () => {
      const a = await newUser();
      const post = async (name: string) => {
        const form = await tokensForm(a.cookie);
        return t.app.inject({
          method: 'POST',
          url: '/en/account/tokens',
          headers: { ...FORM, cookie: form.cookie },
          payload: new URLSearchParams({ _csrf: form.token, name }).toString(),
        });
      };
      const empty = await post('   ');
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('<a href="#token-name">Enter a name for the token</a>');
      expect(empty.body).toContain('aria-invalid="true"');
      const long = await post('x'.repeat(61));
      expect(long.statusCode).toBe(422);
      expect(long.body).toContain('60 characters or fewer');
      expect(long.body).toContain(`value="${'x'.repeat(61)}"`);
      expect(await tokenRows(a.id)).toHaveLength(0);
      expect((await post('y'.repeat(60))).statusCode).toBe(200);
      // The same name again (a double submission, say) makes no second token.
      const again = await post('y'.repeat(60));
      expect(again.statusCode).toBe(422);
      expect(again.body).toContain('already have an active token with this name');
      expect(await tokenRows(a.id)).toHaveLength(1);
    });

    it('refuses a create or a revoke without the CSRF token (403), writing nothing', async () => {
      const a = await newUser();
      const create = await t.app.inject({
        method: 'POST',
        url: '/en/account/tokens',
        headers: { ...FORM, cookie: a.cookie },
        payload: 'name=x',
      });
      expect(create.statusCode).toBe(403);
      expect(await tokenRows(a.id)).toHaveLength(0);
      await createToken(a.cookie, 'kept');
      const [row] = await tokenRows(a.id);
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/en/account/tokens/${row!.id}/revoke`,
        headers: { ...FORM, cookie: a.cookie },
      });
      expect(revoke.statusCode).toBe(403);
      expect((await tokenRows(a.id))[0]!.revoked_at).toBeNull();
    });

    it('user A can neither see nor revoke user B’s tokens (404), and B’s token keeps working', async () => {
      const a = await newUser();
      const b = await newUser();
      const { token } = await createToken(b.cookie, 'B’s secret integration');
      const [bRow] = await tokenRows(b.id);
      const list = await t.app.inject({ url: '/en/account/tokens', headers: { cookie: a.cookie } });
      expect(list.body).not.toContain('B’s secret integration');
      expect(list.body).not.toContain(bRow!.prefix);
      expect(list.body).toContain('You have no API token yet');
      const form = await tokensForm(a.cookie);
      for (const id of [String(bRow!.id), '999999', 'abc']) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/en/account/tokens/${id}/revoke`,
          headers: { ...FORM, cookie: form.cookie },
          payload: `_csrf=${encodeURIComponent(form.token)}`,
        });
        expect(r.statusCode, id).toBe(404);
      }
      expect((await tokenRows(b.id))[0]!.revoked_at).toBeNull();
      expect((await me(token)).json().id).toBe(b.id);
    });

    it('cannot be reached with a token: the pages are for people with a session', async () => {
      const a = await newUser();
      const { token } = await createToken(a.cookie, 'not for pages');
      const r = await t.app.inject({ url: '/en/account/tokens', headers: { authorization: `Bearer ${token}` } });
      expect(r.statusCode).toBe(302);
    });
  });

  describe('writes through the API', () => {
    it('take a token without any CSRF token, on /api/ and /open311/', async () => {
      const a = await newUser();
      const { token } = await createToken(a.cookie, 'writer');
      for (const url of ['/api/v1/__test/write', '/open311/v2/__test/write']) {
        const r = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: {} });
        expect(r.statusCode, url).toBe(200);
        expect(r.json(), url).toEqual({ userId: a.id, via: 'token' });
      }
    });

    it('cannot ride a session cookie (what a cross-site form would send): 401, as if anonymous', async () => {
      const a = await newUser(['admin']);
      for (const url of ['/api/v1/__test/write', '/open311/v2/__test/write']) {
        const r = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, cookie: a.cookie, origin: 'https://evil.example' },
          payload: 'x=1',
        });
        expect(r.statusCode, url).toBe(401);
        expect(r.json().code, url).toBe('unauthorized');
        expect(r.headers['www-authenticate'], url).toBe('Bearer');
      }
    });
  });

  it('the OpenAPI document describes /api/v1/me with the bearer scheme', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/me'].get.responses).toHaveProperty('401');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Me.required).toEqual(['id', 'displayName', 'roles']);
  });
});
