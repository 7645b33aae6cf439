/**
 * What the workshop pages and API accept: route parameters, list filters, the mediators' workshop
 * form (with each field's message), the attendance form and the API bodies (zod); and the local
 * wall-clock time of a place turned into a UTC instant. Pure.
 */
import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n.js';
import { isCode, PLACE_LIMITS, WORKSHOP_LEVELS, type MediationService, type WorkshopLevel } from './places.model.js';
import { utcToZoned, zonedToUtc as zonedToUtcIn } from './local-time.js';

/** The last page a list offers (deeper pages are refused as bad input). */
export const MAX_PAGE = 500;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
export const text = z.preprocess(first, z.string().max(100_000).catch(''));
export const slugParams = z.object({ slug: z.string().min(1).max(200) });
export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1);

/** Filters of the public list; an unknown value is ignored rather than refused (links get old). */
export const listQuery = z.object({
  place: z.preprocess(first, z.string().min(1).max(200).optional()).catch(undefined),
  theme: z
    .preprocess(
      first,
      z
        .string()
        .refine((v) => isCode('services', v))
        .optional(),
    )
    .catch(undefined) as z.ZodType<MediationService | undefined>,
  level: z.preprocess(first, z.enum(WORKSHOP_LEVELS).optional()).catch(undefined),
  page: pageParam,
});
export type WorkshopListQuery = z.infer<typeof listQuery>;

/** `?done=` notices after a POST. */
export const WORKSHOP_NOTICES = ['registered', 'waitlisted', 'cancelled', 'published', 'saved', 'workshopCancelled', 'attendance'] as const;
export type WorkshopNotice = (typeof WORKSHOP_NOTICES)[number];
export const noticeQuery = z.object({ done: z.preprocess(first, z.enum(WORKSHOP_NOTICES).optional()).catch(undefined) });

/** The workshop form as posted (every field as text). */
export const workshopForm = z.object({
  title: text,
  description: text,
  theme: text,
  level: text,
  date: text,
  time: text,
  duration: text,
  capacity: text,
  mediator: text,
});
export type WorkshopFormValues = z.infer<typeof workshopForm>;
export const WORKSHOP_FORM_FIELDS = ['title', 'description', 'theme', 'level', 'date', 'time', 'duration', 'capacity', 'mediator'] as const;
export type WorkshopFormField = (typeof WORKSHOP_FORM_FIELDS)[number];
export type WorkshopFormErrors = Partial<Record<WorkshopFormField, MessageKey>>;

/** A workshop as the service writes it. */
export interface WorkshopInput {
  title: string;
  description: string;
  theme: MediationService;
  level: WorkshopLevel;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  mediatorId: number | null;
}

/**
 * The form's problems that can be seen without the database, and the input when there are none.
 * `now` decides what "in the future" means; the place's time zone reads the date and time.
 */
export function checkWorkshopForm(
  values: WorkshopFormValues,
  timeZone: string,
  now: Date = new Date(),
): { errors: WorkshopFormErrors; input: WorkshopInput | null } {
  const errors: WorkshopFormErrors = {};
  const title = values.title.trim();
  if (title === '') errors.title = 'workshops.form.errors.titleMissing';
  else if (title.length > PLACE_LIMITS.workshopTitle) errors.title = 'workshops.form.errors.titleLong';
  const description = values.description.trim();
  if (description.length > PLACE_LIMITS.workshopDescription) errors.description = 'workshops.form.errors.descriptionLong';
  if (!isCode('services', values.theme)) errors.theme = 'workshops.form.errors.theme';
  if (!(WORKSHOP_LEVELS as readonly string[]).includes(values.level)) errors.level = 'workshops.form.errors.level';
  const date = values.date.trim();
  const time = values.time.trim();
  let startsAt: string | null = null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = 'workshops.form.errors.date';
  if (!/^\d{1,2}:\d{2}$/.test(time)) errors.time = 'workshops.form.errors.time';
  if (!errors.date && !errors.time) {
    const instant = zonedToUtc(date, time, timeZone);
    if (!instant) errors.date = 'workshops.form.errors.date';
    else if (instant.getTime() <= now.getTime()) errors.date = 'workshops.form.errors.past';
    else startsAt = instant.toISOString();
  }
  const duration = wholeNumber(values.duration);
  const { min, max } = PLACE_LIMITS.workshopMinutes;
  if (duration === null || duration < min || duration > max) errors.duration = 'workshops.form.errors.duration';
  const capacity = wholeNumber(values.capacity);
  if (capacity === null || capacity < 1 || capacity > PLACE_LIMITS.workshopCapacity) errors.capacity = 'workshops.form.errors.capacity';
  const mediator = values.mediator.trim();
  const mediatorId = mediator === '' ? null : wholeNumber(mediator);
  if (mediator !== '' && mediatorId === null) errors.mediator = 'workshops.form.errors.mediator';
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      title,
      description,
      theme: values.theme as MediationService,
      level: values.level as WorkshopLevel,
      startsAt: startsAt!,
      durationMinutes: duration!,
      capacity: capacity!,
      mediatorId,
    },
  };
}

function wholeNumber(value: string): number | null {
  const v = value.trim();
  return /^\d{1,6}$/.test(v) ? Number(v) : null;
}

/** The attendance form: the registrations whose person came (the others did not). */
export const attendanceForm = z.object({
  attended: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(12)).max(500)).catch([]),
});

/** The cancel-workshop form: a confirmation box must be ticked. */
export const confirmForm = z.object({ confirm: text });

/**
 * The UTC instant of a local date (`YYYY-MM-DD`) and time (`HH:MM`) in `timeZone`, or null when the
 * date does not exist. A time skipped by a DST change moves forward by the gap (02:30 → 03:30), an
 * ambiguous one takes the first occurrence, as calendar apps do.
 */
export const zonedToUtc = (date: string, time: string, timeZone: string): Date | null => zonedToUtcIn(date, time, timeZone, 'forward');
export { utcToZoned };

/** The API's registration answer. */
export const registrationStatusSchema = z.enum(['registered', 'waitlisted']);
