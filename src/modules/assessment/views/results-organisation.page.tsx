/**
 * The public results of one organisation (`/{locale}/organisations/:slug/results`): its figures summed
 * over its published e-services, its last twelve months, and a table of its e-services, each linking
 * to its own results. Aggregates only. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatNumber, pick } from '../../../platform/i18n.js';
import { Breadcrumbs, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { OrganisationRef, ServiceRef } from '../dashboard.queries.js';
import type { ServiceFigures } from '../dashboard.rules.js';
import { CriteriaTable, formatMean, formatShare, KpiSummary, NoData, ProblemFigures } from './kpi.js';
import { SeriesChart, type SeriesPoint } from './series-chart.js';

export interface OrganisationResultsPageProps {
  organisation: OrganisationRef;
  total: ServiceFigures;
  services: { service: ServiceRef; figures: ServiceFigures }[];
  series: SeriesPoint[];
  defaultLocale: Locale;
}

export function OrganisationResultsPage({ organisation, total, services, series, defaultLocale }: OrganisationResultsPageProps) {
  const { t, href, locale } = useUi();
  const name = pick(organisation.name, locale, defaultLocale) || organisation.slug;
  const share = (v: number | null) => (v === null ? <NoData /> : formatShare(locale, v));
  type Row = { service: ServiceRef; figures: ServiceFigures };
  const columns: TableColumn<Row>[] = [
    {
      header: t('results.table.service'),
      rowHeader: true,
      cell: (r) => (
        <a href={href(`/services/${r.service.slug}/results`)}>{pick(r.service.name, locale, defaultLocale) || r.service.slug}</a>
      ),
    },
    { header: t('results.table.assessments'), numeric: true, cell: (r) => formatNumber(locale, r.figures.kpis.assessments) },
    {
      header: t('results.table.satisfactionOutOfFive'),
      numeric: true,
      cell: (r) => (r.figures.kpis.satisfaction === null ? <NoData /> : formatMean(locale, r.figures.kpis.satisfaction)),
    },
    { header: t('results.table.completion'), numeric: true, cell: (r) => share(r.figures.kpis.completionRate) },
    { header: t('results.table.help'), numeric: true, cell: (r) => share(r.figures.kpis.helpShare) },
    { header: t('results.table.openProblems'), numeric: true, cell: (r) => formatNumber(locale, r.figures.kpis.openProblems) },
    { header: t('results.table.fixedProblems'), numeric: true, cell: (r) => formatNumber(locale, r.figures.kpis.fixedProblems) },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('services.crumbs.home'), href: href('/') },
          { label: t('results.index.crumb'), href: href('/results') },
          { label: name },
        ]}
      />
      <h1>{t('results.organisation.title', { name })}</h1>
      <p class="lead">{t('results.organisation.lead', { count: services.length })}</p>
      <h2>{t('results.keyFigures')}</h2>
      <KpiSummary kpis={total.kpis} />
      <h2>{t('results.criteria.heading')}</h2>
      <CriteriaTable id="criteria" kpis={total.kpis} />
      <h2>{t('results.series.heading')}</h2>
      <SeriesChart id="series" title={t('results.series.title', { name })} points={series} />
      <h2>{t('results.problems.heading')}</h2>
      <ProblemFigures id="problems" kpis={total.kpis} ages={total.ages} answers={total.answers} />
      <h2>{t('results.organisation.services')}</h2>
      {services.length === 0 ? (
        <p>{t('results.organisation.noServices')}</p>
      ) : (
        <Table
          id="services"
          caption={t('results.organisation.caption', { name })}
          columns={columns}
          rows={services}
          rowKey={(r) => r.service.id}
        />
      )}
      <p>
        <a href={href('/results')}>{t('results.allResults')}</a>
      </p>
      <p class="hint">{t('results.privacy')}</p>
    </>
  );
}
