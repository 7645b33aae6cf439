/**
 * Administration: people and their roles, blocking, the audit log, the job queue and, in
 * development, the mail outbox. Other modules import only from here.
 */
import { can as canAdmin } from './admin.policy.js';
import type { EcoopModule } from '../../platform/module.js';
import { adminRoutes } from './admin.routes.js';

export { AdminNav, type AdminPage } from './views/admin-nav.js';
export { can as canAdmin, GRANTABLE_ROLES, type AdminAction, type AdminSubject } from './admin.policy.js';

/** The admin module's declaration (routes only: it owns no tables, jobs or seeds). */
export const adminModule: EcoopModule = {
  name: 'admin',
  routes: adminRoutes,
  workspaces: [
    { path: '/admin/users', labelKey: 'admin.nav.users', visibleTo: (roles) => canAdmin({ roles }, 'users.view') },
    { path: '/admin/audit', labelKey: 'admin.nav.audit', visibleTo: (roles) => canAdmin({ roles }, 'audit.view') },
  ],
};
