/**
 * Appointment bookings in "Download my data" and "Delete my account". The export lists the person's
 * bookings (place, times, what they needed, the e-service, status). On deletion, their future
 * active bookings are cancelled (the slot is free again; nobody is mailed, since a notice would be
 * built from data being erased), and every booking of theirs loses its link to them and the text of
 * their need; the rows stay so mediators' slot histories keep their shape.
 */
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import { nowIso } from '../../db/dialect.js';
import { listUserBookings } from './appointments.queries.js';

export const appointmentsPersonalData: PersonalDataProvider = {
  export: async (db, userId) => ({
    appointments: (await listUserBookings(db, userId)).map((b) => ({
      id: b.id,
      place: b.place.name,
      start: b.slot.start,
      end: b.slot.end,
      need: b.need,
      service: b.service?.slug ?? null,
      status: b.status,
      cancelledBy: b.cancelledBy,
      bookedAt: b.createdAt,
    })),
  }),
  anonymise: async (trx, userId) => {
    const now = nowIso();
    const future = trx.selectFrom('appointment_slots').select('id').where('starts_at', '>', now);
    await trx
      .updateTable('appointment_bookings')
      .set({ status: 'cancelled', cancelled_by: 'booker', cancelled_at: now, updated_at: now })
      .where('user_id', '=', userId)
      .where('status', '=', 'active')
      .where('slot_id', 'in', future)
      .execute();
    await trx.updateTable('appointment_bookings').set({ user_id: null, need: '', updated_at: now }).where('user_id', '=', userId).execute();
  },
};
