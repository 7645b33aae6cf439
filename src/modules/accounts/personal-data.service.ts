/**
 * A person's control over their data: download everything stored about them, delete their account.
 * Both act on the signed-in user only (the routes take no user id). The accounts module's own part
 * of the registry (`accountsPersonalData`) is here too.
 */
import type { Db } from '../../db/database.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { deleteAccount, exportUserData, type PersonalDataArchive, type PersonalDataProvider } from '../../platform/gdpr.js';
import { translator } from '../../platform/i18n.js';
import { sendMail, type MailMessage } from '../../platform/mail.js';
import type { EcoopModule } from '../../platform/module.js';
import { AppError } from '../../platform/errors.js';
import { findById } from './accounts.repository.js';
import { verifyPassword } from './passwords.js';
import {
  claimForDeletion,
  eraseAccount,
  findProfile,
  listAccountLinks,
  listApiTokens,
  listAuditEntries,
  findTwoFactorSummary,
  listRoles,
  listSessions,
} from './personal-data.repository.js';
import { localeOf } from './registration.service.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The accounts module's part of the archive and of the erasure. */
export const accountsPersonalData: PersonalDataProvider = {
  async export(db, userId) {
    const [profile, roles, sessions, apiTokens, links, auditEntries, twoFactor] = await Promise.all([
      findProfile(db, userId),
      listRoles(db, userId),
      listSessions(db, userId),
      listApiTokens(db, userId),
      listAccountLinks(db, userId),
      listAuditEntries(db, userId),
      findTwoFactorSummary(db, userId),
    ]);
    return {
      profile: profile
        ? {
            id: profile.id,
            email: profile.email,
            displayName: profile.display_name,
            language: profile.locale,
            createdAt: profile.created_at,
            updatedAt: profile.updated_at,
            emailVerifiedAt: profile.email_verified_at,
            termsVersion: profile.terms_version,
            termsAcceptedAt: profile.terms_accepted_at,
            blockedAt: profile.blocked_at,
          }
        : null,
      roles: roles.map((r) => ({
        role: r.role,
        scope: r.scope_type ? { type: r.scope_type, id: r.scope_id } : null,
        grantedAt: r.created_at,
      })),
      twoFactor,
      sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at })),
      apiTokens: apiTokens.map((k) => ({
        name: k.name,
        prefix: k.prefix,
        createdAt: k.created_at,
        lastUsedAt: k.last_used_at,
        revokedAt: k.revoked_at,
      })),
      emailLinks: links.map((l) => ({ purpose: l.purpose, createdAt: l.created_at, expiresAt: l.expires_at, usedAt: l.used_at })),
      auditLog: auditEntries.map((a) => ({
        action: a.action,
        subject: a.subject_type ? { type: a.subject_type, id: a.subject_id } : null,
        details: parseJson(a.data),
        at: a.created_at,
        network: a.ip,
      })),
    };
  },
  anonymise: (trx, userId) => eraseAccount(trx, userId),
};

/**
 * The signed-in user's archive, built from every module's declaration, and an audit entry saying
 * it was downloaded (not what it held).
 */
export async function exportOwnData(
  db: Db,
  modules: readonly EcoopModule[],
  ctx: AuditContext & { actorId: number },
): Promise<PersonalDataArchive> {
  const archive = await exportUserData(db, modules, ctx.actorId);
  await audit(db, { ...ctx, action: 'accounts.export_personal_data', subjectType: 'user', subjectId: String(ctx.actorId) });
  return archive;
}

/** "Your account has been deleted", in the person's language, to the address being erased. */
function goodbyeEmail(to: { email: string; displayName: string; locale: string }, baseUrl: string): MailMessage {
  const locale = localeOf(to.locale);
  const t = translator(locale);
  const values = { name: to.displayName, siteName: t('meta.siteName'), link: `${baseUrl}/${locale}/` };
  return { to: to.email, subject: t('personalData.email.subject', values), text: t('personalData.email.body', values) + '\n' };
}

/** Why a deletion was refused, by form field (catalog keys). */
export type DeleteAccountErrors = Partial<
  Record<
    'password' | 'confirm',
    | 'personalData.delete.errors.passwordRequired'
    | 'personalData.delete.errors.passwordWrong'
    | 'personalData.delete.errors.confirmRequired'
  >
>;

/**
 * Deletes the signed-in user's account once they confirmed and gave their password again. In one
 * transaction: the account is claimed (a second submission finds it gone), the goodbye email is
 * enqueued to the address still on file, every module anonymises its part, the accounts module
 * last (sessions, tokens, roles, the `users` row), and an audit entry without personal data is
 * written. Returns the field errors instead when the password or the confirmation is missing or
 * wrong; nothing changes then.
 */
export async function deleteOwnAccount(
  db: Db,
  modules: readonly EcoopModule[],
  input: { password: string; confirmed: boolean },
  ctx: AuditContext & { actorId: number },
  baseUrl: string,
): Promise<{ deleted: true } | { deleted: false; errors: DeleteAccountErrors }> {
  const userId = ctx.actorId;
  const errors: DeleteAccountErrors = {};
  if (!input.password) errors.password = 'personalData.delete.errors.passwordRequired';
  else {
    const user = await findById(db, userId);
    if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.password)))
      errors.password = 'personalData.delete.errors.passwordWrong';
  }
  if (!input.confirmed) errors.confirm = 'personalData.delete.errors.confirmRequired';
  if (Object.keys(errors).length > 0) return { deleted: false, errors };

  await deleteAccount(db, modules, userId, {
    before: async (trx) => {
      const user = await findById(trx, userId);
      if (!user || !(await claimForDeletion(trx, userId))) throw new AppError('conflict', 'This account is already deleted');
      await sendMail(trx, goodbyeEmail({ email: user.email, displayName: user.display_name, locale: user.locale }, baseUrl));
    },
    after: (trx) => audit(trx, { ...ctx, action: 'accounts.delete_account', subjectType: 'user', subjectId: String(userId) }),
  });
  return { deleted: true };
}
