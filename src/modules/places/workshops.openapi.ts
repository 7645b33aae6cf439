/**
 * The OpenAPI description of the workshop API (workshops.routes.tsx): a place's upcoming workshops,
 * one workshop, and registering / cancelling with a bearer token. Same rules as the pages: a
 * verified email to register; a full workshop puts you on the waiting list, which moves up by itself.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { codesOf, PLACE_LIMITS, WORKSHOP_LEVELS } from './places.model.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const slugParameter = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const E401 = {
  description: 'No API token, or a malformed, unknown or revoked one (`unauthorized`)',
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
  content: json(ref('Error')),
};
const E429 = {
  description: 'Too many requests (`rate_limited`)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: json(ref('Error')),
};

export const workshopsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/places/{slug}/workshops': {
      get: {
        operationId: 'listPlaceWorkshops',
        tags: ['places'],
        summary: 'A place’s upcoming workshops',
        description: 'Workshops that have not started yet, soonest first (at most 100), cancelled ones included with `status: cancelled`.',
        parameters: [slugParameter],
        responses: {
          '200': {
            description: 'The workshops',
            content: json({
              type: 'object',
              properties: { workshops: { type: 'array', items: ref('Workshop') } },
              required: ['workshops'],
            }),
          },
          '400': error('Invalid slug (`bad_request`)'),
          '404': error('No such place (`not_found`)'),
        },
      },
    },
    '/api/v1/workshops/{id}': {
      get: {
        operationId: 'getWorkshop',
        tags: ['places'],
        summary: 'One workshop',
        description: 'With a token, `registration` gives the caller’s status (null when not registered).',
        parameters: [idParameter],
        responses: {
          '200': { description: 'The workshop', content: json(ref('Workshop')) },
          '400': error('Invalid id (`bad_request`)'),
          '401': E401,
          '404': error('No such workshop (`not_found`)'),
        },
      },
    },
    '/api/v1/workshops/{id}/registration': {
      post: {
        operationId: 'registerForWorkshop',
        tags: ['places'],
        summary: 'Register the token’s user',
        description:
          'Registers while seats are free, otherwise puts the user on the waiting list; when a registered person cancels, the first person waiting is registered automatically and emailed. Idempotent: registering again answers 200 with the current status. Send no body.',
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          '201': { description: 'Registered or waitlisted now', content: json(ref('WorkshopRegistration')) },
          '200': { description: 'Already registered or waitlisted: the current status', content: json(ref('WorkshopRegistration')) },
          '400': error('Invalid id (`bad_request`)'),
          '401': E401,
          '403': error('The user’s email address is not confirmed (`forbidden`)'),
          '404': error('No such workshop (`not_found`)'),
          '409': error('The workshop was cancelled or has started (`conflict`)'),
          '429': E429,
        },
      },
      delete: {
        operationId: 'cancelWorkshopRegistration',
        tags: ['places'],
        summary: 'Cancel the token’s user’s registration or place on the waiting list',
        description: 'A freed seat goes to the first person on the waiting list.',
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          '204': { description: 'Cancelled' },
          '400': error('Invalid id (`bad_request`)'),
          '401': E401,
          '404': error('No such workshop, or the user is neither registered nor waiting (`not_found`)'),
          '429': E429,
        },
      },
    },
  },
  schemas: {
    Workshop: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        title: { type: 'string', maxLength: PLACE_LIMITS.workshopTitle },
        description: { type: 'string' },
        theme: { enum: codesOf('services'), description: 'A mediation service code' },
        level: { enum: [...WORKSHOP_LEVELS] },
        start: { type: 'string', format: 'date-time' },
        end: { type: 'string', format: 'date-time' },
        durationMinutes: { type: 'integer', minimum: PLACE_LIMITS.workshopMinutes.min, maximum: PLACE_LIMITS.workshopMinutes.max },
        capacity: { type: 'integer', minimum: 1, maximum: PLACE_LIMITS.workshopCapacity },
        seatsLeft: { type: 'integer', minimum: 0 },
        waitlist: { type: 'integer', minimum: 0, description: 'People on the waiting list' },
        status: { enum: ['scheduled', 'cancelled'] },
        place: {
          type: 'object',
          properties: { slug: { type: 'string' }, name: { type: 'string' }, timeZone: { type: 'string' } },
          required: ['slug', 'name', 'timeZone'],
        },
        mediator: { oneOf: [{ type: 'null' }, { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }] },
        url: { type: 'string', format: 'uri' },
        registration: {
          description: 'Only with a token: the caller’s registration',
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              properties: {
                status: { enum: ['registered', 'waitlisted'] },
                position: { type: ['integer', 'null'], description: 'Place on the waiting list (1 = next)' },
              },
              required: ['status', 'position'],
            },
          ],
        },
      },
      required: [
        'id',
        'title',
        'description',
        'theme',
        'level',
        'start',
        'end',
        'durationMinutes',
        'capacity',
        'seatsLeft',
        'waitlist',
        'status',
        'place',
        'mediator',
        'url',
      ],
    },
    WorkshopRegistration: {
      type: 'object',
      properties: { status: { enum: ['registered', 'waitlisted'] } },
      required: ['status'],
    },
  },
};
