/**
 * Appointments with mediators: mediators publish availability slots at their place and withdraw
 * them; a person with a verified email books one, saying what they need help with; the booker or a
 * mediator of the place cancels, and the slot is free again.
 *
 * The guarantee that two people never hold the same slot is the database's: a unique partial index
 * allows one `active` booking per slot. A booking is an INSERT; the loser of a race gets the unique
 * violation, which on PostgreSQL aborts its transaction, so it is caught outside the transaction and
 * becomes `slot_taken` (409). A person's own bookings (no two at overlapping times) and a mediator's
 * slots (no two open at overlapping times, at any place) are checked under a lock on that person's
 * `users` row, so their concurrent requests take turns.
 *
 * Withdrawing a slot that someone booked cancels the booking and tells the booker (a mediator who
 * falls ill must be able to free their day in one step); the booker's mail says so.
 */
import type { Db } from '../../db/database.js';
import { forUpdate, isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs.js';
import { getPublishedServiceRef } from '../catalogue/index.js';
import { appointmentMailSettings, notifyAppointment } from './appointment-emails.js';
import { REASON_MAX } from './appointments.schemas.js';
import { PLACE_LIMITS } from './places.model.js';
import { authorize, can, type PlacesActor } from './places.policy.js';
import './places.tables.js';

/** The job type of the reminder sent the day before (declared in the module's manifest). */
export const APPOINTMENT_REMINDER_JOB = 'places.appointmentReminder';
/** How long before the appointment the reminder goes. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;
/** A slot is published at most this far ahead. */
export const MAX_AHEAD_DAYS = 366;
const MINUTE = 60_000;

/** A slot to publish, in UTC instants. */
export interface SlotInput {
  start: Date;
  end: Date;
}

const invalid = (field: string, key: string, message: string) => new AppError('validation_failed', message, [{ field, message: key }]);

/** The problems of one slot, as a validation error, or nothing. Pure. */
export function checkSlot(slot: SlotInput, now: Date): AppError | null {
  if (!Number.isFinite(slot.start.getTime()) || !Number.isFinite(slot.end.getTime()))
    return invalid('start', 'appointments.errors.dateInvalid', 'Invalid date');
  if (slot.end.getTime() <= slot.start.getTime())
    return invalid('end', 'appointments.errors.endBeforeStart', 'The end is before the start');
  if (slot.start.getTime() <= now.getTime()) return invalid('start', 'appointments.errors.startPast', 'The start is in the past');
  if (slot.start.getTime() > now.getTime() + MAX_AHEAD_DAYS * 24 * 60 * MINUTE)
    return invalid('start', 'appointments.errors.startTooFar', 'The start is more than a year away');
  const minutes = (slot.end.getTime() - slot.start.getTime()) / MINUTE;
  if (minutes < PLACE_LIMITS.slotMinutes.min) return invalid('end', 'appointments.errors.tooShort', 'Shorter than 10 minutes');
  if (minutes > PLACE_LIMITS.slotMinutes.max) return invalid('end', 'appointments.errors.tooLong', 'Longer than 4 hours');
  return null;
}

/** Locks a person's `users` row (PostgreSQL): their concurrent writes here take turns. */
async function lockPerson(trx: Db, userId: number): Promise<void> {
  await forUpdate(trx, trx.selectFrom('users').select('id').where('id', '=', userId)).execute();
}

/**
 * Publishes slots at a place for the actor (who must manage the place's slots) as their mediator.
 * All or nothing: any slot in the past, too short or long, or overlapping another open slot of the
 * same mediator (at any place, or in this same request) refuses the whole request.
 */
export async function publishSlots(
  db: Db,
  actor: PlacesActor,
  placeId: number,
  slots: readonly SlotInput[],
  context: AuditContext,
  options: { now?: Date } = {},
): Promise<number[]> {
  authorize(actor, 'slot.manage', placeId);
  const now = options.now ?? new Date();
  if (slots.length === 0) throw invalid('start', 'appointments.errors.dateInvalid', 'No slot');
  for (const slot of slots) {
    const problem = checkSlot(slot, now);
    if (problem) throw problem;
  }
  const sorted = [...slots].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start.getTime() < sorted[i - 1]!.end.getTime())
      throw invalid('start', 'appointments.errors.overlap', 'Two of these slots overlap');
  }
  const ids = await db.transaction().execute(async (trx) => {
    await lockPerson(trx, actor.id);
    const first = nowIso(sorted[0]!.start);
    const last = nowIso(sorted[sorted.length - 1]!.end);
    const existing = await trx
      .selectFrom('appointment_slots')
      .select(['starts_at', 'ends_at'])
      .where('mediator_id', '=', actor.id)
      .where('status', '=', 'open')
      .where('starts_at', '<', last)
      .where('ends_at', '>', first)
      .execute();
    for (const slot of sorted) {
      const s = nowIso(slot.start);
      const e = nowIso(slot.end);
      if (existing.some((x) => x.starts_at < e && x.ends_at > s))
        throw invalid('start', 'appointments.errors.overlap', 'It overlaps another of your open slots');
    }
    const stamp = nowIso(now);
    const ids: number[] = [];
    for (const slot of sorted) {
      const row = await trx
        .insertInto('appointment_slots')
        .values({
          place_id: placeId,
          mediator_id: actor.id,
          starts_at: nowIso(slot.start),
          ends_at: nowIso(slot.end),
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'appointment.slots.publish',
      subjectType: 'place',
      subjectId: String(placeId),
      data: { slots: ids },
    });
    return ids;
  });
  // Free slots are public (place pages, the booking page).
  await contentChanged(db);
  return ids;
}

