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
  /** Stable identifier (UUID) of the service in open data and imports; its URI is `{BASE_URL}/id/service/{identifier}`. */
  identifier: string;
  /** Translated: who the service is for. */
  audience: Generated<string>;
  /** Translated, one requirement per line (CPSV-AP Requirement). */
  requirements: Generated<string>;
  /** Translated, one piece of evidence per line (CPSV-AP Evidence). */
  evidence: Generated<string>;
  /** Translated: what the cost depends on. */
  cost_description: Generated<string>;
  /** Translated: when the contact point answers. */
  contact_hours: Generated<string>;
  cost_cents: number | null;
  cost_currency: Generated<string>;
  /** ISO 8601 duration. */
  processing_time: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_page: string | null;
  /** JSON array of ISO 639-1 codes. */
  languages: Generated<string>;
  accessibility: Generated<'compliant' | 'partial' | 'non_compliant' | 'unknown'>;
  accessibility_url: string | null;
  /** Incremented by every edit; a form or API write may require the version it read. */
  version: Generated<number>;
  published_at: Timestamp | null;
}

export interface ServiceRevisionsTable {
  id: Generated<number>;
  service_id: number;
  version: number;
  user_id: number | null;
  action: 'create' | 'update' | 'publish' | 'withdraw' | 'unpublish' | 'import';
  /** JSON array of FieldChange. */
  changes: string;
  created_at: Timestamp;
}

export interface ServiceRelationsTable {
  service_id: number;
  related_id: number;
}

export interface SearchMissesTable {
  id: Generated<number>;
  /** Normalised (what is counted). */
  query: string;
  /** The words as first typed, for display. */
  example: string;
  locale: string;
  count: Generated<number>;
  first_at: Timestamp;
  last_at: Timestamp;
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
    service_revisions: ServiceRevisionsTable;
    service_relations: ServiceRelationsTable;
    search_misses: SearchMissesTable;
  }
}
