/** The catalogue module's tables. Translated texts and lists are JSON text. */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface SectorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** Number of published services in the sector, kept up to date by refreshSectorCounts. */
  published_services: Generated<number>;
}

export interface LifeEventsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
}

export interface ServicesTable {
  id: Generated<number>;
  slug: string;
  organisation_id: number;
  sector_id: number;
  status: 'draft' | 'published' | 'withdrawn';
  name: string;
  summary: string;
  description: string;
  /** `{"en": ["…"], "fr": ["…"]}` */
  keywords: string;
  /** `["online", "dps", "phone", "in_person"]` */
  channels: string;
  online_url: string | null;
  is_free: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceLifeEventsTable {
  service_id: number;
  life_event_id: number;
}

declare module '../../db/schema.js' {
  interface Database {
    sectors: SectorsTable;
    life_events: LifeEventsTable;
    services: ServicesTable;
    service_life_events: ServiceLifeEventsTable;
  }
}
