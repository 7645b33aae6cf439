/**
 * The audit log page's filters: read leniently so the form can come back with what was typed
 * (bounded, NUL characters dropped: PostgreSQL refuses them in text).
 */
import { z } from 'zod';

const text = (max: number) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').trim().slice(0, max))
    .default('');

/** `/admin/audit?action=&actor=&subject=&from=&to=&before=`. */
export const auditQuery = z.object({
  action: text(100),
  actor: text(200),
  subject: text(100),
  from: text(10),
  to: text(10),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});
export type AuditQuery = z.output<typeof auditQuery>;
export type AuditField = 'from' | 'to';
export type AuditFormErrors = Partial<Record<AuditField, 'admin.audit.errors.dateInvalid'>>;

/** A `YYYY-MM-DD` day as the ISO timestamp of its start (UTC), or null when it is not a real date. */
export function dayStart(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date.toISOString();
}

/** The filters' errors, and the date range as timestamps: from the start of `from` to the end of `to`. */
export function auditRange(q: AuditQuery): { errors: AuditFormErrors; since?: string; until?: string } {
  const errors: AuditFormErrors = {};
  const since = q.from ? dayStart(q.from) : undefined;
  const toStart = q.to ? dayStart(q.to) : undefined;
  if (since === null) errors.from = 'admin.audit.errors.dateInvalid';
  if (toStart === null) errors.to = 'admin.audit.errors.dateInvalid';
  const until = toStart ? new Date(Date.parse(toStart) + 24 * 60 * 60 * 1000).toISOString() : undefined;
  return { errors, ...(since ? { since } : {}), ...(until ? { until } : {}) };
}
