/** The design system page in development: valid examples, and the demo form's real round trip. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, formSession, type TestApp } from '../../../test/support.js';

const ids = (html: string) => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);

describeEachDatabase('design system page', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { isDev: true } });
  });
  afterAll(async () => t.close());

  it('documents every component in both languages, with unique ids and working error links', async () => {
    for (const locale of ['en', 'fr']) {
      const r = await t.app.inject({ url: `/${locale}/design-system` });
      expect(r.statusCode).toBe(200);
      const all = ids(r.body);
      expect(new Set(all).size).toBe(all.length);
      const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/ul>/.exec(r.body)?.[1] ?? '';
      const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      expect(targets).toEqual(['demo-name', 'demo-email', 'demo-contact']);
      for (const target of targets) expect(all).toContain(target);
      // A static example must not pull the focus away from the top of the page.
      expect(r.body).not.toContain('data-error-summary');
      // No #fragment on the action: fragment navigation would take the focus off the summary.
      expect(r.body).toContain(`<form method="post" action="/${locale}/design-system" novalidate`);
      for (const hook of [
        'class="table-scroll"',
        'class="pagination"',
        'class="breadcrumbs"',
        'class="notice"',
        'class="tag',
        'class="card"',
        'name="_csrf"',
      ]) {
        expect(r.body).toContain(hook);
      }
    }
  });

  it('keeps the filter in the pagination example and clamps the page', async () => {
    const r = await t.app.inject({ url: '/en/design-system?topic=%22%3E%3Cscript%3E&page=999' });
    expect(r.body).not.toContain('"><script>');
    expect(r.body).toContain('href="/en/design-system?topic=%22%3E%3Cscript%3E&amp;page=11" rel="prev"');
  });

  it('validates the demo form: errors linked, values kept and escaped, focus on the summary', async () => {
    const page = await t.app.inject({ url: '/en/design-system' });
    const { token, cookie } = formSession(page);
    const r = await t.app.inject({
      method: 'POST',
      url: '/en/design-system',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        name: '"><script>alert(1)</script>',
        email: 'nope',
        contact: 'post',
        topics: 'health',
      }).toString(),
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('<title>Error: Design system');
    expect(r.body).toContain('data-error-summary');
    expect(r.body).toContain('<a href="#demo-email">Enter an email address in the correct format');
    expect(r.body).not.toContain('href="#demo-name"');
    expect(r.body).not.toContain('<script>alert(1)');
    expect(r.body).toContain('value="&quot;>&lt;script>alert(1)&lt;/script>"');
    expect(r.body).toMatch(/id="demo-contact-3"[^>]*checked/);
    expect(r.body).toMatch(/id="demo-topics-2"[^>]*checked/);
  });

  it('confirms a valid demo form with a success banner', async () => {
    const page = await t.app.inject({ url: '/fr/design-system' });
    const { token, cookie } = formSession(page);
    const r = await t.app.inject({
      method: 'POST',
      url: '/fr/design-system',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, name: 'Marie Dupont', email: 'marie@example.fr', contact: 'email' }).toString(),
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('role="alert"');
    expect(r.body).toContain('Toutes les réponses sont valides');
    expect(r.body).not.toContain('class="error-summary"');
  });

  it('is never served from the page cache: each visitor gets their own CSRF token', async () => {
    // A returning visitor's request sets no cookie; a cached copy of it would carry their token.
    const { cookie } = formSession(await t.app.inject({ url: '/en/design-system' }));
    const returning = await t.app.inject({ url: '/en/design-system', headers: { cookie } });
    const stranger = await t.app.inject({ url: '/en/design-system' });
    expect(stranger.headers['x-page-cache']).toBeUndefined();
    expect(stranger.headers['set-cookie']).toBeDefined();
    expect(formSession(stranger).token).not.toBe(formSession(returning).token);
  });

  it('refuses the demo form without its CSRF token', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/en/design-system', payload: { name: 'x' } });
    expect(r.statusCode).toBe(403);
  });
});
