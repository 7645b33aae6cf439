/** The admin area's own navigation: the pages the signed-in person may use (the outbox in development only). */
import { useUi } from '../../../ui/context.js';
import { canModerate } from '../../moderation/index.js';
import { can, type AdminAction } from '../admin.policy.js';

/** The admin pages, in the order of the navigation, with the right each one needs (the queue: the moderation module's). */
const PAGES = [
  { key: 'moderation', path: '/moderation', action: 'queue.view' },
  { key: 'users', path: '/admin/users', action: 'users.view' },
  { key: 'audit', path: '/admin/audit', action: 'audit.view' },
  { key: 'jobs', path: '/admin/jobs', action: 'jobs.view' },
  { key: 'outbox', path: '/admin/outbox', action: 'outbox.view' },
] as const satisfies readonly { key: string; path: string; action: AdminAction | 'queue.view' }[];

export type AdminPage = (typeof PAGES)[number]['key'];

/** Links between the admin pages; the current one is marked for assistive technology. */
export function AdminNav({ current }: { current: AdminPage }) {
  const { t, href, isDev, user } = useUi();
  const links = PAGES.filter(
    (p) => (p.action === 'queue.view' ? canModerate(user, p.action) : can(user, p.action)) && (p.key !== 'outbox' || isDev),
  );
  return (
    <nav class="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <a href={href(l.path)} aria-current={l.key === current ? 'page' : undefined}>
              {l.key === 'moderation' ? t('moderation.nav') : t(`admin.nav.${l.key}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
