/**
 * The OpenAPI description of the directory's JSON API (places-api.routes.ts): the list with its
 * filters and cursor, one place, and their schemas. The integration test validates real answers
 * against these schemas.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { API_MAX_LIMIT as MAX_LIMIT } from './directory.schemas.js';
import { codesOf, type VocabularyName } from './places.model.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const E429 = {
  description: 'Too many requests from this address (`rate_limited`)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: json(ref('Error')),
};
const cors = {
  'Access-Control-Allow-Origin': {
    schema: { const: '*' },
    description: 'On requests without a token: any web page may read the directory',
  },
};
const query = (name: string, description: string, schema: unknown) => ({ name, in: 'query', required: false, description, schema });
const codes = (vocabulary: VocabularyName) => ({ type: 'array', items: { enum: codesOf(vocabulary) }, uniqueItems: true });
const codeList = (name: string, vocabulary: VocabularyName, description: string) =>
  query(
    name,
    `${description} Codes separated by commas, or the parameter repeated; a place matches when it has ${name === 'access' ? 'every one' : 'any one'} of them.`,
    {
      type: 'string',
      example: codesOf(vocabulary).slice(0, 2).join(','),
    },
  );
const flag = (name: string, description: string) => query(name, description, { enum: ['1', 'true', '0', 'false'] });

const location = { type: ['object', 'null'], required: ['lat', 'lng'], properties: { lat: { type: 'number' }, lng: { type: 'number' } } };
const status = {
  type: 'object',
  description: 'Open or closed at the time of the request, in the place’s time zone (public holidays of its country and region counted).',
  required: ['state', 'nextChange', 'nextChangeLocal'],
  properties: {
    state: { enum: ['open', 'closed', 'unknown'], description: '`unknown`: no opening hours given, or they cannot be read' },
    nextChange: { type: ['string', 'null'], format: 'date-time', description: 'When it next opens or closes (within 8 days)' },
    nextChangeLocal: {
      type: ['object', 'null'],
      required: ['date', 'weekday', 'time'],
      properties: {
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        weekday: { type: 'integer', minimum: 0, maximum: 6, description: '0 = Monday … 6 = Sunday' },
        time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
      },
    },
  },
};
const vocabularyProperties = {
  services: { ...codes('services'), description: 'The kinds of help (the schema’s nine mediation services)' },
  publics: { ...codes('publics'), description: 'Audiences especially welcome' },
  specificSupport: { ...codes('specificSupport'), description: 'Specific support (deafness, languages, illiteracy…)' },
  fees: codes('fees'),
  accessibility: { ...codes('accessibility'), description: 'Venue accessibility' },
};
const common = {
  slug: { type: 'string' },
  name: { type: 'string' },
  url: { type: 'string', format: 'uri', description: 'The place’s page' },
  municipality: { type: 'string' },
  address: { type: 'string' },
  postcode: { type: 'string' },
  location,
  timeZone: { type: 'string', description: 'IANA time zone of the opening hours' },
  openingHours: { type: ['string', 'null'], description: 'OpenStreetMap `opening_hours` syntax' },
  status,
};

export const directoryOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/places': {
      get: {
        operationId: 'listPlaces',
        tags: ['places'],
        summary: 'Digital Public Spaces, filtered, nearest first',
        description:
          'The directory’s list with the filters of the `/places` page. With `near` (a municipality of the territory) or `lat` and `lng`, places are sorted by distance (those without coordinates last); otherwise by name. Whether a place is open is computed at the time of the request in its own time zone.',
        parameters: [
          codeList('service', 'services', 'Kinds of help.'),
          query('open', '`now`: only places open at the time of the request', { enum: ['now'] }),
          flag('saturday', 'Open on some Saturday'),
          flag('evening', 'Open at or after 18:00 on some day'),
          flag('free', 'Free of charge (`fees` has `free`)'),
          codeList('public', 'publics', 'Audiences.'),
          codeList('support', 'specificSupport', 'Specific support.'),
          codeList('access', 'accessibility', 'Venue accessibility.'),
          query('eservice', 'Places that help with this e-service (its slug, see /api/v1/services)', { type: 'string' }),
          query('near', 'A municipality of the territory (slug, name or postcode): distances are measured from it', { type: 'string' }),
          query('lat', 'Latitude to measure distances from (with `lng`)', { type: 'number', minimum: -90, maximum: 90 }),
          query('lng', 'Longitude to measure distances from (with `lat`)', { type: 'number', minimum: -180, maximum: 180 }),
          query('cursor', 'The `next` of the previous page, unchanged (opaque). Keep the other parameters the same.', { type: 'string' }),
          query('limit', 'Places per page', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 }),
        ],
        responses: {
          '200': { description: 'A page of places', headers: cors, content: json(ref('PlacePage')) },
          '400': error(
            'A parameter is invalid (`bad_request`): an unknown code, bad coordinates, an unknown municipality or e-service, an unknown parameter; `fields` names each',
          ),
          '429': E429,
        },
      },
    },
    '/api/v1/places/{slug}': {
      get: {
        operationId: 'getPlace',
        tags: ['places'],
        summary: 'One Digital Public Space in full',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
        responses: {
          '200': { description: 'The place', headers: cors, content: json(ref('Place')) },
          '404': error('No such place (`not_found`)'),
          '429': E429,
        },
      },
    },
  },
  schemas: {
    PlaceSummary: {
      type: 'object',
      additionalProperties: false,
      required: [...Object.keys(common), 'distanceKm', 'openSaturday', 'openEvening', ...Object.keys(vocabularyProperties)],
      properties: {
        ...common,
        distanceKm: {
          type: ['number', 'null'],
          minimum: 0,
          description: 'From `near` or `lat`/`lng`; null without them or without coordinates',
        },
        openSaturday: { type: 'boolean' },
        openEvening: { type: 'boolean' },
        ...vocabularyProperties,
      },
    },
    PlacePage: {
      type: 'object',
      additionalProperties: false,
      required: ['data', 'next', 'total'],
      properties: {
        data: { type: 'array', items: ref('PlaceSummary') },
        next: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last' },
        total: { type: 'integer', minimum: 0, description: 'Places matching the filters' },
      },
    },
    Place: {
      type: 'object',
      additionalProperties: false,
      required: [
        ...Object.keys(common),
        'addressComplement',
        'country',
        'region',
        'mobile',
        'summary',
        'details',
        'phone',
        'email',
        'website',
        'week',
        ...Object.keys(vocabularyProperties),
        'accessModes',
        'supportModes',
        'equipment',
        'mediators',
        'eservices',
        'updatedAt',
      ],
      properties: {
        ...common,
        addressComplement: { type: ['string', 'null'] },
        country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
        region: { type: ['string', 'null'], description: 'ISO 3166-2 subdivision (regional public holidays)' },
        mobile: { type: 'boolean', description: 'The place travels (itinérant)' },
        summary: { type: 'object', additionalProperties: { type: 'string' }, description: 'By language' },
        details: { type: 'object', additionalProperties: { type: 'string' }, description: 'By language' },
        phone: { type: ['string', 'null'] },
        email: { type: ['string', 'null'] },
        website: { type: ['string', 'null'] },
        week: {
          type: 'array',
          description: 'This week’s opening hours, Monday first, in the place’s local time',
          items: {
            type: 'object',
            required: ['date', 'weekday', 'intervals', 'holiday'],
            properties: {
              date: { type: 'string' },
              weekday: { type: 'integer', minimum: 0, maximum: 6 },
              intervals: {
                type: 'array',
                items: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } },
              },
              holiday: { type: ['string', 'null'] },
            },
          },
        },
        ...vocabularyProperties,
        accessModes: codes('accessModes'),
        supportModes: codes('supportModes'),
        equipment: codes('equipment'),
        mediators: { type: 'array', items: { type: 'string' }, description: 'Display names of the place’s mediators' },
        eservices: { type: 'array', items: { type: 'string' }, description: 'Slugs of the published e-services the place helps with' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
};
