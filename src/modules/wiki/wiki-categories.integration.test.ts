/**
 * The wiki's kinds and categories on both databases: an author files a new page in a category
 * (form and API); the page links its kind and category to the front page showing only those; the
 * front page filters by kind and category and keeps the filter across its pages; helpers,
 * mediators, moderators and admins change a page's kind and category from its history (audited),
 * and nobody else; an unknown category is refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession, TWO_FACTOR_ROLES } from '../../platform/session.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';

describeEachDatabase('wiki categories', (dialect) => {
  let t: TestApp;
  let people = 0;

  const person = async (roles: Role[] = []) => {
    people += 1;
    const email = `wiki-category-${people}@example.org`;
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Filer ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(roles.some((r) => TWO_FACTOR_ROLES.includes(r)) ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app, `10.8.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId, email });
  };
  const create = (client: TestClient, fields: Record<string, string>) =>
    client.submit('/en/wiki/new', '/en/wiki/new', { baseRevisionId: '', summary: '', type: 'guide', body: 'Some help.', ...fields });
  const read = (url: string) => {
    t.app.contentGeneration.expire();
    return t.app.inject({ url });
  };
  const pageRow = (slug: string) =>
    t.app.db.selectFrom('wiki_pages').select(['type', 'category']).where('slug', '=', slug).executeTakeFirst();
  const listed = (html: string) => [...html.matchAll(/<h2 class="card__title"><a href="\/(?:en|fr)\/wiki\/([^"]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
  });
  afterAll(() => t.close());

  it('files a new page in a category, and shows it under that category in both languages', async () => {
    const author = await person();
    const form = await author.get('/en/wiki/new');
    expect(form.body).toContain('name="category"');
    expect(form.body).toContain('<option value="housing-and-building">Housing and building</option>');
    const created = await create(author, { title: 'Heating help for tenants', category: 'housing-and-building' });
    expect(created.statusCode, created.body).toBe(303);
    expect(await pageRow('heating-help-for-tenants')).toEqual({ type: 'guide', category: 'housing-and-building' });

    const page = await read('/en/wiki/heating-help-for-tenants');
    expect(page.body).toContain('href="/en/wiki?category=housing-and-building">Category: Housing and building</a>');
    expect(page.body).toContain('href="/en/wiki?type=guide"');
    // The editor of an existing page does not offer the category: it is filed from the history.
    expect((await author.get('/en/wiki/heating-help-for-tenants/edit')).body).not.toContain('name="category"');

    const housing = await read('/en/wiki?category=housing-and-building');
    expect(housing.statusCode).toBe(200);
    expect(listed(housing.body)).toContain('heating-help-for-tenants');
    expect(listed(housing.body)).toContain('applying-for-housing-benefit-online');
    expect(listed(housing.body)).not.toContain('enrolling-your-child-at-school-online');
    expect(housing.body).toContain('<option value="housing-and-building" selected>Housing and building</option>');
    const education = await read('/en/wiki?category=education');
    expect(listed(education.body)).toContain('enrolling-your-child-at-school-online');
    expect(listed(education.body)).not.toContain('heating-help-for-tenants');
    // The French front page names the categories in French.
    const french = await read('/fr/wiki?category=housing-and-building');
    expect(french.body).toContain('<option value="housing-and-building" selected>Logement et urbanisme</option>');
    expect(listed(french.body)).toContain('demander-l-aide-au-logement-en-ligne');
  });

  it('filters the front page by kind, combines both filters, and ignores values it does not know', async () => {
    const practices = await read('/en/wiki?type=good_practice');
    const slugs = listed(practices.body);
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    for (const slug of slugs) expect((await pageRow(slug!))?.type).toBe('good_practice');
    expect(practices.body).toMatch(/\d+ pages?/);

    const both = await read('/en/wiki?type=good_practice&category=education');
    for (const slug of listed(both.body)) expect(await pageRow(slug!)).toMatchObject({ type: 'good_practice', category: 'education' });

    // Unknown kinds and categories show every page (no error page for an old bookmark).
    const all = await read('/en/wiki');
    for (const url of ['/en/wiki?type=poem', '/en/wiki?category=nowhere', '/en/wiki?category=%3Cscript%3E']) {
      const page = await read(url);
      expect(page.statusCode, url).toBe(200);
      expect(listed(page.body), url).toEqual(listed(all.body));
      expect(page.body).not.toContain('<script>');
    }
  });

  it('keeps the filter across the front page’s pages', async () => {
    // Saving is rate-limited per person and address: two authors write the 31 pages.
    const authors = [await person(), await person()];
    for (let i = 1; i <= 31; i++)
      expect((await create(authors[i % 2]!, { title: `Job tip ${i}`, category: 'employment' })).statusCode).toBe(303);
    const first = await read('/en/wiki?category=employment');
    expect(first.body).toContain('href="/en/wiki?category=employment&amp;page=2"');
    const second = await read('/en/wiki?category=employment&page=2');
    for (const slug of listed(second.body)) expect((await pageRow(slug!))?.category).toBe('employment');
  });

  it('starts a guide or a good-practice sheet with its usual sections, in the reader’s language', async () => {
    const author = await person();
    const index = await read('/en/wiki?category=education');
    expect(index.body).toContain('href="/en/wiki/new?type=good_practice&amp;category=education"');
    expect(index.body).toContain('href="/en/wiki/new?type=guide&amp;category=education"');

    const sheet = await author.get('/en/wiki/new?type=good_practice&category=education');
    expect(sheet.statusCode).toBe(200);
    for (const heading of [
      '# Territory',
      '# Organisation',
      '# The problem',
      '# What was done',
      '# Results',
      '# What it takes to transfer it',
      '# Contact',
    ])
      expect(sheet.body).toContain(heading);
    expect(sheet.body).toContain('<option value="good_practice" selected>');
    expect(sheet.body).toContain('<option value="education" selected>');
    expect(sheet.body).toContain('remove the sections you do not need');
    // Once the writer typed their own text (an error sends the form back), the line goes.
    const typed = await author.submit('/en/wiki/new?type=good_practice', '/en/wiki/new', {
      baseRevisionId: '',
      summary: '',
      type: 'good_practice',
      title: '',
      body: '# Territory\n\nOur town.',
    });
    expect(typed.statusCode).toBe(422);
    expect(typed.body).toContain('Our town.');
    expect(typed.body).not.toContain('remove the sections you do not need');
    const guide = (await author.get('/fr/wiki/new?type=guide')).body;
    expect(guide).toContain('# Avant de commencer');
    expect(guide).toContain('# Où trouver de l’aide');
    // No kind, or one it does not know: an empty page, as before.
    for (const url of ['/en/wiki/new', '/en/wiki/new?type=poem', '/en/wiki/new?type=general']) {
      const page = await author.get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).not.toContain('# Territory');
      expect(page.body, url).not.toContain('remove the sections');
    }
  });

  it('lets helpers and mediators change a page’s kind and category from its history, audited', async () => {
    const author = await person();
    await create(author, { title: 'Paying rent online' });
    expect(await pageRow('paying-rent-online')).toEqual({ type: 'guide', category: null });
    const helper = await person(['helper']);
    const history = await helper.get('/en/wiki/paying-rent-online/history');
    expect(history.body).toContain('action="/en/wiki/paying-rent-online/classify"');
    const filed = await helper.submit('/en/wiki/paying-rent-online/history', '/en/wiki/paying-rent-online/classify', {
      type: 'good_practice',
      category: 'housing-and-building',
    });
    expect(filed.statusCode).toBe(303);
    expect(filed.headers.location).toBe('/en/wiki/paying-rent-online?done=classified');
    expect(await pageRow('paying-rent-online')).toEqual({ type: 'good_practice', category: 'housing-and-building' });
    expect((await helper.get(filed.headers.location!)).body).toContain('kind and category are saved');
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'wiki.classify')
      .where('subject_id', '=', 'paying-rent-online')
      .execute();
    expect(audit).toEqual([{ action: 'wiki.classify', actor_id: helper.userId }]);
    // No new revision: the text did not change.
    const revisions = await t.app.db
      .selectFrom('wiki_revisions as r')
      .innerJoin('wiki_pages as p', 'p.id', 'r.page_id')
      .select('r.id')
      .where('p.slug', '=', 'paying-rent-online')
      .execute();
    expect(revisions).toHaveLength(1);
    // Back to no category.
    await helper.submit('/en/wiki/paying-rent-online/history', '/en/wiki/paying-rent-online/classify', { type: 'guide', category: '' });
    expect(await pageRow('paying-rent-online')).toEqual({ type: 'guide', category: null });
  });

  describe('who may not, and what is refused', () => {
    it('refuses classifying to citizens and visitors, and shows them no form', async () => {
      const author = await person();
      await create(author, { title: 'Renewing a passport' });
      const history = await author.get('/en/wiki/renewing-a-passport/history');
      expect(history.body).not.toContain('/classify"');
      const refused = await author.submit('/en/wiki/renewing-a-passport/history', '/en/wiki/renewing-a-passport/classify', {
        type: 'good_practice',
        category: 'education',
      });
      expect(refused.statusCode).toBe(403);
      const visitor = new TestClient(t.app, '10.8.9.9');
      const signedOut = await visitor.post('/en/wiki/renewing-a-passport/classify', {
        type: 'good_practice',
        category: 'education',
      });
      expect([302, 303, 403]).toContain(signedOut.statusCode);
      expect(await pageRow('renewing-a-passport')).toEqual({ type: 'guide', category: null });
      const entries = await t.app.db.selectFrom('audit_log').select('id').where('subject_id', '=', 'renewing-a-passport').execute();
      expect(entries).toEqual([]);
    });

    it('refuses an unknown category or kind with a clear error, and writes nothing', async () => {
      const author = await person();
      const refused = await create(author, { title: 'Nowhere page', category: 'not-a-sector' });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('Choose one of the categories listed');
      expect(refused.body).toContain('href="#wiki-category"');
      expect(await pageRow('nowhere-page')).toBeUndefined();

      const helper = await person(['mediator']);
      await create(author, { title: 'Filed once' });
      for (const fields of [
        { type: 'guide', category: 'not-a-sector' },
        { type: 'poem', category: '' },
      ]) {
        const bad = await helper.submit('/en/wiki/filed-once/history', '/en/wiki/filed-once/classify', fields);
        expect(bad.statusCode).toBe(422);
      }
      expect(await pageRow('filed-once')).toEqual({ type: 'guide', category: null });
      const missing = await helper.submit('/en/wiki/filed-once/history', '/en/wiki/no-such-page/classify', {
        type: 'guide',
        category: '',
      });
      expect(missing.statusCode).toBe(404);
    });

    it('takes the category through the API on creation, and refuses an unknown one', async () => {
      const author = await person();
      const { token } = await createApiTokenForEmail(t.app.db, { email: author.email, name: 'categories test' });
      const put = (slug: string, payload: Record<string, unknown>) =>
        t.app.inject({
          method: 'PUT',
          url: `/api/v1/wiki/${slug}`,
          payload,
          headers: { authorization: `Bearer ${token}` },
          remoteAddress: '10.8.7.1',
        });
      const bad = await put('api-nowhere', { title: 'API nowhere', body: 'Text.', category: 'not-a-sector' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'category' }] });
      expect(await pageRow('api-nowhere')).toBeUndefined();
      const created = await put('api-filed', { title: 'API filed', body: 'Text.', type: 'guide', category: 'employment' });
      expect(created.statusCode, created.body).toBe(201);
      expect((await read('/api/v1/wiki/api-filed')).json()).toMatchObject({ type: 'guide', category: 'employment' });
    });
  });
});
