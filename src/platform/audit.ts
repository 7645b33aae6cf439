/** The audit log: who did what to which object, kept for admins. Written inside the caller's transaction. */
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  data?: Record<string, unknown>;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      data: JSON.stringify(entry.data ?? {}),
      created_at: nowIso(),
    })
    .execute();
}
