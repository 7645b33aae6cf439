/** The admin area's own navigation: the pages the signed-in person may use (the outbox in development only). */
import { useUi } from '../../../ui/context.js';
import { canModerate } from '../../moderation/index.js';
import { can, type AdminAction } from '../admin.policy.js';

/**
 * The catalogue's rights, as the catalogue's policy grants them (catalogue.policy.ts): editing
 * services is for officials (always scoped to an organisation) and admins, the taxonomy for admins.
 * Checked on roles here so that the admin module does not depend on the catalogue.
 */
const CATALOGUE_RIGHTS = {
  'service.manage': (roles: readonly string[]) => roles.includes('admin') || roles.includes('official'),
  'taxonomy.manage': (roles: readonly string[]) => roles.includes('admin'),
};
type CatalogueRight = keyof typeof CATALOGUE_RIGHTS;

/** The admin pages, in the order of the navigation, with the right each one needs (the queue: the moderation module's). */
const PAGES = [
  { key: 'services', path: '/manage/services', action: 'service.manage' },
  { key: 'moderation', path: '/moderation', action: 'queue.view' },
  { key: 'users', path: '/admin/users', action: 'users.view' },
  { key: 'audit', path: '/admin/audit', action: 'audit.view' },
  { key: 'jobs', path: '/admin/jobs', action: 'jobs.view' },
  { key: 'outbox', path: '/admin/outbox', action: 'outbox.view' },
  { key: 'organisations', path: '/admin/catalogue/organisations', action: 'taxonomy.manage' },
  { key: 'sectors', path: '/admin/catalogue/sectors', action: 'taxonomy.manage' },
  { key: 'lifeEvents', path: '/admin/catalogue/life-events', action: 'taxonomy.manage' },
  { key: 'openData', path: '/admin/catalogue/data', action: 'taxonomy.manage' },
] as const satisfies readonly { key: string; path: string; action: AdminAction | CatalogueRight | 'queue.view' }[];

/** The link text of each page that is not the admin module's own. */
const LABEL = {
  moderation: 'moderation.nav',
  services: 'serviceEditor.nav',
  organisations: 'taxonomy.nav.organisations',
  sectors: 'taxonomy.nav.sectors',
  lifeEvents: 'taxonomy.nav.lifeEvents',
  openData: 'openData.nav',
} as const;

export type AdminPage = (typeof PAGES)[number]['key'];

/** Links between the admin pages; the current one is marked for assistive technology. */
export function AdminNav({ current }: { current: AdminPage }) {
  const { t, href, isDev, user } = useUi();
  const allowed = (action: (typeof PAGES)[number]['action']) =>
    action === 'queue.view'
      ? canModerate(user, action)
      : action in CATALOGUE_RIGHTS
        ? user !== null && CATALOGUE_RIGHTS[action as CatalogueRight](user.roles)
        : can(user, action as AdminAction);
  const links = PAGES.filter((p) => allowed(p.action) && (p.key !== 'outbox' || isDev));
  return (
    <nav class="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <a href={href(l.path)} aria-current={l.key === current ? 'page' : undefined}>
              {l.key in LABEL ? t(LABEL[l.key as keyof typeof LABEL]) : t(`admin.nav.${l.key as 'users' | 'audit' | 'jobs' | 'outbox'}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
