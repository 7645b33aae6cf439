/**
 * Open311 GeoReport v2 through the app, what it says about itself: discovery and the services with
 * their definitions, in XML and JSON, compared element by element and in order with documents
 * written after the spec's examples; 404 errors in the spec's format; and the OpenAPI description,
 * whose schemas the JSON documents match.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { childNames, parseXml, shape, SPEC_FIELDS, type XmlNode } from './open311.testing.js';
import { BASE_URL, errorXml, expectJson, expectXml, useOpen311App, type Json } from './testing/open311-app.js';

describeEachDatabase('Open311 GeoReport v2: discovery and services', (dialect) => {
  const f = useOpen311App(dialect);
  const { get, post, aReport, expectError } = f;

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
      const published = await f.app.db.selectFrom('services').select('slug').where('status', '=', 'published').orderBy('slug').execute();
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
      const json = expectJson(await get(`/open311/v2/services/${f.serviceA.slug}.json`));
      const xml = expectXml(await get(`/open311/v2/services/${f.serviceA.slug}.xml`));
      expect(Object.keys(json)).toEqual(SPEC_FIELDS.serviceDefinition);
      expect(Object.keys(json.attributes[0])).toEqual(SPEC_FIELDS.attribute);
      const expected = `<?xml version="1.0" encoding="utf-8"?>
<service_definition>
    <service_code>${f.serviceA.slug}</service_code>
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
        service_code: f.serviceA.slug,
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
      const fr = expectJson(await get(`/open311/v2/services/${f.serviceA.slug}.json?locale=fr`));
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
        (await get(`/open311/v2/services/${f.serviceA.slug}.json`)).json(),
      );
      check(list('Open311Request'), (await get('/open311/v2/requests.json')).json());
      check({ $ref: 'openapi#/components/schemas/Open311Errors' }, (await get('/open311/v2/requests.json?status=x')).json());
      check(list('Open311Created'), (await post('json', aReport())).json());
    });
  });
});
