/** Joining: registering an account, confirming its email address, asking for a new confirmation link. */
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { audit } from '../../platform/audit.js';
import { sendMail } from '../../platform/mail.js';
import { alreadyRegisteredEmail, verificationEmail } from './account-emails.js';
import { findByEmail, findById, insertRole, insertUser, markEmailVerified } from './accounts.repository.js';
import { consumeLink, issueLink } from './one-time-links.js';
import { hashPassword } from './passwords.js';
import { CURRENT_TERMS_VERSION } from './terms.js';

/** A stored locale as a Locale (accounts created before a language was removed fall back to English). */
export const localeOf = (value: string): Locale => (isLocale(value) ? value : 'en');

/**
 * Registers an account, or, when the email already has one, tells that address someone tried:
 * the caller answers the same either way, so the form does not reveal who has an account. A new
 * account is unverified, holds the citizen role, has accepted the current terms, and receives a
 * verification link (valid 24 h). Returns whether an account was created (for tests and audit only).
 */
export async function registerAccount(
  db: Db,
  input: { displayName: string; email: string; password: string; locale: Locale },
  baseUrl: string,
): Promise<{ created: boolean }> {
  // Hashed first in both cases, so the answer takes as long whether or not the email exists.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await findByEmail(trx, input.email);
      if (existing) {
        if (!existing.deleted_at) {
          const to = { email: existing.email, displayName: existing.display_name, locale: localeOf(existing.locale) };
          await sendMail(trx, alreadyRegisteredEmail(to, baseUrl));
        }
        return { created: false };
      }
      const { id } = await insertUser(trx, { ...input, passwordHash, verified: false, termsVersion: CURRENT_TERMS_VERSION });
      await insertRole(trx, { userId: id, role: 'citizen' });
      const token = await issueLink(trx, id, 'verify_email');
      await sendMail(trx, verificationEmail({ ...input, email: input.email.toLowerCase() }, baseUrl, token));
      await audit(trx, { actorId: id, action: 'accounts.register', subjectType: 'user', subjectId: String(id) });
      return { created: true };
    });
  } catch (err) {
    // The same email registered at the same instant (a double submission): one account is enough.
    if (isUniqueViolation(err)) return { created: false };
    throw err;
  }
}

/**
 * Uses a verification link: marks the email verified and returns the user to sign in, or null when
 * the link is unknown, used, expired, or its account is blocked or deleted.
 */
export async function verifyEmail(db: Db, token: string): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const userId = await consumeLink(trx, token, 'verify_email');
    if (userId === null) return null;
    const user = await findById(trx, userId);
    if (!user || user.blocked_at || user.deleted_at) return null;
    await markEmailVerified(trx, userId);
    await audit(trx, { actorId: userId, action: 'accounts.verify_email', subjectType: 'user', subjectId: String(userId) });
    return userId;
  });
}

/** Sends a new verification link to a signed-in user whose email is not verified yet (no-op otherwise). */
export async function resendVerification(db: Db, userId: number, baseUrl: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findById(trx, userId);
    if (!user || user.email_verified_at || user.deleted_at) return;
    const token = await issueLink(trx, userId, 'verify_email');
    await sendMail(
      trx,
      verificationEmail({ email: user.email, displayName: user.display_name, locale: localeOf(user.locale) }, baseUrl, token),
    );
  });
}
