/** "Forgot password": a single-use reset link by email, then a new password that ends every session. */
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { sendMail } from '../../platform/mail.js';
import { destroyUserSessions } from '../../platform/session.js';
import { passwordChangedEmail, resetEmail } from './account-emails.js';
import { findByEmail, findById, markEmailVerified, updatePassword } from './accounts.repository.js';
import { consumeLink, issueLink, peekLink } from './one-time-links.js';
import { hashPassword } from './passwords.js';
import { localeOf } from './registration.service.js';

/** Emails a reset link (valid 1 h) when the address has an active account; does nothing otherwise. */
export async function requestPasswordReset(db: Db, email: string, baseUrl: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await findByEmail(trx, email);
    if (!user || user.blocked_at || user.deleted_at) return;
    const token = await issueLink(trx, user.id, 'reset_password');
    await sendMail(trx, resetEmail({ email: user.email, displayName: user.display_name, locale: localeOf(user.locale) }, baseUrl, token));
  });
}

/** The account a still-valid reset link is for (to check the new password against), or null. */
export async function resetLinkAccount(db: Db, token: string): Promise<{ email: string; displayName: string } | null> {
  const userId = await peekLink(db, token, 'reset_password');
  const user = userId === null ? undefined : await findById(db, userId);
  if (!user || user.blocked_at || user.deleted_at) return null;
  return { email: user.email, displayName: user.display_name };
}

/**
 * Sets a new password from a reset link: uses the link up, ends every session of the user (a
 * thief signed in elsewhere is out), confirms the email (the link reached it), audits, and emails
 * "your password was changed". Returns the user to sign in afresh, or null if the link is not valid.
 */
export async function resetPassword(db: Db, token: string, password: string, baseUrl: string): Promise<number | null> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const userId = await consumeLink(trx, token, 'reset_password');
    if (userId === null) return null;
    const user = await findById(trx, userId);
    if (!user || user.blocked_at || user.deleted_at) return null;
    await updatePassword(trx, userId, passwordHash);
    await markEmailVerified(trx, userId);
    await destroyUserSessions(trx, userId);
    await audit(trx, { actorId: userId, action: 'accounts.reset_password', subjectType: 'user', subjectId: String(userId) });
    await sendMail(
      trx,
      passwordChangedEmail({ email: user.email, displayName: user.display_name, locale: localeOf(user.locale) }, baseUrl),
    );
    return userId;
  });
}
