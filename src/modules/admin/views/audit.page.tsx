/**
 * The audit log for admins: filters (action, who, object type, dates in UTC) and one page of
 * entries, newest first. Everything stored is shown as text: Preact escapes it. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { participantName } from '../../../platform/gdpr.js';
import { Button, ErrorSummary, KeysetPagination, Select, Table, TextInput, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { AuditField, AuditFormErrors, AuditQuery } from '../audit-log.schemas.js';
import type { AuditEntryView } from '../audit-log.service.js';
import { AdminNav } from './admin-nav.js';

export interface AuditPageProps {
  query: AuditQuery;
  errors: AuditFormErrors;
  entries: AuditEntryView[];
  actions: string[];
  nextBefore: number | null;
}

const FIELD_IDS: Record<AuditField, string> = { from: 'audit-from', to: 'audit-to' };

export function AuditPage({ query, errors, entries, actions, nextBefore }: AuditPageProps) {
  const { t, href, locale } = useUi();
  const error = (f: AuditField) => (errors[f] ? t(errors[f]) : undefined);
  const summary = (Object.keys(FIELD_IDS) as AuditField[])
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: FIELD_IDS[f], message: error(f)! }));
  const listUrl = (cursor?: number) => {
    const params = new URLSearchParams();
    for (const key of ['action', 'actor', 'subject', 'from', 'to'] as const) if (query[key]) params.set(key, query[key]);
    if (cursor) params.set('before', String(cursor));
    const qs = params.toString();
    return href(`/admin/audit${qs ? `?${qs}` : ''}`);
  };
  const columns: TableColumn<AuditEntryView>[] = [
    {
      header: t('admin.audit.column.time'),
      rowHeader: true,
      cell: (e) => <time dateTime={e.createdAt}>{formatDate(locale, e.createdAt, 'datetime', 'UTC')}</time>,
    },
    {
      header: t('admin.audit.column.actor'),
      wrap: true,
      cell: (e) =>
        e.actorId === null ? (
          t('admin.audit.system')
        ) : e.actorEmail === null ? (
          t('admin.audit.unknownActor', { id: e.actorId })
        ) : (
          <>
            <a href={href(`/admin/users/${e.actorId}`)}>{participantName(e.actorName ?? '', t)}</a> ({e.actorEmail})
          </>
        ),
    },
    { header: t('admin.audit.column.action'), cell: (e) => <code>{e.action}</code> },
    {
      header: t('admin.audit.column.subject'),
      wrap: true,
      cell: (e) =>
        e.subjectType === 'user' && e.subjectId && /^\d+$/.test(e.subjectId) ? (
          <a href={href(`/admin/users/${e.subjectId}`)}>
            {e.subjectType} {e.subjectId}
          </a>
        ) : (
          [e.subjectType, e.subjectId].filter(Boolean).join(' ')
        ),
    },
    { header: t('admin.audit.column.details'), wrap: true, cell: (e) => (e.data ? <code>{e.data}</code> : null) },
    { header: t('admin.audit.column.request'), wrap: true, cell: (e) => (e.requestId ? <code>{e.requestId}</code> : null) },
    { header: t('admin.audit.column.ip'), cell: (e) => e.ip },
  ];
  return (
    <div class="admin">
      <AdminNav current="audit" />
      <h1>{t('admin.audit.title')}</h1>
      <p class="lead">{t('admin.audit.lead')}</p>
      <ErrorSummary errors={summary} />
      <form method="get" action={href('/admin/audit')} noValidate class="prose" aria-label={t('admin.audit.filters')}>
        <Select
          id="audit-action"
          name="action"
          label={t('admin.audit.action')}
          placeholder={t('admin.audit.actionAll')}
          options={actions.map((a) => ({ value: a, label: a }))}
          value={query.action}
        />
        <TextInput
          id="audit-actor"
          name="actor"
          label={t('admin.audit.actor')}
          hint={t('admin.audit.actorHint')}
          value={query.actor}
          spellcheck={false}
          optional
        />
        <TextInput
          id="audit-subject"
          name="subject"
          label={t('admin.audit.subject')}
          hint={t('admin.audit.subjectHint')}
          value={query.subject}
          spellcheck={false}
          width="medium"
          optional
        />
        <TextInput
          id={FIELD_IDS.from}
          name="from"
          label={t('admin.audit.from')}
          hint={t('admin.audit.dateHint')}
          value={query.from}
          error={error('from')}
          width="short"
          optional
        />
        <TextInput
          id={FIELD_IDS.to}
          name="to"
          label={t('admin.audit.to')}
          hint={t('admin.audit.dateHint')}
          value={query.to}
          error={error('to')}
          width="short"
          optional
        />
        <Button variant="secondary">{t('admin.audit.apply')}</Button>
      </form>
      {entries.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <Table id="audit" caption={t('admin.audit.caption')} columns={columns} rows={entries} rowKey={(e) => e.id} />
      )}
      <KeysetPagination
        label={t('admin.audit.pagination')}
        newestHref={query.before ? listUrl() : null}
        olderHref={nextBefore ? listUrl(nextBefore) : null}
        newestText={t('admin.audit.newest')}
        olderText={t('admin.audit.older')}
      />
    </div>
  );
}
