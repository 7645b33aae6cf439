/**
 * The signed-in person's API tokens: the list (name, prefix, created, last used, status) with a
 * revoke button on each active token, and the form that creates one. Right after creation the new
 * token is shown once, in a banner; it cannot be seen again. Pure: everything comes in as props.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Table, Tag, TextInput } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { TokenNameError } from '../api-tokens.schemas.js';
import type { ApiTokenSummary } from '../api-tokens.service.js';

export interface TokensPageProps {
  tokens: readonly ApiTokenSummary[];
  /** What the create form shows: the name typed, and why it was refused. */
  form: { name: string; error?: TokenNameError | undefined; submitted: boolean };
  /** The token just created: shown once, in this response only. */
  created?: { name: string; token: string } | undefined;
  /** A token the person just revoked (confirmed at the top). */
  revoked?: boolean;
}

export function TokensPage({ tokens, form, created, revoked }: TokensPageProps) {
  const { t, href, locale } = useUi();
  const nameError = form.error ? t(form.error) : undefined;
  return (
    <div class="prose">
      <h1>{t('tokens.title')}</h1>
      <p class="lead">{t('tokens.lead')}</p>

      {created ? (
        <NotificationBanner id="token-created" type="success" title={t('tokens.created.title', { name: created.name })}>
          <p>
            <strong>{t('tokens.created.warning')}</strong>
          </p>
          <div class="field">
            <label class="field__label" for="new-token">
              {t('tokens.created.label')}
            </label>
            <div id="new-token-hint" class="field__hint">
              {t('tokens.created.hint')}
            </div>
            <input
              class="input"
              id="new-token"
              type="text"
              readOnly
              value={created.token}
              aria-describedby="new-token-hint"
              autocomplete="off"
              spellcheck={false}
            />
          </div>
        </NotificationBanner>
      ) : null}
      {revoked ? (
        <p class="notice notice--success" role="status">
          {t('tokens.revoked')}
        </p>
      ) : null}

      <h2>{t('tokens.list.title')}</h2>
      {tokens.length === 0 ? (
        <p>{t('tokens.list.empty')}</p>
      ) : (
        <Table
          id="tokens"
          caption={t('tokens.list.caption')}
          rowKey={(row) => row.id}
          rows={tokens}
          columns={[
            { header: t('tokens.list.name'), rowHeader: true, wrap: true, cell: (row) => row.name },
            { header: t('tokens.list.prefix'), cell: (row) => <code>{`${row.prefix}…`}</code> },
            {
              header: t('tokens.list.created'),
              cell: (row) => <time dateTime={row.createdAt}>{formatDate(locale, row.createdAt, 'datetime')}</time>,
            },
            {
              header: t('tokens.list.lastUsed'),
              cell: (row) =>
                row.lastUsedAt ? (
                  <time dateTime={row.lastUsedAt}>{formatDate(locale, row.lastUsedAt, 'datetime')}</time>
                ) : (
                  t('tokens.list.never')
                ),
            },
            {
              header: t('tokens.list.status'),
              cell: (row) =>
                row.revokedAt ? <Tag tone="neutral">{t('tokens.list.revoked')}</Tag> : <Tag tone="success">{t('tokens.list.active')}</Tag>,
            },
            {
              header: t('tokens.list.actions'),
              cell: (row) =>
                row.revokedAt ? null : (
                  <form method="post" action={href(`/account/tokens/${row.id}/revoke`)} class="inline-form">
                    <CsrfField />
                    <Button variant="warning" ariaLabel={t('tokens.list.revokeLabel', { name: row.name })}>
                      {t('tokens.list.revoke')}
                    </Button>
                  </form>
                ),
            },
          ]}
        />
      )}

      <h2>{t('tokens.create.title')}</h2>
      <ErrorSummary errors={nameError ? [{ fieldId: 'token-name', message: nameError }] : []} autoFocus={form.submitted} />
      <form method="post" action={href('/account/tokens')} noValidate>
        <CsrfField />
        <TextInput
          id="token-name"
          name="name"
          label={t('tokens.create.name')}
          hint={t('tokens.create.nameHint')}
          value={form.name}
          error={nameError}
          autocomplete="off"
          width="medium"
        />
        <Button>{t('tokens.create.submit')}</Button>
      </form>
    </div>
  );
}
