/** Changing the password from the account page, with the current one asked again. */
import type { Db } from '../../db/database.js';
import type { MessageKey } from '../../platform/i18n.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { sendMail } from '../../platform/mail.js';
import { passwordChangedByUserEmail } from './account-emails.js';
import { findById, updatePassword } from './accounts.repository.js';
import { validateNewPassword } from './accounts.schemas.js';
import { hashPassword } from './passwords.js';
import { localeOf } from './registration.service.js';
import { passwordMatches } from './two-factor.service.js';

/**
 * Sets a new password when the current one is right and the new one follows the password rules;
 * ends every other session of the user (this one, `keepSessionId`, stays), audits, and emails the
 * user. Returns the field errors, empty when the password was changed.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; current: string; password: string; keepSessionId: string; context: AuditContext; baseUrl: string },
): Promise<{ current?: MessageKey; password?: MessageKey }> {
  const user = await findById(db, input.userId);
  if (!user || !(await passwordMatches(db, input.userId, input.current))) return { current: 'twoFactor.errors.passwordWrong' };
  const errors = validateNewPassword(input.password, { email: user.email, displayName: user.display_name });
  if (errors.password) return { password: errors.password as MessageKey };
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await updatePassword(trx, user.id, passwordHash);
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', input.keepSessionId).execute();
    await trx.deleteFrom('two_factor_challenges').where('user_id', '=', user.id).execute();
    await audit(trx, { ...input.context, action: 'accounts.change_password', subjectType: 'user', subjectId: String(user.id) });
    await sendMail(
      trx,
      passwordChangedByUserEmail({ email: user.email, displayName: user.display_name, locale: localeOf(user.locale) }, input.baseUrl),
    );
  });
  return {};
}
