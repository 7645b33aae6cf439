/**
 * Throttling of failed sign-ins, without revealing whether an email has an account: failures are
 * counted per normalised email (keyed on its SHA-256, so the table holds no address) and per IP
 * address, in the shared `rate_limits` table, so every instance sees the same counts. Known and
 * unknown emails are counted and refused alike.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for one email after which each attempt waits a little longer. */
export const SLOW_AFTER = 5;
/** Failures for one email after which sign-in is refused until the window ends. */
export const LOCK_AFTER = 10;
/** Failures from one IP address after which sign-in is refused until the window ends. */
export const IP_LOCK_AFTER = 50;

/** The counter keys of one attempt. */
export function throttleKeys(email: string, ip: string): { email: string; ip: string } {
  const normalised = email.trim().toLowerCase();
  return { email: `signin:email:${createHash('sha256').update(normalised).digest('hex')}`, ip: `signin:ip:${ip}` };
}

/** The delay before answering an attempt after `failures` failures: 0, then doubling from `baseMs`, at most 8 s. */
export function failureDelayMs(failures: number, baseMs: number): number {
  if (failures < SLOW_AFTER) return 0;
  return Math.min(baseMs * 2 ** (failures - SLOW_AFTER), 8000);
}

/** The current failure counts (0 once a window has ended). */
export async function failureCounts(db: Db, keys: { email: string; ip: string }, now = Date.now()): Promise<{ email: number; ip: number }> {
  const rows = await db
    .selectFrom('rate_limits')
    .select(['key', 'hits'])
    .where('key', 'in', [keys.email, keys.ip])
    .where('reset_at', '>', now)
    .execute();
  const hits = (key: string) => Number(rows.find((r) => r.key === key)?.hits ?? 0);
  return { email: hits(keys.email), ip: hits(keys.ip) };
}

/** Whether attempts are refused for now. */
export function isLocked(counts: { email: number; ip: number }): boolean {
  return counts.email >= LOCK_AFTER || counts.ip >= IP_LOCK_AFTER;
}

/** Counts one failure against both keys (a new window starts when the last one has ended). */
export async function recordFailure(db: Db, keys: { email: string; ip: string }, now = Date.now()): Promise<void> {
  const resetAt = now + THROTTLE_WINDOW_MS;
  for (const key of [keys.email, keys.ip]) {
    await db
      .insertInto('rate_limits')
      .values({ key, hits: 1, reset_at: resetAt })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
          reset_at: sql<number>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
        }),
      )
      .execute();
  }
}

/** Forgets an email's failures (after a successful sign-in). */
export async function clearFailures(db: Db, emailKey: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', emailKey).execute();
}
