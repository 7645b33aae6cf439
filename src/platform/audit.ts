/**
 * The audit log: who did what to which object, when (UTC), from which request and which network.
 * Written inside the caller's transaction, so an entry exists exactly when the change does.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  data?: Record<string, unknown>;
  /** The request that made the change (its `X-Request-Id`); absent for the CLI and jobs. */
  requestId?: string | null;
  /** The client's address; truncated here whatever the caller passes (see `truncateIp`). */
  ip?: string | null;
}

/** Who is acting and from where: spread it into an `AuditEntry`. */
export interface AuditContext {
  actorId: number | null;
  requestId: string;
  ip: string | null;
}

/** The audit details of a request: the signed-in user, the request id and the truncated client IP. */
export function auditContext(request: FastifyRequest): AuditContext {
  return { actorId: request.user?.id ?? null, requestId: String(request.id), ip: truncateIp(request.ip) };
}

/**
 * An IP address reduced to its network, as analytics tools anonymise them: IPv4 keeps /24
 * (`203.0.113.77` → `203.0.113.0`), IPv6 keeps /48 (`2001:db8:85a3:8d3::1` → `2001:db8:85a3::`);
 * an IPv4-mapped IPv6 address is treated as the IPv4 one. Anything else gives null.
 */
export function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped ? mapped[1]! : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0`;
  const bare = ip.split('%')[0]!; // drop a zone index (fe80::1%eth0)
  if (!isIPv6(bare)) return null;
  const groups = expandIPv6(bare).slice(0, 3);
  return `${groups.map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::`;
}

/** The eight 16-bit groups of an IPv6 address, in lower-case hex (an embedded IPv4 tail converted). */
function expandIPv6(ip: string): string[] {
  let address = ip.toLowerCase();
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    address = address.slice(0, tail.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

/** Writes one entry with `db`, which should be the transaction of the change it records. */
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
      request_id: entry.requestId ?? null,
      ip: truncateIp(entry.ip),
    })
    .execute();
}
