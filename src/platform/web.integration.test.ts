/** The platform's HTTP behaviour: locale routing, pages, errors, health, security headers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EcoopModule } from './module.js';
import { createTestApp, describeEachDatabase, type TestApp } from '../../test/support.js';
import { modules } from '../modules/index.js';

/** A module that only exists in tests: a route that fails like a bug would. */
const failing: EcoopModule = {
  name: 'failing',
  routes: (app) => {
    app.get('/en/__boom', async () => {
      throw new Error('SELECT secret FROM users -- internal detail');
    });
    app.get('/api/v1/__boom', async () => {
      throw new Error('SELECT secret FROM users -- internal detail');
    });
  },
};

describeEachDatabase('web platform', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, build: { modules: [...modules, failing] } });
  });
  afterAll(async () => t.close());

  describe('locale routing', () => {
    it('redirects / by Accept-Language', async () => {
      const fr = await t.app.inject({ url: '/', headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
      expect(fr.statusCode).toBe(302);
      expect(fr.headers.location).toBe('/fr/');
      expect(String(fr.headers.vary)).toMatch(/accept-language/i);
      const other = await t.app.inject({ url: '/', headers: { 'accept-language': 'de-DE' } });
      expect(other.headers.location).toBe('/en/');
      expect((await t.app.inject({ url: '/' })).headers.location).toBe('/en/');
    });

    it('redirects /fr to /fr/', async () => {
      const r = await t.app.inject({ url: '/fr' });
      expect(r.statusCode).toBe(301);
      expect(r.headers.location).toBe('/fr/');
    });

    for (const path of ['/', '/about', '/accessibility', '/privacy', '/terms']) {
      it(`serves ${path} in English and French with the shell`, async () => {
        for (const locale of ['en', 'fr']) {
          const r = await t.app.inject({ url: `/${locale}${path === '/' ? '/' : path}` });
          expect(r.statusCode).toBe(200);
          expect(r.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
          expect(r.body.startsWith('<!DOCTYPE html>')).toBe(true);
          expect(r.body).toContain(`<html lang="${locale}"`);
          expect(r.body).toContain('href="#main"');
          expect(r.body).toMatch(/<header[^>]*>/);
          expect(r.body).toMatch(/<main id="main"/);
          expect(r.body).toMatch(/<footer[^>]*>/);
          expect(r.body).toContain(`href="/${locale}/accessibility"`);
          const other = locale === 'en' ? 'fr' : 'en';
          // The language switcher keeps the current page.
          expect(r.body).toContain(`href="/${other}${path === '/' ? '/' : path}"`);
        }
      });
    }

    it('keeps the query string in the language switcher, escaped', async () => {
      const r = await t.app.inject({ url: '/en/about?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E' });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('<script>alert(1)</script>');
      expect(r.body).toContain('href="/fr/about?x=');
    });

    it('shows the demo territory on the home page in the chosen language', async () => {
      const en = await t.app.inject({ url: '/en/' });
      expect(en.body).toContain('Housing and building');
      expect(en.body).toContain('Médiathèque Jean-Rostand');
      const fr = await t.app.inject({ url: '/fr/' });
      expect(fr.body).toContain('Logement et urbanisme');
      expect(fr.body).toContain('Des services publics en ligne, améliorés ensemble');
    });

    it('hides the design system page outside development', async () => {
      expect((await t.app.inject({ url: '/en/design-system' })).statusCode).toBe(404);
    });
  });

  describe('query budget', () => {
    it('renders the home page with a bounded number of queries, whatever the data size', async () => {
      const before = t.app.database.queryCount();
      await t.app.inject({ url: '/fr/?fresh=1' });
      const used = t.app.database.queryCount() - before;
      // sectors, life events, places, plus the page cache's generation check.
      expect(used).toBeLessThanOrEqual(5);
      const cached = t.app.database.queryCount();
      const hit = await t.app.inject({ url: '/fr/?fresh=1' });
      expect(hit.headers['x-page-cache']).toBe('hit');
      expect(t.app.database.queryCount() - cached).toBeLessThanOrEqual(1);
    });
  });

  describe('errors', () => {
    it('renders a 404 page in the locale of the URL', async () => {
      const r = await t.app.inject({ url: '/fr/nulle-part' });
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('Page introuvable');
      expect(r.body).toContain('<html lang="fr"');
    });

    it('answers JSON errors with a stable code under /api', async () => {
      const r = await t.app.inject({ url: '/api/v1/nothing-here' });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'not_found', requestId: r.headers['x-request-id'] });
    });

    it('never shows internals on a 500, and gives the request id', async () => {
      const r = await t.app.inject({ url: '/en/__boom' });
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toMatch(/SELECT|secret|stack|at .*\.ts/);
      expect(r.body).toContain(String(r.headers['x-request-id']));
      expect(r.body).toContain('Sorry, something went wrong on our side');
      const api = await t.app.inject({ url: '/api/v1/__boom' });
      expect(api.statusCode).toBe(500);
      expect(api.json()).toEqual({ code: 'internal', message: expect.any(String), requestId: api.headers['x-request-id'] });
      expect(api.body).not.toMatch(/SELECT|secret/);
    });

    it('refuses unknown methods on pages without a stack trace', async () => {
      const r = await t.app.inject({ method: 'DELETE', url: '/en/about' });
      expect([404, 405]).toContain(r.statusCode);
      expect(r.body).not.toMatch(/at .*\.ts/);
    });
  });

  describe('health', () => {
    it('/healthz says the process is alive', async () => {
      const r = await t.app.inject({ url: '/healthz' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ status: 'ok' });
    });
    it('/readyz says the database is reachable and migrations current', async () => {
      const r = await t.app.inject({ url: '/readyz' });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ status: 'ready', database: 'reachable', migrations: 'current' });
    });
  });

  describe('OpenAPI', () => {
    it('describes the API, platform endpoints included', async () => {
      const r = await t.app.inject({ url: '/api/v1/openapi.json' });
      expect(r.statusCode).toBe(200);
      const doc = r.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/openapi.json']));
      expect(doc.components.schemas.Error.required).toEqual(['code', 'message', 'requestId']);
    });
  });

  describe('security headers', () => {
    it('sends a strict CSP without inline script, and the usual protections', async () => {
      const r = await t.app.inject({ url: '/en/' });
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(r.headers['strict-transport-security']).toBeUndefined();
      expect(r.body).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/);
    });

    it('serves hashed assets with long caching and compression', async () => {
      const page = await t.app.inject({ url: '/en/' });
      const css = /href="(\/assets\/app\.[0-9a-f]+\.css)"/.exec(page.body)?.[1];
      expect(css).toBeDefined();
      const r = await t.app.inject({ url: css!, headers: { 'accept-encoding': 'br, gzip' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers['cache-control']).toContain('immutable');
      expect((await t.app.inject({ url: '/assets/app.0000.css' })).statusCode).toBe(404);
    });
  });
});
