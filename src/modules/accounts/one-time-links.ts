/**
 * Single-use links sent by email (email verification, password reset). The link carries a random
 * 256-bit token; the `account_tokens` table keeps only its SHA-256, with a purpose, an expiry and
 * the time it was used. Consuming is one conditional UPDATE, so a token works once even when two
 * requests race.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import './accounts.tables.js';

/** What a link is for, and how long it stays valid. */
export const LINK_PURPOSES = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
} as const;
export type LinkPurpose = keyof typeof LINK_PURPOSES;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a link token for a user and returns the clear token to put in the email. */
export async function issueLink(
  db: Db,
  userId: number,
  purpose: LinkPurpose,
  now = new Date(),
  newEmail: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('account_tokens')
    .values({
      user_id: userId,
      purpose,
      token_hash: hash(token),
      expires_at: nowIso(new Date(now.getTime() + LINK_PURPOSES[purpose])),
      used_at: null,
      created_at: nowIso(now),
      new_email: newEmail,
    })
    .execute();
  return token;
}

/** The user a still-valid (unused, unexpired) token belongs to, without using it up. */
export async function peekLink(db: Db, token: string, purpose: LinkPurpose, now = new Date()): Promise<number | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('account_tokens')
    .select('user_id')
    .where('token_hash', '=', hash(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso(now))
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Uses a token up; returns its user, or null when it is unknown, used, expired or for another purpose. */
export async function consumeLink(db: Db, token: string, purpose: LinkPurpose, now = new Date()): Promise<number | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .updateTable('account_tokens')
    .set({ used_at: nowIso(now) })
    .where('token_hash', '=', hash(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso(now))
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/**
 * A still-valid `change_email` link of this user: the new address it confirms. With `consume`, uses
 * it up in the same conditional UPDATE (so it works once). A link of another user gives null.
 */
export async function emailChangeLink(
  db: Db,
  token: string,
  userId: number,
  options: { consume: boolean; now?: Date },
): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const now = nowIso(options.now ?? new Date());
  const row = options.consume
    ? await db
        .updateTable('account_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', hash(token))
        .where('purpose', '=', 'change_email')
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('new_email')
        .executeTakeFirst()
    : await db
        .selectFrom('account_tokens')
        .select('new_email')
        .where('token_hash', '=', hash(token))
        .where('purpose', '=', 'change_email')
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
  return row?.new_email ?? null;
}
