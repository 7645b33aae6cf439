/** The admin area's own navigation: the jobs page and, in development, the outbox. */
import { useUi } from '../../../ui/context.js';

/** Links between the admin pages; the current one is marked for assistive technology. */
export function AdminNav({ current }: { current: 'jobs' | 'outbox' }) {
  const { t, href, isDev } = useUi();
  const links = [{ key: 'jobs', path: '/admin/jobs', label: t('admin.nav.jobs') }];
  if (isDev) links.push({ key: 'outbox', path: '/admin/outbox', label: t('admin.nav.outbox') });
  return (
    <nav class="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <a href={href(l.path)} aria-current={l.key === current ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
