/**
 * Reading appointments: a place's open slots, the services it helps with, a person's bookings, one
 * booking, and a place's slots with their bookings for its mediators. Queries only; who may read
 * what is decided by the routes with places.policy.ts.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { AppError } from '../../platform/errors.js';
import './places.tables.js';

/** How far ahead the booking page shows open slots. */
export const BOOKING_HORIZON_DAYS = 28;
/** A page never lists more slots than this. */
export const MAX_LISTED_SLOTS = 300;
const DAY = 24 * 60 * 60 * 1000;

/** What appointment pages need of a place. */
export interface AppointmentPlace {
  id: number;
  slug: string;
  name: string;
  address: string;
  postcode: string;
  timeZone: string;
}

/** A place by slug, or not_found. */
export async function findAppointmentPlace(db: Db, slug: string): Promise<AppointmentPlace> {
  const row = await db
    .selectFrom('places')
    .select(['id', 'slug', 'name', 'address', 'postcode', 'time_zone'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such place');
  return { id: row.id, slug: row.slug, name: row.name, address: row.address, postcode: row.postcode, timeZone: row.time_zone };
}

/** An open slot anyone may book. */
export interface OpenSlot {
  id: number;
  start: string;
  end: string;
}

/** The place's open, unbooked slots starting after `now` and within the horizon, in time order. */
export async function listOpenSlots(db: Db, placeId: number, options: { now?: Date; days?: number } = {}): Promise<OpenSlot[]> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + (options.days ?? BOOKING_HORIZON_DAYS) * DAY);
  const rows = await db
    .selectFrom('appointment_slots as s')
    .select(['s.id', 's.starts_at', 's.ends_at'])
    .where('s.place_id', '=', placeId)
    .where('s.status', '=', 'open')
    .where('s.starts_at', '>', nowIso(now))
    .where('s.starts_at', '<', nowIso(until))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointment_bookings as b')
            .select(sql.lit(1).as('one'))
            .whereRef('b.slot_id', '=', 's.id')
            .where('b.status', '=', 'active'),
        ),
      ),
    )
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(MAX_LISTED_SLOTS)
    .execute();
  return rows.map((r) => ({ id: r.id, start: r.starts_at, end: r.ends_at }));
}

/** The published e-services a place helps with (the booking form's choices), by slug. */
export async function listPlaceServices(db: Db, placeId: number): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .selectFrom('place_services')
    .innerJoin('services', 'services.id', 'place_services.service_id')
    .select(['services.id', 'services.slug', 'services.name'])
    .where('place_services.place_id', '=', placeId)
    .where('services.status', '=', 'published')
    .orderBy('services.slug')
    .execute();
}

/** A booking as its booker and the place's mediators see it. */
export interface BookingView {
  id: number;
  status: 'active' | 'cancelled';
  cancelledBy: 'booker' | 'mediator' | null;
  need: string;
  userId: number | null;
  bookerName: string | null;
  createdAt: string;
  slot: { id: number; start: string; end: string; mediatorId: number | null };
  place: { id: number; slug: string; name: string; address: string; postcode: string; timeZone: string };
  service: { slug: string; name: string } | null;
}

function bookingQuery(db: Db) {
  return db
    .selectFrom('appointment_bookings as b')
    .innerJoin('appointment_slots as s', 's.id', 'b.slot_id')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .leftJoin('services as sv', 'sv.id', 'b.service_id')
    .leftJoin('users as u', 'u.id', 'b.user_id')
    .select([
      'b.id',
      'b.status',
      'b.cancelled_by',
      'b.need',
      'b.user_id',
      'b.created_at',
      'u.display_name',
      's.id as slot_id',
      's.starts_at',
      's.ends_at',
      's.mediator_id',
      'p.id as place_id',
      'p.slug as place_slug',
      'p.name as place_name',
      'p.address',
      'p.postcode',
      'p.time_zone',
      'sv.slug as service_slug',
      'sv.name as service_name',
    ]);
}

type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['executeTakeFirstOrThrow']>>;

function toView(r: BookingRow): BookingView {
  return {
    id: r.id,
    status: r.status === 'active' ? 'active' : 'cancelled',
    cancelledBy: r.cancelled_by === 'booker' || r.cancelled_by === 'mediator' ? r.cancelled_by : null,
    need: r.need,
    userId: r.user_id,
    bookerName: r.display_name ?? null,
    createdAt: r.created_at,
    slot: { id: r.slot_id, start: r.starts_at, end: r.ends_at, mediatorId: r.mediator_id },
    place: { id: r.place_id, slug: r.place_slug, name: r.place_name, address: r.address, postcode: r.postcode, timeZone: r.time_zone },
    service: r.service_slug && r.service_name ? { slug: r.service_slug, name: r.service_name } : null,
  };
}

/** One booking, or null. */
export async function findBooking(db: Db, bookingId: number): Promise<BookingView | null> {
  const row = await bookingQuery(db).where('b.id', '=', bookingId).executeTakeFirst();
  return row ? toView(row) : null;
}

/** A person's bookings, latest appointment first (bounded). */
export async function listUserBookings(db: Db, userId: number): Promise<BookingView[]> {
  const rows = await bookingQuery(db)
    .where('b.user_id', '=', userId)
    .orderBy('s.starts_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(MAX_LISTED_SLOTS)
    .execute();
  return rows.map(toView);
}

/** A slot as the place's mediators see it, with its active booking if any. */
export interface ManagedSlot {
  id: number;
  start: string;
  end: string;
  mediatorName: string | null;
  booking: { id: number; bookerName: string | null; need: string; serviceName: string | null } | null;
}

/** The place's open slots not over by `since` (default: now), with their active bookings, in time order. */
export async function listManagedSlots(db: Db, placeId: number, options: { since?: Date } = {}): Promise<ManagedSlot[]> {
  const since = options.since ?? new Date();
  const rows = await db
    .selectFrom('appointment_slots as s')
    .leftJoin('appointment_bookings as b', (join) => join.onRef('b.slot_id', '=', 's.id').on('b.status', '=', 'active'))
    .leftJoin('users as u', 'u.id', 'b.user_id')
    .leftJoin('users as m', 'm.id', 's.mediator_id')
    .leftJoin('services as sv', 'sv.id', 'b.service_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      'm.display_name as mediator_name',
      'b.id as booking_id',
      'b.need',
      'u.display_name as booker_name',
      'sv.name as service_name',
    ])
    .where('s.place_id', '=', placeId)
    .where('s.status', '=', 'open')
    .where('s.ends_at', '>', nowIso(since))
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(MAX_LISTED_SLOTS)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    start: r.starts_at,
    end: r.ends_at,
    mediatorName: r.mediator_name ?? null,
    booking:
      r.booking_id === null
        ? null
        : { id: r.booking_id, bookerName: r.booker_name ?? null, need: r.need ?? '', serviceName: r.service_name ?? null },
  }));
}

/** The users who hold the mediator role at a place. */
export async function placeMediatorIds(db: Db, placeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'mediator')
    .where('scope_type', '=', 'place')
    .where('scope_id', '=', placeId)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
