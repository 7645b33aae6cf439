/** Signing in: checking a password the same way whether or not the account exists. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { findByEmail } from './accounts.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';

let dummyHash: Promise<string> | undefined;

/** A hash of a random password, checked when the email is unknown so the answer takes as long. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/**
 * Returns the user (and whether their email is verified) when the email and password match an active account; null for an unknown
 * email, a wrong password, or a blocked or deleted account alike (the caller shows one message).
 */
export async function checkCredentials(db: Db, email: string, password: string): Promise<{ userId: number; verified: boolean } | null> {
  const user = email ? await findByEmail(db, email) : undefined;
  if (!user?.password_hash) {
    await verifyPassword(await dummy(), password);
    return null;
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || user.blocked_at || user.deleted_at) return null;
  return { userId: user.id, verified: user.email_verified_at !== null };
}
