/**
 * The editors' list: the services the person may edit (an official's organisations, every service
 * for an admin), in every status, with filters, a search by name and numbered pages. Pure.
 */
import type { Locale } from '../../../../config.js';
import { formatDate, pick } from '../../../../platform/i18n.js';
import { Button, Pagination, Select, Table, TextInput, type TableColumn } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { AdminNav } from '../../../admin/index.js';
import type { ManageListQuery } from '../../editor.schemas.js';
import type { EditableServiceRow } from '../../editor.queries.js';
import { SERVICE_STATUSES } from '../../services.model.js';
import { StatusTag } from './status-tag.js';

export interface ManageServicesPageProps {
  services: EditableServiceRow[];
  total: number;
  perPage: number;
  query: ManageListQuery;
  /** The organisations the person may filter by (their own; all for admins). */
  organisations: { slug: string; name: string }[];
  defaultLocale: Locale;
}

export function ManageServicesPage({ services, total, perPage, query, organisations, defaultLocale }: ManageServicesPageProps) {
  const { t, href, locale } = useUi();
  const name = (json: string) => pick(json, locale, defaultLocale);
  const filtered = query.status !== undefined || query.organisation !== undefined || query.q !== undefined;
  const columns: TableColumn<EditableServiceRow>[] = [
    {
      header: t('serviceEditor.list.column.name'),
      rowHeader: true,
      cell: (s) => <a href={href(`/manage/services/${s.slug}`)}>{name(s.name) || s.slug}</a>,
    },
    { header: t('serviceEditor.list.column.organisation'), cell: (s) => name(s.organisationName) },
    { header: t('serviceEditor.list.column.status'), cell: (s) => <StatusTag status={s.status} /> },
    {
      header: t('serviceEditor.list.column.updated'),
      cell: (s) => <time dateTime={s.updatedAt}>{formatDate(locale, s.updatedAt, 'date')}</time>,
    },
  ];
  return (
    <div class="admin">
      <AdminNav current="services" />
      <h1>{t('serviceEditor.list.title')}</h1>
      <p class="lead">{t('serviceEditor.list.lead')}</p>
      <p>
        <Button href={href('/manage/services/new')}>{t('serviceEditor.list.create')}</Button>
      </p>
      <form method="get" action={href('/manage/services')} role="search" class="prose">
        <TextInput id="services-q" name="q" type="search" label={t('serviceEditor.list.search')} value={query.q} spellcheck={false} />
        <Select
          id="services-status"
          name="status"
          label={t('serviceEditor.list.statusFilter')}
          value={query.status ?? ''}
          placeholder={t('serviceEditor.list.anyStatus')}
          options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`serviceEditor.status.${s}`) }))}
        />
        {organisations.length > 1 ? (
          <Select
            id="services-organisation"
            name="organisation"
            label={t('serviceEditor.list.organisationFilter')}
            value={query.organisation ?? ''}
            placeholder={t('serviceEditor.list.anyOrganisation')}
            options={organisations.map((o) => ({ value: o.slug, label: name(o.name) }))}
          />
        ) : null}
        <Button variant="secondary">{t('serviceEditor.list.filter')}</Button>
      </form>
      {services.length === 0 ? (
        <p>{filtered ? t('serviceEditor.list.noMatch') : t('serviceEditor.list.empty')}</p>
      ) : (
        <Table
          id="services"
          caption={t('serviceEditor.list.caption', { count: total })}
          columns={columns}
          rows={services}
          rowKey={(s) => s.slug}
        />
      )}
      <Pagination
        page={query.page}
        pageCount={Math.ceil(total / perPage)}
        basePath={href('/manage/services')}
        label={t('serviceEditor.list.pagination')}
      />
    </div>
  );
}
