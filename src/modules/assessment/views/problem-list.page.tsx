/**
 * The problems reported with one e-service, for everyone: open reports first, then the others,
 * newest first; a status filter and numbered pages. No reporter is ever named. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, Pagination, Select, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { PROBLEM_STATUSES, type ProblemStatus } from '../assessment.model.js';
import type { ProblemListRow } from '../problems.queries.js';
import { ProblemStatusTag } from './problem-parts.js';

export interface ProblemListPageProps {
  service: { slug: string; name: string };
  rows: ProblemListRow[];
  total: number;
  page: number;
  perPage: number;
  status: ProblemStatus | undefined;
}

export function ProblemListPage({ service, rows, total, page, perPage, status }: ProblemListPageProps) {
  const { t, href, locale } = useUi();
  const base = href(`/services/${service.slug}/problems`);
  const columns: TableColumn<ProblemListRow>[] = [
    {
      header: t('problems.list.column.report'),
      rowHeader: true,
      cell: (r) => <a href={href(`/problems/${r.id}`)}>{t('problems.list.reportLink', { id: r.id })}</a>,
    },
    { header: t('problems.list.column.category'), cell: (r) => t(`problems.category.${r.category}`) },
    { header: t('problems.list.column.status'), cell: (r) => <ProblemStatusTag status={r.status} /> },
    {
      header: t('problems.list.column.reported'),
      cell: (r) => <time dateTime={r.created_at}>{formatDate(locale, r.created_at, 'date')}</time>,
    },
  ];
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: service.name, href: href(`/services/${service.slug}`) },
          { label: t('problems.list.title', { service: service.name }) },
        ]}
      />
      <h1>{t('problems.list.title', { service: service.name })}</h1>
      <p class="lead">{t('problems.list.lead')}</p>
      <p>
        <Button href={href(`/services/${service.slug}/problems/new`)}>{t('problems.list.report')}</Button>
      </p>
      <form method="get" action={base} class="prose">
        <Select
          id="problems-status"
          name="status"
          label={t('problems.list.statusFilter')}
          value={status ?? ''}
          placeholder={t('problems.list.anyStatus')}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`problems.status.${s}`) }))}
        />
        <Button variant="secondary">{t('problems.list.filter')}</Button>
      </form>
      {rows.length === 0 ? (
        <p>{status ? t('problems.list.noMatch') : t('problems.list.empty')}</p>
      ) : (
        <Table id="problems" caption={t('problems.list.caption', { count: total })} columns={columns} rows={rows} rowKey={(r) => r.id} />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(total / perPage)}
        basePath={base}
        query={status ? { status } : {}}
        label={t('problems.list.pagination')}
      />
    </div>
  );
}
