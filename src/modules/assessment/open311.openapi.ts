/**
 * The OpenAPI 3.1 description of Open311 GeoReport v2 (open311.routes.ts). Each path ends in
 * `.{format}`: `xml` (the spec's mandatory format, `text/xml`) or `json`; the schemas describe the
 * JSON documents, the XML holds the same fields in the same order (lists wrapped in their element).
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { PROBLEM_CATEGORIES } from './assessment.model.js';
import { MAX_REQUESTS, MAX_SPAN_DAYS } from './open311.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const body = (schema: unknown) => ({
  'application/json': { schema },
  'text/xml': { schema: { type: 'string', description: 'The same document as XML' } },
});
const ok = (description: string, schema: unknown) => ({ description, content: body(schema) });
const errors = (description: string) => ({ description, content: body(ref('Open311Errors')) });
const E400 = errors('A parameter is missing or invalid (each error describes one)');
const E404 = errors('No such service, request, token, jurisdiction or format');
const E429 = errors('Too many requests from this address');

const format = { name: 'format', in: 'path', required: true, schema: { enum: ['xml', 'json'] } };
const jurisdiction = {
  name: 'jurisdiction_id',
  in: 'query',
  required: false,
  description: 'Optional: this server serves one jurisdiction, the host name of the site (without `www.`); another value is 404.',
  schema: { type: 'string' },
};
const locale = {
  name: 'locale',
  in: 'query',
  required: false,
  description: 'Language of the texts (`en`, `fr`); else the default',
  schema: { type: 'string' },
};
const query = (name: string, description: string, schema: unknown = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const get = (operationId: string, summary: string, parameters: unknown[], responses: Record<string, unknown>) => ({
  get: {
    operationId,
    tags: ['open311'],
    summary,
    parameters: [format, jurisdiction, ...parameters],
    responses: { ...responses, '429': E429 },
  },
});

const w3c = { type: 'string', format: 'date-time', description: 'W3C datetime, e.g. 2010-01-01T00:00:00Z' };

export const open311OpenApi: OpenApiFragment = {
  paths: {
    '/open311/v2/discovery.{format}': get(
      'open311Discovery',
      'Service discovery: the endpoint, its formats and how to get a key',
      [locale],
      {
        '200': ok('The discovery document', ref('Open311Discovery')),
        '404': E404,
      },
    ),
    '/open311/v2/services.{format}': get(
      'open311Services',
      'Service types: every published e-service (service_code = its slug)',
      [locale],
      {
        '200': ok('The service list', { type: 'array', items: ref('Open311Service') }),
        '404': E404,
      },
    ),
    '/open311/v2/services/{service_code}.{format}': get(
      'open311ServiceDefinition',
      'Service definition: its one attribute, the problem category',
      [{ name: 'service_code', in: 'path', required: true, schema: { type: 'string' } }, locale],
      { '200': ok('The service definition', ref('Open311ServiceDefinition')), '404': E404 },
    ),
    '/open311/v2/requests.{format}': {
      ...get(
        'open311Requests',
        `Service requests (problem reports), newest first, at most ${MAX_REQUESTS}; by default those of the last ${MAX_SPAN_DAYS} days`,
        [
          query('service_request_id', 'Comma-separated request ids; overrides every other filter'),
          query('service_code', 'Comma-separated service codes'),
          query('start_date', `Earliest requested datetime (W3C); with end_date, at most ${MAX_SPAN_DAYS} days apart`, w3c),
          query('end_date', 'Latest requested datetime (W3C)', w3c),
          query('status', '`open` (open, acknowledged, in progress) or `closed` (fixed, won’t fix, duplicate), comma-separated'),
          locale,
        ],
        { '200': ok('The requests', { type: 'array', items: ref('Open311Request') }), '400': E400, '404': E404 },
      ),
      post: {
        operationId: 'open311CreateRequest',
        tags: ['open311'],
        summary:
          'Report a problem with an e-service. The citizen is identified by email and names (kept private, used to tell them about changes). A location is optional here (e-services have none); description is required.',
        parameters: [format],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['api_key', 'service_code', `attribute[category]`, 'description'],
                properties: {
                  api_key: { type: 'string', description: 'An API token of an account (created on the account page or by an admin)' },
                  jurisdiction_id: { type: 'string' },
                  service_code: { type: 'string' },
                  'attribute[category]': { enum: [...PROBLEM_CATEGORIES] },
                  description: { type: 'string', minLength: 10, maxLength: 4000 },
                  email: { type: 'string', format: 'email' },
                  first_name: { type: 'string' },
                  last_name: { type: 'string' },
                  phone: { type: 'string', description: 'Accepted, not stored' },
                  lat: { type: 'number', minimum: -90, maximum: 90 },
                  long: { type: 'number', minimum: -180, maximum: 180 },
                  address_string: { type: 'string', maxLength: 300 },
                  device_id: { type: 'string', description: 'Accepted, not stored' },
                  locale: { type: 'string', description: 'Language of the emails the citizen receives' },
                },
              },
            },
          },
        },
        responses: {
          '200': ok('The new request', { type: 'array', items: ref('Open311Created') }),
          '400': E400,
          '403': errors('api_key missing or invalid'),
          '404': E404,
          '429': E429,
        },
      },
    },
    '/open311/v2/requests/{service_request_id}.{format}': get(
      'open311Request',
      'One service request',
      [{ name: 'service_request_id', in: 'path', required: true, schema: { type: 'integer' } }, locale],
      { '200': ok('The request, in a list of one', { type: 'array', items: ref('Open311Request'), maxItems: 1 }), '404': E404 },
    ),
    '/open311/v2/tokens/{token}.{format}': get(
      'open311Token',
      'The request id of a token',
      [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      { '200': ok('The request id', { type: 'array', items: ref('Open311Token'), maxItems: 1 }), '404': E404 },
    ),
  },
  schemas: {
    Open311Errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: { type: 'integer' }, description: { type: 'string' } },
        required: ['code', 'description'],
      },
    },
    Open311Discovery: {
      type: 'object',
      required: ['changeset', 'contact', 'key_service', 'endpoints'],
      properties: {
        changeset: { type: 'string' },
        contact: { type: 'string' },
        key_service: { type: 'string' },
        endpoints: {
          type: 'array',
          items: {
            type: 'object',
            required: ['specification', 'url', 'changeset', 'type', 'formats'],
            properties: {
              specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
              url: { type: 'string', format: 'uri' },
              changeset: { type: 'string' },
              type: { enum: ['production', 'test'] },
              formats: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    },
    Open311Service: {
      type: 'object',
      required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
      properties: {
        service_code: { type: 'string' },
        service_name: { type: 'string' },
        description: { type: 'string' },
        metadata: { const: true },
        type: { const: 'realtime' },
        keywords: { type: 'string', description: 'Comma-separated' },
        group: { type: 'string', description: 'The sector' },
      },
    },
    Open311ServiceDefinition: {
      type: 'object',
      required: ['service_code', 'attributes'],
      properties: {
        service_code: { type: 'string' },
        attributes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
            properties: {
              variable: { type: 'boolean' },
              code: { type: 'string' },
              datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
              required: { type: 'boolean' },
              datatype_description: nullable('string'),
              order: { type: 'integer', minimum: 1 },
              description: { type: 'string' },
              values: {
                type: 'array',
                items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
    Open311Created: {
      type: 'object',
      required: ['service_request_id', 'service_notice', 'account_id'],
      properties: { service_request_id: { type: 'integer' }, service_notice: { type: 'string' }, account_id: { type: 'null' } },
    },
    Open311Token: {
      type: 'object',
      required: ['service_request_id', 'token'],
      properties: { service_request_id: { type: 'integer' }, token: { type: 'string' } },
    },
    Open311Request: {
      type: 'object',
      additionalProperties: false,
      required: [
        'service_request_id',
        'status',
        'status_notes',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'requested_datetime',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ],
      properties: {
        service_request_id: { type: 'integer' },
        status: { enum: ['open', 'closed'] },
        status_notes: nullable('string', { description: 'The latest official note, or the detailed status' }),
        service_name: { type: 'string' },
        service_code: { type: 'string' },
        description: { type: 'string' },
        agency_responsible: { type: 'string', description: 'The organisation responsible for the e-service' },
        service_notice: { type: 'null' },
        requested_datetime: w3c,
        updated_datetime: w3c,
        expected_datetime: { type: 'null' },
        address: nullable('string'),
        address_id: { type: 'null' },
        zipcode: { type: 'null' },
        lat: nullable('number'),
        long: nullable('number'),
        media_url: { type: 'null' },
      },
    },
  },
};
