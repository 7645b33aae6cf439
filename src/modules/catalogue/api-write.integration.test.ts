/**
 * The services API, writing with API tokens: who may not (no token, a session cookie, a citizen,
 * another organisation's official), creating, changing with optimistic concurrency, publishing and
 * withdrawing, refusing invalid bodies, and the rate limit on writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { findService } from './services.queries.js';
import { apiCalls, countRows, newService, seedApiCallers, type ApiTokens, type Json } from './testing/api.js';

describeEachDatabase('catalogue API', (dialect) => {
  let t: TestApp;
  let tokens: ApiTokens;
  let adminId = 0;
  const { call, get } = apiCalls(() => t.app);
  const serviceCount = () => countRows(t.app.db, 'services');
  const revisionCount = () => countRows(t.app.db, 'service_revisions');

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    ({ tokens, adminId } = await seedApiCallers(t.app.db));
  });
  afterAll(() => t.close());

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
});
