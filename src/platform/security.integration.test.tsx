/** CSRF, rate limits, sessions and the page cache — including across two app instances on one database. */
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { modules } from '../modules/index.js';
import { createUserWithRoles } from '../modules/accounts/index.js';
import { useUi } from '../ui/context.js';
import type { EcoopModule } from './module.js';
import { contentChanged } from './content-cache.js';
import { sendPage } from './render.js';
import { localizedGet, localizedPost } from './routing.js';
import { createSession, destroyUserSessions } from './session.js';
import { createTestApp, describeEachDatabase, formSession, testConfig, type TestApp } from '../../test/support.js';

function CsrfField() {
  return <input type="hidden" name="_csrf" value={useUi().csrfToken()} />;
}

/** A test-only module: a form, the POST it submits to, and a rate-limited POST. */
const probe: EcoopModule = {
  name: 'probe',
  routes: (app) => {
    localizedGet(app, '/__form', async (request, reply) =>
      sendPage(
        request,
        reply,
        <form method="post" action="/en/__form">
          <CsrfField />
          <button type="submit">Send</button>
        </form>,
        { title: 'Form' },
      ),
    );
    localizedPost(app, '/__form', async () => ({ ok: true }));
    localizedPost(app, '/__limited', async () => ({ ok: true }), { config: { rateLimit: { max: 2, timeWindow: 60_000 } } });
  },
};

