/**
 * The OpenAPI 3.1 description of the appointments API (appointments.routes.tsx): a place's open
 * slots, publishing a slot (its mediators), booking and cancelling (any person with a verified
 * email). Keep it in step with the routes: the integration test validates real answers against it.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { PLACE_LIMITS } from './places.model.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const E400 = error('A path parameter or the JSON syntax is invalid (`bad_request`)');
const E401 = {
  description: 'No API token, or a malformed, unknown or revoked one (`unauthorized`). A session cookie is never accepted here.',
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
  content: json(ref('Error')),
};
const E429 = {
  description: 'Too many requests from this address (`rate_limited`)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: json(ref('Error')),
};

const slugParameter = { name: 'slug', in: 'path', required: true, description: 'The place’s slug', schema: { type: 'string' } };
const idParameter = { name: 'id', in: 'path', required: true, description: 'The slot’s id', schema: { type: 'integer', minimum: 1 } };

export const appointmentsOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/places/{slug}/slots': {
      get: {
        operationId: 'listPlaceSlots',
        tags: ['places'],
        summary: 'A place’s open slots',
        description: 'The slots of the next four weeks that are open and not booked, in time order. Public.',
        parameters: [slugParameter],
        responses: {
          '200': { description: 'The open slots', content: json(ref('SlotList')) },
          '400': E400,
          '404': error('No such place (`not_found`)'),
        },
      },
      post: {
        operationId: 'publishSlot',
        tags: ['places'],
        summary: 'Publish an appointment slot',
        description: `For a mediator of the place (or an admin), who becomes the slot’s mediator. The slot starts in the future (within a year), lasts ${PLACE_LIMITS.slotMinutes.min} minutes to ${PLACE_LIMITS.slotMinutes.max / 60} hours, and does not overlap another open slot of the same mediator at any place.`,
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        requestBody: { required: true, content: json(ref('SlotInput')) },
        responses: {
          '201': {
            description: 'Published',
            content: json({ type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }),
          },
          '400': E400,
          '401': E401,
          '403': error('The token’s user is not a mediator of this place nor an admin (`forbidden`)'),
          '404': error('No such place (`not_found`)'),
          '422': error(
            'Invalid slot (`validation_failed`); `fields` names `start` or `end` with a message key of the `appointments.errors` catalog: `startPast`, `startTooFar`, `endBeforeStart`, `tooShort`, `tooLong`, `overlap`; nothing was written',
          ),
          '429': E429,
        },
      },
    },
    '/api/v1/slots/{id}/booking': {
      post: {
        operationId: 'bookSlot',
        tags: ['places'],
        summary: 'Book a slot',
        description:
          'For any user with a verified email. 201 when the slot is now theirs; booking again a slot one already holds answers 200 with the same booking (a retry is harmless). A confirmation is emailed, and a reminder the day before. Two people never hold the same slot, however close their requests: the second gets 409 `slot_taken`.',
        security: [{ bearer: [] }],
        parameters: [idParameter],
        requestBody: { required: true, content: json(ref('BookingInput')) },
        responses: {
          '200': { description: 'The caller already held this slot: their booking', content: json(ref('Booking')) },
          '201': { description: 'Booked', content: json(ref('Booking')) },
          '400': E400,
          '401': E401,
          '403': error('The token’s user has not confirmed their email address (`forbidden`)'),
          '404': error('No such slot (`not_found`)'),
          '409': error(
            'Someone else holds the slot (`slot_taken`); or the slot was withdrawn or has started, or the caller has another appointment at that time (`conflict`, field `slot`)',
          ),
          '422': error(
            'Invalid booking (`validation_failed`): `need` empty or too long (`needMissing`, `needLong`), `serviceSlug` not a published e-service (`serviceUnknown`); nothing was written',
          ),
          '429': E429,
        },
      },
      delete: {
        operationId: 'cancelBooking',
        tags: ['places'],
        summary: 'Cancel one’s booking of a slot',
        description: 'The place’s mediators are told by email; the slot is open for booking again.',
        security: [{ bearer: [] }],
        parameters: [idParameter],
        responses: {
          '204': { description: 'Cancelled' },
          '400': E400,
          '401': E401,
          '404': error('No such slot, or the caller holds no active booking of it (`not_found`)'),
          '429': E429,
        },
      },
    },
  },
  schemas: {
    SlotInput: {
      type: 'object',
      additionalProperties: false,
      properties: {
        start: { type: 'string', format: 'date-time', description: 'ISO-8601 with an offset, e.g. 2026-12-03T09:00:00+01:00' },
        end: { type: 'string', format: 'date-time' },
      },
      required: ['start', 'end'],
    },
    Slot: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        start: { type: 'string', format: 'date-time', description: 'UTC' },
        end: { type: 'string', format: 'date-time', description: 'UTC' },
      },
      required: ['id', 'start', 'end'],
    },
    SlotList: {
      type: 'object',
      properties: {
        place: { type: 'string', description: 'The place’s slug' },
        timeZone: { type: 'string', description: 'The place’s IANA time zone, to show times as its clock does' },
        data: { type: 'array', items: ref('Slot') },
      },
      required: ['place', 'timeZone', 'data'],
    },
    BookingInput: {
      type: 'object',
      properties: {
        need: { type: 'string', minLength: 1, maxLength: PLACE_LIMITS.need, description: 'What the person needs help with' },
        serviceSlug: { type: ['string', 'null'], description: 'Optional: the slug of a published e-service of the catalogue' },
      },
      required: ['need'],
    },
    Booking: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        slotId: { type: 'integer' },
        status: { const: 'active' },
      },
      required: ['id', 'slotId', 'status'],
    },
  },
};
