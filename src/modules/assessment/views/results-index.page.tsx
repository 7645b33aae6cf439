/** The public index of results (`/{locale}/results`): every organisation with its headline numbers. Pure. */
import type { Locale } from '../../../config.js';
import { formatNumber, pick } from '../../../platform/i18n.js';
import { Breadcrumbs, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { OrganisationHeadline } from '../dashboard.queries.js';
import { formatShare, NoData, SatisfactionText } from './kpi.js';

export function ResultsIndexPage({ organisations, defaultLocale }: { organisations: OrganisationHeadline[]; defaultLocale: Locale }) {
  const { t, href, locale } = useUi();
  const columns: TableColumn<OrganisationHeadline>[] = [
    {
      header: t('results.table.organisation'),
      rowHeader: true,
      cell: (o) => <a href={href(`/organisations/${o.slug}/results`)}>{pick(o.name, locale, defaultLocale) || o.slug}</a>,
    },
    { header: t('results.table.services'), numeric: true, cell: (o) => formatNumber(locale, o.services) },
    { header: t('results.table.assessments'), numeric: true, cell: (o) => formatNumber(locale, o.kpis.assessments) },
    { header: t('results.table.satisfaction'), cell: (o) => <SatisfactionText mean={o.kpis.satisfaction} /> },
    {
      header: t('results.table.completion'),
      numeric: true,
      cell: (o) => (o.kpis.completionRate === null ? <NoData /> : formatShare(locale, o.kpis.completionRate)),
    },
    { header: t('results.table.openProblems'), numeric: true, cell: (o) => formatNumber(locale, o.kpis.openProblems) },
    { header: t('results.table.fixedProblems'), numeric: true, cell: (o) => formatNumber(locale, o.kpis.fixedProblems) },
  ];
  return (
    <>
      <Breadcrumbs items={[{ label: t('services.crumbs.home'), href: href('/') }, { label: t('results.index.crumb') }]} />
      <h1>{t('results.index.title')}</h1>
      <p class="lead">{t('results.index.lead')}</p>
      {organisations.length === 0 ? (
        <p>{t('results.index.empty')}</p>
      ) : (
        <Table id="organisations" caption={t('results.index.caption')} columns={columns} rows={organisations} rowKey={(o) => o.id} />
      )}
      <p class="hint">{t('results.privacy')}</p>
    </>
  );
}
