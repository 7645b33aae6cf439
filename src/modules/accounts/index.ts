/** Accounts and roles. Other modules import only from here. */
import type { Db } from '../../db/database.js';
import type { EcoopModule } from '../../platform/module.js';
import { TWO_FACTOR_ROLES } from '../../platform/session.js';
import { createUserWithRoles } from './accounts.service.js';
import { findByEmail, findById } from './accounts.repository.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-data.js';
import { accountRoutes } from './account.routes.js';
import { authRoutes } from './auth.routes.js';
import { requireCurrentTerms } from './terms.js';
import { apiTokenRoutes, apiTokensOpenApi } from './api-tokens.routes.js';
import { twoFactorRoutes } from './two-factor.routes.js';
import { emailChangeRoutes } from './email-change.routes.js';
import { authenticateApiToken } from './api-tokens.service.js';
import { personalDataRoutes } from './personal-data.routes.js';
import { accountsPersonalData } from './personal-data.service.js';

export { createAdmin, createUserWithRoles } from './accounts.service.js';
export { provisionUser } from './provision-user.service.js';
export { createApiTokenForEmail } from './api-tokens.service.js';
export { ROLES, ROLE_SCOPE, type Role, isRole } from './roles.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-data.js';
export { TWO_FACTOR_ROLES } from '../../platform/session.js';
export { challengeCookieName, createChallenge } from './two-factor-challenge.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { CURRENT_TERMS_VERSION } from './terms.js';

/**
 * How to write to an account: its email, name and language; null for an unknown, deleted or
 * blocked account (nobody to tell). For notifications sent by other modules.
 */
export async function findContact(db: Db, userId: number): Promise<{ email: string; displayName: string; locale: string } | null> {
  const user = await findById(db, userId);
  if (!user || user.deleted_at || user.blocked_at) return null;
  return { email: user.email, displayName: user.display_name, locale: user.locale };
}

async function seedDemoAccounts(db: Db): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    if (await findByEmail(db, a.email)) continue;
    let scopeId: number | undefined;
    if (a.scope) {
      const table = a.scope.type === 'place' ? 'places' : 'organisations';
      const row = await db.selectFrom(table).select('id').where('slug', '=', a.scope.slug).executeTakeFirst();
      scopeId = row?.id;
    }
    await createUserWithRoles(db, {
      email: a.email,
      displayName: a.displayName,
      password: DEMO_PASSWORD,
      locale: a.locale,
      roles: a.role === 'citizen' ? [] : [{ role: a.role, ...(a.scope && scopeId ? { scopeType: a.scope.type, scopeId } : {}) }],
      ...(TWO_FACTOR_ROLES.includes(a.role) ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
  }
}

export const accountsModule: EcoopModule = {
  name: 'accounts',
  onRequest: requireCurrentTerms,
  routes: async (app) => {
    await authRoutes(app);
    await accountRoutes(app);
    await apiTokenRoutes(app);
    await twoFactorRoutes(app);
    await emailChangeRoutes(app);
    await personalDataRoutes(app);
  },
  demoSeed: ({ db }) => seedDemoAccounts(db),
  authenticateBearer: (db, token) => authenticateApiToken(db, token),
  openapi: apiTokensOpenApi,
  personalData: accountsPersonalData,
};
