/** Accounts and roles. Other modules import only from here. */
import type { Db } from '../../db/database.js';
import type { EcoopModule } from '../../platform/module.js';
import { createUserWithRoles } from './accounts.service.js';
import { findByEmail } from './accounts.repository.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';
import { accountRoutes } from './account.routes.js';
import { authRoutes } from './auth.routes.js';
import { requireCurrentTerms } from './terms.js';
import { apiTokenRoutes, apiTokensOpenApi } from './api-tokens.routes.js';
import { authenticateApiToken } from './api-tokens.service.js';

export { createAdmin, createUserWithRoles } from './accounts.service.js';
export { provisionUser } from './provision-user.service.js';
export { createApiTokenForEmail } from './api-tokens.service.js';
export { ROLES, ROLE_SCOPE, type Role, isRole } from './roles.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { CURRENT_TERMS_VERSION } from './terms.js';

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
  },
  demoSeed: ({ db }) => seedDemoAccounts(db),
  authenticateBearer: (db, token) => authenticateApiToken(db, token),
  openapi: apiTokensOpenApi,
};
