/**
 * The OpenAPI 3.1 description of the catalogue's open-data endpoints (open-data.routes.tsx), to be
 * merged into the catalogue module's fragment.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';

const jsonLd = {
  'application/ld+json': {
    schema: {
      type: 'object',
      description:
        'A JSON-LD document with an inline `@context` and an `@graph`: `cpsv:PublicService` nodes, then the `cv:PublicOrganisation`, places (`dct:Location`), sectors (`skos:Concept`) and life events (`cv:LifeEvent`) they refer to. It conforms to the SHACL shapes of CPSV-AP 3.2.0. The mapping is documented in docs/catalogue-import.md.',
      required: ['@context', '@graph'],
      properties: { '@context': { type: 'object' }, '@graph': { type: 'array', items: { type: 'object' } } },
    },
  },
};
const cors = {
  'Access-Control-Allow-Origin': { schema: { const: '*' }, description: 'Any web page may read the public catalogue' },
};
const notFound = {
  description: 'No such service, or a draft or withdrawn one (`not_found`)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

export const openDataOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/services.jsonld': {
      get: {
        operationId: 'catalogueCpsvAp',
        tags: ['catalogue'],
        summary: 'Every published e-service in CPSV-AP 3.2 (JSON-LD)',
        description:
          'The public catalogue as linked open data, in the EU Core Public Service Vocabulary Application Profile. Service IRIs are stable: `{BASE_URL}/id/service/{identifier}`. Drafts and withdrawn services are never included, nor links to them.',
        responses: {
          '200': { description: 'The catalogue', headers: cors, content: jsonLd },
        },
      },
    },
    '/api/v1/services/{slug}.jsonld': {
      get: {
        operationId: 'serviceCpsvAp',
        tags: ['catalogue'],
        summary: 'One published e-service in CPSV-AP 3.2 (JSON-LD)',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
        responses: {
          '200': { description: 'The service, its organisation, sector and life events', headers: cors, content: jsonLd },
          '404': notFound,
        },
      },
    },
  },
};
