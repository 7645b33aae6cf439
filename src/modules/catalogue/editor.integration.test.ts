import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { deleteAccount } from '../../platform/gdpr.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { catalogueEditorPersonalData, revisionsByAuthor } from './editor.queries.js';
import { findService, getPublishedService } from './services.queries.js';

/** What the "new service" form posts for a complete, valid service (the family allowance office's). */
const NEW_SERVICE: Record<string, string> = {
  version: '',
  slug: '',
  'name.en': 'Apply for a holiday grant',
  'name.fr': '',
  'summary.en': 'Families with modest incomes can get help to pay for a holiday.',
  'description.en': 'The office pays part of the cost of a stay.\n\nApply online before the end of May.',
  organisation: 'family-allowance-office',
  sector: 'social-and-health-care',
  channels: 'online',
  onlineUrl: 'https://caf.example/holiday',
  isFree: 'yes',
  costAmount: '',
  costCurrency: 'EUR',
  processingTimeAmount: '14',
  processingTimeUnit: 'days',
  accessibility: 'partial',
  'keywords.en': 'holiday, vacation',
};

describeEachDatabase('catalogue: the service editor', (dialect) => {
  let t: TestApp;
  let orgs: Map<string, number>;
  let people = 0;

  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = []) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `editor${people}@example.org`,
      displayName: `Editor ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId });
  };
  const official = (org: string) => person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get(org)! }]);
  const serviceCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('services')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The edit form's fields for a service, as the page fills them in (repeated names for checkboxes). */
  const editFields = async (client: TestClient, slug: string, locale = 'en') => {
    const page = await client.get(`/${locale}/manage/services/${slug}/edit`);
    expect(page.statusCode).toBe(200);
    const unescape = (v: string) =>
      v
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const fields = new URLSearchParams();
    for (const m of page.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
      const tag = m[0];
      const value = unescape(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
      if (m[1] === '_csrf' || (/type="(checkbox|radio)"/.test(tag) && !/\schecked/.test(tag))) continue;
      fields.append(m[1]!, value);
    }
    for (const m of page.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
      fields.append(m[1]!, unescape(m[2]!.replace(/^\n/, '')));
    }
    for (const m of page.body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      fields.append(m[1]!, /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2]!)?.[1] ?? '');
    }
    return fields;
  };
  /** Posts the form fields (with repeated names) with the CSRF token of `formPage`. */
  const postForm = async (
    client: TestClient,
    formPage: string,
    action: string,
    fields: URLSearchParams,
    changes: Record<string, string> = {},
  ) => {
    const page = await client.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const body = new URLSearchParams(fields);
    for (const [k, v] of Object.entries(changes)) body.set(k, v);
    body.set('_csrf', token);
    return t.app.inject({
      method: 'POST',
      url: action,
      payload: body.toString(),
      headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    orgs = new Map((await t.app.db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
  });
  afterAll(() => t.close());

  it('sends signed-out visitors to sign in, refuses their POSTs, and refuses citizens', async () => {
    const page = await t.app.inject({ url: '/en/manage/services' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent('/en/manage/services')}`);
    const anonymous = new TestClient(t.app);
    const post = await anonymous.submit('/en/sign-in', '/en/manage/services/housing-allowance/status', {
      status: 'withdrawn',
      version: '1',
    });
    expect(post.statusCode).toBe(401);

    const citizen = await person();
    expect((await citizen.get('/en/manage/services')).statusCode).toBe(403);
    expect((await citizen.get('/en/manage/services/new')).statusCode).toBe(403);
    expect((await citizen.get('/en/manage/services/housing-allowance/edit')).statusCode).toBe(403);
    const refused = await citizen.submit('/en/account', '/en/manage/services/housing-allowance/status', {
      status: 'withdrawn',
      version: '1',
    });
    expect(refused.statusCode).toBe(403);
    expect((await findService(t.app.db, { slug: 'housing-allowance' }))!.status).toBe('published');
  });

  it('lists only the services of the official’s organisation, with filters and a search', async () => {
    const caf = await official('family-allowance-office');
    const list = await caf.get('/en/manage/services');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toContain('no-store');
    expect(list.body).toContain('href="/en/manage/services/housing-allowance"');
    expect(list.body).not.toContain('apply-for-social-housing');
    expect(list.body).toContain('href="/en/manage/services/new"');
    expect(list.body).toContain('href="/en/manage/services" aria-current="page"');
    const search = await caf.get('/en/manage/services?q=birth');
    expect(search.body).toContain('claim-birth-grant');
    expect(search.body).not.toContain('housing-allowance"');
    const drafts = await caf.get('/en/manage/services?status=draft');
    expect(drafts.body).toContain('No service matches these filters.');
    // Someone else's organisation, asked for in the URL, shows nothing of theirs.
    const other = await caf.get('/en/manage/services?organisation=county-council');
    expect(other.body).not.toContain('apply-for-social-housing');

    const admin = await person([{ role: 'admin' }]);
    const all = await admin.get('/en/manage/services?organisation=county-council');
    expect(all.body).toContain('apply-for-social-housing');
    expect(all.body).toContain('href="/en/admin/catalogue/sectors"');
    // Every service, 25 a page: the second page has the rest.
    const first = await admin.get('/en/manage/services');
    expect(first.body).toContain('href="/en/manage/services?page=2"');
    const second = await admin.get('/en/manage/services?page=2');
    const rows = (body: string) => [...body.matchAll(/<th scope="row"><a href="\/en\/manage\/services\/([^"]+)"/g)].map((m) => m[1]);
    expect(rows(first.body)).toHaveLength(25);
    expect(rows(second.body).length).toBeGreaterThan(0);
    expect(rows(second.body).some((slug) => rows(first.body).includes(slug))).toBe(false);
  });

  it('creates a draft from the form: slug from the name, invisible to the public, with a first revision', async () => {
    const caf = await official('family-allowance-office');
    const form = await caf.get('/en/manage/services/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('lang="fr"');
    expect(form.body).toContain('Not yet translated');
    // The official's only organisation is chosen for them; other organisations are not offered.
    expect(form.body).toMatch(/<option[^>]*value="family-allowance-office"[^>]*selected/);
    expect(form.body).not.toContain('value="county-council"');

    const created = await caf.submit('/en/manage/services/new', '/en/manage/services', NEW_SERVICE);
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/manage/services/apply-for-a-holiday-grant?done=created');
    const service = (await findService(t.app.db, { slug: 'apply-for-a-holiday-grant' }))!;
    expect(service).toMatchObject({ status: 'draft', processingTime: 'P14D', keywords: { en: ['holiday', 'vacation'] }, version: 1 });
    expect(service.description.en).toBe('The office pays part of the cost of a stay.\n\nApply online before the end of May.');
    await expect(getPublishedService(t.app.db, 'apply-for-a-holiday-grant')).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.app.inject({ url: '/en/services/apply-for-a-holiday-grant' })).statusCode).toBe(404);

    const summary = await caf.get(created.headers.location as string);
    expect(summary.body).toContain('created as a draft');
    expect(summary.body).toContain('Draft');
    expect(summary.body).toContain('Publish');
    // Sending the same form again creates nothing more.
    const again = await caf.submit('/en/manage/services/new', '/en/manage/services', NEW_SERVICE);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Another service already has this web address');
    expect((await revisionsByAuthor(t.app.db, caf.userId)).map((r) => r.action)).toEqual(['create']);
    // The revision is part of the official's personal data export.
    const exported = (await catalogueEditorPersonalData.export(t.app.db, caf.userId)) as { serviceRevisions: { service: string }[] };
    expect(exported.serviceRevisions).toMatchObject([{ service: 'apply-for-a-holiday-grant', version: 1 }]);
  });

  it('refuses bad input with every error linked from a summary, keeps what was typed, writes nothing', async () => {
    const caf = await official('family-allowance-office');
    const before = await serviceCount();
    const bad = await caf.submit('/en/manage/services/new', '/en/manage/services', {
      ...NEW_SERVICE,
      'name.en': '',
      'summary.en': 'A summary <b>kept</b>',
      channels: '',
      onlineUrl: 'not a url',
      processingTimeAmount: 'soon',
      costAmount: 'twelve',
      contactEmail: 'nobody',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<title>Error: ');
    for (const id of [
      'service-name-en',
      'service-channels',
      'service-onlineUrl',
      'service-processingTimeAmount',
      'service-costAmount',
      'service-contactEmail',
    ]) {
      expect(bad.body).toContain(`href="#${id}"`);
    }
    expect(bad.body).toContain('A summary &lt;b>kept&lt;/b>');
    expect(bad.body).toContain('Enter a whole number greater than 0');
    expect(await serviceCount()).toBe(before);

    const otherOrganisation = await caf.submit('/en/manage/services/new', '/en/manage/services', {
      ...NEW_SERVICE,
      'name.en': 'Something for the county',
      organisation: 'county-council',
    });
    expect(otherOrganisation.statusCode).toBe(403);
    expect(await serviceCount()).toBe(before);

    const noCsrf = await caf.post('/en/manage/services', { ...NEW_SERVICE, 'name.en': 'Without a token' });
    expect(noCsrf.statusCode).toBe(403);
    expect(await serviceCount()).toBe(before);
  });

  it('edits a service: a revision with a word diff, a conflict on a stale form, nothing written when nothing changed', async () => {
    const caf = await official('family-allowance-office');
    const slug = 'claim-child-benefit';
    const fields = await editFields(caf, slug);
    expect(fields.get('version')).toBe('1');
    const oldSummary = fields.get('summary.en')!;
    const edit = `/en/manage/services/${slug}/edit`;
    const saved = await postForm(caf, edit, `/en/manage/services/${slug}`, fields, { 'summary.en': `${oldSummary} Even easier now.` });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/en/manage/services/${slug}?done=saved`);
    const service = (await findService(t.app.db, { slug }))!;
    expect(service.summary.en).toBe(`${oldSummary} Even easier now.`);
    expect(service.version).toBe(2);

    const history = await caf.get(`/en/manage/services/${slug}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Version 2: edited');
    expect(history.body).toContain('Editor ');
    expect(history.body).toContain('<ins><span class="visually-hidden">[added: </span><span> Even easier now.</span>');
    expect(history.body).toContain('Summary (English)');
    expect(history.body).toContain('Command line or import');

    // The same form again (version 1): someone changed the service since.
    const stale = await postForm(caf, edit, `/en/manage/services/${slug}`, fields, { 'summary.en': 'An older idea of the summary.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this service');
    expect(stale.body).toContain('An older idea of the summary.');
    expect((await findService(t.app.db, { slug }))!.version).toBe(2);

    const unchanged = await postForm(caf, edit, `/en/manage/services/${slug}`, await editFields(caf, slug));
    expect(unchanged.headers.location).toBe(`/en/manage/services/${slug}?done=unchanged`);
    expect((await findService(t.app.db, { slug }))!.version).toBe(2);
  });

  it('publishes, withdraws and returns to draft; the public sees only what is published', async () => {
    const caf = await official('family-allowance-office');
    const slug = 'apply-for-a-holiday-grant';
    const status = (to: string, version: number) =>
      caf.submit(`/en/manage/services/${slug}`, `/en/manage/services/${slug}/status`, { status: to, version: String(version) });
    const published = await status('published', 1);
    expect(published.headers.location).toBe(`/en/manage/services/${slug}?done=published`);
    expect((await getPublishedService(t.app.db, slug)).version).toBe(2);
    const stale = await status('withdrawn', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this service');
    const withdrawn = await status('withdrawn', 2);
    expect(withdrawn.headers.location).toBe(`/en/manage/services/${slug}?done=withdrawn`);
    await expect(getPublishedService(t.app.db, slug)).rejects.toMatchObject({ code: 'not_found' });
    await status('draft', 3);
    expect((await findService(t.app.db, { slug }))!.status).toBe('draft');
    const history = await caf.get(`/en/manage/services/${slug}/history`);
    expect(history.body).toContain('returned to draft');
    expect(history.body).toContain('withdrawn');
    // Status codes are shown in words.
    expect(history.body).toContain('<span>Withdrawn</span>');
  });

  it('refuses to publish an incomplete draft, saying what is missing', async () => {
    const caf = await official('family-allowance-office');
    // An import may leave a draft without the texts the default language needs.
    await t.app.db.updateTable('services').set({ description: '{}' }).where('slug', '=', 'apply-for-a-holiday-grant').execute();
    const refused = await caf.submit(
      '/en/manage/services/apply-for-a-holiday-grant',
      '/en/manage/services/apply-for-a-holiday-grant/status',
      {
        status: 'published',
        version: '4',
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('This could not be done');
    expect(refused.body).toContain('href="/en/manage/services/apply-for-a-holiday-grant/edit"');
    expect((await findService(t.app.db, { slug: 'apply-for-a-holiday-grant' }))!.status).toBe('draft');
  });

  it('an official of another organisation gets 404 for a draft and 403 for a published service, and changes nothing', async () => {
    const county = await official('county-council');
    expect((await county.get('/en/manage/services/apply-for-a-holiday-grant')).statusCode).toBe(404);
    expect((await county.get('/en/manage/services/apply-for-a-holiday-grant/edit')).statusCode).toBe(404);
    expect((await county.get('/en/manage/services/apply-for-a-holiday-grant/history')).statusCode).toBe(404);
    expect((await county.get('/en/manage/services/housing-allowance/edit')).statusCode).toBe(403);
    const caf = await official('family-allowance-office');
    const fields = await editFields(caf, 'housing-allowance');
    const edit = await postForm(county, '/en/manage/services', '/en/manage/services/housing-allowance', fields, {
      'summary.en': 'Hijacked',
    });
    expect(edit.statusCode).toBe(403);
    const withdraw = await county.submit('/en/manage/services', '/en/manage/services/housing-allowance/status', {
      status: 'withdrawn',
      version: fields.get('version')!,
    });
    expect(withdraw.statusCode).toBe(403);
    const publishDraft = await county.submit('/en/manage/services', '/en/manage/services/apply-for-a-holiday-grant/status', {
      status: 'published',
      version: '4',
    });
    expect(publishDraft.statusCode).toBe(404);
    const housing = (await findService(t.app.db, { slug: 'housing-allowance' }))!;
    expect(housing.status).toBe('published');
    expect(housing.summary.en).not.toBe('Hijacked');
  });

  it('an admin edits any organisation’s service, in French too, and may move it to another organisation', async () => {
    const admin = await person([{ role: 'admin' }]);
    const fields = await editFields(admin, 'order-a-waste-bin');
    const saved = await postForm(admin, '/fr/manage/services/order-a-waste-bin/edit', '/fr/manage/services/order-a-waste-bin', fields, {
      organisation: 'county-council',
      'name.fr': 'Commander un bac à déchets',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/fr/manage/services/order-a-waste-bin?done=saved');
    const page = await admin.get(saved.headers.location as string);
    expect(page.body).toContain('Vos modifications ont été enregistrées.');
    expect(page.body).toContain('Commander un bac à déchets');
    expect((await findService(t.app.db, { slug: 'order-a-waste-bin' }))!.organisation).toBe('county-council');
  });

  it('keeps the revisions of a deleted account, shown as a deleted participant', async () => {
    const leaving = await official('family-allowance-office');
    const slug = 'claim-family-support-allowance';
    const saved = await postForm(
      leaving,
      `/en/manage/services/${slug}/edit`,
      `/en/manage/services/${slug}`,
      await editFields(leaving, slug),
      {
        'audience.en': 'Single parents.',
      },
    );
    expect(saved.statusCode).toBe(303);
    await deleteAccount(t.app.db, modules, leaving.userId);
    const admin = await person([{ role: 'admin' }]);
    const history = await admin.get(`/en/manage/services/${slug}/history`);
    expect(history.body).toContain('Deleted participant');
    expect(history.body).toContain('Single parents.');
  });
});
