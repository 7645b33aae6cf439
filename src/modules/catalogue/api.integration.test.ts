/** The services API: reading (filters, cursor, search ranking), writing with API tokens, who may not, and its OpenAPI description. */
import zlib from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { search } from '../../platform/search.js';
import { createSession } from '../../platform/session.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { countServices } from './catalogue.queries.js';
import { demoServiceInput } from './catalogue.service.js';
import { DEMO_SERVICES } from './demo-data.js';
import { createService, findService } from './services.service.js';

type Json = Record<string, any>;
const JSON_BODY = { 'content-type': 'application/json' };

describeEachDatabase('catalogue API', (dialect) => {
  let t: TestApp;
  let orgs: Map<string, number>;
  let people = 0;
  const tokens: Record<'admin' | 'county' | 'agency' | 'citizen', string> = { admin: '', county: '', agency: '', citizen: '' };
  let adminId = 0;

  /** A user with these roles (two-factor on, so privileged roles are in effect) and an API token. */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[]) => {
    people += 1;
    const email = `api${people}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: `API ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return { id, token: (await createApiTokenForEmail(t.app.db, { email, name: 'integration' })).token };
  };

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined || options.raw !== undefined ? JSON_BODY : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { payload: options.raw } : {}),
    });
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    call('GET', url, { ...(token ? { token } : {}), headers });

  /** Every service of a listing, walking `next` until null, with the pages' sizes. */
  const walk = async (url: string) => {
    const slugs: string[] = [];
    const sizes: number[] = [];
    let next: string | null = null;
    let total = -1;
    do {
      const r = await get(`${url}${url.includes('?') ? '&' : '?'}${next ? `cursor=${encodeURIComponent(next)}` : ''}`);
      expect(r.statusCode).toBe(200);
      const body = r.json<Json>();
      slugs.push(...body.data.map((s: Json) => s.slug));
      sizes.push(body.data.length);
      next = body.next;
      total = body.total;
    } while (next !== null && sizes.length < 100);
    return { slugs, sizes, total };
  };

  const newService = (overrides: Json = {}) => ({
    ...demoServiceInput(DEMO_SERVICES[0]!),
    identifier: undefined,
    slug: 'api-test-service',
    organisation: 'county-council',
    name: { en: 'Borrow a garden tool kit', fr: 'Emprunter des outils de jardin' },
    ...overrides,
  });
  const serviceCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('services')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const revisionCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('service_revisions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    orgs = new Map((await t.app.db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
    const admin = await person([{ role: 'admin' }]);
    adminId = admin.id;
    tokens.admin = admin.token;
    tokens.county = (await person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get('county-council')! }])).token;
    tokens.agency = (await person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get('employment-agency')! }])).token;
    tokens.citizen = (await person([])).token;
    // A draft and a withdrawn service, which nobody may list.
    await createService(t.app.db, 'cli', newService({ slug: 'a-county-draft', name: { en: 'Housing benefit draft', fr: 'Brouillon' } }), {
      defaultLocale: 'en',
      audit: {},
    });
    await createService(t.app.db, 'cli', newService({ slug: 'a-withdrawn-one', name: { en: 'Housing benefit withdrawn', fr: 'Retiré' } }), {
      defaultLocale: 'en',
      audit: {},
      status: 'withdrawn',
    });
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('lists every published service exactly once, in slug order, by cursor; drafts and withdrawn never', async () => {
      const { slugs, sizes, total } = await walk('/api/v1/services?limit=7');
      const published = DEMO_SERVICES.map((s) => s.slug).sort();
      expect(slugs).toEqual(published);
      expect(total).toBe(published.length);
      expect(sizes.slice(0, -1).every((n) => n === 7)).toBe(true);
      expect(slugs).not.toContain('a-county-draft');
      expect(slugs).not.toContain('a-withdrawn-one');
    });

    it('returns the public shape with names, absolute URLs in the reader’s language, and CORS for anonymous readers', async () => {
      const r = await get('/api/v1/services?organisation=family-allowance-office&limit=1', undefined, { 'accept-language': 'fr' });
      expect(r.headers['access-control-allow-origin']).toBe('*');
      const [s] = r.json<Json>().data;
      expect(s.slug).toBe('apply-for-in-work-bonus');
      expect(s.url).toBe(`${t.app.config.baseUrl}/fr/services/apply-for-in-work-bonus`);
      expect(s.path).toBe('/services/apply-for-in-work-bonus');
      expect(s.names.organisation.en).toBeTruthy();
      expect(s.names.sector.fr).toBeTruthy();
      expect(s).toMatchObject({ status: 'published', organisation: 'family-allowance-office', sector: 'social-and-health-care' });
      expect(s).not.toHaveProperty('id');
      expect(s).not.toHaveProperty('organisationId');
    });

    it('filters as the pages do, and pages the filtered list with the cursor', async () => {
      const cases: [string, Parameters<typeof countServices>[1], (s: Json) => boolean][] = [
        ['sector=employment', { sector: 'employment' }, (s) => s.sector === 'employment'],
        ['lifeEvent=having-a-child', { lifeEvent: 'having-a-child' }, (s) => s.lifeEvents.includes('having-a-child')],
        ['channel=phone', { channel: 'phone' }, (s) => s.channels.includes('phone')],
        ['free=false', { free: false }, (s) => s.isFree === false],
        ['language=fr', { language: 'fr' }, (s) => s.languages.includes('fr')],
        ['organisation=county-council', { organisation: 'county-council' }, (s) => s.organisation === 'county-council'],
        [
          'sector=employment&channel=in_person&free=true',
          { sector: 'employment', channel: 'in_person', free: true },
          (s) => s.sector === 'employment' && s.channels.includes('in_person') && s.isFree,
        ],
      ];
      for (const [query, filters, test] of cases) {
        const expected = await countServices(t.app.db, filters);
        expect(expected, query).toBeGreaterThan(0);
        const { slugs, total } = await walk(`/api/v1/services?${query}&limit=2`);
        expect(total, query).toBe(expected);
        expect(slugs.length, query).toBe(expected);
        expect(new Set(slugs).size, query).toBe(expected);
        const page = (await get(`/api/v1/services?${query}&limit=100`)).json<Json>().data as Json[];
        expect(page.every(test), query).toBe(true);
      }
      expect((await get('/api/v1/services?sector=no-such-sector')).json<Json>()).toMatchObject({ data: [], next: null, total: 0 });
    });

    it('refuses malformed parameters with a 400 naming each one', async () => {
      const bad: [string, string[]][] = [
        ['limit=0', ['limit']],
        ['limit=101', ['limit']],
        ['limit=ten', ['limit']],
        ['channel=fax', ['channel']],
        ['free=yes', ['free']],
        ['language=french', ['language']],
        ['sector=Not%20a%20slug', ['sector']],
        ['secter=employment', ['secter']],
        ['cursor=not-a-cursor', ['cursor']],
        ['sector=a&sector=b', ['sector']],
        ['limit=0&channel=fax', ['limit', 'channel']],
      ];
      for (const [query, fields] of bad) {
        const r = await get(`/api/v1/services?${query}`);
        expect(r.statusCode, query).toBe(400);
        const body = r.json<Json>();
        expect(body.code).toBe('bad_request');
        expect(body.fields.map((f: Json) => f.field).sort(), query).toEqual([...fields].sort());
        expect(body.requestId).toBeTruthy();
      }
      // A listing cursor is not a search cursor, and the other way round.
      const listing = (await get('/api/v1/services?limit=1')).json<Json>().next;
      expect((await get(`/api/v1/services?q=benefit&cursor=${listing}`)).statusCode).toBe(400);
      const searching = (await get('/api/v1/services?q=allowance&limit=1')).json<Json>().next;
      expect(searching).not.toBeNull();
      expect((await get(`/api/v1/services?cursor=${searching}`)).statusCode).toBe(400);
    });

    it('with q, lists in the order of the platform search (the search page’s), filters included', async () => {
      for (const q of ['allowance', 'housng benfit', 'apply']) {
        const found = await search(t.app.db, q, { types: ['service'], limit: 100 });
        expect(found.hits.length, q).toBeGreaterThan(0);
        const { slugs, total } = await walk(`/api/v1/services?q=${encodeURIComponent(q)}&limit=2`);
        expect(slugs, q).toEqual(found.hits.map((h) => h.refId));
        expect(total, q).toBe(found.total);
        const inSector = (await get(`/api/v1/services?q=${encodeURIComponent(q)}&sector=social-and-health-care&limit=100`)).json<Json>();
        const social = new Set(DEMO_SERVICES.filter((s) => s.sector === 'social-and-health-care').map((s) => s.slug));
        const expected = found.hits.map((h) => h.refId).filter((s) => social.has(s));
        expect(
          inSector.data.map((s: Json) => s.slug),
          q,
        ).toEqual(expected);
        expect(inSector.total, q).toBe(expected.length);
        const walked = await walk(`/api/v1/services?q=${encodeURIComponent(q)}&sector=social-and-health-care&limit=1`);
        expect(walked.slugs, q).toEqual(expected);
      }
      expect((await get('/api/v1/services?q=housing')).json<Json>().data.map((s: Json) => s.slug)).not.toContain('a-county-draft');
      expect((await get('/api/v1/services?q=zzzzqqqq')).json<Json>()).toMatchObject({ data: [], next: null, total: 0 });
    });

    it('costs as many queries for a long page as for a short one (no N+1)', async () => {
      const cost = async (url: string) => {
        await get(url);
        const before = t.app.database.queryCount();
        await get(url);
        return t.app.database.queryCount() - before;
      };
      // Pages differ by one query at most: the status of related services is asked only when a page has some.
      const pairs: [string, string][] = [
        ['/api/v1/services?limit=50', '/api/v1/services?limit=2'],
        // Both pages full (the platform search skips its count query on a last page).
        ['/api/v1/services?q=apply&limit=4', '/api/v1/services?q=apply&limit=2'],
        ['/api/v1/services?q=apply&sector=employment&limit=4', '/api/v1/services?q=apply&sector=employment&limit=2'],
      ];
      for (const [long, short] of pairs) {
        const [l, s] = [await cost(long), await cost(short)];
        expect(Math.abs(l - s), `${long}: ${l}, ${short}: ${s}`).toBeLessThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(12);
      }
    });

    it('searches with the ranking of the search page, in every language, with absolute URLs', async () => {
      // Services only: wiki guides are in the index too (types=wiki.page), and may rank first.
      const r = await get('/api/v1/search?q=housng%20benfit&types=service', undefined, { 'accept-language': 'fr-FR,fr;q=0.9' });
      expect(r.statusCode).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe('*');
      const body = r.json<Json>();
      const found = await search(t.app.db, 'housng benfit', { types: ['service'], limit: 20, offset: 0 });
      expect(body.total).toBe(found.total);
      expect(body.hits.map((h: Json) => h.refId)).toEqual(found.hits.map((h) => h.refId));
      expect(body.hits[0]).toMatchObject({
        type: 'service',
        refId: 'housing-allowance',
        path: '/services/housing-allowance',
        url: `${t.app.config.baseUrl}/fr/services/housing-allowance`,
      });
      expect(body.hits[0].title.en).toBeTruthy();
      expect(body.hits[0].title.fr).toBeTruthy();
      const paged = (await get('/api/v1/search?q=apply&types=service&limit=2&offset=2')).json<Json>();
      const expected = await search(t.app.db, 'apply', { types: ['service'], limit: 2, offset: 2 });
      expect(paged.hits.map((h: Json) => h.refId)).toEqual(expected.hits.map((h) => h.refId));
      expect((await get('/api/v1/search?q=apply&types=nothing')).json<Json>().hits).toEqual([]);
      for (const query of ['', 'q=a&limit=500', 'q=a&offset=-1', 'q=a&types=Bad%20Type', 'q=a&page=2']) {
        expect((await get(`/api/v1/search?${query}`)).statusCode, query).toBe(400);
      }
    });

    it('gives one service with its version as ETag, and 304 when unchanged', async () => {
      const r = await get('/api/v1/services/housing-allowance');
      expect(r.statusCode).toBe(200);
      const s = r.json<Json>();
      expect(r.headers.etag).toBe(`W/"${s.version}"`);
      expect(s.names.lifeEvents['looking-for-a-place-to-live'].en).toBe('I am looking for a place to live');
      const again = await get('/api/v1/services/housing-allowance', undefined, { 'if-none-match': String(r.headers.etag) });
      expect(again.statusCode).toBe(304);
      expect((await get('/api/v1/services/no-such-service')).json<Json>().code).toBe('not_found');
      expect((await get('/api/v1/services/Not_A_Slug')).statusCode).toBe(404);
    });

    it('hides drafts and withdrawn services from everyone who may not edit them', async () => {
      for (const slug of ['a-county-draft', 'a-withdrawn-one']) {
        expect((await get(`/api/v1/services/${slug}`)).statusCode, slug).toBe(404);
        expect((await get(`/api/v1/services/${slug}`, tokens.citizen)).statusCode, slug).toBe(404);
        expect((await get(`/api/v1/services/${slug}`, tokens.agency)).statusCode, slug).toBe(404);
        const own = await get(`/api/v1/services/${slug}`, tokens.county);
        expect(own.statusCode, slug).toBe(200);
        expect(own.headers['access-control-allow-origin']).toBeUndefined();
        expect(own.headers['cache-control']).toBe('no-store');
        expect((await get(`/api/v1/services/${slug}`, tokens.admin)).statusCode, slug).toBe(200);
      }
      expect((await get('/api/v1/services/a-county-draft', 'ecoop_not-a-real-token')).statusCode).toBe(401);
    });

    it('serves repeated anonymous reads from the cache, never reads with a token, and keys it by language', async () => {
      const url = '/api/v1/services?sector=education&limit=3';
      expect((await get(url)).headers['x-page-cache']).toBe('miss');
      const hit = await get(url);
      expect(hit.headers['x-page-cache']).toBe('hit');
      expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(hit.headers['access-control-allow-origin']).toBe('*');
      expect(hit.headers.vary).toContain('accept-encoding');
      // Compressed as the request accepts, the same JSON once decoded.
      const br = await get(url, undefined, { 'accept-encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(hit.body);
      const gzip = await get(url, undefined, { 'accept-encoding': 'gzip' });
      expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(hit.body);
      const french = await get(url, undefined, { 'accept-language': 'fr' });
      expect(french.headers['x-page-cache']).toBe('miss');
      expect(french.json<Json>().data[0].url).toContain('/fr/services/');
      expect((await get(url, tokens.citizen)).headers['x-page-cache']).toBeUndefined();
      const one = await get('/api/v1/services/housing-allowance');
      const cached = await get('/api/v1/services/housing-allowance', undefined, { 'if-none-match': String(one.headers.etag) });
      expect(cached.statusCode).toBe(304);
      expect((await get('/api/v1/services?limit=0')).headers['x-page-cache']).toBeUndefined();
    });

    it('lists sectors with counts, life events and organisations', async () => {
      const sectors = (await get('/api/v1/sectors')).json<Json>().data as Json[];
      expect(sectors.map((s) => s.slug)).toContain('employment');
      expect(sectors.reduce((n, s) => n + s.services, 0)).toBe(DEMO_SERVICES.length);
      const events = (await get('/api/v1/life-events')).json<Json>().data as Json[];
      expect(events[0]).toMatchObject({ slug: 'having-a-child', name: { en: 'I am having a child' } });
      const organisations = (await get('/api/v1/organisations')).json<Json>().data as Json[];
      expect(organisations.map((o) => o.slug)).toEqual(expect.arrayContaining(['county-council', 'employment-agency']));
    });
  });

  describe('writing', () => {
    it('needs a Bearer token: none, an invalid one or a session cookie alone is a 401, and nothing is written', async () => {
      const before = await serviceCount();
      const cookie = `ecoop_session=${await createSession(t.app.db, adminId)}`;
      const attempts = [
        call('POST', '/api/v1/services', { body: newService() }),
        call('POST', '/api/v1/services', { body: newService(), headers: { cookie } }),
        call('POST', '/api/v1/services', { body: newService(), token: 'ecoop_forged' }),
        call('PATCH', '/api/v1/services/housing-allowance', { body: { version: 1, name: { en: 'X' } }, headers: { cookie } }),
        call('POST', '/api/v1/services/a-county-draft/publish', { headers: { cookie } }),
      ];
      for (const r of await Promise.all(attempts)) {
        expect(r.statusCode).toBe(401);
        expect(r.json<Json>().code).toBe('unauthorized');
        expect(r.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      expect(await serviceCount()).toBe(before);
      expect((await findService(t.app.db, { slug: 'a-county-draft' }))!.status).toBe('draft');
    });

    it('refuses citizens (403) and officials acting for another organisation, writing nothing', async () => {
      const before = await serviceCount();
      const revisions = await revisionCount();
      const citizen = [
        call('POST', '/api/v1/services', { token: tokens.citizen, body: newService() }),
        call('PATCH', '/api/v1/services/housing-allowance', { token: tokens.citizen, body: { version: 1, name: { en: 'X' } } }),
        call('POST', '/api/v1/services/housing-allowance/withdraw', { token: tokens.citizen }),
        call('POST', '/api/v1/services/a-county-draft/publish', { token: tokens.citizen }),
      ];
      for (const r of await Promise.all(citizen)) expect(r.json<Json>().code).toBe('forbidden');
      // The employment agency's official, on the county's services: 403 on published ones, 404 on drafts.
      const published = 'apply-for-social-housing';
      const version = (await get(`/api/v1/services/${published}`)).json<Json>().version;
      expect(
        (await call('POST', '/api/v1/services', { token: tokens.agency, body: newService({ slug: 'agency-for-county' }) })).statusCode,
      ).toBe(403);
      expect(
        (
          await call('PATCH', `/api/v1/services/${published}`, {
            token: tokens.agency,
            body: { name: { en: 'Taken over' } },
            headers: { 'if-match': `W/"${version}"` },
          })
        ).statusCode,
      ).toBe(403);
      expect((await call('POST', `/api/v1/services/${published}/withdraw`, { token: tokens.agency })).statusCode).toBe(403);
      expect((await call('POST', `/api/v1/services/${published}/publish`, { token: tokens.agency })).statusCode).toBe(403);
      expect((await call('POST', '/api/v1/services/a-county-draft/publish', { token: tokens.agency })).statusCode).toBe(404);
      expect(
        (await call('PATCH', '/api/v1/services/a-county-draft', { token: tokens.agency, body: { version: 1, name: { en: 'Mine' } } }))
          .statusCode,
      ).toBe(404);
      expect(await serviceCount()).toBe(before);
      expect(await revisionCount()).toBe(revisions);
      expect((await get(`/api/v1/services/${published}`)).json<Json>().status).toBe('published');
    });

    it('creates a draft for the official’s organisation: 201, Location, ETag, a revision', async () => {
      const r = await call('POST', '/api/v1/services', { token: tokens.county, body: newService() });
      expect(r.statusCode).toBe(201);
      expect(r.headers.location).toBe('/api/v1/services/api-test-service');
      expect(r.headers.etag).toBe('W/"1"');
      const s = r.json<Json>();
      expect(s).toMatchObject({ slug: 'api-test-service', status: 'draft', version: 1, organisation: 'county-council' });
      expect(s.identifier).toMatch(/^[0-9a-f-]{36}$/);
      expect((await get('/api/v1/services/api-test-service')).statusCode).toBe(404);
      const stored = await findService(t.app.db, { slug: 'api-test-service' });
      const revisions = await t.app.db.selectFrom('service_revisions').select('action').where('service_id', '=', stored!.id).execute();
      expect(revisions.map((x) => x.action)).toEqual(['create']);
      const again = await call('POST', '/api/v1/services', { token: tokens.county, body: newService() });
      expect(again.statusCode).toBe(422);
      expect(again.json<Json>().fields).toEqual([{ field: 'slug', message: 'catalogue.errors.slugTaken' }]);
    });

    it('refuses invalid bodies with every field at once (422) or malformed JSON (400), writing nothing', async () => {
      const before = await serviceCount();
      const invalid = await call('POST', '/api/v1/services', {
        token: tokens.county,
        body: newService({ slug: 'Bad Slug', name: {}, channels: ['online'], onlineUrl: 'javascript:alert(1)', sector: 'nowhere' }),
      });
      expect(invalid.statusCode).toBe(422);
      const body = invalid.json<Json>();
      expect(body.code).toBe('validation_failed');
      expect(body.fields).toEqual(
        expect.arrayContaining([
          { field: 'slug', message: 'catalogue.errors.slug' },
          { field: 'name.en', message: 'catalogue.errors.required' },
          { field: 'onlineUrl', message: 'catalogue.errors.url' },
        ]),
      );
      const unknownKey = await call('POST', '/api/v1/services', {
        token: tokens.county,
        body: newService({ slug: 'typo', nmae: { en: 'x' } }),
      });
      expect(unknownKey.statusCode).toBe(422);
      expect(unknownKey.json<Json>().fields).toEqual([{ field: 'nmae', message: 'catalogue.errors.shape' }]);
      const published = await call('POST', '/api/v1/services', {
        token: tokens.county,
        body: newService({ slug: 'sneaky', status: 'published' }),
      });
      expect(published.json<Json>().fields).toEqual([{ field: 'status', message: 'catalogue.errors.shape' }]);
      const list = await call('POST', '/api/v1/services', { token: tokens.county, body: [newService()] });
      expect(list.statusCode).toBe(422);
      const malformed = await call('POST', '/api/v1/services', { token: tokens.county, raw: '{"slug": "half' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<Json>().code).toBe('bad_request');
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { authorization: `Bearer ${tokens.county}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'slug=form-post',
      });
      expect(form.statusCode).toBeGreaterThanOrEqual(400);
      expect(await serviceCount()).toBe(before);
    });

    it('changes fields with optimistic concurrency: version required, stale is a 409', async () => {
      const url = '/api/v1/services/api-test-service';
      const noVersion = await call('PATCH', url, { token: tokens.county, body: { summary: { en: 'Tools for the allotments.' } } });
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.json<Json>().fields).toEqual([expect.objectContaining({ field: 'If-Match' })]);
      const ok = await call('PATCH', url, {
        token: tokens.county,
        body: { summary: { en: 'Tools for the allotments.', fr: 'Des outils pour les jardins.' } },
        headers: { 'if-match': 'W/"1"' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('W/"2"');
      expect(ok.json<Json>()).toMatchObject({
        version: 2,
        summary: { fr: 'Des outils pour les jardins.' },
        name: { en: 'Borrow a garden tool kit' },
      });
      const revisions = await revisionCount();
      const stale = await call('PATCH', url, {
        token: tokens.county,
        body: { name: { en: 'Lost update' } },
        headers: { 'if-match': 'W/"1"' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Json>()).toMatchObject({
        code: 'conflict',
        fields: [{ field: 'version', message: 'catalogue.errors.staleVersion' }],
      });
      const staleBody = await call('PATCH', url, { token: tokens.county, body: { version: 1, name: { en: 'Lost update' } } });
      expect(staleBody.statusCode).toBe(409);
      const disagree = await call('PATCH', url, {
        token: tokens.county,
        body: { version: 2, name: { en: 'x' } },
        headers: { 'if-match': '"1"' },
      });
      expect(disagree.statusCode).toBe(400);
      expect(
        (await call('PATCH', url, { token: tokens.county, body: { version: 2 }, headers: { 'if-match': 'garbage' } })).statusCode,
      ).toBe(400);
      const invalid = await call('PATCH', url, {
        token: tokens.county,
        body: { version: 2, contactEmail: 'not an email', name: { fr: 'Sans anglais' } },
      });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json<Json>().fields).toEqual(
        expect.arrayContaining([
          { field: 'contactEmail', message: 'catalogue.errors.email' },
          { field: 'name.en', message: 'catalogue.errors.required' },
        ]),
      );
      expect(await revisionCount()).toBe(revisions);
      expect((await findService(t.app.db, { slug: 'api-test-service' }))!.name.en).toBe('Borrow a garden tool kit');
      // A GET's representation sent back with one change: read-only fields are ignored.
      const current = (await get(url, tokens.county)).json<Json>();
      const roundTrip = await call('PATCH', url, { token: tokens.county, body: { ...current, processingTime: 'P2D' } });
      expect(roundTrip.statusCode).toBe(200);
      expect(roundTrip.json<Json>()).toMatchObject({ version: 3, processingTime: 'P2D' });
      const merge = await t.app.inject({
        method: 'PATCH',
        url,
        headers: { authorization: `Bearer ${tokens.county}`, 'content-type': 'application/merge-patch+json', 'if-match': 'W/"3"' },
        payload: JSON.stringify({ processingTime: 'P2D' }),
      });
      expect(merge.statusCode).toBe(200);
      // No change: nothing written, same version.
      const same = await call('PATCH', url, { token: tokens.county, body: { processingTime: 'P2D' }, headers: { 'if-match': '*' } });
      expect(same.json<Json>().version).toBe(3);
      expect((await call('PATCH', url, { token: tokens.county, body: { version: 3, status: 'published' } })).statusCode).toBe(422);
    });

    it('publishes (then public), withdraws (then 404 publicly) and puts back to draft', async () => {
      const slug = 'api-test-service';
      const stale = await call('POST', `/api/v1/services/${slug}/publish`, { token: tokens.county, headers: { 'if-match': 'W/"1"' } });
      expect(stale.statusCode).toBe(409);
      const published = await call('POST', `/api/v1/services/${slug}/publish`, { token: tokens.county });
      expect(published.statusCode).toBe(200);
      expect(published.json<Json>()).toMatchObject({ status: 'published', version: 4 });
      expect(published.json<Json>().publishedAt).toBeTruthy();
      expect((await get(`/api/v1/services/${slug}`)).json<Json>().status).toBe('published');
      expect((await get('/api/v1/services?organisation=county-council&limit=100')).json<Json>().data.map((s: Json) => s.slug)).toContain(
        slug,
      );
      expect((await get('/api/v1/search?q=garden%20tool')).json<Json>().hits.map((h: Json) => h.refId)).toContain(slug);
      // Publishing twice changes nothing.
      expect((await call('POST', `/api/v1/services/${slug}/publish`, { token: tokens.county })).json<Json>().version).toBe(4);

      const withdrawn = await call('POST', `/api/v1/services/${slug}/withdraw`, { token: tokens.admin });
      expect(withdrawn.json<Json>()).toMatchObject({ status: 'withdrawn', version: 5 });
      expect((await get(`/api/v1/services/${slug}`)).statusCode).toBe(404);
      expect(
        (await get('/api/v1/services?organisation=county-council&limit=100')).json<Json>().data.map((s: Json) => s.slug),
      ).not.toContain(slug);
      expect((await get('/api/v1/search?q=garden%20tool')).json<Json>().hits).toEqual([]);

      const draft = await call('POST', `/api/v1/services/${slug}/unpublish`, { token: tokens.county, headers: { 'if-match': 'W/"5"' } });
      expect(draft.json<Json>()).toMatchObject({ status: 'draft', version: 6 });
      const actions = await t.app.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_type', '=', 'service')
        .where('subject_id', '=', slug)
        .orderBy('id')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'service.create',
        'service.update',
        'service.update',
        'service.publish',
        'service.withdraw',
        'service.unpublish',
      ]);
    });

    it('limits writes per address (429 with Retry-After), whatever the token', async () => {
      const publish = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/services/housing-allowance/publish',
          headers: { authorization: `Bearer ${tokens.admin}` },
          remoteAddress: '203.0.113.9',
        });
      const statuses: number[] = [];
      for (let i = 0; i < 121; i++) statuses.push((await publish()).statusCode);
      expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
      const limited = await publish();
      expect(limited.statusCode).toBe(429);
      expect(limited.json<Json>().code).toBe('rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
    });

    it('refuses to publish an incomplete draft (422) and an unknown service (404)', async () => {
      await t.app.db.updateTable('services').set({ summary: '{}' }).where('slug', '=', 'a-county-draft').execute();
      const r = await call('POST', '/api/v1/services/a-county-draft/publish', { token: tokens.county });
      expect(r.statusCode).toBe(422);
      expect(r.json<Json>().fields).toEqual([{ field: 'summary.en', message: 'catalogue.errors.required' }]);
      expect((await findService(t.app.db, { slug: 'a-county-draft' }))!.status).toBe('draft');
      expect((await call('POST', '/api/v1/services/no-such-service/publish', { token: tokens.admin })).statusCode).toBe(404);
    });
  });

  describe('OpenAPI', () => {
    let doc: Json;
    let ajv: Ajv2020;
    beforeAll(async () => {
      doc = (await get('/api/v1/openapi.json')).json<Json>();
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'openapi', components: doc.components });
    });
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };

    it('describes every route of the catalogue API, with its methods', async () => {
      const expected: [string, string][] = [
        ['/api/v1/services', 'get'],
        ['/api/v1/services', 'post'],
        ['/api/v1/services/{slug}', 'get'],
        ['/api/v1/services/{slug}', 'patch'],
        ['/api/v1/services/{slug}/publish', 'post'],
        ['/api/v1/services/{slug}/withdraw', 'post'],
        ['/api/v1/services/{slug}/unpublish', 'post'],
        ['/api/v1/search', 'get'],
        ['/api/v1/sectors', 'get'],
        ['/api/v1/life-events', 'get'],
        ['/api/v1/organisations', 'get'],
      ];
      for (const [path, method] of expected) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
        expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace('{slug}', ':slug') }), `${method} ${path}`).toBe(
          true,
        );
        for (const code of Object.keys(doc.paths[path][method].responses)) expect(code).toMatch(/^[1-5]\d\d$/);
      }
      // Every /api/v1 route the app serves is described, method included (by this module or another).
      const served = collectRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/'));
      expect(served.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/services', '/api/v1/services/:slug/publish']));
      for (const route of served) {
        const path = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
        for (const method of route.methods.filter((m) => m !== 'HEAD'))
          expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
      }
    });

    it('matches what the API returns', async () => {
      const page = (await get('/api/v1/services?limit=3')).json<Json>();
      check('ServicePage', page);
      check('Service', (await get('/api/v1/services/housing-allowance')).json());
      check('Service', (await get('/api/v1/services/a-county-draft', tokens.county)).json());
      check('SearchResult', (await get('/api/v1/search?q=benefit')).json());
      for (const s of page.data)
        check('ServiceInput', Object.fromEntries(Object.entries(s).filter(([k]) => k in doc.components.schemas.ServiceInput.properties)));
      check('Error', (await get('/api/v1/services?limit=0')).json());
      check('Error', (await call('POST', '/api/v1/services', { token: tokens.county, body: { slug: 'x' } })).json());
      const lists: [string, string][] = [
        ['/api/v1/sectors', 'Sector'],
        ['/api/v1/life-events', 'LifeEvent'],
        ['/api/v1/organisations', 'Organisation'],
      ];
      for (const [url, schema] of lists) for (const item of (await get(url)).json<Json>().data) check(schema, item);
      // The schema is not a rubber stamp.
      const validate = ajv.getSchema('openapi#/components/schemas/Service')!;
      expect(validate({ ...page.data[0], channels: ['fax'] })).toBe(false);
      expect(validate({ slug: 'x' })).toBe(false);
    });
  });
});

/** Every route the app serves, with its methods, read from fastify's route tree (`printRoutes`). */
function collectRoutes(app: TestApp['app']): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:[├└]── )?(\S+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || m[2] === undefined) continue;
    const depth = Math.floor(m[1]!.length / 4);
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    if (m[3]) routes.push({ path, methods: m[3].split(', ') });
  }
  return routes;
}
