/** Account use cases available before the sign-in pages exist: creating administrators and demo users. */
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { audit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { findByEmail, insertRole, insertUser, updatePassword } from './accounts.repository.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import type { Role } from './roles.js';
import { CURRENT_TERMS_VERSION } from './terms.js';
import { enableTwoFactorWithSecret } from './two-factor.service.js';

export const createAdminInput = z.object({
  email: z.email(),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  displayName: z.string().trim().min(1).max(80).default('Administrator'),
});

/**
 * Creates an administrator, or gives the admin role (and the new password) to an existing account
 * with that email. Idempotent; audited.
 */
export async function createAdmin(db: Db, input: z.input<typeof createAdminInput>): Promise<{ userId: number; created: boolean }> {
  const parsed = createAdminInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'Invalid administrator',
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    );
  }
  const { email, password, displayName } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const existing = await findByEmail(trx, email);
    let userId: number;
    if (existing) {
      userId = existing.id;
      await updatePassword(trx, userId, passwordHash);
    } else {
      try {
        userId = (await insertUser(trx, { email, displayName, passwordHash, locale: 'en', verified: true })).id;
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('conflict', 'An account with this email was created at the same time');
        throw err;
      }
    }
    await insertRole(trx, { userId, role: 'admin' });
    await audit(trx, {
      actorId: null,
      action: 'accounts.create_admin',
      subjectType: 'user',
      subjectId: String(userId),
      data: { created: !existing },
    });
    return { userId, created: !existing };
  });
}

/** Creates a verified user with roles who has accepted the current terms (demo data and tests). */
export async function createUserWithRoles(
  db: Db,
  input: {
    email: string;
    displayName: string;
    password: string;
    /** The argon2id hash of `password`, when the caller already has it (demo seeds creating many accounts hash once). */
    passwordHash?: string;
    locale: string;
    roles: { role: Role; scopeType?: 'organisation' | 'place'; scopeId?: number }[];
    /** Turns two-factor authentication on with this base32 secret (privileged roles need it to be in effect). */
    twoFactorSecret?: string;
  },
): Promise<number> {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  const userId = await db.transaction().execute(async (trx) => {
    const { id } = await insertUser(trx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      verified: true,
      termsVersion: CURRENT_TERMS_VERSION,
    });
    await insertRole(trx, { userId: id, role: 'citizen' });
    for (const r of input.roles)
      await insertRole(trx, { userId: id, role: r.role, ...(r.scopeType ? { scopeType: r.scopeType, scopeId: r.scopeId ?? 0 } : {}) });
    return id;
  });
  if (input.twoFactorSecret) await enableTwoFactorWithSecret(db, userId, input.twoFactorSecret);
  return userId;
}
