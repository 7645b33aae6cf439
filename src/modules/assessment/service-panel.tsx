/**
 * "What people think of this service": the co-assessment section of the catalogue's service page
 * (slot `service.page`). The number of ratings, mean satisfaction in words and numbers, the four
 * criteria (bar and number), the completion rate and the share who needed help, with links to rate,
 * read the reviews, report a problem, see open problems and all results. Read from the service's
 * counters in one query. It renders inside a shared body (platform/slots.ts): links only, nothing
 * about the viewer.
 */
import type { VNode } from 'preact';
import type { Db } from '../../db/database.js';
import type { SlotProps } from '../../platform/slots.js';
import { useUi } from '../../ui/context.js';
import { CRITERIA } from './assessment.model.js';
import { serviceKpis, type Kpis } from './assessment.queries.js';
import { criterionLabel, formatMean, formatShare, moodWord, ScoreBar } from './views/rating-parts.js';

/** The section, for the service `slug` with these KPIs. Pure. */
export function ServicePanel({ slug, kpis }: { slug: string; kpis: Kpis }) {
  const { t, href, locale } = useUi();
  const base = `/services/${slug}`;
  const rated = kpis.assessments > 0;
  return (
    <section aria-labelledby="assessment-panel" class="prose">
      <h2 id="assessment-panel">{t('rating.panel.title')}</h2>
      {rated && kpis.satisfaction !== null ? (
        <>
          <p>{t('rating.panel.count', { count: kpis.assessments })}</p>
          <p>
            <strong>{t('rating.panel.satisfaction')}</strong>{' '}
            {t('rating.panel.satisfactionValue', { mean: formatMean(locale, kpis.satisfaction), word: moodWord(t, kpis.satisfaction) })}
          </p>
          <div class="table-scroll" role="region" aria-labelledby="assessment-panel-criteria" tabIndex={0}>
            <table class="data-table">
              <caption id="assessment-panel-criteria">{t('rating.panel.criteriaCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rating.panel.criterion')}</th>
                  <th scope="col">{t('rating.panel.score')}</th>
                </tr>
              </thead>
              <tbody>
                {CRITERIA.map((c) => {
                  const mean = kpis.criteria[c];
                  return (
                    <tr key={c}>
                      <th scope="row">{criterionLabel(t, c)}</th>
                      <td>
                        {mean === null ? null : (
                          <>
                            <ScoreBar value={mean} /> {t('rating.panel.scoreValue', { mean: formatMean(locale, mean) })}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul>
            {kpis.completionRate !== null ? (
              <li>{t('rating.panel.completion', { share: formatShare(locale, kpis.completionRate) })}</li>
            ) : null}
            {kpis.helpShare !== null ? <li>{t('rating.panel.help', { share: formatShare(locale, kpis.helpShare) })}</li> : null}
          </ul>
        </>
      ) : (
        <p>{t('rating.panel.none')}</p>
      )}
      <div class="button-group">
        <a class="button" href={href(`${base}/rate`)}>
          {t('rating.panel.rate')}
        </a>
        {kpis.reviews > 0 ? <a href={href(`${base}/reviews`)}>{t('rating.panel.reviews', { count: kpis.reviews })}</a> : null}
      </div>
      <ul>
        <li>
          <a href={href(`${base}/problems/new`)}>{t('rating.panel.reportProblem')}</a>
        </li>
        <li>
          <a href={href(`${base}/problems`)}>{t('rating.panel.openProblems', { count: kpis.openProblems })}</a>
        </li>
        <li>
          <a href={href(`${base}/results`)}>{t('rating.panel.results')}</a>
        </li>
      </ul>
    </section>
  );
}

/** The slot provider: the service's KPIs (one query), then the section. */
export async function servicePanel(db: Db, props: SlotProps['service.page']): Promise<VNode | null> {
  const kpis = (await serviceKpis(db, [props.serviceId])).get(props.serviceId)!;
  return <ServicePanel slug={props.slug} kpis={kpis} />;
}
