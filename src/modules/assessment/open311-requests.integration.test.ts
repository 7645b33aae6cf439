/**
 * Open311 GeoReport v2 through the app, reading requests: a report field by field as the spec's
 * example, in XML and JSON, with the UI's triage (closed, notes); filters; tokens; errors in the
 * spec's format; no contact data leaks, and a withdrawn service's requests are hidden.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { parseXml, shape, SPEC_FIELDS } from './open311.testing.js';
import { createProblemReport, triageProblemReport } from './problems.service.js';
import { official } from './testing.js';
import { EMAIL, expectJson, expectXml, useOpen311App, type Json } from './testing/open311-app.js';

const AUDIT = { actorId: null, requestId: 'test', ip: null };

describeEachDatabase('Open311 GeoReport v2: reading requests', (dialect) => {
  const f = useOpen311App(dialect);
  const { get, expectError } = f;

  describe('GET requests', () => {
    let fixedId = 0;
    let duplicateId = 0;
    let openId = 0;

    beforeAll(async () => {
      const file = async (description: string, serviceId = f.serviceA.id) =>
        (
          await createProblemReport(f.app.db, {
            serviceId,
            category: 'error_message',
            description,
            reporterId: null,
            locale: 'en',
            source: 'web',
            contactEmail: EMAIL,
            contactName: 'Jane Reporter',
          })
        ).id;
      fixedId = await file('Error 500 when I send the form <b>twice</b> & "more"');
      duplicateId = await file('The form fails with error 500 again.');
      openId = await file('Another service shows an error message.', f.serviceB.id);
      const me = official(f.officialId, [f.serviceA.organisation_id]);
      await triageProblemReport(f.app.db, me, fixedId, { status: 'in_progress', note: 'We are looking into it.' }, AUDIT);
      await triageProblemReport(f.app.db, me, fixedId, { status: 'fixed', note: 'Fixed: the form is sent once & only once.' }, AUDIT);
      await triageProblemReport(f.app.db, me, duplicateId, { status: 'duplicate', duplicateOf: fixedId, note: undefined }, AUDIT);
      // And one a partner application posted, with the reporter's name and phone number.
      expect((await f.post('json', f.aReport())).statusCode).toBe(200);
    });

    it('shows a report field by field as the spec’s example, in XML and JSON, with the UI’s triage (closed, notes)', async () => {
      const row = await f.app.db.selectFrom('problem_reports').selectAll().where('id', '=', fixedId).executeTakeFirstOrThrow();
      const service = await f.app.db
        .selectFrom('services')
        .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
        .select(['services.name', 'organisations.name as organisation'])
        .where('services.id', '=', f.serviceA.id)
        .executeTakeFirstOrThrow();
      const serviceName = JSON.parse(service.name).en as string;
      const agency = JSON.parse(service.organisation).en as string;
      const second = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');
      const expectedJson = {
        service_request_id: fixedId,
        status: 'closed',
        status_notes: 'Fixed: the form is sent once & only once.',
        service_name: serviceName,
        service_code: f.serviceA.slug,
        description: 'Error 500 when I send the form <b>twice</b> & "more"',
        agency_responsible: agency,
        service_notice: null,
        requested_datetime: second(row.created_at),
        updated_datetime: second(row.updated_at),
        expected_datetime: null,
        address: null,
        address_id: null,
        zipcode: null,
        lat: null,
        long: null,
        media_url: null,
      };
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const expectedXml = `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>${fixedId}</service_request_id>
        <status>closed</status>
        <status_notes>Fixed: the form is sent once &amp; only once.</status_notes>
        <service_name>${esc(serviceName)}</service_name>
        <service_code>${f.serviceA.slug}</service_code>
        <description>Error 500 when I send the form &lt;b&gt;twice&lt;/b&gt; &amp; "more"</description>
        <agency_responsible>${esc(agency)}</agency_responsible>
        <service_notice></service_notice>
        <requested_datetime>${second(row.created_at)}</requested_datetime>
        <updated_datetime>${second(row.updated_at)}</updated_datetime>
        <expected_datetime></expected_datetime>
        <address></address>
        <address_id></address_id>
        <zipcode></zipcode>
        <lat></lat>
        <long></long>
        <media_url></media_url>
    </request>
</service_requests>`;
      for (const url of [`/open311/v2/requests/${fixedId}.{format}`, `/open311/v2/requests.{format}?service_request_id=${fixedId}`]) {
        const xml = await get(url.replace('{format}', 'xml'));
        expect(xml.statusCode).toBe(200);
        expect(shape(expectXml(xml))).toEqual(shape(parseXml(expectedXml)));
        expect(xml.body).toContain('&lt;b&gt;twice&lt;/b&gt; &amp; "more"');
        const json = expectJson(await get(url.replace('{format}', 'json')));
        expect(json).toEqual([expectedJson]);
        expect(Object.keys(json[0])).toEqual(SPEC_FIELDS.request);
      }
    });

    it('filters by status, service and date, and lets service_request_id override the others', async () => {
      const ids = async (query: string) =>
        expectJson(await get(`/open311/v2/requests.json?${query}`)).map((r: Json) => r.service_request_id) as number[];
      const closed = await ids(`status=closed&service_code=${f.serviceA.slug}`);
      expect(closed).toEqual(expect.arrayContaining([fixedId, duplicateId]));
      expect(closed).not.toContain(openId);
      const open = await ids(`status=open&service_code=${f.serviceA.slug},${f.serviceB.slug}`);
      expect(open).toContain(openId);
      expect(open).not.toContain(fixedId);
      expect(await ids(`service_code=${f.serviceB.slug}`)).not.toContain(fixedId);
      expect(await ids(`start_date=2010-01-01T00:00:00Z&end_date=2010-02-01T00:00:00Z`)).toEqual([]);
      expect(await ids(`service_request_id=${openId},${fixedId}&status=closed&service_code=nothing`)).toEqual(
        expect.arrayContaining([openId, fixedId]),
      );
      // Newest first.
      const all = await ids('');
      expect(all.indexOf(openId)).toBeLessThan(all.indexOf(fixedId));
      // A duplicate without a note says which request it duplicates.
      const duplicate = expectJson(await get(`/open311/v2/requests/${duplicateId}.json`))[0];
      expect(duplicate).toMatchObject({ status: 'closed', status_notes: `Duplicate of request ${fixedId}.` });
      const fr = expectJson(await get(`/open311/v2/requests/${duplicateId}.json?locale=fr`))[0];
      expect(fr.status_notes).toBe(`Doublon de la demande ${fixedId}.`);
      expect(expectJson(await get(`/open311/v2/requests/${openId}.json`))[0]).toMatchObject({
        status: 'open',
        status_notes: 'Reported, not yet looked at.',
      });
    });

    it('refuses bad filters with 400 and unknown requests with 404', async () => {
      await expectError('/open311/v2/requests.{format}?status=pending', 400);
      await expectError('/open311/v2/requests.{format}?start_date=yesterday', 400);
      await expectError('/open311/v2/requests.{format}?start_date=2010-01-01T00:00:00Z&end_date=2011-01-01T00:00:00Z', 400);
      await expectError('/open311/v2/requests.{format}?jurisdiction_id=elsewhere.gov', 404);
      await expectError('/open311/v2/requests/999999.{format}', 404);
      await expectError('/open311/v2/requests/abc.{format}', 404);
      await expectError('/open311/v2/tokens/no-such-token.{format}', 404);
    });

    it('gives the request id of a token', async () => {
      const { token } = (await f.app.db
        .selectFrom('problem_reports')
        .select('token')
        .where('id', '=', openId)
        .executeTakeFirstOrThrow()) as { token: string };
      const xml = expectXml(await get(`/open311/v2/tokens/${token}.xml`));
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<service_requests>
    <request>
        <service_request_id>${openId}</service_request_id>
        <token>${token}</token>
    </request>
</service_requests>`;
      expect(shape(xml)).toEqual(shape(parseXml(expected)));
      expect(expectJson(await get(`/open311/v2/tokens/${token}.json`))).toEqual([{ service_request_id: openId, token }]);
    });

    it('never shows a reporter’s email or name', async () => {
      const bodies = await Promise.all(
        [
          '/open311/v2/requests.xml',
          '/open311/v2/requests.json',
          `/open311/v2/requests/${fixedId}.xml`,
          `/open311/v2/requests/${openId}.json`,
          `/open311/v2/requests.json?service_request_id=${fixedId},${duplicateId},${openId}`,
        ].map(async (u) => (await get(u)).body),
      );
      for (const body of bodies) {
        expect(body).not.toContain(EMAIL);
        expect(body).not.toContain('Jane');
        expect(body).not.toContain('Reporter');
        expect(body).not.toContain('0123456789');
      }
    });

    it('hides the requests of a service that is no longer published', async () => {
      await f.app.db.updateTable('services').set({ status: 'withdrawn' }).where('id', '=', f.serviceB.id).execute();
      try {
        await expectError(`/open311/v2/requests/${openId}.{format}`, 404);
        expect(expectJson(await get(`/open311/v2/requests.json?service_request_id=${openId}`))).toEqual([]);
        await expectError(`/open311/v2/services/${f.serviceB.slug}.{format}`, 404);
      } finally {
        await f.app.db.updateTable('services').set({ status: 'published' }).where('id', '=', f.serviceB.id).execute();
      }
    });
  });
});
