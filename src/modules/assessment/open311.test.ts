/** Open311 documents without a server: XML and JSON in the spec's shapes, escaping, status mapping, the `GET requests` filters. */
import { describe, expect, it } from 'vitest';
import {
  Open311Error,
  discoveryDocument,
  errorsDocument,
  open311Status,
  parseRequestsQuery,
  parseW3cDateTime,
  requestCreatedDocument,
  requestsDocument,
  serialise,
  serviceDefinitionDocument,
  serviceListDocument,
  toXml,
  tokenDocument,
  w3cDateTime,
  type RequestEntry,
  type Value,
} from './open311.js';
import { childNames, parseXml, shape, SPEC_FIELDS, type XmlNode } from './open311.testing.js';

/** The JSON the Spark convention derives from an XML element: lists lose their item wrapper; texts stay texts. */
const LISTS = new Set(['services', 'service_requests', 'attributes', 'values', 'endpoints', 'formats', 'errors']);
function spark(node: XmlNode): unknown {
  if ('text' in node) return LISTS.has(node.name) ? [] : node.text;
  if (LISTS.has(node.name)) return node.children.map(spark);
  return Object.fromEntries(node.children.map((c) => [c.name, spark(c)]));
}
/** A JSON value with every scalar as the text XML gives it (null → empty). */
function asText(v: unknown): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return v.map(asText);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, asText(x)]));
  return String(v);
}

const names = { broken_link: 'Broken', error_message: 'Error', inaccessible: 'Inaccessible', outdated: 'Outdated', other: 'Other' };
const aRequest = (over: Partial<RequestEntry> = {}): RequestEntry => ({
  id: 638344,
  status: 'duplicate',
  statusNotes: 'Duplicate request.',
  serviceName: 'Sidewalk and Curb Issues',
  serviceCode: 'sidewalks',
  description: 'A large sinkhole',
  agency: 'Public works',
  createdAt: '2010-04-14T14:37:38.000Z',
  updatedAt: '2010-04-14T14:37:38.123Z',
  address: '8TH AVE and JUDAH ST',
  latitude: 37.762221815,
  longitude: -122.4651145,
  ...over,
});

const DOCUMENTS: [string, string, Value][] = [
  [
    'discovery',
    'discovery',
    discoveryDocument({ changeset: '2011-02-03T14:18:00Z', contact: 'c', keyService: 'k', url: 'https://x.test/open311/v2' }),
  ],
  [
    'service list',
    'services',
    serviceListDocument([{ code: '001', name: 'Cans', description: 'd', keywords: ['lorem', 'ipsum'], group: 'sanitation' }]),
  ],
  ['service definition', 'service_definition', serviceDefinitionDocument('DMV66', 'What?', names)],
  ['request created', 'service_requests', requestCreatedDocument(293944, 'The City will inspect')],
  ['token', 'service_requests', tokenDocument(638344, '12345')],
  [
    'requests',
    'service_requests',
    requestsDocument([
      aRequest(),
      aRequest({ id: 638349, status: 'open', statusNotes: null, address: null, latitude: null, longitude: null }),
    ]),
  ],
  ['errors', 'errors', errorsDocument([{ code: 403, description: 'Invalid api_key received' }])],
];

