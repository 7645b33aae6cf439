import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_PAGE_MAX } from './feedback.service.js';

describeEachDatabase('assessment: page feedback', (dialect) => {
  let t: TestApp;
  let origin: string;
  let people = 0;
  let addresses = 0;

  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = []) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `feedback${people}@example.org`,
      displayName: `Feedback ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };

  /** Posts the prompt as a browser on one of our pages does (same origin, no CSRF token). */
  const answer = (fields: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }, locale = 'en') =>
    t.app.inject({
      method: 'POST',
      url: `/${locale}/page-feedback`,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      // A new address each time: the route's rate limit counts per address.
      remoteAddress: `192.0.2.${(addresses = (addresses % 250) + 1)}`,
    });
  const rows = () => t.app.db.selectFrom('page_feedback').selectAll().orderBy('id').execute();
  const clear = () => t.app.db.deleteFrom('page_feedback').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    origin = new URL(t.app.config.baseUrl).origin;
  });
  afterAll(async () => t?.close());

  it('asks on every page, with the page’s path (no query string) and no CSRF token', async () => {
    const home = await t.app.inject({ url: '/en/' });
    expect(home.body).toContain('action="/en/page-feedback"');
    expect(home.body).toMatch(/<input type="hidden" name="page" value="\/"\/?>/);
    const feedbackForm = home.body.slice(home.body.indexOf('class="page-feedback"'));
    expect(feedbackForm).not.toContain('_csrf');
    const search = await t.app.inject({ url: '/fr/search?q=allocation%20logement' });
    expect(search.body).toContain('action="/fr/page-feedback"');
    expect(search.body).toMatch(/name="page" value="\/search"/);
    expect(search.body).not.toMatch(/name="page" value="[^"]*allocation/);
    // The feedback pages do not ask about themselves.
    const thanks = await t.app.inject({ url: '/en/page-feedback/thanks?page=%2Fservices' });
    expect(thanks.body).not.toContain('class="page-feedback"');
  });

  it('records the page, its language, the answer and the day — never the person', async () => {
    await clear();
    const client = await person();
    const response = await t.app.inject({
      method: 'POST',
      url: '/fr/page-feedback',
      payload: new URLSearchParams({
        page: '/services/housing-allowance',
        found: 'no',
        comment: '  Le lien du formulaire ne marche pas  ',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', cookie: client.cookieHeader },
      remoteAddress: '198.51.100.7',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/fr/page-feedback/thanks?page=%2Fservices%2Fhousing-allowance');
    const [row, ...others] = await rows();
    expect(others).toHaveLength(0);
    expect(Object.keys(row!).sort()).toEqual(['comment', 'created_at', 'found', 'id', 'locale', 'path']);
    expect(row).toMatchObject({
      path: '/services/housing-allowance',
      locale: 'fr',
      found: 0,
      comment: 'Le lien du formulaire ne marche pas',
    });
    // The day only: an exact time could be matched with a request log.
    expect(row!.created_at).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    expect(JSON.stringify(row)).not.toMatch(/198\.51|feedback\d+@/);

    const yes = await answer({ page: '/', found: 'yes', comment: '' }, { origin });
    expect(yes.statusCode).toBe(303);
    expect((await rows())[1]).toMatchObject({ path: '/', locale: 'en', found: 1, comment: null });

    const thanks = await t.app.inject({ url: response.headers.location as string });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('href="/fr/services/housing-allowance"');
    const home = await t.app.inject({ url: '/en/page-feedback/thanks?page=%2F%2Fevil.example' });
    expect(home.body).toContain('href="/en/"');
    expect(home.body).not.toContain('href="//evil.example');
    expect(home.body).not.toContain('href="/en//evil.example');
  });

  it('serves the form as a page of its own for a page of this site, and sends anything else home', async () => {
    const form = await t.app.inject({ url: '/fr/page-feedback?page=%2Fservices' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<input type="hidden" name="page" value="/services"');
    expect(form.body).not.toContain('class="error-summary');
    const home = await t.app.inject({ url: '/fr/page-feedback' });
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/fr/');
  });

  it('refuses answers from other sites, whatever the session', async () => {
    await clear();
    const client = await person();
    const fields = { page: '/', found: 'no' };
    for (const headers of <Record<string, string>[]>[
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      // A browser that says it is cross-site is believed, even with a matching Origin.
      { 'sec-fetch-site': 'cross-site', origin },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      {},
      { cookie: client.cookieHeader },
    ]) {
      const response = await answer(fields, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
    }
    expect(await rows()).toHaveLength(0);
  });

  it('refuses a page that is not a path of this site', async () => {
    await clear();
    for (const page of [
      '',
      'services',
      '//evil.example/x',
      'https://evil.example/',
      '/services?q=rent',
      '/a#b',
      '/a b',
      `/${'a'.repeat(FEEDBACK_PAGE_MAX)}`,
    ]) {
      const response = await answer({ page, found: 'yes' });
      expect(response.statusCode, page).toBe(400);
    }
    const missing = await answer({ found: 'yes' });
    expect(missing.statusCode).toBe(400);
    expect(await rows()).toHaveLength(0);
  });

  it('shows the form again, with the comment kept, when no answer was chosen or the comment is too long', async () => {
    await clear();
    const noChoice = await answer({ page: '/services', comment: 'Where is the <b>form</b>?' });
    expect(noChoice.statusCode).toBe(422);
    expect(noChoice.body).toContain('class="error-summary');
    expect(noChoice.body).toContain('href="#feedback-found-yes"');
    expect(noChoice.body).toContain('Where is the &lt;b>form&lt;/b>?');
    expect(noChoice.body).not.toContain('<b>form</b>');
    expect(noChoice.body).toContain('<input type="hidden" name="page" value="/services"');

    const long = await answer({ page: '/services', found: 'no', comment: 'x'.repeat(FEEDBACK_COMMENT_MAX + 1) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('href="#feedback-comment"');

    const odd = await answer({ page: '/services', found: 'maybe' });
    expect(odd.statusCode).toBe(422);
    expect(await rows()).toHaveLength(0);
  });

  it('lets admins, and only admins, read the answers per page and the comments, escaped', async () => {
    await clear();
    await answer({ page: '/services', found: 'no', comment: '<script>alert(1)</script> nothing about rent' });
    await answer({ page: '/services', found: 'no' });
    await answer({ page: '/services', found: 'yes' });
    await answer({ page: '/about', found: 'yes', comment: 'Clear, thank you' }, undefined, 'fr');

    const anonymous = await t.app.inject({ url: '/en/admin/page-feedback' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent('/en/admin/page-feedback')}`);
    const citizen = await person();
    expect((await citizen.get('/en/admin/page-feedback')).statusCode).toBe(403);
    const org = await t.app.db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirstOrThrow();
    const official = await person([{ role: 'official', scopeType: 'organisation', scopeId: org.id }]);
    expect((await official.get('/en/admin/page-feedback')).statusCode).toBe(403);
    const moderator = await person([{ role: 'moderator' }]);
    expect((await moderator.get('/en/admin/page-feedback')).statusCode).toBe(403);

    const admin = await person([{ role: 'admin' }]);
    const page = await admin.get('/en/admin/page-feedback?days=7');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('4 answers in this period: 2 yes, 2 no.');
    const table = page.body.slice(page.body.indexOf('id="feedback-pages"'), page.body.indexOf('id="feedback-comments"'));
    // /services first (most "No"), with its counts and share.
    expect(table.indexOf('/en/services')).toBeLessThan(table.indexOf('/en/about'));
    expect(table).toMatch(/\/services<\/a><\/th><td[^>]*>1<\/td><td[^>]*>2<\/td><td[^>]*>33%<\/td>/);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> nothing about rent');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('href="/fr/about"');
    expect(page.body).toContain('Clear, thank you');

    // The admins' account page links it; a citizen's does not.
    expect((await admin.get('/en/account')).body).toContain('href="/en/admin/page-feedback"');
    expect((await citizen.get('/en/account')).body).not.toContain('href="/en/admin/page-feedback"');

    // A bad period falls back to the default instead of failing.
    expect((await admin.get('/en/admin/page-feedback?days=abc&page=-3')).statusCode).toBe(200);
  });

  it('limits answers per address', async () => {
    await clear();
    const from = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/en/page-feedback',
        payload: 'page=%2F&found=yes',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        remoteAddress: i < 0 ? '203.0.113.99' : '203.0.113.50',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await from(i)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Another address is not affected.
    expect((await from(-1)).statusCode).toBe(303);
    expect(await rows()).toHaveLength(31);
  });

  it('pages through the comments', async () => {
    await clear();
    for (let i = 1; i <= 27; i++) await answer({ page: `/services/s${i}`, found: 'no', comment: `comment number ${i}` }, { origin });
    const admin = await person([{ role: 'admin' }]);
    const first = await admin.get('/en/admin/page-feedback');
    expect(first.body).toContain('comment number 27');
    expect(first.body).not.toContain('comment number 2<');
    expect(first.body).toContain('page=2');
    const second = await admin.get('/en/admin/page-feedback?days=30&page=2');
    expect(second.body).toContain('comment number 2<');
    expect(second.body).not.toContain('comment number 27');
  });
});
