import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../test/support.js';
import { modules } from '../modules/index.js';
import { CsrfField } from '../ui/components/index.js';
import { useUi } from '../ui/context.js';
import { createUserWithRoles } from '../modules/accounts/index.js';
import { TestClient } from '../modules/accounts/testing.js';
import { contentChanged } from './content-cache.js';
import { createSession } from './session.js';
import type { EcoopModule } from './module.js';
import { appNow, nextMinute, setClock } from './clock.js';
import { sendPage } from './render.js';
import { sendSharedPage, sendSharedPageFrom } from './shared-page.js';
import { localizedGet, localizedPost } from './routing.js';

let renders = 0;
/** Shows the text, and whoever the body thinks is reading it (it must think: nobody). */
function SharedBody() {
  const { user } = useUi();
  return (
    <p id="shared">
      {text}
      {user ? ` for ${user.displayName}` : ''}
    </p>
  );
}
let text = 'first';
/** A personal body: the reader's name and a form. */
function PersonalBody() {
  const { user } = useUi();
  return (
    <form method="post" action="/en/shared-form-post">
      <p id="personal">for {user?.displayName ?? 'a visitor'}</p>
      <CsrfField />
    </form>
  );
}
const sharing: EcoopModule = {
  name: 'test-shared',
  routes: (app) => {
    localizedGet(app, '/shared-test', (request, reply) =>
      sendSharedPage(
        request,
        reply,
        request.url,
        () => {
          renders += 1;
          return <SharedBody />;
        },
        { title: 'Shared' },
      ),
    );
    // Under /api/, so the test needs no CSRF token.
    app.post('/api/test-shared-write', async () => {
      text = 'written';
      await contentChanged(app.db);
      return { ok: true };
    });
    // A body that changes with time: "the minute is N", true until the next minute by the app's clock.
    localizedGet(app, '/shared-minute', (request, reply) =>
      sendSharedPageFrom(request, reply, request.url, async () => {
        const now = appNow(app.config);
        renders += 1;
        return {
          body: () => <p id="minute">minute {Math.floor(now.getTime() / 60_000)}</p>,
          options: { title: 'Minute', expiresAt: nextMinute(now) },
        };
      }),
    );
    // A shared body with a form: each reader gets their own CSRF token.
    localizedGet(app, '/shared-form-slot', (request, reply) =>
      sendSharedPageFrom(
        request,
        reply,
        request.url,
        async () => {
          renders += 1;
          return {
            body: () => (
              <form method="post" action="/en/shared-form-post">
                <CsrfField />
              </form>
            ),
            options: { title: 'Form slot' },
          };
        },
        { csrf: true },
      ),
    );
    localizedPost(app, '/shared-form-post', async (_request, reply) => reply.send({ posted: true }));
    // A personal page (sendPage): its body is rendered per request, its layout from a shell.
    localizedGet(app, '/personal-test', (request, reply) => sendPage(request, reply, <PersonalBody />, { title: 'Personal' }));
    localizedGet(app, '/shared-with-form', (request, reply) =>
      sendSharedPage(
        request,
        reply,
        request.url,
        () => (
          <form method="post">
            <CsrfField />
          </form>
        ),
        { title: 'Form' },
      ),
    );
  },
};