describe('Open311 documents', () => {
  it.each(DOCUMENTS)('%s: the XML is the JSON by the Spark convention, element for key, in the same order', (_label, root, value) => {
    const xml = toXml(root, value);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const tree = parseXml(xml);
    expect(tree.name).toBe(root);
    expect(JSON.stringify(spark(tree))).toBe(JSON.stringify(asText(value)));
    expect(serialise('json', root, value)).toBe(JSON.stringify(value));
  });

  it('follows the field order of the spec’s examples', () => {
    const fields = (v: Value) => Object.keys(v as object);
    const [discovery, services, definition, created, token, requests] = DOCUMENTS.map((d) => d[2]) as [any, any, any, any, any, any];
    expect(fields(discovery)).toEqual(SPEC_FIELDS.discovery);
    expect(fields(discovery.endpoints[0])).toEqual(SPEC_FIELDS.endpoint);
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(fields(services[0])).toEqual(SPEC_FIELDS.service);
    expect(services[0]).toMatchObject({ metadata: true, type: 'realtime', keywords: 'lorem, ipsum' });
    expect(fields(definition)).toEqual(SPEC_FIELDS.serviceDefinition);
    expect(fields(definition.attributes[0])).toEqual(SPEC_FIELDS.attribute);
    expect(definition.attributes[0]).toMatchObject({
      variable: true,
      code: 'category',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
    });
    expect(definition.attributes[0].values.map((v: any) => [v.key, v.name])).toEqual(Object.entries(names));
    expect(fields(created[0])).toEqual(SPEC_FIELDS.created);
    expect(fields(token[0])).toEqual(SPEC_FIELDS.token);
    expect(fields(requests[0])).toEqual(SPEC_FIELDS.request);
    expect(requests[0]).toMatchObject({
      status: 'closed',
      requested_datetime: '2010-04-14T14:37:38Z',
      updated_datetime: '2010-04-14T14:37:38Z',
    });
    expect(requests[1]).toMatchObject({
      status: 'open',
      status_notes: null,
      lat: null,
      long: null,
      address_id: null,
      zipcode: null,
      media_url: null,
    });
  });

  it('writes an empty list as an empty root element', () => {
    expect(shape(parseXml(toXml('service_requests', [])))).toBe('');
    expect(serialise('json', 'service_requests', [])).toBe('[]');
  });

  it('escapes markup and drops the characters XML cannot carry, keeping the text', () => {
    const description = 'Tom & Jerry <script>alert("x")</script> ]]> \u0001\u0008 fin\u{1F600}';
    const xml = toXml('service_requests', requestsDocument([aRequest({ description })]));
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('Tom &amp; Jerry &lt;script&gt;');
    const request = parseXml(xml) as { children: XmlNode[] };
    const field = (request.children[0] as { children: XmlNode[] }).children.find((c) => c.name === 'description')!;
    expect(field).toEqual({ name: 'description', text: 'Tom & Jerry <script>alert("x")</script> ]]>  fin\u{1F600}' });
    expect(childNames(request.children[0]!)).toEqual(SPEC_FIELDS.request);
  });

  it('maps our six statuses to open and closed', () => {
    expect(['open', 'acknowledged', 'in_progress'].map((s) => open311Status(s as never))).toEqual(['open', 'open', 'open']);
    expect(['fixed', 'wont_fix', 'duplicate'].map((s) => open311Status(s as never))).toEqual(['closed', 'closed', 'closed']);
  });

  it('reads and writes W3C datetimes with a timezone', () => {
    expect(w3cDateTime('2026-11-26T21:02:18.123Z')).toBe('2026-11-26T21:02:18Z');
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    for (const bad of ['2010-01-01', '2010-01-01T00:00:00', 'yesterday', '2010-13-45T00:00:00Z']) expect(parseW3cDateTime(bad)).toBeNull();
  });
});

describe('GET requests filters', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const fail = (query: Record<string, unknown>) => {
    try {
      parseRequestsQuery(query, now);
    } catch (err) {
      expect(err).toBeInstanceOf(Open311Error);
      return (err as Open311Error).status;
    }
    return 200;
  };

  it('defaults to the last 90 days, every service and status', () => {
    expect(parseRequestsQuery({}, now)).toEqual({
      codes: null,
      from: '2026-08-28T12:00:00.000Z',
      to: '2026-11-26T12:00:00.000Z',
      statuses: null,
    });
    // Empty parameters count as absent ("optional arguments" in the spec).
    expect(parseRequestsQuery({ status: '', service_code: ' ' }, now)).toEqual(parseRequestsQuery({}, now));
  });

  it('takes comma-separated service codes and statuses, and a range of at most 90 days', () => {
    expect(
      parseRequestsQuery(
        { service_code: 'a,b,a', status: 'closed', start_date: '2010-05-24T00:00:00Z', end_date: '2010-06-24T00:00:00Z' },
        now,
      ),
    ).toEqual({
      codes: ['a', 'b'],
      from: '2010-05-24T00:00:00.000Z',
      to: '2010-06-24T00:00:00.000Z',
      statuses: ['fixed', 'wont_fix', 'duplicate'],
    });
    expect(parseRequestsQuery({ status: 'open,closed' }, now)).toMatchObject({
      statuses: ['open', 'acknowledged', 'in_progress', 'fixed', 'wont_fix', 'duplicate'],
    });
    expect(parseRequestsQuery({ start_date: '2026-01-01T00:00:00Z' }, now)).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    expect(parseRequestsQuery({ end_date: '2026-04-01T00:00:00+02:00' }, now)).toMatchObject({
      from: '2025-12-31T22:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it('lets service_request_id override every other filter', () => {
    expect(parseRequestsQuery({ service_request_id: '3, 1,3', status: 'nonsense', start_date: 'bad' }, now)).toEqual({ ids: [3, 1] });
  });

  it('refuses bad parameters with 400', () => {
    expect(fail({ start_date: '2010-01-01' })).toBe(400);
    expect(fail({ end_date: 'tomorrow' })).toBe(400);
    expect(fail({ status: 'pending' })).toBe(400);
    expect(fail({ start_date: '2010-01-01T00:00:00Z', end_date: '2010-06-01T00:00:00Z' })).toBe(400);
    expect(fail({ start_date: '2010-06-01T00:00:00Z', end_date: '2010-01-01T00:00:00Z' })).toBe(400);
    expect(fail({ service_request_id: '1,x' })).toBe(400);
    expect(fail({ service_request_id: '-1' })).toBe(400);
  });
});
