/**
 * An organisation's co-assessment dashboard (`/{locale}/manage/assessment/:orgSlug`), for its
 * officials and admins: the organisation's figures, the services that need attention (and why), each
 * service's figures in one table, the monthly series of the organisation or of one service (chosen
 * with a plain GET form, so it works without JavaScript), and the CSV export with its columns
 * explained. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatNumber, pick } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, Select, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { CSV_COLUMNS } from '../dashboard-csv.js';
import { type OrganisationRef, type ServiceRef } from '../dashboard.queries.js';
import { ATTENTION, type AttentionLists, type ServiceFigures } from '../dashboard.rules.js';
import { DurationText, formatMean, formatShare, KpiSummary, NoData, ProblemFigures } from './kpi.js';
import { SeriesChart, type SeriesPoint } from './series-chart.js';

export interface DashboardRow {
  id: number;
  service: ServiceRef;
  figures: ServiceFigures;
}

export interface DashboardPageProps {
  organisation: OrganisationRef;
  total: ServiceFigures;
  rows: DashboardRow[];
  attention: AttentionLists<DashboardRow>;
  /** The service whose series is shown (null: the whole organisation). */
  selected: ServiceRef | null;
  series: SeriesPoint[];
  /** Whether the person may open other organisations' dashboards (link back to the list). */
  severalOrganisations: boolean;
  defaultLocale: Locale;
}