describeEachDatabase('shared page bodies', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    text = 'first';
    t = await createTestApp(dialect, { config: { pageCache: true }, build: { modules: [...modules, sharing] } });
  });
  afterAll(() => t.close());
  /** A signed-in reader, with their own session. */
  const reader = async (email: string, displayName: string) => {
    const userId = await createUserWithRoles(t.app.db, { email, displayName, password: 'a long enough password', locale: 'en', roles: [] });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };

  it('renders a body once per content generation and locale, and again after content changes', async () => {
    const get = (url: string) => t.app.inject({ url });
    const first = await get('/en/shared-test?x=1');
    expect(first.body).toContain('<p id="shared">first</p>');
    // Another query string is another body; the same one (even for another visitor) is reused.
    await get('/en/shared-test?x=2');
    const before = renders;
    text = 'second';
    expect((await get('/en/shared-test?x=1')).body).toContain('<p id="shared">first</p>');
    expect(renders).toBe(before);
    await contentChanged(t.app.db);
    // The generation is read at most once a second.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await get('/en/shared-test?x=1')).body).toContain('<p id="shared">second</p>');
    expect(renders).toBe(before + 1);
    expect((await get('/fr/shared-test?x=1')).statusCode).toBe(200);
    expect(renders).toBe(before + 2);
  });

  it('shows a write at once on the instance that made it (read-your-writes)', async () => {
    expect((await t.app.inject({ url: '/en/shared-test?x=3' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/test-shared-write' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/en/shared-test?x=3' })).body).toContain('<p id="shared">written</p>');
  });

  it('renders a shared body as nobody in particular, even for a signed-in viewer', async () => {
    const userId = await createUserWithRoles(t.app.db, {
      email: 'reader@example.org',
      displayName: 'Rita Reader',
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    const cookie = `ecoop_session=${await createSession(t.app.db, userId)}`;
    const res = await t.app.inject({ url: '/en/shared-test?x=4', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    // Signed in (personal pages are never stored), yet the body knows nobody.
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.body).toContain('href="/en/account"');
    expect(res.body).not.toContain('for Rita Reader');
  });

  it('renders a body that changes with time again once the app clock passes its expiry, and so does the page cache', async () => {
    const minute = (ms: number) => Math.floor(ms / 60_000);
    let now = Date.parse('2026-12-02T09:00:10Z');
    setClock(t.app.config, () => new Date(now));
    try {
      const first = await t.app.inject({ url: '/en/shared-minute' });
      expect(first.body).toContain(`minute ${minute(now)}`);
      const before = renders;
      now += 40_000; // 09:00:50: still true.
      const cached = await t.app.inject({ url: '/en/shared-minute' });
      expect(cached.headers['x-page-cache']).toBe('hit');
      expect(cached.body).toContain(`minute ${minute(now)}`);
      expect(renders).toBe(before);
      now += 10_000; // 09:01:00: the anonymous copy and the shared body have both expired.
      const next = await t.app.inject({ url: '/en/shared-minute' });
      expect(next.headers['x-page-cache']).toBe('miss');
      expect(next.body).toContain(`minute ${minute(now)}`);
      expect(renders).toBe(before + 1);
    } finally {
      setClock(t.app.config, null);
    }
  });

  it('gives each reader of a shared body with a form their own CSRF token, and never caches the page', async () => {
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const first = await t.app.inject({ url: '/en/shared-form-slot' });
    const before = renders;
    const second = await t.app.inject({ url: '/en/shared-form-slot' });
    expect(renders).toBe(before);
    expect(second.headers['x-page-cache']).toBeUndefined();
    expect(token(first.body)).toBeTruthy();
    expect(token(second.body)).toBeTruthy();
    expect(token(second.body)).not.toBe(token(first.body));
    expect(first.body).not.toMatch(/csrf-[0-9a-f]{24}/);
    // Each token works for its reader (their cookie), and a form without one is refused.
    for (const reader of [new TestClient(t.app), new TestClient(t.app)]) {
      const posted = await reader.submit('/en/shared-form-slot', '/en/shared-form-post', {});
      expect(posted.statusCode).toBe(200);
      expect(posted.json()).toEqual({ posted: true });
    }
    expect((await new TestClient(t.app).post('/en/shared-form-post', {})).statusCode).toBe(403);
    // Signed in, the layout holds a form too (sign out): one token for the whole page, so both work.
    const userId = await createUserWithRoles(t.app.db, {
      email: 'former@example.org',
      displayName: 'Fatima Former',
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    const member = new TestClient(t.app);
    member.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    const page = await member.get('/en/shared-form-slot');
    const tokens = [...page.body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    expect(tokens.length).toBeGreaterThan(1);
    expect(new Set(tokens).size).toBe(1);
    expect((await member.post('/en/shared-form-post', { _csrf: tokens[0]! })).statusCode).toBe(200);
    expect(renders).toBe(before);
  });

  it('renders the layout around a shared body for each address, sign-in and display preferences, and nobody’s name', async () => {
    const [sam, tess] = [await reader('sam@example.org', 'Sam Shell'), await reader('tess@example.org', 'Tess Shell')];
    const before = renders;
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    const samPage = await sam.get('/en/shared-test?x=5');
    const tessPage = await tess.get('/en/shared-test?x=5');
    // One body for both; each layout holds its reader's own sign-out token, and no name.
    expect(renders).toBe(before + 1);
    for (const page of [samPage, tessPage]) {
      expect(page.body).toContain('action="/en/sign-out"');
      expect(page.body).toContain('<title>Shared – E-COOP</title>');
      expect(page.body).not.toMatch(/Sam Shell|Tess Shell|body-[0-9a-f]{24}|csrf-[0-9a-f]{24}/);
    }
    expect(token(samPage.body)).toBeTruthy();
    expect(token(samPage.body)).not.toBe(token(tessPage.body));
    expect((await sam.post('/en/sign-out', { _csrf: token(tessPage.body)! })).statusCode).toBe(403);
    // Signed out, the same address gets the visitor's links; display preferences change <html>.
    const visitor = await t.app.inject({ url: '/en/shared-test?x=5' });
    expect(visitor.body).toContain('href="/en/sign-in"');
    expect(visitor.body).not.toContain('/en/sign-out');
    expect(visitor.body).toMatch(/<html lang="en" dir="ltr">/);
    const large = await t.app.inject({ url: '/en/shared-test?x=5', cookies: { ecoop_prefs: 'lt' } });
    expect(large.body).toContain('<html lang="en" dir="ltr" class="pref-large-text">');
    // Each address keeps its own query in the language links.
    const other = await sam.get('/en/shared-test?x=5&y=1');
    expect(other.body).toContain('href="/fr/shared-test?x=5&amp;y=1"');
    expect(samPage.body).toContain('href="/fr/shared-test?x=5"');
  });

  it('renders a personal page’s body for each reader inside a layout made once, with one working token per page', async () => {
    const [una, vic] = [await reader('una@example.org', 'Una Personal'), await reader('vic@example.org', 'Vic Personal')];
    const pages = [await una.get('/en/personal-test?p=1'), await vic.get('/en/personal-test?p=1')];
    expect(pages[0]!.body).toContain('<p id="personal">for Una Personal</p>');
    expect(pages[1]!.body).toContain('<p id="personal">for Vic Personal</p>');
    expect(pages[1]!.body).not.toContain('Una Personal');
    for (const [i, client] of [una, vic].entries()) {
      const page = pages[i]!;
      expect(page.body).toContain('<title>Personal – E-COOP</title>');
      expect(page.body).toContain('href="/fr/personal-test?p=1"');
      expect(page.body).not.toMatch(/body-[0-9a-f]{24}|csrf-[0-9a-f]{24}/);
      // The body's form and the layout's sign-out hold the same token, the reader's own.
      const tokens = [...page.body.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
      expect(tokens).toHaveLength(2);
      expect(new Set(tokens).size).toBe(1);
      expect((await client.post('/en/shared-form-post', { _csrf: tokens[0]! })).statusCode).toBe(200);
    }
    const visitor = await t.app.inject({ url: '/en/personal-test?p=1' });
    expect(visitor.body).toContain('for a visitor');
    expect(visitor.body).toContain('href="/en/sign-in"');
    expect(visitor.body).not.toContain('/en/sign-out');
  });

  it('refuses a body that holds a CSRF token (it would be shown to someone else)', async () => {
    const res = await t.app.inject({ url: '/en/shared-with-form' });
    expect(res.statusCode).toBe(500);
  });
});
