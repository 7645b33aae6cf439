/**
 * What Open311 reads: published e-services as service types, and problem reports of published
 * services as service requests. Reports are selected without their contact columns, so a reporter's
 * name or email cannot reach a response by mistake.
 */
import type { Db } from '../../db/database.js';
import type { ProblemEventKind, ProblemStatus } from './assessment.model.js';
import type { RequestsFilter } from './open311.js';
import './assessment.tables.js';

/** Published e-services with their sector, by code (slug). Translated texts are JSON. */
export function listPublishedServices(db: Db) {
  return db
    .selectFrom('services')
    .innerJoin('sectors', 'sectors.id', 'services.sector_id')
    .select(['services.slug', 'services.name', 'services.summary', 'services.keywords', 'sectors.name as sector_name'])
    .where('services.status', '=', 'published')
    .orderBy('services.slug')
    .execute();
}

/** A published e-service by code, with its organisation's name; undefined otherwise. */
export function findPublishedService(db: Db, slug: string) {
  return db
    .selectFrom('services')
    .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
    .select(['services.id', 'services.slug', 'organisations.name as organisation_name'])
    .where('services.slug', '=', slug)
    .where('services.status', '=', 'published')
    .executeTakeFirst();
}

/** When the service list or definitions last changed (the latest change to any e-service). */
export async function servicesChangedAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('services')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ? String(row.at) : null;
}

export interface RequestRow {
  id: number;
  status: ProblemStatus;
  duplicate_of: number | null;
  description: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: string;
  updated_at: string;
  service_slug: string;
  service_name: string;
  organisation_name: string;
}

function selectRequests(db: Db) {
  return db
    .selectFrom('problem_reports')
    .innerJoin('services', 'services.id', 'problem_reports.service_id')
    .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
    .select([
      'problem_reports.id',
      'problem_reports.status',
      'problem_reports.duplicate_of',
      'problem_reports.description',
      'problem_reports.address',
      'problem_reports.latitude',
      'problem_reports.longitude',
      'problem_reports.created_at',
      'problem_reports.updated_at',
      'services.slug as service_slug',
      'services.name as service_name',
      'organisations.name as organisation_name',
    ])
    .where('services.status', '=', 'published');
}

const toRequestRow = (r: RequestRow): RequestRow => ({
  ...r,
  id: Number(r.id),
  duplicate_of: r.duplicate_of === null ? null : Number(r.duplicate_of),
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
});

/** The reports a `GET requests` filter selects, newest first, at most `limit`. */
export async function findRequests(db: Db, filter: RequestsFilter, limit: number): Promise<RequestRow[]> {
  let q = selectRequests(db);
  if ('ids' in filter) {
    q = q.where('problem_reports.id', 'in', filter.ids);
  } else {
    q = q.where('problem_reports.created_at', '>=', filter.from).where('problem_reports.created_at', '<=', filter.to);
    if (filter.codes) q = q.where('services.slug', 'in', filter.codes);
    if (filter.statuses) q = q.where('problem_reports.status', 'in', filter.statuses);
  }
  const rows = await q.orderBy('problem_reports.created_at', 'desc').orderBy('problem_reports.id', 'desc').limit(limit).execute();
  return rows.map(toRequestRow);
}

/** One report of a published service by its id, or by its public token. */
export async function findRequest(db: Db, by: { id: number } | { token: string }): Promise<RequestRow | undefined> {
  const q =
    'id' in by
      ? selectRequests(db).where('problem_reports.id', '=', by.id)
      : selectRequests(db).where('problem_reports.token', '=', by.token);
  const row = await q.executeTakeFirst();
  return row && toRequestRow(row);
}

/**
 * The latest event of each report that explains its current state: a status change, an official
 * note, or the reporter reopening it (the kinds the public timeline shows with a note).
 */
export async function latestExplanations(
  db: Db,
  reportIds: readonly number[],
): Promise<Map<number, { kind: ProblemEventKind; note: string | null }>> {
  const out = new Map<number, { kind: ProblemEventKind; note: string | null }>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('problem_report_events')
    .select(['report_id', 'kind', 'note'])
    .where('report_id', 'in', [...reportIds])
    .where('kind', 'in', ['status', 'note', 'reopened'])
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) if (!out.has(Number(r.report_id))) out.set(Number(r.report_id), { kind: r.kind, note: r.note });
  return out;
}
