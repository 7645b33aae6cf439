/**
 * The services API, reading: listing by cursor with the pages' filters, search in the search page's
 * order, one service with its ETag, drafts hidden from who may not edit them, the page cache, and
 * the taxonomy lists.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { search } from '../../platform/search.js';
import { countServices } from './catalogue.queries.js';
import { DEMO_SERVICES } from './demo-data.js';
import { apiCalls, seedApiCallers, type ApiTokens, type Json } from './testing/api.js';

describeEachDatabase('catalogue API', (dialect) => {
  let t: TestApp;
  let tokens: ApiTokens;
  const { get } = apiCalls(() => t.app);

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

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    ({ tokens } = await seedApiCallers(t.app.db));
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
});
