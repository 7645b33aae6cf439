/** Queries behind the admin's audit log page. Kysely only. */
import type { Db } from '../../db/database.js';
import { keysetFetchSize } from '../../db/keyset.js';
import { containsInsensitive } from './users.repository.js';

/** The filters of the audit log page; dates are ISO timestamps (inclusive start, exclusive end). */
export interface AuditFilters {
  action?: string | undefined;
  actor?: string | undefined;
  subjectType?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  before?: number | undefined;
}

/** One page of entries, newest first, with the acting account's name and email (null for the system). */
export function findAuditEntries(db: Db, filters: AuditFilters, limit: number) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.data',
      'audit_log.created_at',
      'audit_log.request_id',
      'audit_log.ip',
      'users.display_name as actor_name',
      'users.email as actor_email',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(keysetFetchSize(limit));
  if (filters.before) query = query.where('audit_log.id', '<', filters.before);
  if (filters.action) query = query.where('audit_log.action', '=', filters.action);
  if (filters.subjectType) query = query.where('audit_log.subject_type', '=', filters.subjectType);
  if (filters.since) query = query.where('audit_log.created_at', '>=', filters.since);
  if (filters.until) query = query.where('audit_log.created_at', '<', filters.until);
  const actor = filters.actor;
  if (actor)
    query = query.where(
      'audit_log.actor_id',
      'in',
      db
        .selectFrom('users')
        .select('id')
        .where(containsInsensitive(db, 'users.email', actor)),
    );
  return query.execute();
}

/** Every action that appears in the log, for the filter's list (served by the action index). */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
