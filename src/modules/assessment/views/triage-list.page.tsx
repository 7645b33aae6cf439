/**
 * The officials' list of problem reports on their organisations' e-services (every one for an
 * admin): open reports first, the oldest first, each with its age and when it was first answered;
 * filters by status and e-service, numbered pages. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatDate, pick } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, Pagination, Select, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { PROBLEM_STATUSES, type ProblemStatus } from '../assessment.model.js';
import type { TriageListRow } from '../problems.queries.js';
import { daysBetween, ProblemStatusTag } from './problem-parts.js';

export interface TriageListQuery {
  status?: ProblemStatus | undefined;
  service?: string | undefined;
  page: number;
}

export interface TriageListPageProps {
  rows: TriageListRow[];
  total: number;
  perPage: number;
  query: TriageListQuery;
  /** The e-services the list may be filtered by (translated names as JSON). */
  services: { slug: string; name: string }[];
  /** The time ages are counted to. */
  now: Date;
  defaultLocale: Locale;
}

export function TriageListPage({ rows, total, perPage, query, services, now, defaultLocale }: TriageListPageProps) {
  const { t, href, locale } = useUi();
  const name = (json: string) => pick(json, locale, defaultLocale);
  const filtered = query.status !== undefined || query.service !== undefined;
  const columns: TableColumn<TriageListRow>[] = [
    {
      header: t('problems.manage.column.report'),
      rowHeader: true,
      cell: (r) => <a href={href(`/manage/problems/${r.id}`)}>{t('problems.list.reportLink', { id: r.id })}</a>,
    },
    { header: t('problems.manage.column.service'), cell: (r) => name(r.service_name) || r.service_slug },
    { header: t('problems.manage.column.category'), cell: (r) => t(`problems.category.${r.category}`) },
    { header: t('problems.manage.column.status'), cell: (r) => <ProblemStatusTag status={r.status} /> },
    {
      header: t('problems.manage.column.age'),
      numeric: true,
      cell: (r) => (
        <time dateTime={r.created_at} title={formatDate(locale, r.created_at, 'datetime')}>
          {t('problems.manage.age', { days: daysBetween(r.created_at, now) })}
        </time>
      ),
    },
    {
      header: t('problems.manage.column.answered'),
      cell: (r) =>
        r.first_answer_at ? (
          <time dateTime={r.first_answer_at}>{formatDate(locale, r.first_answer_at, 'date')}</time>
        ) : (
          t('problems.manage.notAnswered')
        ),
    },
  ];
  const query_: Record<string, string | undefined> = { status: query.status, service: query.service };
  return (
    <div>
      <Breadcrumbs items={[{ label: t('problems.manage.title') }]} />
      <h1>{t('problems.manage.title')}</h1>
      <p class="lead">{t('problems.manage.lead')}</p>
      <form method="get" action={href('/manage/problems')} class="prose">
        <Select
          id="triage-status"
          name="status"
          label={t('problems.manage.statusFilter')}
          value={query.status ?? ''}
          placeholder={t('problems.manage.anyStatus')}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`problems.status.${s}`) }))}
        />
        {services.length > 1 ? (
          <Select
            id="triage-service"
            name="service"
            label={t('problems.manage.serviceFilter')}
            value={query.service ?? ''}
            placeholder={t('problems.manage.anyService')}
            options={services.map((s) => ({ value: s.slug, label: name(s.name) || s.slug }))}
          />
        ) : null}
        <Button variant="secondary">{t('problems.manage.filter')}</Button>
      </form>
      {rows.length === 0 ? (
        <p>{filtered ? t('problems.manage.noMatch') : t('problems.manage.empty')}</p>
      ) : (
        <Table id="triage" caption={t('problems.manage.caption', { count: total })} columns={columns} rows={rows} rowKey={(r) => r.id} />
      )}
      <Pagination
        page={query.page}
        pageCount={Math.ceil(total / perPage)}
        basePath={href('/manage/problems')}
        query={query_}
        label={t('problems.manage.pagination')}
      />
    </div>
  );
}
