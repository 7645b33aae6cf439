/**
 * The monthly series of a service (or an organisation) as a server-rendered SVG chart with the same
 * numbers in a table beside it: bars for the number of assessments (right scale), a line with dots
 * for the mean satisfaction, 1 to 5 (left scale). Bars and line differ by shape, not by colour; both
 * are drawn in the text colour, so high-contrast settings apply. The SVG is an image with a name
 * and a description that says what it shows; the table is the accessible, exact view. No script.
 */
import type { Locale } from '../../../config.js';
import { formatNumber } from '../../../platform/i18n.js';
import { Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { MonthPoint } from '../assessment.queries.js';
import { formatMean } from './kpi.js';

/** One month of the chart. `satisfaction` is null when nobody assessed that month. */
export interface SeriesPoint {
  month: string;
  assessments: number;
  satisfaction: number | null;
}

/** The chart's points from monthly counters. */
export const seriesPoints = (points: readonly MonthPoint[]): SeriesPoint[] =>
  points.map((p) => ({
    month: p.month,
    assessments: p.counters.assessments,
    satisfaction: p.counters.assessments > 0 ? p.counters.satisfaction_sum / p.counters.assessments : null,
  }));

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** "November 2026" (`long`) or "Nov 26" (`short`) in the reader's language. */
export function monthName(locale: Locale, month: string, style: 'long' | 'short'): string {
  const key = `${locale}|${style}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      month: style,
      year: style === 'long' ? 'numeric' : '2-digit',
      timeZone: 'UTC',
    });
    monthFormats.set(key, f);
  }
  return f.format(new Date(`${month}-15T12:00:00Z`));
}

/** The smallest "round" number (1, 2, 5 × 10^k) at least `n` (and at least 1). */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

// Geometry, in the viewBox's units.
const W = 320;
const H = 216;
const X0 = 26;
const X1 = 280;
const Y0 = 14;
const Y1 = 174;
const FONT = 13;

const round = (v: number) => Math.round(v * 10) / 10;

export interface SeriesChartProps {
  /** Unique on the page: ids of the title, description and table derive from it. */
  id: string;
  /** What the series is of ("Satisfaction by month: Apply for …"). */
  title: string;
  points: readonly SeriesPoint[];
}

/** The chart and its table. */
export function SeriesChart({ id, title, points }: SeriesChartProps) {
  const { t, locale } = useUi();
  const n = points.length;
  const slot = (X1 - X0) / Math.max(1, n);
  const maxCount = niceCeil(Math.max(0, ...points.map((p) => p.assessments)));
  const xOf = (i: number) => X0 + slot * (i + 0.5);
  const yOfMean = (m: number) => Y1 - ((m - 1) / 4) * (Y1 - Y0);
  const yOfCount = (c: number) => Y1 - (c / maxCount) * (Y1 - Y0);

  // The line breaks where a month has no assessment.
  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    if (p.satisfaction === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push({ x: round(xOf(i)), y: round(yOfMean(p.satisfaction)) });
  });
  if (current.length > 0) segments.push(current);

  const total = points.reduce((s, p) => s + p.assessments, 0);
  const rated = points.filter((p) => p.satisfaction !== null);
  const first = rated[0];
  const last = rated[rated.length - 1];
  const description =
    first && last && n > 0
      ? t('results.chart.description', {
          total,
          from: monthName(locale, points[0]!.month, 'long'),
          to: monthName(locale, points[n - 1]!.month, 'long'),
          firstMonth: monthName(locale, first.month, 'long'),
          firstMean: formatMean(locale, first.satisfaction!),
          lastMonth: monthName(locale, last.month, 'long'),
          lastMean: formatMean(locale, last.satisfaction!),
        })
      : t('results.chart.empty');

  const columns: TableColumn<SeriesPoint>[] = [
    { header: t('results.chart.month'), rowHeader: true, cell: (p) => monthName(locale, p.month, 'long') },
    { header: t('results.chart.assessments'), numeric: true, cell: (p) => formatNumber(locale, p.assessments) },
    {
      header: t('results.chart.satisfaction'),
      numeric: true,
      cell: (p) => (p.satisfaction === null ? t('results.chart.noData') : formatMean(locale, p.satisfaction)),
    },
  ];

  return (
    <div class="series">
      <figure class="series-chart">
        <figcaption>
          <strong>{title}</strong>
        </figcaption>
        <svg
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          font-size={FONT}
          fill="currentColor"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {/* Left scale: satisfaction 1 to 5, with grid lines. */}
          {[1, 2, 3, 4, 5].map((m) => (
            <g key={`m${m}`}>
              <line
                x1={X0}
                x2={X1}
                y1={round(yOfMean(m))}
                y2={round(yOfMean(m))}
                stroke="currentColor"
                stroke-opacity="0.25"
                stroke-width="1"
              />
              <text x={X0 - 6} y={round(yOfMean(m) + FONT / 3)} text-anchor="end">
                {m}
              </text>
            </g>
          ))}
          {/* Right scale: number of assessments. */}
          {[0, maxCount / 2, maxCount].map((c) => (
            <text key={`c${c}`} x={X1 + 6} y={round(yOfCount(c) + FONT / 3)} text-anchor="start">
              {formatNumber(locale, c)}
            </text>
          ))}
          {/* Bars: assessments per month. */}
          {points.map((p, i) =>
            p.assessments > 0 ? (
              <rect
                key={`b${p.month}`}
                x={round(xOf(i) - slot * 0.3)}
                y={round(yOfCount(p.assessments))}
                width={round(slot * 0.6)}
                height={round(Y1 - yOfCount(p.assessments))}
                fill="currentColor"
                fill-opacity="0.15"
                stroke="currentColor"
                stroke-width="1"
              />
            ) : null,
          )}
          {/* Line and dots: mean satisfaction. */}
          {segments.map((seg, i) =>
            seg.length > 1 ? (
              <polyline
                key={`l${i}`}
                points={seg.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke="currentColor"
                stroke-width="2.5"
              />
            ) : null,
          )}
          {segments.flat().map((p, i) => (
            <circle key={`d${i}`} cx={p.x} cy={p.y} r="4" fill="currentColor" />
          ))}
          {/* Axis and month labels (every third month, the latest included). */}
          <line x1={X0} x2={X1} y1={Y1} y2={Y1} stroke="currentColor" stroke-width="1" />
          {points.map((p, i) =>
            (n - 1 - i) % 3 === 0 ? (
              <text key={`x${p.month}`} x={round(xOf(i))} y={Y1 + FONT + 6} text-anchor="middle">
                {monthName(locale, p.month, 'short')}
              </text>
            ) : null,
          )}
        </svg>
        <p class="hint">{t('results.chart.legend')}</p>
      </figure>
      <Table
        id={`${id}-table`}
        caption={t('results.chart.tableCaption', { title })}
        columns={columns}
        rows={points}
        rowKey={(p) => p.month}
      />
    </div>
  );
}
