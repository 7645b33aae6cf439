/**
 * One person's account for admins: details and status, the roles held with the place or
 * organisation each applies to (with revoke buttons), the form to grant a role, and block or
 * unblock. Only the actions the viewer may take are shown; the routes enforce them anyway. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { participantName } from '../../../platform/gdpr.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Select, Table, Tag, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { GrantableRole } from '../admin.policy.js';
import type { GrantField, GrantFormErrors, GrantFormValues, UserOutcome } from '../users.schemas.js';
import type { HeldRole, ScopeChoices, UserDetails } from '../users.service.js';
import { AdminNav } from './admin-nav.js';
import { RoleName, roleLabel } from './role-name.js';
import { STATUS_TONE } from './users.page.js';

/** What the viewer may do on this page (answers of the policy). */
export interface UserPermissions {
  /** The roles the viewer may grant here; empty hides the form. */
  grantable: readonly GrantableRole[];
  /** The roles the viewer may revoke from this person. */
  revocable: readonly string[];
  block: boolean;
  unblock: boolean;
  /** The viewer is looking at their own account as an admin (explains the missing buttons). */
  self: boolean;
}

export interface GrantFormState {
  values: GrantFormValues;
  errors: GrantFormErrors;
  submitted: boolean;
}

export interface UserPageProps {
  user: UserDetails;
  choices: ScopeChoices;
  permissions: UserPermissions;
  grant: GrantFormState;
  done?: UserOutcome | undefined;
}

const FIELD_IDS: Record<GrantField, string> = { role: 'grant-role', placeId: 'grant-place', organisationId: 'grant-organisation' };

