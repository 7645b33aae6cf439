/**
 * Changing the email address from the account: the current password again, then a single-use
 * link (24 h) to the new address; the old address is told at once and again when it is done. An
 * address that already has an account gets a warning instead of a link, and the person asking
 * sees the same answer either way (no enumeration, no takeover).
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import type { MessageKey } from '../../platform/i18n.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { sendMail } from '../../platform/mail.js';
import { emailChangeEmail } from './account-emails.js';
import { findByEmail, findById } from './accounts.repository.js';
import { validateForgotPassword } from './accounts.schemas.js';
import { emailChangeLink, issueLink } from './one-time-links.js';
import { localeOf } from './registration.service.js';
import { passwordMatches } from './two-factor.service.js';

export type EmailChangeField = 'email' | 'password';
export type EmailChangeErrors = Partial<Record<EmailChangeField, MessageKey>>;

/**
 * Asks for a change to `newEmail` when the password is right and the address is a new, valid one.
 * Returns the field errors, empty when the request was accepted (whatever the address).
 */
export async function requestEmailChange(
  db: Db,
  input: { userId: number; newEmail: string; password: string; context: AuditContext; baseUrl: string },
): Promise<EmailChangeErrors> {
  const user = await findById(db, input.userId);
  if (!user || user.blocked_at || user.deleted_at) return { password: 'twoFactor.errors.passwordWrong' };
  const newEmail = input.newEmail.trim().toLowerCase();
  const errors: EmailChangeErrors = { ...validateForgotPassword({ email: newEmail }) };
  if (!errors.email && newEmail === user.email) errors.email = 'emailChange.errors.same';
  if (!(await passwordMatches(db, user.id, input.password))) errors.password = 'twoFactor.errors.passwordWrong';
  if (errors.email || errors.password) return errors;

  const me = { email: user.email, displayName: user.display_name, locale: localeOf(user.locale) };
  await db.transaction().execute(async (trx) => {
    // Only the latest request counts: earlier links stop working.
    await trx
      .updateTable('account_tokens')
      .set({ used_at: nowIso() })
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'change_email')
      .where('used_at', 'is', null)
      .execute();
    const owner = await findByEmail(trx, newEmail);
    if (owner) {
      const them = { email: owner.email, displayName: owner.display_name, locale: localeOf(owner.locale) };
      await sendMail(trx, emailChangeEmail(them, 'taken', input.baseUrl, { newEmail }));
    } else {
      const token = await issueLink(trx, user.id, 'change_email', new Date(), newEmail);
      const recipient = { ...me, email: newEmail };
      await sendMail(trx, emailChangeEmail(recipient, 'confirm', input.baseUrl, { newEmail, token }));
    }
    await sendMail(trx, emailChangeEmail(me, 'requested', input.baseUrl, { newEmail }));
    await audit(trx, { ...input.context, action: 'accounts.request_email_change', subjectType: 'user', subjectId: String(user.id) });
  });
  return {};
}

/** The new address a still-valid link of this user confirms, or null. Changes nothing. */
export function pendingEmailChange(db: Db, token: string, userId: number): Promise<string | null> {
  return emailChangeLink(db, token, userId, { consume: false });
}

export type EmailChangeResult = { status: 'changed'; email: string } | { status: 'invalid' } | { status: 'taken'; email: string };

/**
 * Confirms a change with the link of the signed-in user: uses the link up, sets the address (now
 * verified) if it is still free, ends every other session, audits, and tells the old address.
 */
export async function confirmEmailChange(
  db: Db,
  input: { token: string; userId: number; keepSessionId: string; context: AuditContext; baseUrl: string },
): Promise<EmailChangeResult> {
  const change = () =>
    db.transaction().execute(async (trx): Promise<EmailChangeResult> => {
      const newEmail = await emailChangeLink(trx, input.token, input.userId, { consume: true });
      if (newEmail === null) return { status: 'invalid' };
      const user = await findById(trx, input.userId);
      if (!user || user.blocked_at || user.deleted_at) return { status: 'invalid' };
      if (await findByEmail(trx, newEmail)) return { status: 'taken', email: newEmail };
      const now = nowIso();
      await trx.updateTable('users').set({ email: newEmail, email_verified_at: now, updated_at: now }).where('id', '=', user.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', input.keepSessionId).execute();
      await trx.deleteFrom('two_factor_challenges').where('user_id', '=', user.id).execute();
      await audit(trx, { ...input.context, action: 'accounts.change_email', subjectType: 'user', subjectId: String(user.id) });
      const old = { email: user.email, displayName: user.display_name, locale: localeOf(user.locale) };
      await sendMail(trx, emailChangeEmail(old, 'changed', input.baseUrl, { newEmail }));
      return { status: 'changed', email: newEmail };
    });
  try {
    return await change();
  } catch (error) {
    // Another account took the address between the check and the update (the unique index refused it).
    const newEmail = await pendingEmailChange(db, input.token, input.userId);
    if (newEmail === null || !(await findByEmail(db, newEmail))) throw error;
    await emailChangeLink(db, input.token, input.userId, { consume: true });
    return { status: 'taken', email: newEmail };
  }
}
