/**
 * Demo appointment slots: a few open slots in the coming days at two demo places, so the booking
 * page has something to book, and the demo citizen's booking of the first one (so the mediator's
 * list shows a booking). Idempotent: a place that has any slot is left alone. Run after the demo
 * places and the demo accounts (the slots' mediator, the citizen).
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { addDays, localParts, zonedToUtc } from './local-time.js';
import './places.tables.js';

/** The demo places that take appointments, and the local start times offered on weekdays. */
const DEMO_SLOT_PLACES = ['mediatheque-saint-aubin', 'centre-social-les-tilleuls'] as const;
const DEMO_TIMES = ['10:00', '10:45', '14:00', '15:00'] as const;
const DEMO_MINUTES = 45;
const DEMO_DAYS = 10;
const DEMO_BOOKER = 'citizen@demo.ecoop.example';

/** Inserts open slots for the next weekdays at the demo places that have none. */
export async function seedDemoSlots(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const slug of DEMO_SLOT_PLACES) {
      const place = await trx.selectFrom('places').select(['id', 'time_zone']).where('slug', '=', slug).executeTakeFirst();
      if (!place) continue;
      const any = await trx.selectFrom('appointment_slots').select('id').where('place_id', '=', place.id).limit(1).executeTakeFirst();
      if (any) continue;
      const mediator = await trx
        .selectFrom('user_roles')
        .select('user_id')
        .where('role', '=', 'mediator')
        .where('scope_type', '=', 'place')
        .where('scope_id', '=', place.id)
        .orderBy('user_id')
        .executeTakeFirst();
      const today = localParts(now, place.time_zone).date;
      const stamp = nowIso(now);
      const booker =
        slug === DEMO_SLOT_PLACES[0]
          ? await trx.selectFrom('users').select('id').where('email', '=', DEMO_BOOKER).executeTakeFirst()
          : undefined;
      let booked = false;
      for (let d = 1; d <= DEMO_DAYS; d++) {
        const date = addDays(today, d);
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        for (const time of DEMO_TIMES) {
          const start = zonedToUtc(date, time, place.time_zone);
          if (!start) continue;
          const slot = await trx
            .insertInto('appointment_slots')
            .values({
              place_id: place.id,
              mediator_id: mediator?.user_id ?? null,
              starts_at: nowIso(start),
              ends_at: nowIso(new Date(start.getTime() + DEMO_MINUTES * 60_000)),
              created_at: stamp,
              updated_at: stamp,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (booker && !booked) {
            booked = true;
            await trx
              .insertInto('appointment_bookings')
              .values({
                slot_id: slot.id,
                user_id: booker.id,
                need: 'Créer mon compte sur le site des allocations familiales et y déposer mon attestation.',
                service_id: null,
                created_at: stamp,
                updated_at: stamp,
              })
              .execute();
          }
        }
      }
    }
  });
}
