/**
 * The appointment reminder, the day before. Enqueued in the booking's transaction (one per booking:
 * a dedupe key); at run time it checks that the booking is still active, not yet reminded and still
 * ahead, so a cancelled booking gets no reminder and a job that runs twice (delivery is at least
 * once) sends one mail.
 */
import { z } from 'zod';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { PermanentJobError, type JobHandler } from '../../platform/jobs.js';
import { appointmentMailSettings, notifyAppointment } from './appointment-emails.js';
import { APPOINTMENT_REMINDER_JOB } from './appointments.service.js';
import './places.tables.js';

const payloadSchema = z.object({ bookingId: z.number().int().positive() });

/** Sends the reminder of one booking if it is still due. */
export const appointmentReminderJob: JobHandler = async (payload, ctx) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError('Invalid appointment reminder payload');
  const { bookingId } = parsed.data;
  const settings = appointmentMailSettings(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const booking = await forUpdate(
      trx,
      trx
        .selectFrom('appointment_bookings as b')
        .innerJoin('appointment_slots as s', 's.id', 'b.slot_id')
        .select(['b.id', 'b.status', 'b.user_id', 'b.reminded_at', 's.starts_at', 's.status as slot_status'])
        .where('b.id', '=', bookingId),
    ).executeTakeFirst();
    const now = nowIso();
    if (!booking || booking.status !== 'active' || booking.user_id === null || booking.reminded_at !== null) return;
    if (booking.slot_status !== 'open' || booking.starts_at <= now) return;
    await notifyAppointment(trx, bookingId, 'reminder', settings);
    await trx.updateTable('appointment_bookings').set({ reminded_at: now, updated_at: now }).where('id', '=', bookingId).execute();
  });
};

export const appointmentJobs: Record<string, JobHandler> = { [APPOINTMENT_REMINDER_JOB]: appointmentReminderJob };