/** A slot with its place, or not_found. */
async function slotOf(db: Db, slotId: number) {
  const slot = await db
    .selectFrom('appointment_slots')
    .select(['id', 'place_id', 'status', 'starts_at', 'ends_at', 'mediator_id'])
    .where('id', '=', slotId)
    .executeTakeFirst();
  if (!slot) throw new AppError('not_found', 'No such slot');
  return slot;
}

/** Marks an active booking cancelled; false when it was not active (someone cancelled it first). */
async function markCancelled(trx: Db, bookingId: number, by: 'booker' | 'mediator', now: string): Promise<boolean> {
  const result = await trx
    .updateTable('appointment_bookings')
    .set({ status: 'cancelled', cancelled_by: by, cancelled_at: now, updated_at: now })
    .where('id', '=', bookingId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Withdraws a slot of a place the actor manages. A booked slot's booking is cancelled and the
 * booker told. Withdrawing twice changes nothing. A slot of another place is not_found to them.
 */
export async function withdrawSlot(
  db: Db,
  actor: PlacesActor,
  placeId: number,
  slotId: number,
  context: AuditContext,
  options: { now?: Date } = {},
): Promise<void> {
  authorize(actor, 'slot.manage', placeId);
  const slot = await slotOf(db, slotId);
  if (slot.place_id !== placeId) throw new AppError('not_found', 'No such slot');
  const settings = appointmentMailSettings(db);
  await db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    const updated = await trx
      .updateTable('appointment_slots')
      .set({ status: 'withdrawn', updated_at: now })
      .where('id', '=', slotId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    const booking = await trx
      .selectFrom('appointment_bookings')
      .select('id')
      .where('slot_id', '=', slotId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (booking && (await markCancelled(trx, booking.id, 'mediator', now))) {
      await notifyAppointment(trx, booking.id, 'cancelledByMediator', settings);
    }
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'appointment.slot.withdraw',
      subjectType: 'appointment_slot',
      subjectId: String(slotId),
      data: booking ? { cancelledBooking: booking.id } : {},
    });
  });
  await contentChanged(db);
}

/** What a person asks for when booking. */
export interface BookingInput {
  need: string;
  /** Slug of a published e-service of the catalogue, or nothing. */
  serviceSlug?: string | null | undefined;
}

/** The need as stored, or a validation error. */
export function checkNeed(need: string): string {
  const trimmed = need.trim();
  if (trimmed === '') throw invalid('need', 'appointments.errors.needMissing', 'Say what you need help with');
  if (trimmed.length > PLACE_LIMITS.need) throw invalid('need', 'appointments.errors.needLong', 'At most 1000 characters');
  return trimmed;
}

/**
 * Books a slot for the actor (verified email). Returns the booking and whether it was created now:
 * booking again a slot one already holds returns that booking (`created: false`). Someone else's
 * active booking of the slot is `slot_taken`; a withdrawn or past slot is `conflict`, as is a slot at
 * the same time as another appointment of the actor (field `slot`). With `placeId`, a slot of
 * another place is not_found.
 */
