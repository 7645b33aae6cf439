/** The places module's tables: Digital Public Spaces. */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface PlacesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  municipality_id: number;
  organisation_id: number | null;
  address: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  /** OSM opening_hours syntax. */
  opening_hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Translated (JSON). */
  summary: string;
  /** JSON array of mediation service codes (see places/demo-data.ts). */
  mediation_services: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A Digital Public Space that helps people with an e-service. */
export interface PlaceServicesTable {
  place_id: number;
  service_id: number;
}

declare module '../../db/schema.js' {
  interface Database {
    places: PlacesTable;
    place_services: PlaceServicesTable;
  }
}
