/**
 * Digital Public Spaces, in full: the fields of the "lieux de médiation numérique" schema and
 * data·inclusion that people filter on (publics, specific support, fees, access and support modes,
 * equipment, venue accessibility), where the place is (country, region, time zone: for opening hours
 * and public holidays), what an import knows it by; workshops with registrations and a waiting list;
 * appointment slots and their bookings (a partial unique index: one active booking per slot, so two
 * people can never hold the same slot on either database); personal calendar feeds.
 */
import { sql, type Kysely } from 'kysely';
import { flag, withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const addText = async (column: string, defaultValue?: string) => {
    await db.schema
      .alterTable('places')
      .addColumn(column, 'text', (c) => (defaultValue === undefined ? c : c.notNull().defaultTo(defaultValue)))
      .execute();
  };
  // SIRET or RNA number (the schema's `pivot`).
  await addText('pivot');
  await addText('address_complement');
  await addText('insee_code');
  await addText('country', 'FR');
  // ISO 3166-2 subdivision (public holidays differ by region), e.g. `FR-BFC`.
  await addText('region');
  await addText('time_zone', 'Europe/Paris');
  // Translated longer presentation (JSON), next to `summary`.
  await addText('details', '{}');
  // JSON arrays of codes (places.model.ts); the exports map them to the schema's French values.
  for (const column of ['publics', 'specific_support', 'fees', 'access_modes', 'support_modes', 'equipment', 'accessibility']) {
    await addText(column, '[]');
  }
  await db.schema.alterTable('places').addColumn('mobile', 'integer', flag).execute();
  // Derived from opening_hours whenever it changes (filters without evaluating every place).
  await db.schema.alterTable('places').addColumn('open_saturday', 'integer', flag).execute();
  await db.schema.alterTable('places').addColumn('open_evening', 'integer', flag).execute();
  // Where an imported place came from and its id there: re-importing a file updates, never duplicates.
  await addText('source');
  await addText('external_id');
  await db.schema.createIndex('places_external_id').unique().on('places').column('external_id').execute();

  await withId(db, db.schema.createTable('workshops'))
    .addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A mediation service code (places.model.ts).
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('mediator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('registered_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlist_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminders_sent_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshops_place_start').on('workshops').columns(['place_id', 'starts_at']).execute();
  await db.schema.createIndex('workshops_start').on('workshops').columns(['starts_at']).execute();

  await withId(db, db.schema.createTable('workshop_registrations'))
    .addColumn('workshop_id', 'integer', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    // Null once the person deleted their account.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // registered | waitlisted | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    // Order on the waiting list (set when the person (re)joins).
    .addColumn('queued_at', 'text', (c) => c.notNull())
    // Null until the mediator records attendance; then 0 or 1.
    .addColumn('attended', 'integer')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workshop_registrations_one_per_person', ['workshop_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('workshop_registrations_queue')
    .on('workshop_registrations')
    .columns(['workshop_id', 'status', 'queued_at', 'id'])
    .execute();
  await db.schema.createIndex('workshop_registrations_user').on('workshop_registrations').columns(['user_id']).execute();

  await withId(db, db.schema.createTable('appointment_slots'))
    .addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
    .addColumn('mediator_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    // open | withdrawn (a booked slot stays `open`: its active booking says it is taken)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appointment_slots_place_start').on('appointment_slots').columns(['place_id', 'starts_at']).execute();

  await withId(db, db.schema.createTable('appointment_bookings'))
    .addColumn('slot_id', 'integer', (c) => c.notNull().references('appointment_slots.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.references('services.id').onDelete('set null'))
    // active | cancelled
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    // booker | mediator (who cancelled)
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The guarantee: at most one active booking per slot, enforced by the database itself.
  await db.schema
    .createIndex('appointment_bookings_one_active')
    .unique()
    .on('appointment_bookings')
    .column('slot_id')
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema.createIndex('appointment_bookings_user').on('appointment_bookings').columns(['user_id', 'status']).execute();

  // A personal iCal feed is read by calendar apps that send no cookie: a revocable secret, stored hashed.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
