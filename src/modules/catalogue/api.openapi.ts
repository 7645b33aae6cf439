/**
 * The OpenAPI 3.1 description of the catalogue's API (api.routes.tsx): paths, parameters, bodies,
 * responses and the schemas of a service. Keep it in step with the routes: a test checks that every
 * route under /api/v1 is described and that real responses validate against these schemas.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { ACCESSIBILITY, CHANNELS, SERVICE_STATUSES } from './services.model.js';
import { MAX_LIMIT, MAX_QUERY } from './api.schemas.js';
import { openDataOpenApi } from './open-data.openapi.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const E400 = error('A query parameter, header or the JSON syntax is invalid; `fields` names each faulty parameter (`bad_request`)');
const E401 = {
  description: 'No API token, or a malformed, unknown or revoked one (`unauthorized`). A session cookie is never accepted here.',
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
  content: json(ref('Error')),
};
const E403 = error('The token’s user may not do this: not an admin, nor an official of the service’s organisation (`forbidden`)');
const E404 = error('No such service, or a draft / withdrawn service the caller may not edit (`not_found`)');
const E409 = error('The service changed since the version given (`conflict`, field `version`): read it again, then write');
const E422 = error(
  'The service is not valid (`validation_failed`): `fields` lists every problem, each `{field, message}` where field is a path such as `name.fr` and message a key of the `catalogue.errors` catalog; nothing was written',
);
const E429 = {
  description: 'Too many requests from this address (`rate_limited`)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: json(ref('Error')),
};

const etag = { ETag: { schema: { type: 'string' }, description: 'The service’s version as a weak ETag, `W/"3"`' } };
const cors = {
  'Access-Control-Allow-Origin': {
    schema: { const: '*' },
    description: 'On requests without a token: any web page may read the public catalogue',
  },
};

const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } };
const ifMatch = (required: boolean) => ({
  name: 'If-Match',
  in: 'header',
  required: false,
  description: required
    ? 'The ETag of the version you read (`W/"3"`, `"3"` or `3`). Required, unless the body has `version`; `*` writes whatever the current version (not recommended). Stale → 409.'
    : 'Optional: the ETag of the version you read; stale → 409.',
  schema: { type: 'string' },
});
const query = (name: string, description: string, schema: unknown) => ({ name, in: 'query', required: false, description, schema });

const servicesParameters = [
  query('sector', 'Sector slug (see /api/v1/sectors)', { type: 'string' }),
  query('lifeEvent', 'Life event slug (see /api/v1/life-events)', { type: 'string' }),
  query('channel', 'Services usable through this channel', { enum: [...CHANNELS] }),
  query('free', 'Free of charge (true) or not (false)', { enum: ['true', 'false'] }),
  query('language', 'Services usable in this language (ISO 639-1)', { type: 'string', pattern: '^[a-z]{2}$' }),
  query('organisation', 'Slug of the competent organisation (see /api/v1/organisations)', { type: 'string' }),
  query(
    'q',
    'Search words. Results are then in the order of relevance of `/api/v1/search` and the search page (the first 1,100 hits at most), filtered by the other parameters; without `q`, in slug order.',
    { type: 'string', maxLength: MAX_QUERY },
  ),
  query('cursor', 'The `next` of the previous page, unchanged (opaque). Keep the other parameters the same.', { type: 'string' }),
  query('limit', 'Services per page', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 }),
];

const statusChange = (action: string, to: string, summary: string) => ({
  post: {
    operationId: `${action}Service`,
    tags: ['catalogue'],
    summary,
    description: `Sets the status to \`${to}\` (nothing happens if it already is), with a revision and an audit entry. Send no body.${
      action === 'publish' ? ' A service is published only when it is complete in the default language (422 otherwise).' : ''
    }`,
    security: [{ bearer: [] }],
    parameters: [slugParameter, ifMatch(false)],
    responses: {
      '200': { description: 'The service after the change', headers: etag, content: json(ref('Service')) },
      '400': E400,
      '401': E401,
      '403': E403,
      '404': E404,
      '409': E409,
      ...(action === 'publish' ? { '422': E422 } : {}),
      '429': E429,
    },
  },
});

const translated = {
  type: 'object',
  description: 'One text per language code, e.g. `{"en": "…", "fr": "…"}`',
  additionalProperties: { type: 'string' },
};
const nullableString = (format?: string) => ({ type: ['string', 'null'], ...(format ? { format } : {}) });

/** The writable fields of a service: the body of POST and (all optional) of PATCH. */
const serviceInputProperties = {
  identifier: { type: 'string', format: 'uuid', description: 'Stable identifier; generated when not given; never changes' },
  slug: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80, description: 'Its web address: /{locale}/services/{slug}' },
  organisation: { type: 'string', description: 'Slug of the competent organisation' },
  sector: { type: 'string', description: 'Slug of the sector' },
  lifeEvents: { type: 'array', items: { type: 'string' }, description: 'Slugs of life events' },
  name: { ...ref('Translated'), description: 'Required in the default language; one line, ≤ 120 characters' },
  summary: { ...ref('Translated'), description: 'Plain-language summary; required in the default language; ≤ 300 characters' },
  description: { ...ref('Translated'), description: 'Required in the default language; ≤ 8,000 characters' },
  audience: ref('Translated'),
  requirements: { ...ref('Translated'), description: 'One requirement per line' },
  evidence: { ...ref('Translated'), description: 'One document to provide per line' },
  keywords: {
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Per language, ≤ 30 keywords',
  },
  channels: { type: 'array', items: { enum: [...CHANNELS] }, minItems: 1 },
  onlineUrl: { ...nullableString('uri'), description: 'Required when channels include online' },
  isFree: { type: 'boolean' },
  costAmount: { type: ['number', 'null'], minimum: 0, description: 'In the currency’s main unit (euros), two decimals at most' },
  costCurrency: { type: 'string', pattern: '^[A-Z]{3}$' },
  costDescription: ref('Translated'),
  processingTime: { ...nullableString(), description: 'ISO 8601 duration: P14D, P2W, PT2H' },
  contactEmail: nullableString('email'),
  contactPhone: nullableString(),
  contactPage: nullableString('uri'),
  contactHours: ref('Translated'),
  languages: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$' }, description: 'ISO 639-1 codes' },
  accessibility: { enum: [...ACCESSIBILITY] },
  accessibilityUrl: nullableString('uri'),
  related: { type: 'array', items: { type: 'string' }, description: 'Slugs of related services' },
};

