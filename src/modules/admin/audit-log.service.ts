/** Reading the audit log: one filtered page, newest first. */
import type { Db } from '../../db/database.js';
import { keysetPage } from '../../db/keyset.js';
import { auditActions, findAuditEntries, type AuditFilters } from './audit-log.repository.js';

/** Entries per page. */
export const AUDIT_PAGE_SIZE = 50;

/** One entry as the page shows it; `data` is the stored JSON, re-indented for reading. */
export interface AuditEntryView {
  id: number;
  createdAt: string;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: string;
  requestId: string | null;
  ip: string | null;
}

function readable(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && Object.keys(value).length === 0) return '';
    return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  } catch {
    return json;
  }
}

/** One page of the log matching the filters, and the actions known to the log (for the filter). */
export async function showAuditLog(
  db: Db,
  filters: AuditFilters,
): Promise<{ entries: AuditEntryView[]; nextBefore: number | null; actions: string[] }> {
  const [rows, actions] = await Promise.all([findAuditEntries(db, filters, AUDIT_PAGE_SIZE), auditActions(db)]);
  const { page, nextBefore } = keysetPage(rows, AUDIT_PAGE_SIZE);
  return {
    entries: page.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorEmail: r.actor_email,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      data: readable(r.data),
      requestId: r.request_id,
      ip: r.ip,
    })),
    nextBefore,
    actions,
  };
}

/** The actions that appear in the log (the filter's choices). */
export function knownAuditActions(db: Db): Promise<string[]> {
  return auditActions(db);
}