export async function bookSlot(
  db: Db,
  actor: PlacesActor,
  slotId: number,
  input: BookingInput,
  options: { now?: Date; placeId?: number } = {},
): Promise<{ id: number; created: boolean }> {
  authorize(actor, 'book');
  const need = checkNeed(input.need);
  let serviceId: number | null = null;
  if (input.serviceSlug) {
    try {
      serviceId = (await getPublishedServiceRef(db, input.serviceSlug)).id;
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found')
        throw invalid('serviceSlug', 'appointments.errors.serviceUnknown', 'No such published e-service');
      throw err;
    }
  }
  const now = options.now ?? new Date();
  const slot = await slotOf(db, slotId);
  if (options.placeId !== undefined && slot.place_id !== options.placeId) throw new AppError('not_found', 'No such slot');
  const settings = appointmentMailSettings(db);
  const mine = () =>
    db
      .selectFrom('appointment_bookings')
      .select('id')
      .where('slot_id', '=', slotId)
      .where('user_id', '=', actor.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
  try {
    const outcome = await db.transaction().execute(async (trx): Promise<{ id: number; created: boolean }> => {
      await lockPerson(trx, actor.id);
      const current = await trx
        .selectFrom('appointment_bookings')
        .select(['id', 'user_id'])
        .where('slot_id', '=', slotId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (current?.user_id === actor.id) return { id: current.id, created: false };
      if (current) throw new AppError('slot_taken', 'Someone else booked this slot');
      if (slot.status !== 'open')
        throw new AppError('conflict', 'This slot was withdrawn', [{ field: 'slot', message: 'appointments.errors.slotGone' }]);
      if (slot.starts_at <= nowIso(now))
        throw new AppError('conflict', 'This slot has started', [{ field: 'slot', message: 'appointments.errors.slotGone' }]);
      const clash = await trx
        .selectFrom('appointment_bookings as b')
        .innerJoin('appointment_slots as s', 's.id', 'b.slot_id')
        .select('b.id')
        .where('b.user_id', '=', actor.id)
        .where('b.status', '=', 'active')
        .where('s.starts_at', '<', slot.ends_at)
        .where('s.ends_at', '>', slot.starts_at)
        .executeTakeFirst();
      if (clash)
        throw new AppError('conflict', 'You have another appointment at that time', [
          { field: 'slot', message: 'appointments.errors.overlapBooking' },
        ]);
      const stamp = nowIso(now);
      const row = await trx
        .insertInto('appointment_bookings')
        .values({ slot_id: slotId, user_id: actor.id, need, service_id: serviceId, created_at: stamp, updated_at: stamp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await notifyAppointment(trx, row.id, 'confirmed', settings);
      const remindAt = Date.parse(slot.starts_at) - REMINDER_BEFORE_MS;
      // Booked less than a day ahead: the confirmation is the reminder.
      if (remindAt > now.getTime()) {
        await enqueue(
          trx,
          APPOINTMENT_REMINDER_JOB,
          { bookingId: row.id },
          { runAt: new Date(remindAt), dedupeKey: `appointment-reminder:${row.id}` },
        );
      }
      return { id: row.id, created: true };
    });
    if (outcome.created) await contentChanged(db);
    return outcome;
  } catch (err) {
    // The transaction is over (rolled back) by now: on PostgreSQL a unique violation aborts it.
    if (!isUniqueViolation(err)) throw err;
    const own = await mine();
    if (own) return { id: own.id, created: false };
    throw new AppError('slot_taken', 'Someone else booked this slot');
  }
}

/**
 * Cancels a booking: by its booker (the place's mediators are told), or by a mediator of the place
 * or an admin (the booker is told, with `reason`; audited). Anyone else gets not_found, as if the
 * booking did not exist. Cancelling a cancelled booking changes nothing. The slot is free again.
 */
export async function cancelBooking(
  db: Db,
  actor: PlacesActor,
  bookingId: number,
  input: { reason?: string | undefined },
  context: AuditContext,
  options: { now?: Date } = {},
): Promise<{ by: 'booker' | 'mediator' }> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const booking = await db
    .selectFrom('appointment_bookings as b')
    .innerJoin('appointment_slots as s', 's.id', 'b.slot_id')
    .select(['b.id', 'b.user_id', 'b.status', 's.place_id'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  if (!booking) throw new AppError('not_found', 'No such booking');
  const isBooker = booking.user_id !== null && booking.user_id === actor.id;
  if (!isBooker && !can(actor, 'slot.manage', booking.place_id)) throw new AppError('not_found', 'No such booking');
  const by = isBooker ? 'booker' : 'mediator';
  const reason = input.reason?.trim() ?? '';
  if (reason.length > REASON_MAX) throw invalid('reason', 'appointments.errors.reasonLong', 'At most 500 characters');
  const settings = appointmentMailSettings(db);
  await db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    if (!(await markCancelled(trx, bookingId, by, now))) return;
    await notifyAppointment(trx, bookingId, by === 'booker' ? 'cancelledByBooker' : 'cancelledByMediator', settings, reason || undefined);
    if (by === 'mediator') {
      await audit(trx, {
        ...context,
        actorId: actor.id,
        action: 'appointment.booking.cancel',
        subjectType: 'appointment_booking',
        subjectId: String(bookingId),
        data: {},
      });
    }
  });
  await contentChanged(db);
  return { by };
}

/** The actor's active booking of a slot, or not_found (the API's DELETE). */
export async function activeBookingOf(db: Db, actor: NonNullable<PlacesActor>, slotId: number): Promise<number> {
  const row = await db
    .selectFrom('appointment_bookings')
    .select('id')
    .where('slot_id', '=', slotId)
    .where('user_id', '=', actor.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'You have no booking of this slot');
  return row.id;
}