export function UserPage({ user, choices, permissions, grant, done }: UserPageProps) {
  const { t, href, locale } = useUi();
  const scopeText = (r: HeldRole) => {
    if (r.scopeType === '') return t('admin.user.everywhere');
    if (r.scopeName === null) return t('admin.user.scopeMissing', { type: r.scopeType, id: r.scopeId });
    return r.scopeType === 'place'
      ? t('admin.user.scopePlace', { name: r.scopeName })
      : t('admin.user.scopeOrganisation', { name: r.scopeName });
  };
  const showRevoke = user.roles.some((r) => permissions.revocable.includes(r.role));
  const columns: TableColumn<HeldRole>[] = [
    { header: t('admin.user.column.role'), rowHeader: true, cell: (r) => <RoleName role={r.role} /> },
    { header: t('admin.user.column.scope'), wrap: true, cell: scopeText },
    {
      header: t('admin.user.column.granted'),
      cell: (r) => <time dateTime={r.grantedAt}>{formatDate(locale, r.grantedAt, 'date', 'UTC')}</time>,
    },
  ];
  if (showRevoke)
    columns.push({
      header: t('admin.user.column.actions'),
      cell: (r) =>
        permissions.revocable.includes(r.role) ? (
          <form method="post" action={href(`/admin/users/${user.id}/roles/revoke`)} class="inline-form">
            <CsrfField />
            <input type="hidden" name="role" value={r.role} />
            <input type="hidden" name="scopeType" value={r.scopeType} />
            <input type="hidden" name="scopeId" value={String(r.scopeId)} />
            <Button variant="secondary" ariaLabel={t('admin.user.revokeLabel', { role: roleLabel(t, r.role), scope: scopeText(r) })}>
              {t('admin.user.revoke')}
            </Button>
          </form>
        ) : null,
    });
  return (
    <div class="admin">
      <AdminNav current="users" />
      <p>
        <a href={href('/admin/users')}>{t('admin.user.back')}</a>
      </p>
      {done ? (
        <NotificationBanner id="user-done" type="success">
          <p>{t(`admin.user.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('admin.user.title', { name: participantName(user.displayName, t) })}</h1>
      <dl>
        <dt>{t('admin.user.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('admin.user.status')}</dt>
        <dd>
          <Tag tone={STATUS_TONE[user.status]}>{t(`admin.status.${user.status}`)}</Tag>
        </dd>
        <dt>{t('admin.user.language')}</dt>
        <dd>{user.locale}</dd>
        <dt>{t('admin.user.created')}</dt>
        <dd>
          <time dateTime={user.createdAt}>{formatDate(locale, user.createdAt, 'datetime', 'UTC')} UTC</time>
        </dd>
      </dl>

      <h2>{t('admin.user.rolesHeading')}</h2>
      <Table
        id="roles"
        caption={t('admin.user.rolesCaption', { name: participantName(user.displayName, t) })}
        columns={columns}
        rows={user.roles}
        rowKey={(r) => `${r.role}-${r.scopeType}-${r.scopeId}`}
      />
      {permissions.self ? <p>{t('admin.user.selfNote')}</p> : null}

      {permissions.grantable.length > 0 ? (
        <GrantForm userId={user.id} choices={choices} grantable={permissions.grantable} state={grant} />
      ) : null}

      {permissions.block && user.status !== 'blocked' ? (
        <section aria-labelledby="block-heading">
          <h2 id="block-heading">{t('admin.user.blockHeading')}</h2>
          <p>{t('admin.user.blockHint')}</p>
          <form method="post" action={href(`/admin/users/${user.id}/block`)}>
            <CsrfField />
            <Button variant="warning">{t('admin.user.block')}</Button>
          </form>
        </section>
      ) : null}
      {permissions.unblock && user.status === 'blocked' ? (
        <section aria-labelledby="unblock-heading">
          <h2 id="unblock-heading">{t('admin.user.unblockHeading')}</h2>
          <p>{t('admin.user.unblockHint')}</p>
          <form method="post" action={href(`/admin/users/${user.id}/unblock`)}>
            <CsrfField />
            <Button variant="secondary">{t('admin.user.unblock')}</Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}

/** The grant form: a role, and the place or organisation for the roles that need one. */
function GrantForm({
  userId,
  choices,
  grantable,
  state,
}: {
  userId: number;
  choices: ScopeChoices;
  grantable: readonly GrantableRole[];
  state: GrantFormState;
}) {
  const { t, href } = useUi();
  const error = (field: GrantField) => (state.errors[field] ? t(state.errors[field]) : undefined);
  const summary = (Object.keys(FIELD_IDS) as GrantField[])
    .filter((f) => state.errors[f])
    .map((f) => ({ fieldId: FIELD_IDS[f], message: error(f)! }));
  return (
    <section aria-labelledby="grant-heading">
      <h2 id="grant-heading">{t('admin.user.grantHeading')}</h2>
      <ErrorSummary errors={summary} autoFocus={state.submitted} />
      {grantable.includes('mediator') || grantable.includes('official') ? <p>{t('admin.user.grantLead')}</p> : null}
      <form method="post" action={href(`/admin/users/${userId}/roles`)} noValidate class="prose">
        <CsrfField />
        <Select
          id={FIELD_IDS.role}
          name="role"
          label={t('admin.user.role')}
          placeholder={t('admin.user.rolePlaceholder')}
          options={grantable.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
          value={state.values.role}
          error={error('role')}
        />
        {grantable.includes('mediator') ? (
          <Select
            id={FIELD_IDS.placeId}
            name="placeId"
            label={t('admin.user.place')}
            hint={t('admin.user.placeHint')}
            placeholder={t('admin.user.placePlaceholder')}
            options={choices.places.map((p) => ({ value: String(p.id), label: p.name }))}
            value={state.values.placeId}
            error={error('placeId')}
            optional
          />
        ) : null}
        {grantable.includes('official') ? (
          <Select
            id={FIELD_IDS.organisationId}
            name="organisationId"
            label={t('admin.user.organisation')}
            hint={t('admin.user.organisationHint')}
            placeholder={t('admin.user.organisationPlaceholder')}
            options={choices.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            value={state.values.organisationId}
            error={error('organisationId')}
            optional
          />
        ) : null}
        <Button>{t('admin.user.grant')}</Button>
      </form>
    </section>
  );
}
