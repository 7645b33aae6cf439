/**
 * What the appointment pages and API accept: route parameters, queries, forms and JSON bodies
 * (zod), and the checks of the forms a person fills in, which give each field its message. Pure.
 */
import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n.js';
import { PLACE_LIMITS } from './places.model.js';

const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(100_000).catch(''));
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const idParams = z.object({ id });
export const slotParams = z.object({ slug: z.string().min(1).max(100), id });

export const bookingPageQuery = z.object({ slot: id.optional().catch(undefined) });
export const doneQuery = z.object({
  done: z.enum(['booked', 'cancelled', 'published', 'withdrawn']).optional().catch(undefined),
  count: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
});

/** The booking form, as posted. */
export const bookingForm = z.object({ slot: text, need: text, service: text });
/** The mediator's cancellation form (the booker's has no reason). */
export const cancelForm = z.object({ reason: text });
/** The publish form: the place's local date and time, a length, and how many more weeks. */
export const publishForm = z.object({ date: text, time: text, minutes: text, repeat: text });

/** Lengths offered on the publish form (minutes). */
export const SLOT_LENGTHS = [15, 20, 30, 45, 60, 90, 120, 180, 240] as const;
/** At most this many more weekly copies of a slot in one go. */
export const MAX_REPEAT_WEEKS = 12;
/** A cancellation reason is this long at most. */
export const REASON_MAX = 500;

/** The API's body to publish a slot. */
export const apiSlotBody = z.object({
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
});

/** The API's body to book a slot. */
export const apiBookingBody = z.object({
  need: z.string().max(PLACE_LIMITS.need * 2),
  serviceSlug: z.string().min(1).max(100).optional().nullable(),
});

export type BookingField = 'slot' | 'need' | 'service';
export type BookingErrors = Partial<Record<BookingField, MessageKey>>;
export interface BookingValues {
  slot: string;
  need: string;
  service: string;
}

/** The booking form's problems that can be seen without the database. */
export function checkBookingForm(values: BookingValues): BookingErrors {
  const errors: BookingErrors = {};
  if (!/^\d{1,9}$/.test(values.slot)) errors.slot = 'appointments.errors.slotMissing';
  const need = values.need.trim();
  if (need === '') errors.need = 'appointments.errors.needMissing';
  else if (need.length > PLACE_LIMITS.need) errors.need = 'appointments.errors.needLong';
  return errors;
}

export type PublishField = 'date' | 'time' | 'minutes' | 'repeat';
export type PublishErrors = Partial<Record<PublishField, MessageKey>>;
export interface PublishValues {
  date: string;
  time: string;
  minutes: string;
  repeat: string;
}

/** The publish form's problems that can be seen without the database or the clock. */
export function checkPublishForm(values: PublishValues): PublishErrors {
  const errors: PublishErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'appointments.errors.dateInvalid';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time)) errors.time = 'appointments.errors.timeInvalid';
  if (!(SLOT_LENGTHS as readonly number[]).includes(Number(values.minutes))) errors.minutes = 'appointments.errors.minutesInvalid';
  const repeat = values.repeat === '' ? 0 : Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 0 || repeat > MAX_REPEAT_WEEKS) errors.repeat = 'appointments.errors.repeatInvalid';
  return errors;
}