describeEachDatabase('security', (dialect) => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(dialect, { build: { modules: [...modules, probe] } });
    // A second instance on the same database, as behind a load balancer.
    second = await buildApp(testConfig(t.database.databaseConfig), { database: t.database.reopen(), modules: [...modules, probe] });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  describe('CSRF', () => {
    it('refuses a POST without a token, and accepts it with the form’s token', async () => {
      const refused = await t.app.inject({ method: 'POST', url: '/en/__form', payload: { a: '1' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('This form has expired');
      const page = await t.app.inject({ url: '/en/__form' });
      const { token, cookie } = formSession(page);
      const wrong = await t.app.inject({ method: 'POST', url: '/en/__form', payload: { _csrf: 'forged' }, headers: { cookie } });
      expect(wrong.statusCode).toBe(403);
      const ok = await t.app.inject({ method: 'POST', url: '/en/__form', payload: { _csrf: token }, headers: { cookie } });
      expect(ok.statusCode).toBe(200);
    });

    it('accepts a token issued by the other instance (secrets are shared)', async () => {
      const page = await t.app.inject({ url: '/en/__form' });
      const { token, cookie } = formSession(page);
      const ok = await second.inject({ method: 'POST', url: '/en/__form', payload: { _csrf: token }, headers: { cookie } });
      expect(ok.statusCode).toBe(200);
    });

    it('never puts a page with a form in the anonymous cache', async () => {
      const a = await t.app.inject({ url: '/en/__form' });
      const b = await t.app.inject({ url: '/en/__form' });
      expect(b.headers['x-page-cache']).toBeUndefined();
      expect(formSession(a).token).not.toBe(formSession(b).token);
      // Also for a returning visitor whose CSRF cookie already exists (no new cookie is set).
      const { cookie } = formSession(a);
      await t.app.inject({ url: '/en/__form', headers: { cookie } });
      const again = await t.app.inject({ url: '/en/__form', headers: { cookie } });
      expect(again.headers['x-page-cache']).toBeUndefined();
      const stranger = await t.app.inject({ url: '/en/__form' });
      expect(stranger.headers['x-page-cache']).toBeUndefined();
    });
  });

  describe('rate limits', () => {
    it('limits across instances and answers 429 with a stable code', async () => {
      const post = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/en/__limited', headers: { 'x-csrf-token': 'x' } });
      // CSRF runs after the limiter counts; what matters is the count shared between instances.
      const first = await post(t.app);
      const secondHit = await post(second);
      const third = await post(t.app);
      expect(first.statusCode).not.toBe(429);
      expect(secondHit.statusCode).not.toBe(429);
      expect(third.statusCode).toBe(429);
      expect(third.body).toContain('Too many attempts');
      expect(third.headers['retry-after']).toBeDefined();
    });
  });

  describe('default limit on posting routes', () => {
    it('limits every POST route without its own limit to 60 a minute per address', async () => {
      const post = () => t.app.inject({ method: 'POST', url: '/fr/__form', remoteAddress: '192.0.2.77', payload: {} });
      for (let i = 0; i < 60; i++) expect((await post()).statusCode).toBe(403); // refused by CSRF, but counted
      expect((await post()).statusCode).toBe(429);
    });
  });

  describe('sessions', () => {
    it('recognises a session on every instance, marks pages no-store, and bypasses the page cache', async () => {
      const userId = await createUserWithRoles(t.app.db, {
        email: 'ana@example.org',
        displayName: 'Ana <b>Bold</b>',
        password: 'a long passphrase',
        locale: 'en',
        roles: [],
      });
      const token = await createSession(t.app.db, userId);
      const cookie = `ecoop_session=${token}`;
      for (const app of [t.app, second]) {
        const r = await app.inject({ url: '/en/about', headers: { cookie } });
        expect(r.statusCode).toBe(200);
        expect(r.headers['cache-control']).toBe('no-store');
        expect(r.headers['x-page-cache']).toBeUndefined();
      }
      await destroyUserSessions(t.app.db, userId);
      const after = await second.inject({ url: '/en/about', headers: { cookie } });
      expect(after.headers['cache-control']).not.toBe('no-store');
    });

    it('treats an unknown or expired session as anonymous', async () => {
      const r = await t.app.inject({ url: '/en/about', headers: { cookie: 'ecoop_session=not-a-real-token' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control']).not.toBe('no-store');
      const userId = await createUserWithRoles(t.app.db, {
        email: 'old@example.org',
        displayName: 'Old',
        password: 'a long passphrase',
        locale: 'en',
        roles: [],
      });
      const token = await createSession(t.app.db, userId, new Date(Date.now() - 13 * 3600_000));
      const expired = await t.app.inject({ url: '/en/about', headers: { cookie: `ecoop_session=${token}` } });
      expect(expired.headers['cache-control']).not.toBe('no-store');
      const rows = await t.app.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
      expect(rows).toHaveLength(0);
    });
  });

  describe('page cache', () => {
    it('serves anonymous pages from memory and drops them when content changes on any instance', async () => {
      const first = await t.app.inject({ url: '/en/privacy' });
      expect(first.headers['x-page-cache']).toBe('miss');
      const hit = await t.app.inject({ url: '/en/privacy' });
      expect(hit.headers['x-page-cache']).toBe('hit');
      expect(hit.body).toBe(first.body);
      expect(hit.headers['content-security-policy']).toBeDefined();
      expect(hit.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
      await contentChanged(second.db);
      await new Promise((r) => setTimeout(r, 1100));
      const after = await t.app.inject({ url: '/en/privacy' });
      expect(after.headers['x-page-cache']).toBe('miss');
    });

    it('sends hits compressed as the request accepts, the same page once decoded', async () => {
      const first = await t.app.inject({ url: '/en/accessibility' });
      expect(first.headers.vary).toContain('accept-encoding');
      const get = (encoding: string) => t.app.inject({ url: '/en/accessibility', headers: { 'accept-encoding': encoding } });
      const br = await get('gzip, deflate, br');
      expect(br.headers['x-page-cache']).toBe('hit');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('accept-encoding');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(first.body);
      const gzip = await get('gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(first.body);
      const plain = await get('br;q=0, gzip;q=0');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(first.body);
    });

    it('caches reference data until the content changes, on every instance', async () => {
      let loads = 0;
      const loader = async () => ++loads;
      expect(await t.app.contentCache.get('probe', loader)).toBe(1);
      expect(await t.app.contentCache.get('probe', loader)).toBe(1);
      await contentChanged(second.db);
      await new Promise((r) => setTimeout(r, 1100));
      expect(await t.app.contentCache.get('probe', loader)).toBe(2);
    });

    it('caches "not found" pages with their status, and no other error', async () => {
      await t.app.inject({ url: '/en/missing-page' });
      const again = await t.app.inject({ url: '/en/missing-page' });
      expect(again.statusCode).toBe(404);
      expect(again.headers['x-page-cache']).toBe('hit');
      expect(again.body).toContain('Page not found');
      await t.app.inject({ method: 'POST', url: '/en/__form' });
      const refused = await t.app.inject({ method: 'POST', url: '/en/__form' });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['x-page-cache']).toBeUndefined();
    });
  });
});