export function DashboardPage({
  organisation,
  total,
  rows,
  attention,
  selected,
  series,
  severalOrganisations,
  defaultLocale,
}: DashboardPageProps) {
  const { t, href, locale } = useUi();
  const orgName = pick(organisation.name, locale, defaultLocale) || organisation.slug;
  const name = (s: ServiceRef) => pick(s.name, locale, defaultLocale) || s.slug;
  const base = `/manage/assessment/${organisation.slug}`;
  const seriesLink = (s: ServiceRef) => `${href(base)}?service=${encodeURIComponent(s.slug)}#series`;
  const n = (v: number) => formatNumber(locale, v);
  const mean = (v: number | null) => (v === null ? <NoData /> : formatMean(locale, v));
  const share = (v: number | null) => (v === null ? <NoData /> : formatShare(locale, v));

  const columns: TableColumn<DashboardRow>[] = [
    {
      header: t('results.table.service'),
      rowHeader: true,
      cell: (r) => (
        <>
          <a href={seriesLink(r.service)}>{name(r.service)}</a>
          {r.service.status !== 'published' ? ` (${t('dashboard.withdrawn')})` : null}
        </>
      ),
    },
    { header: t('results.table.assessments'), numeric: true, cell: (r) => n(r.figures.kpis.assessments) },
    { header: t('results.table.satisfactionOutOfFive'), numeric: true, cell: (r) => mean(r.figures.kpis.satisfaction) },
    { header: t('results.criteria.find'), numeric: true, cell: (r) => mean(r.figures.kpis.criteria.find) },
    { header: t('results.criteria.use'), numeric: true, cell: (r) => mean(r.figures.kpis.criteria.use) },
    { header: t('results.criteria.works'), numeric: true, cell: (r) => mean(r.figures.kpis.criteria.works) },
    { header: t('results.criteria.accessible'), numeric: true, cell: (r) => mean(r.figures.kpis.criteria.accessible) },
    { header: t('results.table.completion'), numeric: true, cell: (r) => share(r.figures.kpis.completionRate) },
    { header: t('results.table.help'), numeric: true, cell: (r) => share(r.figures.kpis.helpShare) },
    { header: t('dashboard.table.under7'), numeric: true, cell: (r) => n(r.figures.ages.under7) },
    { header: t('dashboard.table.from7to30'), numeric: true, cell: (r) => n(r.figures.ages.from7to30) },
    { header: t('dashboard.table.from30to90'), numeric: true, cell: (r) => n(r.figures.ages.from30to90) },
    { header: t('dashboard.table.over90'), numeric: true, cell: (r) => n(r.figures.ages.over90) },
    {
      header: t('dashboard.table.firstAnswer'),
      cell: (r) => (r.figures.answers.problems === null ? <NoData /> : <DurationText ms={r.figures.answers.problems} />),
    },
    {
      header: t('dashboard.table.reviewAnswer'),
      cell: (r) => (r.figures.answers.reviews === null ? <NoData /> : <DurationText ms={r.figures.answers.reviews} />),
    },
  ];

  const attentionList = (key: keyof AttentionLists<DashboardRow>, describe: (r: DashboardRow) => string) => (
    <>
      <h3>{t(`dashboard.attention.${key}`)}</h3>
      {attention[key].length === 0 ? (
        <p>{t('dashboard.attention.none')}</p>
      ) : (
        <ul>
          {attention[key].map((r) => (
            <li key={r.id}>
              <a href={seriesLink(r.service)}>{name(r.service)}</a>: {describe(r)}
            </li>
          ))}
        </ul>
      )}
    </>
  );

  return (
    <>
      {severalOrganisations ? (
        <Breadcrumbs items={[{ label: t('dashboard.index.title'), href: href('/manage/assessment') }, { label: orgName }]} />
      ) : null}
      <h1>{t('dashboard.title', { name: orgName })}</h1>
      <p class="lead">{t('dashboard.lead')}</p>
      <ul>
        <li>
          <a href={href(`${base}/export.csv`)} download>
            {t('dashboard.csv.link')}
          </a>
        </li>
        <li>
          <a href={href(`/organisations/${organisation.slug}/results`)}>{t('dashboard.publicResults')}</a>
        </li>
        <li>
          <a href={href('/manage/problems')}>{t('dashboard.manageProblems')}</a>
        </li>
        <li>
          <a href={href('/manage/services')}>{t('dashboard.manageServices')}</a>
        </li>
      </ul>

      <h2>{t('dashboard.overview')}</h2>
      <KpiSummary kpis={total.kpis} />
      <ProblemFigures id="problems" kpis={total.kpis} ages={total.ages} answers={total.answers} />

      <h2>{t('dashboard.attention.heading')}</h2>
      <p class="hint">
        {t('dashboard.attention.rules', {
          min: ATTENTION.minAssessments,
          low: formatMean(locale, ATTENTION.lowSatisfaction),
          fall: formatMean(locale, ATTENTION.fallThreshold),
          trendMin: ATTENTION.trendMinAssessments,
        })}
      </p>
      {attentionList('lowSatisfaction', (r) =>
        t('dashboard.attention.lowValue', {
          mean: formatMean(locale, r.figures.kpis.satisfaction ?? 0),
          count: r.figures.kpis.assessments,
        }),
      )}
      {attentionList('openProblems', (r) =>
        t('dashboard.attention.problemsValue', { count: r.figures.kpis.openProblems, old: r.figures.ages.over90 }),
      )}
      {attentionList('falling', (r) =>
        t('dashboard.attention.fallingValue', {
          before: formatMean(locale, r.figures.trend.before ?? 0),
          recent: formatMean(locale, r.figures.trend.recent ?? 0),
        }),
      )}

      <h2>{t('dashboard.services')}</h2>
      {rows.length === 0 ? (
        <p>{t('dashboard.noServices')}</p>
      ) : (
        <Table id="services" caption={t('dashboard.table.caption', { name: orgName })} columns={columns} rows={rows} rowKey={(r) => r.id} />
      )}

      <h2 id="series">{t('results.series.heading')}</h2>
      <form method="get" action={`${href(base)}#series`}>
        <Select
          id="series-service"
          name="service"
          label={t('dashboard.series.choose')}
          value={selected?.slug ?? ''}
          placeholder={t('dashboard.series.all', { name: orgName })}
          options={rows.map((r) => ({ value: r.service.slug, label: name(r.service) }))}
        />
        <Button variant="secondary">{t('dashboard.series.show')}</Button>
      </form>
      <SeriesChart id="series-chart" title={t('results.series.title', { name: selected ? name(selected) : orgName })} points={series} />
      {selected ? (
        <p>
          <a href={href(`/services/${selected.slug}/results`)}>{t('dashboard.series.publicResults', { name: name(selected) })}</a>
        </p>
      ) : null}

      <h2>{t('dashboard.csv.heading')}</h2>
      <p>{t('dashboard.csv.lead')}</p>
      <dl>
        {CSV_COLUMNS.map((c) => (
          <div key={c}>
            <dt>
              <code>{c}</code>
            </dt>
            <dd>{t(`dashboard.csv.columns.${c}`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Button href={href(`${base}/export.csv`)} variant="secondary">
          {t('dashboard.csv.link')}
        </Button>
      </p>
    </>
  );
}
