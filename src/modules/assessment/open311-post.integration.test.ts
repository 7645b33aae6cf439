/**
 * Open311 GeoReport v2 through the app, posting requests: a request is a problem report of the
 * service for the citizen it names, with the API key as a parameter or a Bearer header; a missing or
 * wrong key, bad parameters and a client posting too fast get the spec's errors and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { childText, parseXml, shape, SPEC_FIELDS, type XmlNode } from './open311.testing.js';
import { BASE_URL, EMAIL, errorXml, expectJson, expectXml, useOpen311App, type Json } from './testing/open311-app.js';

describeEachDatabase('Open311 GeoReport v2: posting requests', (dialect) => {
  const f = useOpen311App(dialect);
  const { get, post, countReports, aReport, expectError } = f;

  describe('POST requests', () => {
    it('files a problem report of the service for the citizen named in the request, in XML and JSON', async () => {
      const before = await countReports();
      const r = await post(
        'xml',
        aReport({ lat: '48.8566', long: '2.3522', address_string: 'Town hall', jurisdiction_id: 'ecoop.example.org' }),
      );
      expect(r.statusCode).toBe(200);
      const xml = expectXml(r);
      const request = (xml as { children: XmlNode[] }).children[0]!;
      const id = Number(childText(request, 'service_request_id'));
      const notice = childText(request, 'service_notice')!;
      expect(notice).toContain(`${BASE_URL}/en/problems/${id}`);
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>${id}</service_request_id>
        <service_notice>${notice}</service_notice>
        <account_id/>
    </request>
</service_requests>`;
      expect(shape(xml)).toEqual(shape(parseXml(expected)));
      const row = await f.app.db.selectFrom('problem_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        service_id: f.serviceA.id,
        category: 'broken_link',
        status: 'open',
        source: 'open311',
        reporter_id: null,
        client_id: f.clientId,
        contact_email: EMAIL,
        contact_name: 'Jane Reporter',
        address: 'Town hall',
        locale: 'en',
      });
      expect(Number(row.latitude)).toBeCloseTo(48.8566);
      expect(Number(row.longitude)).toBeCloseTo(2.3522);

      const j = await post('json', aReport({ 'attribute[category]': 'outdated', locale: 'fr' }));
      expect(j.statusCode).toBe(200);
      const body = expectJson(j);
      expect(body).toHaveLength(1);
      expect(Object.keys(body[0])).toEqual(SPEC_FIELDS.created);
      expect(body[0]).toMatchObject({ service_request_id: expect.any(Number), account_id: null });
      expect(body[0].service_notice).toMatch(/prévenu/);
      expect(await countReports()).toBe(before + 2);
      // It is one of the service's problem reports.
      const listed = expectJson(await get(`/open311/v2/requests.json?service_code=${f.serviceA.slug}`));
      expect(listed.map((x: Json) => x.service_request_id)).toEqual(expect.arrayContaining([id, body[0].service_request_id]));
    });

    it('accepts the platform’s Bearer header instead of api_key', async () => {
      const { api_key: _key, ...fields } = aReport();
      const r = await post('json', fields, { authorization: `Bearer ${f.apiKey}` });
      expect(r.statusCode).toBe(200);
    });

    it('refuses a missing or wrong api_key with 403, and bad parameters with 400, writing nothing', async () => {
      const before = await countReports();
      const { api_key: _key, ...noKey } = aReport();
      await expectError('', 403, { method: 'POST', fields: noKey });
      await expectError('', 403, { method: 'POST', fields: aReport({ api_key: 'ecoop_not-a-real-token' }) });
      const { service_code: _code, ...noCode } = aReport();
      await expectError('', 400, { method: 'POST', fields: noCode });
      await expectError('', 404, { method: 'POST', fields: aReport({ service_code: 'no-such-service' }) });
      await expectError('', 404, { method: 'POST', fields: aReport({ jurisdiction_id: 'elsewhere.gov' }) });
      const bads: Record<string, string>[] = [
        { 'attribute[category]': '' },
        { 'attribute[category]': 'pothole' },
        { description: 'short' },
        { description: 'x'.repeat(4001) },
        { email: 'not an email' },
        { lat: '48.8' },
        { lat: 'north', long: '2.3' },
        { lat: '91', long: '2.3' },
      ];
      for (const bad of bads) {
        await expectError('', 400, { method: 'POST', fields: aReport(bad) });
      }
      // Several problems at once: one error each.
      const r = await post('json', aReport({ 'attribute[category]': 'pothole', description: 'short', email: 'nope' }));
      expect(r.statusCode).toBe(400);
      expect(r.json()).toHaveLength(3);
      const x = await post('xml', aReport({ api_key: 'wrong' }));
      expect(x.statusCode).toBe(403);
      expect(shape(parseXml(x.body))).toEqual(
        shape(parseXml(errorXml(403, 'Invalid api_key received -- cannot proceed with create_request'))),
      );
      expect(await countReports()).toBe(before);
    });
  });

  // Last: it uses up this address's allowance for posting.
  describe('rate limit', () => {
    it('slows down a client posting too fast, with 429 in the spec’s format', async () => {
      let r = await post('xml', {});
      for (let i = 0; i < 80 && r.statusCode !== 429; i++) r = await post('xml', {});
      expect(r.statusCode).toBe(429);
      expect(r.headers['retry-after']).toBeDefined();
      const doc = expectXml(r);
      expect(doc.name).toBe('errors');
      expect(childText((doc as { children: XmlNode[] }).children[0]!, 'code')).toBe('429');
    });
  });
});
