/**
 * One Digital Public Space as its page and the JSON API show it. What changes with content edits
 * (the place, its mediators, its e-services) is `loadPlaceDetail`, which the routes cache per
 * content generation; what changes with time and bookings (upcoming workshops, free slots) is
 * `loadPlaceActivity`, read on every request (two small indexed queries). Reads only.
 */
import type { Db } from '../../db/database.js';
import type { PlaceClock } from './opening-hours.js';
import { codesFromJson, type VocabularyCode } from './places.model.js';
import './places.tables.js';

export interface PlaceDetail {
  id: number;
  slug: string;
  name: string;
  municipality: string;
  address: string;
  addressComplement: string | null;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  clock: PlaceClock;
  openingHours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Translated texts (JSON objects by locale). */
  summary: Record<string, string>;
  details: Record<string, string>;
  mobile: boolean;
  services: VocabularyCode<'services'>[];
  publics: VocabularyCode<'publics'>[];
  support: VocabularyCode<'specificSupport'>[];
  fees: VocabularyCode<'fees'>[];
  accessModes: VocabularyCode<'accessModes'>[];
  supportModes: VocabularyCode<'supportModes'>[];
  equipment: VocabularyCode<'equipment'>[];
  accessibility: VocabularyCode<'accessibility'>[];
  /** Display names of the place's mediators, by name. */
  mediators: string[];
  /** The published e-services the place helps with (translated names), by slug. */
  eservices: { slug: string; name: Record<string, string> }[];
  updatedAt: string;
}

const translated = (json: string): Record<string, string> => {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
};

/** A place by slug with its mediators and e-services (three queries), or null. */
export async function loadPlaceDetail(db: Db, slug: string): Promise<PlaceDetail | null> {
  const row = await db
    .selectFrom('places')
    .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
    .selectAll('places')
    .select('municipalities.name as municipality')
    .where('places.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const [mediators, eservices] = await Promise.all([
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('users.display_name')
      .where('user_roles.role', '=', 'mediator')
      .where('user_roles.scope_type', '=', 'place')
      .where('user_roles.scope_id', '=', row.id)
      .where('users.deleted_at', 'is', null)
      .where('users.blocked_at', 'is', null)
      .orderBy('users.display_name')
      .execute(),
    // The catalogue's own table, read for names and slugs only: published services, as every
    // public read path shows them (a draft's slug reveals nothing).
    db
      .selectFrom('place_services')
      .innerJoin('services', 'services.id', 'place_services.service_id')
      .select(['services.slug', 'services.name'])
      .where('place_services.place_id', '=', row.id)
      .where('services.status', '=', 'published')
      .orderBy('services.slug')
      .execute(),
  ]);
  const latitude = row.latitude === null ? null : Number(row.latitude);
  const longitude = row.longitude === null ? null : Number(row.longitude);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    municipality: row.municipality,
    address: row.address,
    addressComplement: row.address_complement,
    postcode: row.postcode,
    latitude,
    longitude,
    clock: { country: row.country, region: row.region, timeZone: row.time_zone, latitude, longitude },
    openingHours: row.opening_hours,
    phone: row.phone,
    email: row.email,
    website: row.website,
    summary: translated(row.summary),
    details: translated(row.details),
    mobile: Number(row.mobile) === 1,
    services: codesFromJson('services', row.mediation_services),
    publics: codesFromJson('publics', row.publics),
    support: codesFromJson('specificSupport', row.specific_support),
    fees: codesFromJson('fees', row.fees),
    accessModes: codesFromJson('accessModes', row.access_modes),
    supportModes: codesFromJson('supportModes', row.support_modes),
    equipment: codesFromJson('equipment', row.equipment),
    accessibility: codesFromJson('accessibility', row.accessibility),
    mediators: mediators.map((m) => m.display_name).filter((n) => n !== ''),
    eservices: eservices.map((s) => ({ slug: s.slug, name: translated(s.name) })),
    updatedAt: row.updated_at,
  };
}

/** An upcoming workshop as the place page lists it. */
export interface UpcomingWorkshop {
  id: number;
  title: string;
  theme: string;
  level: string;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  /** Seats left (0: full, people join the waiting list). */
  seatsLeft: number;
}

/** How many upcoming workshops the place page shows. */
export const UPCOMING_WORKSHOPS = 5;
/** How far ahead the place page counts free appointment slots. */
export const SLOT_HORIZON_DAYS = 14;

/** The place's next scheduled workshops and its free slots in the next 14 days, at `now`. */
export async function loadPlaceActivity(db: Db, placeId: number, now: Date): Promise<{ workshops: UpcomingWorkshop[]; freeSlots: number }> {
  const from = now.toISOString();
  const until = new Date(now.getTime() + SLOT_HORIZON_DAYS * 24 * 3600 * 1000).toISOString();
  const [workshops, slots] = await Promise.all([
    db
      .selectFrom('workshops')
      .select(['id', 'title', 'theme', 'level', 'starts_at', 'duration_minutes', 'capacity', 'registered_count'])
      .where('place_id', '=', placeId)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', from)
      .orderBy('starts_at')
      .orderBy('id')
      .limit(UPCOMING_WORKSHOPS)
      .execute(),
    db
      .selectFrom('appointment_slots')
      .leftJoin('appointment_bookings', (join) =>
        join.onRef('appointment_bookings.slot_id', '=', 'appointment_slots.id').on('appointment_bookings.status', '=', 'active'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('appointment_slots.place_id', '=', placeId)
      .where('appointment_slots.status', '=', 'open')
      .where('appointment_slots.starts_at', '>', from)
      .where('appointment_slots.starts_at', '<=', until)
      .where('appointment_bookings.id', 'is', null)
      .executeTakeFirst(),
  ]);
  return {
    workshops: workshops.map((w) => ({
      id: w.id,
      title: w.title,
      theme: w.theme,
      level: w.level,
      startsAt: w.starts_at,
      durationMinutes: w.duration_minutes,
      capacity: w.capacity,
      seatsLeft: Math.max(0, w.capacity - Number(w.registered_count)),
    })),
    freeSlots: Number(slots?.n ?? 0),
  };
}
