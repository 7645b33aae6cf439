/**
 * `PATCH /api/v1/wiki/{slug}` on both databases: filing a page (kind, category) and protecting it
 * through the API, as the history page's forms do. Who may (helpers file; moderators and admins
 * file and protect) and who may not (no token, a session cookie, a citizen, a helper protecting),
 * everything checked before anything is written (a request that files and protects, refused for the
 * protection, files nothing), bad input (a clear error), the audit trail and the page afterwards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { apiPages, apiPeople, openApiChecker, type ApiPerson } from './testing/api.js';

describeEachDatabase('wiki page settings API', (dialect) => {
  let t: TestApp;
  let check: (schema: string, value: unknown) => void;
  const person = apiPeople(() => t.app, 'wiki-settings', 4);

  const patch = (slug: string, who: ApiPerson | null, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/wiki/${slug}`,
      remoteAddress: who?.browser.ip ?? '203.0.113.40',
      headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers },
      payload,
    });
  const settingsOf = (slug: string) =>
    t.app.db.selectFrom('wiki_pages').select(['type', 'category', 'protected']).where('slug', '=', slug).executeTakeFirstOrThrow();
  const auditOf = (slug: string) =>
    t.app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'data'])
      .where('subject_type', '=', 'wiki_page')
      .where('subject_id', '=', slug)
      .where('action', 'in', ['wiki.classify', 'wiki.protect', 'wiki.unprotect'])
      .orderBy('id')
      .execute();
  /** A general page without a category, written through the API; its slug. */
  const newPage = apiPages(
    () => t.app,
    () => person(),
    'Settings',
  );
  const sector = 'housing-and-building';

  beforeAll(async () => {
    // The categories are the catalogue's sectors: the demo territory has them.
    t = await createTestApp(dialect, { seed: true });
    check = await openApiChecker(t.app);
  });
  afterAll(() => t.close());

  it('lets a helper file a page and a moderator protect it; the page shows both; each change is audited once', async () => {
    const slug = await newPage();
    const helper = await person(['helper']);
    const moderator = await person(['moderator']);

    const filed = await patch(slug, helper, JSON.stringify({ type: 'guide', category: sector }));
    expect(filed.statusCode, filed.body).toBe(200);
    check('WikiPageSettings', filed.json());
    expect(filed.json()).toEqual({ slug, type: 'guide', category: sector, protected: false, changed: true });
    // The same again changes nothing, and says so.
    expect((await patch(slug, helper, JSON.stringify({ type: 'guide' }))).json()).toMatchObject({ changed: false });

    const guarded = await patch(slug, moderator, JSON.stringify({ protected: true, category: null }));
    expect(guarded.statusCode, guarded.body).toBe(200);
    expect(guarded.json()).toEqual({ slug, type: 'guide', category: null, protected: true, changed: true });
    expect(await settingsOf(slug)).toEqual({ type: 'guide', category: null, protected: 1 });
    const page = (await t.app.inject({ url: `/api/v1/wiki/${slug}` })).json<{
      type: string;
      category: string | null;
      protected: boolean;
    }>();
    expect(page).toMatchObject({ type: 'guide', category: null, protected: true });

    expect(await auditOf(slug)).toEqual([
      { action: 'wiki.classify', actor_id: helper.userId, data: expect.stringContaining(`"category":"${sector}"`) },
      { action: 'wiki.classify', actor_id: moderator.userId, data: expect.stringContaining('"category":null') },
      { action: 'wiki.protect', actor_id: moderator.userId, data: '{}' },
    ]);
    expect((await patch(slug, moderator, JSON.stringify({ protected: false }))).json()).toMatchObject({ protected: false, changed: true });
    expect((await auditOf(slug)).at(-1)).toMatchObject({ action: 'wiki.unprotect' });
  });

  it('refuses whoever may not, and writes nothing: no token, a session cookie, a citizen, a helper protecting', async () => {
    const slug = await newPage();
    const citizen = await person();
    const helper = await person(['helper']);
    expect((await patch(slug, null, JSON.stringify({ type: 'guide' }))).statusCode).toBe(401);
    const cookie = await patch(slug, null, JSON.stringify({ type: 'guide' }), {
      cookie: `ecoop_session=${citizen.browser.cookies.get('ecoop_session')}`,
    });
    expect(cookie.statusCode).toBe(401);
    expect((await patch(slug, citizen, JSON.stringify({ type: 'guide' }))).statusCode).toBe(403);
    // Filing is allowed, protecting is not: the request is refused whole, nothing is filed.
    const both = await patch(slug, helper, JSON.stringify({ type: 'guide', protected: true }));
    expect(both.statusCode).toBe(403);
    check('Error', both.json());
    expect(await settingsOf(slug)).toEqual({ type: 'general', category: null, protected: 0 });
    expect(await auditOf(slug)).toEqual([]);
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const slug = await newPage();
    const admin = await person(['admin']);
    const bad = async (payload: string, status: number, field?: string) => {
      const r = await patch(slug, admin, payload);
      expect(r.statusCode, `${payload}: ${r.body}`).toBe(status);
      check('Error', r.json());
      if (field) expect(r.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toContain(field);
    };
    await bad('{}', 422, 'type');
    await bad(JSON.stringify({ type: 'poem' }), 422, 'type');
    // An unknown category is refused even when the protection in the same request is fine.
    await bad(JSON.stringify({ category: 'no-such-sector', protected: true }), 422, 'category');
    await bad(JSON.stringify({ protected: 'yes' }), 400);
    await bad(JSON.stringify({ title: 'Renamed' }), 400);
    await bad('{"type": ', 400);
    expect(await settingsOf(slug)).toEqual({ type: 'general', category: null, protected: 0 });
    expect(await auditOf(slug)).toEqual([]);
    const missing = await patch('no-such-page', admin, JSON.stringify({ protected: true }));
    expect(missing.statusCode).toBe(404);
    expect((await patch('x'.repeat(121), admin, JSON.stringify({ protected: true }))).statusCode).toBe(400);
  });
});
