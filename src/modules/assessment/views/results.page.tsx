/**
 * The public results of one e-service (`/{locale}/services/:slug/results`): its key figures, the
 * four criteria, the last twelve months, and the problems reported with how fast they get an
 * answer. Aggregates only: no name, no email, no text anyone wrote. Pure.
 */
import type { Locale } from '../../../config.js';
import { pick } from '../../../platform/i18n.js';
import { Breadcrumbs } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { OrganisationRef, ServiceRef } from '../dashboard.queries.js';
import type { ServiceFigures } from '../dashboard.rules.js';
import { CriteriaTable, KpiSummary, ProblemFigures } from './kpi.js';
import { SeriesChart, type SeriesPoint } from './series-chart.js';

export interface ServiceResultsPageProps {
  service: ServiceRef;
  organisation: OrganisationRef | null;
  figures: ServiceFigures;
  series: SeriesPoint[];
  defaultLocale: Locale;
}

export function ServiceResultsPage({ service, organisation, figures, series, defaultLocale }: ServiceResultsPageProps) {
  const { t, href, locale } = useUi();
  const name = pick(service.name, locale, defaultLocale) || service.slug;
  const organisationName = organisation ? pick(organisation.name, locale, defaultLocale) : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('services.crumbs.home'), href: href('/') },
          { label: t('results.index.crumb'), href: href('/results') },
          ...(organisation && organisationName
            ? [{ label: organisationName, href: href(`/organisations/${organisation.slug}/results`) }]
            : []),
          { label: name },
        ]}
      />
      <h1>{t('results.service.title', { name })}</h1>
      <p class="lead">{t('results.service.lead')}</p>
      <p>
        <a href={href(`/services/${service.slug}`)}>{t('results.service.back', { name })}</a>
      </p>
      <h2>{t('results.keyFigures')}</h2>
      <KpiSummary kpis={figures.kpis} />
      <h2>{t('results.criteria.heading')}</h2>
      <CriteriaTable id="criteria" kpis={figures.kpis} />
      <h2>{t('results.series.heading')}</h2>
      <SeriesChart id="series" title={t('results.series.title', { name })} points={series} />
      <h2>{t('results.problems.heading')}</h2>
      <ProblemFigures id="problems" kpis={figures.kpis} ages={figures.ages} answers={figures.answers} />
      <p>
        <a href={href(`/services/${service.slug}/problems`)}>{t('results.service.problemList', { count: figures.kpis.openProblems })}</a>
      </p>
      <h2>{t('results.more')}</h2>
      <ul>
        {organisation && organisationName ? (
          <li>
            <a href={href(`/organisations/${organisation.slug}/results`)}>
              {t('results.service.organisation', { name: organisationName })}
            </a>
          </li>
        ) : null}
        <li>
          <a href={href('/results')}>{t('results.allResults')}</a>
        </li>
      </ul>
      <p class="hint">{t('results.privacy')}</p>
    </>
  );
}