/** The services API's own paths; `catalogueOpenApi` (below) adds the open-data endpoints'. */
const servicesApi = {
  paths: {
    '/api/v1/services': {
      get: {
        operationId: 'listServices',
        tags: ['catalogue'],
        summary: 'Published e-services, filtered, by cursor',
        description: 'Drafts and withdrawn services are never listed. Walk the pages by passing `next` back as `cursor` until it is null.',
        parameters: servicesParameters,
        responses: {
          '200': { description: 'A page of services', headers: cors, content: json(ref('ServicePage')) },
          '400': E400,
          '429': E429,
        },
      },
      post: {
        operationId: 'createService',
        tags: ['catalogue'],
        summary: 'Create an e-service (as a draft)',
        description:
          'Validated as the editor’s form is. Keys other than the writable fields are refused (422), except the read-only fields of a Service, which are ignored. Malformed JSON is a 400.',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: json(ref('ServiceInput')) },
        responses: {
          '201': {
            description: 'Created, as a draft',
            headers: { ...etag, Location: { schema: { type: 'string' }, description: '/api/v1/services/{slug}' } },
            content: json(ref('Service')),
          },
          '400': E400,
          '401': E401,
          '403': E403,
          '422': E422,
          '429': E429,
        },
      },
    },
    '/api/v1/services/{slug}': {
      get: {
        operationId: 'getService',
        tags: ['catalogue'],
        summary: 'One e-service',
        description:
          'A published service for anyone; a draft or withdrawn one only with the token of someone who may edit it (404 for everyone else). Supports `If-None-Match` (304).',
        parameters: [slugParameter],
        responses: {
          '200': { description: 'The service', headers: { ...etag, ...cors }, content: json(ref('Service')) },
          '304': { description: 'Not modified (If-None-Match matched)' },
          '401': E401,
          '404': E404,
          '429': E429,
        },
      },
      patch: {
        operationId: 'updateService',
        tags: ['catalogue'],
        summary: 'Change some fields of an e-service',
        description:
          'The fields given replace the current ones (a translated field replaces all its languages); the result is validated as a whole. The version is required (`If-Match` or `version`). No change: nothing is written and the version stays.',
        security: [{ bearer: [] }],
        parameters: [slugParameter, ifMatch(true)],
        requestBody: {
          required: true,
          content: { ...json(ref('ServicePatch')), 'application/merge-patch+json': { schema: ref('ServicePatch') } },
        },
        responses: {
          '200': { description: 'The service after the change', headers: etag, content: json(ref('Service')) },
          '400': E400,
          '401': E401,
          '403': E403,
          '404': E404,
          '409': E409,
          '422': E422,
          '429': E429,
        },
      },
    },
    '/api/v1/services/{slug}/publish': statusChange('publish', 'published', 'Publish an e-service'),
    '/api/v1/services/{slug}/withdraw': statusChange('withdraw', 'withdrawn', 'Withdraw an e-service (it disappears from the public)'),
    '/api/v1/services/{slug}/unpublish': statusChange('unpublish', 'draft', 'Put an e-service back to draft'),
    '/api/v1/search': {
      get: {
        operationId: 'search',
        tags: ['catalogue'],
        summary: 'Search, with the ranking of the search page',
        description:
          'The same call as the `/{locale}/search` page (the platform search: every word must match, typos tolerated, titles weigh most), so the order is the page’s.',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: MAX_QUERY } },
          query(
            'types',
            'Content types, separated by commas: `service` (e-services), `wiki.page` (wiki pages: title and summary in the page’s language only); all when absent',
            { type: 'string' },
          ),
          query('limit', 'Hits per page', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 }),
          query('offset', 'Hits to skip', { type: 'integer', minimum: 0, maximum: 1000, default: 0 }),
        ],
        responses: {
          '200': { description: 'A page of hits', headers: cors, content: json(ref('SearchResult')) },
          '400': E400,
          '429': E429,
        },
      },
    },
    '/api/v1/sectors': {
      get: {
        operationId: 'listSectors',
        tags: ['catalogue'],
        summary: 'Sectors, in display order, with their number of published services',
        responses: { '200': { description: 'Every sector', headers: cors, content: json(list(ref('Sector'))) } },
      },
    },
    '/api/v1/life-events': {
      get: {
        operationId: 'listLifeEvents',
        tags: ['catalogue'],
        summary: 'Life events, in display order',
        responses: { '200': { description: 'Every life event', headers: cors, content: json(list(ref('LifeEvent'))) } },
      },
    },
    '/api/v1/organisations': {
      get: {
        operationId: 'listOrganisations',
        tags: ['catalogue'],
        summary: 'Public organisations (competent authorities of services)',
        responses: { '200': { description: 'Every organisation', headers: cors, content: json(list(ref('Organisation'))) } },
      },
    },
  },
  schemas: {
    Translated: translated,
    ServiceInput: {
      type: 'object',
      description: 'An e-service as an official writes it (the same rules as the editor’s form).',
      properties: serviceInputProperties,
      required: ['slug', 'organisation', 'sector', 'name', 'summary', 'description', 'channels'],
    },
    ServicePatch: {
      type: 'object',
      description: 'Any writable fields, plus optionally `version` (instead of If-Match).',
      properties: { ...serviceInputProperties, version: { type: 'integer', minimum: 1 } },
    },
    Service: {
      type: 'object',
      description: 'An e-service: its writable fields plus what the platform keeps (read-only, ignored when sent back).',
      properties: {
        ...serviceInputProperties,
        status: { enum: [...SERVICE_STATUSES] },
        version: { type: 'integer', minimum: 1 },
        path: { type: 'string', description: 'Its page, without the language segment' },
        url: {
          type: 'string',
          format: 'uri',
          description: 'Its public page in the request’s language (Accept-Language); 404 until published',
        },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
        publishedAt: nullableString('date-time'),
        names: {
          type: 'object',
          description: 'Names, in every language, of what the service refers to',
          properties: {
            organisation: ref('Translated'),
            sector: ref('Translated'),
            lifeEvents: { type: 'object', additionalProperties: ref('Translated') },
          },
          required: ['organisation', 'sector', 'lifeEvents'],
        },
      },
      required: [
        ...Object.keys(serviceInputProperties),
        'status',
        'version',
        'path',
        'url',
        'createdAt',
        'updatedAt',
        'publishedAt',
        'names',
      ],
    },
    ServicePage: {
      type: 'object',
      properties: {
        data: { type: 'array', items: ref('Service') },
        next: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last one' },
        total: { type: 'integer', description: 'Services matching (with `q`: among the hits searched)' },
      },
      required: ['data', 'next', 'total'],
    },
    SearchHit: {
      type: 'object',
      properties: {
        type: { type: 'string', description: 'Content type (service…)' },
        refId: { type: 'string', description: 'Its identifier within its type (a service’s slug)' },
        title: ref('Translated'),
        summary: ref('Translated'),
        path: { type: 'string', description: 'Its page, without the language segment' },
        url: { type: 'string', format: 'uri', description: 'Its page in the request’s language' },
      },
      required: ['type', 'refId', 'title', 'summary', 'path', 'url'],
    },
    SearchResult: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        total: { type: 'integer' },
        offset: { type: 'integer' },
        limit: { type: 'integer' },
        hits: { type: 'array', items: ref('SearchHit') },
      },
      required: ['query', 'total', 'offset', 'limit', 'hits'],
    },
    Sector: {
      type: 'object',
      properties: { slug: { type: 'string' }, name: ref('Translated'), description: ref('Translated'), services: { type: 'integer' } },
      required: ['slug', 'name', 'description', 'services'],
    },
    LifeEvent: { type: 'object', properties: { slug: { type: 'string' }, name: ref('Translated') }, required: ['slug', 'name'] },
    Organisation: {
      type: 'object',
      properties: { slug: { type: 'string' }, name: ref('Translated'), kind: { type: 'string' }, website: nullableString('uri') },
      required: ['slug', 'name', 'kind', 'website'],
    },
  },
};

/** The catalogue module's whole fragment: the services API and the open-data endpoints (open-data.openapi.ts). */
export const catalogueOpenApi: OpenApiFragment = {
  paths: { ...servicesApi.paths, ...openDataOpenApi.paths },
  schemas: { ...servicesApi.schemas, ...openDataOpenApi.schemas },
};

function list(items: unknown) {
  return { type: 'object', properties: { data: { type: 'array', items } }, required: ['data'] };
}
