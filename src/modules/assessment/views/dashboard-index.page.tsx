/**
 * The dashboard's first page (`/{locale}/manage/assessment`): the organisations whose dashboard the
 * person may open (an official's several organisations; every organisation for an admin), with their
 * headline numbers. An official of one organisation never sees it: they go straight to theirs. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatNumber, pick } from '../../../platform/i18n.js';
import { Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { Kpis } from '../assessment.queries.js';
import type { OrganisationRef } from '../dashboard.queries.js';
import { SatisfactionText } from './kpi.js';

export interface DashboardIndexRow extends OrganisationRef {
  /** Null for an organisation without published services. */
  kpis: Kpis | null;
}

export function DashboardIndexPage({ organisations, defaultLocale }: { organisations: DashboardIndexRow[]; defaultLocale: Locale }) {
  const { t, href, locale } = useUi();
  const columns: TableColumn<DashboardIndexRow>[] = [
    {
      header: t('dashboard.index.organisation'),
      rowHeader: true,
      cell: (o) => <a href={href(`/manage/assessment/${o.slug}`)}>{pick(o.name, locale, defaultLocale) || o.slug}</a>,
    },
    { header: t('results.table.assessments'), numeric: true, cell: (o) => formatNumber(locale, o.kpis?.assessments ?? 0) },
    { header: t('results.table.satisfaction'), cell: (o) => <SatisfactionText mean={o.kpis?.satisfaction ?? null} /> },
    { header: t('results.table.openProblems'), numeric: true, cell: (o) => formatNumber(locale, o.kpis?.openProblems ?? 0) },
  ];
  return (
    <>
      <h1>{t('dashboard.index.title')}</h1>
      <p class="lead">{t('dashboard.index.lead')}</p>
      {organisations.length === 0 ? (
        <p>{t('dashboard.index.empty')}</p>
      ) : (
        <Table id="organisations" caption={t('dashboard.index.caption')} columns={columns} rows={organisations} rowKey={(o) => o.id} />
      )}
    </>
  );
}
