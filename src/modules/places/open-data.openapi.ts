/**
 * The OpenAPI description of the directory's open-data exports (open-data.routes.ts). The bodies
 * follow national schemas kept in schemas/: the CSV the "lieux de médiation numérique" Table
 * Schema v1.0.1, the JSON data·inclusion v1; the schemas here describe their main fields.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { LIEUX_COLUMNS } from './places-csv.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const tooMany = {
  description: 'Too many exports from this address (30 an hour)',
  content: { 'application/json': { schema: ref('Error') } },
};

export const openDataOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/places.csv': {
      get: {
        operationId: 'placesLieuxCsv',
        tags: ['places'],
        summary: 'Every Digital Public Space as CSV in the “lieux de médiation numérique” Table Schema (v1.0.1)',
        description:
          'One row per place; the columns are the schema’s, in its order; UTF-8, RFC 4180 (comma, `"` quotes, CRLF); ' +
          'multi-valued cells separated by `|`, with the schema’s French vocabulary. `id` is the id a place was imported ' +
          'with, else its slug; `pivot` is `00000000000000` when the place has no SIRET/RNA. Public, no token.',
        responses: {
          '200': {
            description: 'The CSV file (an attachment)',
            headers: {
              'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="lieux-mediation-numerique.csv"' },
            },
            content: { 'text/csv': { schema: { type: 'string', description: `Header: ${LIEUX_COLUMNS.join(',')}` } } },
          },
          '429': tooMany,
        },
      },
    },
    '/api/v1/places/data-inclusion/structures.json': {
      get: {
        operationId: 'placesDataInclusionStructures',
        tags: ['places'],
        summary: 'Every Digital Public Space as a data·inclusion v1 structure',
        description:
          'An array of structures valid against the data·inclusion v1 `structure` JSON Schema; `id` is the place’s export id. Public, no token.',
        responses: {
          '200': {
            description: 'The structures',
            content: { 'application/json': { schema: { type: 'array', items: ref('DataInclusionStructure') } } },
          },
          '429': tooMany,
        },
      },
    },
    '/api/v1/places/data-inclusion/services.json': {
      get: {
        operationId: 'placesDataInclusionServices',
        tags: ['places'],
        summary: 'The help each Digital Public Space offers as data·inclusion v1 services',
        description:
          'One service per place and mediation service it offers (`id` = `{structure_id}--{service}`), with the ' +
          '`thematiques` documented in docs/places-data.md; valid against the data·inclusion v1 `service` JSON Schema. Public, no token.',
        responses: {
          '200': {
            description: 'The services',
            content: { 'application/json': { schema: { type: 'array', items: ref('DataInclusionService') } } },
          },
          '429': tooMany,
        },
      },
    },
  },
  schemas: {
    DataInclusionStructure: {
      type: 'object',
      description: 'A data·inclusion v1 structure (main fields; the full JSON Schema is the national one).',
      required: ['id', 'source', 'nom', 'description', 'date_maj'],
      properties: {
        id: { type: 'string' },
        source: { type: 'string' },
        nom: { type: 'string', minLength: 3, maxLength: 150 },
        description: { type: 'string', minLength: 50, maxLength: 2000 },
        date_maj: { type: 'string', format: 'date' },
        siret: nullable('string', { pattern: '^\\d{14}$' }),
        adresse: nullable('string'),
        complement_adresse: nullable('string'),
        code_postal: nullable('string'),
        code_insee: nullable('string'),
        commune: nullable('string'),
        latitude: nullable('number'),
        longitude: nullable('number'),
        telephone: nullable('string'),
        courriel: nullable('string'),
        site_web: nullable('string', { format: 'uri' }),
        horaires_accueil: nullable('string', { description: 'OSM opening_hours' }),
      },
    },
    DataInclusionService: {
      type: 'object',
      description: 'A data·inclusion v1 service (main fields; the full JSON Schema is the national one).',
      required: ['id', 'structure_id', 'source', 'nom', 'description', 'date_maj'],
      properties: {
        id: { type: 'string' },
        structure_id: { type: 'string' },
        source: { type: 'string' },
        nom: { type: 'string', minLength: 3, maxLength: 150 },
        description: { type: 'string', minLength: 50, maxLength: 2000 },
        date_maj: { type: 'string', format: 'date' },
        types: nullable('array', { items: { type: 'string' } }),
        thematiques: nullable('array', { items: { type: 'string' } }),
        frais: nullable('string', { enum: ['gratuit', 'payant', null] }),
        frais_precisions: nullable('string'),
        publics: nullable('array', { items: { type: 'string' } }),
        modes_accueil: nullable('array', { items: { enum: ['a-distance', 'en-presentiel'] } }),
        modes_mobilisation: nullable('array', { items: { type: 'string' } }),
        lien_mobilisation: nullable('string', { format: 'uri' }),
        mobilisable_par: nullable('array', { items: { enum: ['usagers', 'professionnels'] } }),
        horaires_accueil: nullable('string'),
      },
    },
  },
};
