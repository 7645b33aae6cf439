/**
 * The database as Kysely sees it. Platform tables are declared here; each module declares its own
 * tables by augmenting `Database` from its `*.tables.ts` file (declaration merging), so a module
 * owns its schema while every query stays typed.
 *
 * Portable column conventions (both dialects): integer ids, times as ISO-8601 UTC text
 * (`2026-11-26T10:00:00.000Z`, which sorts correctly as text), booleans as 0/1 integers, JSON and
 * translated texts (`{"en": "…", "fr": "…"}`) as text.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A translated text: one value per locale. Stored as JSON text. */
export type Translated = Partial<Record<string, string>>;

/** An ISO-8601 UTC timestamp stored as text. */
export type Timestamp = string;

export interface AppSettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  type: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: Generated<number>;
  max_attempts: number;
  run_at: Timestamp;
  locked_at: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  data: string;
  created_at: Timestamp;
  /** The request that made the change (as in the logs and the X-Request-Id header). */
  request_id: string | null;
  /** The client's address truncated to its network (IPv4 /24, IPv6 /48). */
  ip: string | null;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  /** Epoch milliseconds. */
  reset_at: number;
}

export interface SearchDocumentsTable {
  id: Generated<number>;
  doc_type: string;
  ref_id: string;
  title: string;
  summary: string;
  url: string;
  title_norm: string;
  body_norm: string;
  updated_at: Timestamp;
}

export interface SearchTermsTable {
  term: string;
}

export interface Database {
  app_settings: AppSettingsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
}

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
export type { ColumnType };
