/**
 * The co-assessment key figures, shared by the public results pages and the officials' dashboard:
 * the headline numbers (assessments, satisfaction in words and as a number, completion, help, reviews,
 * open problems), the four criteria with a bar and the number as text, and the problem figures (open
 * reports by age, fixed, median time to a first answer). Pure components of their props; every
 * number is also written out, bars are decoration (hidden from assistive technologies).
 */
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../../config.js';
import { formatNumber } from '../../../platform/i18n.js';
import { Card, Table, VisuallyHidden, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { CRITERIA, type Criterion } from '../assessment.model.js';
import type { Kpis } from '../assessment.queries.js';
import type { AnswerTimes, ProblemAges } from '../dashboard.rules.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A mean on the 1–5 scale with one decimal ("4.2", "4,2"). */
export const formatMean = (locale: Locale, value: number) =>
  formatNumber(locale, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A share as a whole percentage ("72%", "72 %"). */
export const formatShare = (locale: Locale, value: number) => formatNumber(locale, value, { style: 'percent', maximumFractionDigits: 0 });

/** The satisfaction level a mean is closest to: 5 very satisfied … 1 very dissatisfied. */
export const satisfactionLevel = (mean: number) => Math.min(5, Math.max(1, Math.round(mean))) as 1 | 2 | 3 | 4 | 5;

/** The label keys of the criteria. */
export const CRITERION_KEY = {
  find: 'results.criteria.find',
  use: 'results.criteria.use',
  works: 'results.criteria.works',
  accessible: 'results.criteria.accessible',
} as const satisfies Record<Criterion, string>;

/** "4.2 out of 5 (satisfied)", or "No assessments yet". */
export function SatisfactionText({ mean }: { mean: number | null }) {
  const { t, locale } = useUi();
  if (mean === null) return <>{t('results.none')}</>;
  return (
    <>{t('results.satisfactionValue', { level: t(`results.satisfaction.${satisfactionLevel(mean)}`), mean: formatMean(locale, mean) })}</>
  );
}

/** "No data yet" in a table cell: a dash on screen, the words for screen readers. */
export function NoData() {
  const { t } = useUi();
  return (
    <>
      <span aria-hidden="true">–</span>
      <VisuallyHidden>{t('results.none')}</VisuallyHidden>
    </>
  );
}

/** A duration in days (or hours under a day), in words. */
export function DurationText({ ms }: { ms: number | null }) {
  const { t, locale } = useUi();
  if (ms === null) return <>{t('results.none')}</>;
  if (ms < DAY) return <>{t('results.duration.hours', { count: Math.max(1, Math.round(ms / HOUR)) })}</>;
  const days = Math.round((ms / DAY) * 10) / 10;
  return <>{t('results.duration.days', { count: days, days: formatNumber(locale, days, { maximumFractionDigits: 1 }) })}</>;
}

/** A horizontal bar for a 1–5 mean, drawn in the text colour (it follows high-contrast settings). Decorative. */
export function ScoreBar({ mean }: { mean: number | null }) {
  const width = mean === null ? 0 : Math.round(((mean - 1) / 4) * 100);
  return (
    <svg class="score-bar" width="120" height="12" viewBox="0 0 100 10" aria-hidden="true" focusable="false" preserveAspectRatio="none">
      <rect x="0.5" y="0.5" width="99" height="9" fill="none" stroke="currentColor" stroke-width="1" />
      {width > 0 ? <rect x="0" y="0" width={width} height="10" fill="currentColor" /> : null}
    </svg>
  );
}

/** The headline numbers of a service or an organisation, as a grid of cards. */
export function KpiSummary({ kpis, headingLevel = 3 }: { kpis: Kpis; headingLevel?: 2 | 3 | 4 }) {
  const { t, locale } = useUi();
  const n = (v: number) => formatNumber(locale, v);
  return (
    <ul class="card-grid">
      <Card title={t('results.kpi.assessments')} headingLevel={headingLevel}>
        <p>{n(kpis.assessments)}</p>
      </Card>
      <Card title={t('results.kpi.satisfaction')} headingLevel={headingLevel}>
        <p>
          <SatisfactionText mean={kpis.satisfaction} />
        </p>
      </Card>
      <Card title={t('results.kpi.completion')} headingLevel={headingLevel}>
        <p>
          {kpis.completionRate === null
            ? t('results.none')
            : t('results.completionValue', {
                share: formatShare(locale, kpis.completionRate),
                partly: kpis.completion.partly,
                no: kpis.completion.no,
              })}
        </p>
      </Card>
      <Card title={t('results.kpi.help')} headingLevel={headingLevel}>
        <p>
          {kpis.helpShare === null
            ? t('results.none')
            : t('results.helpValue', { share: formatShare(locale, kpis.helpShare), dps: kpis.usage.dps, helped: kpis.usage.helped })}
        </p>
      </Card>
      <Card title={t('results.kpi.reviews')} headingLevel={headingLevel}>
        <p>{n(kpis.reviews)}</p>
      </Card>
      <Card title={t('results.kpi.openProblems')} headingLevel={headingLevel}>
        <p>{t('results.problemsValue', { open: kpis.openProblems, fixed: kpis.fixedProblems })}</p>
      </Card>
    </ul>
  );
}

/** The four criteria: a table with each mean as a bar and as text. */
export function CriteriaTable({ id, kpis }: { id: string; kpis: Kpis }) {
  const { t, locale } = useUi();
  const columns: TableColumn<Criterion>[] = [
    { header: t('results.criteria.criterion'), rowHeader: true, cell: (c) => t(CRITERION_KEY[c]) },
    {
      header: t('results.criteria.score'),
      cell: (c) => {
        const mean = kpis.criteria[c];
        return (
          <>
            <ScoreBar mean={mean} /> {mean === null ? t('results.none') : t('results.outOfFive', { mean: formatMean(locale, mean) })}
          </>
        );
      },
    },
  ];
  return <Table id={id} caption={t('results.criteria.caption')} columns={columns} rows={CRITERIA} rowKey={(c) => c} />;
}

/** The problem figures: open reports by age, fixed, median times to a first answer. */
export function ProblemFigures({ id, kpis, ages, answers }: { id: string; kpis: Kpis; ages: ProblemAges; answers: AnswerTimes }) {
  const { t, locale } = useUi();
  type Row = { key: string; label: string; value: ComponentChildren };
  const n = (v: number) => formatNumber(locale, v);
  const rows: Row[] = [
    { key: 'open', label: t('results.problems.open'), value: n(kpis.openProblems) },
    { key: 'under7', label: t('results.problems.under7'), value: n(ages.under7) },
    { key: 'from7to30', label: t('results.problems.from7to30'), value: n(ages.from7to30) },
    { key: 'from30to90', label: t('results.problems.from30to90'), value: n(ages.from30to90) },
    { key: 'over90', label: t('results.problems.over90'), value: n(ages.over90) },
    { key: 'fixed', label: t('results.problems.fixed'), value: n(kpis.fixedProblems) },
    { key: 'total', label: t('results.problems.total'), value: n(kpis.problems) },
    {
      key: 'firstAnswer',
      label: t('results.problems.firstAnswer'),
      value: (
        <>
          <DurationText ms={answers.problems} />
          {answers.problems === null ? null : ` ${t('results.problems.sample', { count: answers.problemCount })}`}
        </>
      ),
    },
    {
      key: 'reviewAnswer',
      label: t('results.problems.reviewAnswer'),
      value: (
        <>
          <DurationText ms={answers.reviews} />
          {answers.reviews === null ? null : ` ${t('results.problems.sample', { count: answers.reviewCount })}`}
        </>
      ),
    },
  ];
  return (
    <Table
      id={id}
      caption={t('results.problems.caption')}
      columns={[
        { header: t('results.problems.figure'), rowHeader: true, cell: (r: Row) => r.label },
        { header: t('results.problems.value'), cell: (r: Row) => r.value },
      ]}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}
