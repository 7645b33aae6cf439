/** The territory module's tables. */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface MunicipalitiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  postcode: string;
  insee_code: string | null;
  latitude: number | null;
  longitude: number | null;
  population: number | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  slug: string;
  /** Translated (JSON). */
  name: string;
  kind: string;
  municipality_id: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface Database {
    municipalities: MunicipalitiesTable;
    organisations: OrganisationsTable;
  }
}
