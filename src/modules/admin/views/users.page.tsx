/**
 * The people list: a search by email or display name, then one page of accounts with their status
 * and roles, each linking to the person's page. Pure: everything comes in as props.
 */
import { formatDate } from '../../../platform/i18n.js';
import { participantName } from '../../../platform/gdpr.js';
import { Button, KeysetPagination, Table, Tag, TextInput, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { UserStatus, UserSummary } from '../users.service.js';
import { AdminNav } from './admin-nav.js';
import { RoleName } from './role-name.js';

export interface UsersPageProps {
  users: UserSummary[];
  q?: string | undefined;
  before?: number | undefined;
  nextBefore: number | null;
}

/** The colour that reinforces each status word. */
export const STATUS_TONE: Record<UserStatus, 'success' | 'neutral' | 'error'> = {
  active: 'success',
  unverified: 'neutral',
  blocked: 'error',
  deleted: 'neutral',
};

export function UsersPage({ users, q, before, nextBefore }: UsersPageProps) {
  const { t, href, locale } = useUi();
  const listUrl = (cursor?: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (cursor) params.set('before', String(cursor));
    const qs = params.toString();
    return href(`/admin/users${qs ? `?${qs}` : ''}`);
  };
  const columns: TableColumn<UserSummary>[] = [
    {
      header: t('admin.users.column.name'),
      rowHeader: true,
      cell: (u) => <a href={href(`/admin/users/${u.id}`)}>{participantName(u.displayName, t)}</a>,
    },
    { header: t('admin.users.column.email'), wrap: true, cell: (u) => u.email },
    { header: t('admin.users.column.status'), cell: (u) => <Tag tone={STATUS_TONE[u.status]}>{t(`admin.status.${u.status}`)}</Tag> },
    {
      header: t('admin.users.column.roles'),
      cell: (u) =>
        u.roles.map((r, i) => (
          <span key={r}>
            {i > 0 ? ', ' : null}
            <RoleName role={r} />
          </span>
        )),
    },
    {
      header: t('admin.users.column.created'),
      cell: (u) => <time dateTime={u.createdAt}>{formatDate(locale, u.createdAt, 'date', 'UTC')}</time>,
    },
  ];
  return (
    <div class="admin">
      <AdminNav current="users" />
      <h1>{t('admin.users.title')}</h1>
      <p class="lead">{t('admin.users.lead')}</p>
      <form method="get" action={href('/admin/users')} role="search" class="prose">
        <TextInput
          id="users-q"
          name="q"
          type="search"
          label={t('admin.users.search')}
          hint={t('admin.users.searchHint')}
          value={q}
          spellcheck={false}
        />
        <Button variant="secondary">{t('admin.users.searchButton')}</Button>
      </form>
      {users.length === 0 ? (
        <p>{t('admin.users.empty')}</p>
      ) : (
        <Table
          id="users"
          caption={q ? t('admin.users.captionSearch', { q }) : t('admin.users.caption')}
          columns={columns}
          rows={users}
          rowKey={(u) => u.id}
        />
      )}
      <KeysetPagination
        label={t('admin.users.pagination')}
        newestHref={before ? listUrl() : null}
        olderHref={nextBefore ? listUrl(nextBefore) : null}
        newestText={t('admin.users.newest')}
        olderText={t('admin.users.older')}
      />
    </div>
  );
}
