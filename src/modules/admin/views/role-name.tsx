/** A role's name in the reader's language; a role unknown to this version is shown as stored. */
import { useUi } from '../../../ui/context.js';
import { ROLES, type Role } from '../../accounts/index.js';

export function RoleName({ role }: { role: string }) {
  const { t } = useUi();
  return <>{(ROLES as readonly string[]).includes(role) ? t(`admin.roles.${role as Role}`) : role}</>;
}

/** The same as plain text, for attributes such as aria-label. */
export function roleLabel(t: ReturnType<typeof useUi>['t'], role: string): string {
  return (ROLES as readonly string[]).includes(role) ? t(`admin.roles.${role as Role}`) : role;
}
