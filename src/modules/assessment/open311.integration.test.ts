/**
 * Open311 GeoReport v2 through the app: every endpoint in XML and JSON, compared element by element
 * and in order with documents written after the spec's examples; errors in the spec's format and
 * statuses; a request posted through Open311 is a problem report of the service, and the UI's
 * triage shows in `GET requests`; no contact data leaks.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createApiTokenForEmail, createUserWithRoles } from '../accounts/index.js';
import { createProblemReport, triageProblemReport } from './problems.service.js';
import { insertUsers, official } from './testing.js';
import { parseXml, shape, SPEC_FIELDS, childNames, childText, type XmlNode } from './open311.testing.js';

type Json = Record<string, any>;
const BASE_URL = 'https://ecoop.example.org';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const AUDIT = { actorId: null, requestId: 'test', ip: null };
const EMAIL = 'jane.reporter@example.net';

/** The XML of an Open311 error document, as in the spec's example. */
const errorXml = (code: number, description: string) => `<?xml version="1.0" encoding="utf-8"?>
<errors>
    <error>
        <code>${code}</code>
        <description>${description}</description>
    </error>
</errors>`;

describeEachDatabase('Open311 GeoReport v2', (dialect) => {
  let t: TestApp;
  let apiKey = '';
  let clientId = 0;
  let officialId = 0;
  let serviceA: { id: number; slug: string; organisation_id: number };
  let serviceB: { id: number; slug: string; organisation_id: number };

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (format: 'xml' | 'json', fields: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { ...FORM, ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
  const countReports = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('problem_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const aReport = (over: Record<string, string> = {}) => ({
    api_key: apiKey,
    service_code: serviceA.slug,
    'attribute[category]': 'broken_link',
    description: 'The "Apply" button leads to a page that does not exist.',
    email: EMAIL,
    first_name: 'Jane',
    last_name: 'Reporter',
    phone: '0123456789',
    device_id: 'tt222111',
    ...over,
  });
  const expectXml = (r: { headers: Record<string, unknown>; body: string }) => {
    expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    return parseXml(r.body);
  };
  const expectJson = (r: { headers: Record<string, unknown>; json: () => unknown }) => {
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    return r.json() as any;
  };
  const expectError = async (url: string, status: number, init: { method?: 'GET' | 'POST'; fields?: Record<string, string> } = {}) => {
    for (const format of ['xml', 'json'] as const) {
      const u = url.replace('{format}', format);
      const r = init.method === 'POST' ? await post(format, init.fields ?? {}) : await get(u);
      expect(r.statusCode, `${u} (${format})`).toBe(status);
      if (format === 'xml') {
        const doc = expectXml(r);
        expect(doc.name).toBe('errors');
        expect(childNames(doc).length).toBeGreaterThan(0);
        for (const e of (doc as { children: XmlNode[] }).children) {
          expect(childNames(e)).toEqual(SPEC_FIELDS.error);
          expect(childText(e, 'code')).toBe(String(status));
        }
      } else {
        const body = expectJson(r);
        expect(Array.isArray(body)).toBe(true);
        for (const e of body) {
          expect(Object.keys(e)).toEqual(SPEC_FIELDS.error);
          expect(e.code).toBe(status);
          expect(typeof e.description).toBe('string');
        }
      }
    }
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, config: { baseUrl: BASE_URL } });
    const services = await t.app.db
      .selectFrom('services')
      .select(['id', 'slug', 'organisation_id'])
      .where('status', '=', 'published')
      .orderBy('slug')
      .execute();
    serviceA = services[0]!;
    serviceB = services.find((s) => s.organisation_id !== serviceA.organisation_id)!;
    clientId = await createUserWithRoles(t.app.db, {
      email: 'partner@example.org',
      displayName: 'Partner app',
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    apiKey = (await createApiTokenForEmail(t.app.db, { email: 'partner@example.org', name: 'open311' })).token;
    officialId = (await insertUsers(t.app.db, 1, 'official'))[0]!;
  });
  afterAll(() => t.close());

  describe('discovery', () => {
    it('describes the endpoint in XML and JSON, field for field as the spec’s example', async () => {
      const xml = expectXml(await get('/open311/v2/discovery.xml'));
      const json = expectJson(await get('/open311/v2/discovery.json'));
      expect(childNames(xml)).toEqual(SPEC_FIELDS.discovery);
      expect(Object.keys(json)).toEqual(SPEC_FIELDS.discovery);
      expect(json.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(json.contact).toContain(`${BASE_URL}/en/about`);
      expect(json.key_service).toContain(`${BASE_URL}/en/account/tokens`);
      expect(json.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${BASE_URL}/open311/v2`,
          changeset: json.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<discovery>
    <changeset>${json.changeset}</changeset>
    <contact>${json.contact}</contact>
    <key_service>${json.key_service}</key_service>
    <endpoints>
        <endpoint>
            <specification>http://wiki.open311.org/GeoReport_v2</specification>
            <url>${BASE_URL}/open311/v2</url>
            <changeset>${json.changeset}</changeset>
            <type>production</type>
            <formats>
                <format>text/xml</format>
                <format>application/json</format>
            </formats>
        </endpoint>
    </endpoints>
</discovery>`;
      expect(shape(xml)).toEqual(shape(parseXml(expected)));
      expect((await get('/open311/v2/discovery.json?locale=fr')).json().contact).toContain(`${BASE_URL}/fr/about`);
    });
  });

  describe('services', () => {
    it('lists every published e-service, and only those, in XML and JSON', async () => {
      const published = await t.app.db.selectFrom('services').select('slug').where('status', '=', 'published').orderBy('slug').execute();
      const json = expectJson(await get('/open311/v2/services.json'));
      const xml = expectXml(await get('/open311/v2/services.xml'));
      expect(json.map((s: Json) => s.service_code)).toEqual(published.map((s) => s.slug));
      expect(xml.name).toBe('services');
      expect(childNames(xml).every((n) => n === 'service')).toBe(true);
      const first = json[0];
      expect(Object.keys(first)).toEqual(SPEC_FIELDS.service);
      expect(first).toMatchObject({ metadata: true, type: 'realtime' });
      for (const key of ['service_name', 'description', 'keywords', 'group']) expect(typeof first[key]).toBe('string');
      expect(first.service_name.startsWith('{')).toBe(false);
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<service>
    <service_code>${first.service_code}</service_code>
    <service_name>${first.service_name}</service_name>
    <description>${first.description}</description>
    <metadata>true</metadata>
    <type>realtime</type>
    <keywords>${first.keywords}</keywords>
    <group>${first.group}</group>
</service>`;
      expect(shape((xml as { children: XmlNode[] }).children[0]!)).toEqual(shape(parseXml(expected.replace(/&/g, '&amp;'))));
      // Texts in French when asked.
      const fr = expectJson(await get('/open311/v2/services.json?locale=fr'));
      expect(fr.map((s: Json) => s.service_code)).toEqual(json.map((s: Json) => s.service_code));
    });

    it('defines a service with the problem category as its one attribute', async () => {
      const json = expectJson(await get(`/open311/v2/services/${serviceA.slug}.json`));
      const xml = expectXml(await get(`/open311/v2/services/${serviceA.slug}.xml`));
      expect(Object.keys(json)).toEqual(SPEC_FIELDS.serviceDefinition);
      expect(Object.keys(json.attributes[0])).toEqual(SPEC_FIELDS.attribute);
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
    <service_code>${serviceA.slug}</service_code>
    <attributes>
        <attribute>
            <variable>true</variable>
            <code>category</code>
            <datatype>singlevaluelist</datatype>
            <required>true</required>
            <datatype_description></datatype_description>
            <order>1</order>
            <description>What is wrong with the e-service?</description>
            <values>
                <value><key>broken_link</key><name>A link or page does not work</name></value>
                <value><key>error_message</key><name>An error message appears</name></value>
                <value><key>inaccessible</key><name>It is not accessible (for example with a screen reader or the keyboard)</name></value>
                <value><key>outdated</key><name>The information is out of date</name></value>
                <value><key>other</key><name>Something else</name></value>
            </values>
        </attribute>
    </attributes>
</service_definition>`;
      expect(shape(xml)).toEqual(shape(parseXml(expected)));
      expect(json).toEqual({
        service_code: serviceA.slug,
        attributes: [
          {
            variable: true,
            code: 'category',
            datatype: 'singlevaluelist',
            required: true,
            datatype_description: null,
            order: 1,
            description: 'What is wrong with the e-service?',
            values: [
              { key: 'broken_link', name: 'A link or page does not work' },
              { key: 'error_message', name: 'An error message appears' },
              { key: 'inaccessible', name: 'It is not accessible (for example with a screen reader or the keyboard)' },
              { key: 'outdated', name: 'The information is out of date' },
              { key: 'other', name: 'Something else' },
            ],
          },
        ],
      });
      const fr = expectJson(await get(`/open311/v2/services/${serviceA.slug}.json?locale=fr`));
      expect(fr.attributes[0].values[0]).toEqual({ key: 'broken_link', name: 'Un lien ou une page ne fonctionne pas' });
    });

    it('answers 404 for an unknown service, jurisdiction or format', async () => {
      await expectError('/open311/v2/services/no-such-service.{format}', 404);
      await expectError('/open311/v2/services.{format}?jurisdiction_id=elsewhere.gov', 404);
      await expectError('/open311/v2/nothing-here.{format}', 404);
      await expectError('/open311/v2/services/too/deep.{format}', 404);
      const html = await get('/open311/v2/services.html');
      expect(html.statusCode).toBe(404);
      expect(shape(expectXml(html))).toEqual(shape(parseXml(errorXml(404, 'Format "html" is not supported: use .xml or .json'))));
      // The configured jurisdiction is accepted, in any case.
      expect((await get('/open311/v2/services.json?jurisdiction_id=ECOOP.example.org')).statusCode).toBe(200);
    });
  });

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
      const row = await t.app.db.selectFrom('problem_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        service_id: serviceA.id,
        category: 'broken_link',
        status: 'open',
        source: 'open311',
        reporter_id: null,
        client_id: clientId,
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
      const listed = expectJson(await get(`/open311/v2/requests.json?service_code=${serviceA.slug}`));
      expect(listed.map((x: Json) => x.service_request_id)).toEqual(expect.arrayContaining([id, body[0].service_request_id]));
    });

    it('accepts the platform’s Bearer header instead of api_key', async () => {
      const { api_key: _key, ...fields } = aReport();
      const r = await post('json', fields, { authorization: `Bearer ${apiKey}` });
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

  describe('GET requests', () => {
    let fixedId = 0;
    let duplicateId = 0;
    let openId = 0;

    beforeAll(async () => {
      const file = async (description: string, serviceId = serviceA.id) =>
        (
          await createProblemReport(t.app.db, {
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
      openId = await file('Another service shows an error message.', serviceB.id);
      const me = official(officialId, [serviceA.organisation_id]);
      await triageProblemReport(t.app.db, me, fixedId, { status: 'in_progress', note: 'We are looking into it.' }, AUDIT);
      await triageProblemReport(t.app.db, me, fixedId, { status: 'fixed', note: 'Fixed: the form is sent once & only once.' }, AUDIT);
      await triageProblemReport(t.app.db, me, duplicateId, { status: 'duplicate', duplicateOf: fixedId, note: undefined }, AUDIT);
    });

    it('shows a report field by field as the spec’s example, in XML and JSON, with the UI’s triage (closed, notes)', async () => {
      const row = await t.app.db.selectFrom('problem_reports').selectAll().where('id', '=', fixedId).executeTakeFirstOrThrow();
      const service = await t.app.db
        .selectFrom('services')
        .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
        .select(['services.name', 'organisations.name as organisation'])
        .where('services.id', '=', serviceA.id)
        .executeTakeFirstOrThrow();
      const serviceName = JSON.parse(service.name).en as string;
      const agency = JSON.parse(service.organisation).en as string;
      const second = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');
      const expectedJson = {
        service_request_id: fixedId,
        status: 'closed',
        status_notes: 'Fixed: the form is sent once & only once.',
        service_name: serviceName,
        service_code: serviceA.slug,
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
        <service_code>${serviceA.slug}</service_code>
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
      const closed = await ids(`status=closed&service_code=${serviceA.slug}`);
      expect(closed).toEqual(expect.arrayContaining([fixedId, duplicateId]));
      expect(closed).not.toContain(openId);
      const open = await ids(`status=open&service_code=${serviceA.slug},${serviceB.slug}`);
      expect(open).toContain(openId);
      expect(open).not.toContain(fixedId);
      expect(await ids(`service_code=${serviceB.slug}`)).not.toContain(fixedId);
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
      const { token } = (await t.app.db
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
      await t.app.db.updateTable('services').set({ status: 'withdrawn' }).where('id', '=', serviceB.id).execute();
      try {
        await expectError(`/open311/v2/requests/${openId}.{format}`, 404);
        expect(expectJson(await get(`/open311/v2/requests.json?service_request_id=${openId}`))).toEqual([]);
        await expectError(`/open311/v2/services/${serviceB.slug}.{format}`, 404);
      } finally {
        await t.app.db.updateTable('services').set({ status: 'published' }).where('id', '=', serviceB.id).execute();
      }
    });
  });

  describe('OpenAPI', () => {
    it('describes every Open311 path, and the JSON documents match its schemas', async () => {
      const doc = (await get('/api/v1/openapi.json')).json<Json>();
      for (const path of [
        '/open311/v2/discovery.{format}',
        '/open311/v2/services.{format}',
        '/open311/v2/services/{service_code}.{format}',
        '/open311/v2/requests.{format}',
        '/open311/v2/requests/{service_request_id}.{format}',
        '/open311/v2/tokens/{token}.{format}',
      ])
        expect(doc.paths[path]?.get, path).toBeDefined();
      expect(doc.paths['/open311/v2/requests.{format}'].post).toBeDefined();
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'openapi', components: doc.components });
      const check = (schema: object, value: unknown) => {
        const validate = ajv.compile(schema);
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      };
      const list = (name: string) => ({ type: 'array', items: { $ref: `openapi#/components/schemas/${name}` } });
      check({ $ref: 'openapi#/components/schemas/Open311Discovery' }, (await get('/open311/v2/discovery.json')).json());
      check(list('Open311Service'), (await get('/open311/v2/services.json')).json());
      check(
        { $ref: 'openapi#/components/schemas/Open311ServiceDefinition' },
        (await get(`/open311/v2/services/${serviceA.slug}.json`)).json(),
      );
      check(list('Open311Request'), (await get('/open311/v2/requests.json')).json());
      check({ $ref: 'openapi#/components/schemas/Open311Errors' }, (await get('/open311/v2/requests.json?status=x')).json());
      check(list('Open311Created'), (await post('json', aReport())).json());
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
