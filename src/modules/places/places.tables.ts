/** The places module's tables: Digital Public Spaces, workshops, appointments, calendar feeds. */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface PlacesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  municipality_id: number;
  organisation_id: number | null;
  address: string;
  address_complement: string | null;
  postcode: string;
  insee_code: string | null;
  latitude: number | null;
  longitude: number | null;
  /** ISO 3166-1 alpha-2 (default FR). */
  country: Generated<string>;
  /** ISO 3166-2 subdivision for regional public holidays, e.g. `FR-BFC`. */
  region: string | null;
  /** IANA time zone the opening hours are in (default Europe/Paris). */
  time_zone: Generated<string>;
  /** OSM opening_hours syntax. */
  opening_hours: string | null;
  /** Derived from opening_hours on every write. */
  open_saturday: Generated<number>;
  /** Derived from opening_hours on every write: open at or after 18:00 on some day. */
  open_evening: Generated<number>;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** SIRET or RNA (the schema's `pivot`). */
  pivot: string | null;
  /** Translated (JSON). */
  summary: string;
  /** Translated (JSON). */
  details: Generated<string>;
  /** JSON arrays of codes (places.model.ts). */
  mediation_services: string;
  publics: Generated<string>;
  specific_support: Generated<string>;
  fees: Generated<string>;
  access_modes: Generated<string>;
  support_modes: Generated<string>;
  equipment: Generated<string>;
  accessibility: Generated<string>;
  /** 1: the place travels (itinérant). */
  mobile: Generated<number>;
  source: string | null;
  /** The place's id in the file it was imported from (unique). */
  external_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A Digital Public Space that helps people with an e-service. */
export interface PlaceServicesTable {
  place_id: number;
  service_id: number;
}

export interface WorkshopsTable {
  id: Generated<number>;
  place_id: number;
  title: string;
  description: Generated<string>;
  /** A mediation service code. */
  theme: string;
  level: string;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: number;
  mediator_id: number | null;
  /** scheduled | cancelled */
  status: Generated<string>;
  registered_count: Generated<number>;
  waitlist_count: Generated<number>;
  reminders_sent_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkshopRegistrationsTable {
  id: Generated<number>;
  workshop_id: number;
  user_id: number | null;
  /** registered | waitlisted | cancelled */
  status: string;
  queued_at: Timestamp;
  attended: number | null;
  cancelled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentSlotsTable {
  id: Generated<number>;
  place_id: number;
  mediator_id: number | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** open | withdrawn */
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppointmentBookingsTable {
  id: Generated<number>;
  slot_id: number;
  user_id: number | null;
  need: string;
  service_id: number | null;
  /** active | cancelled (at most one active booking per slot: a unique partial index) */
  status: Generated<string>;
  /** booker | mediator */
  cancelled_by: string | null;
  cancelled_at: Timestamp | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedsTable {
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface Database {
    places: PlacesTable;
    place_services: PlaceServicesTable;
    workshops: WorkshopsTable;
    workshop_registrations: WorkshopRegistrationsTable;
    appointment_slots: AppointmentSlotsTable;
    appointment_bookings: AppointmentBookingsTable;
    calendar_feeds: CalendarFeedsTable;
  }
}
