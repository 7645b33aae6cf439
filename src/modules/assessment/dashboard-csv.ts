/**
 * The dashboard's CSV export: one line per service of an organisation with its figures (RFC 4180,
 * UTF-8, comma-separated, CRLF). Cells a spreadsheet would read as a formula (starting with = + - @,
 * a tab or a carriage return) get a leading apostrophe, so a service name cannot run anything in the
 * official's spreadsheet. Numbers use a dot and no thousands separator, whatever the page's language;
 * the columns are listed (and explained on the dashboard page) by CSV_COLUMNS.
 */
import type { Locale } from '../../config.js';
import { pick } from '../../platform/i18n.js';
import type { ServiceRef } from './dashboard.queries.js';
import type { ServiceFigures } from './dashboard.rules.js';

const DAY = 24 * 60 * 60 * 1000;

/** The columns, in order (their explanations are `dashboard.csv.columns.<name>` in the catalogs). */
export const CSV_COLUMNS = [
  'service',
  'name',
  'status',
  'assessments',
  'satisfaction',
  'easy_to_find',
  'easy_to_use',
  'works_well',
  'accessible',
  'completion_rate',
  'completed_partly',
  'completed_no',
  'help_share',
  'reviews',
  'open_problems',
  'open_under_7_days',
  'open_7_to_30_days',
  'open_30_to_90_days',
  'open_over_90_days',
  'fixed_problems',
  'problems',
  'median_days_to_first_answer',
  'median_days_to_review_answer',
  'satisfaction_last_3_months',
  'satisfaction_3_months_before',
] as const;

/** A cell as text, safe from formula injection. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text (CRLF line ends, a final one). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const decimal = (v: number | null, digits: number) => (v === null ? '' : v.toFixed(digits));
const days = (ms: number | null) => (ms === null ? '' : (ms / DAY).toFixed(1));

/** The export of an organisation's services, names in `locale`. */
export function dashboardCsv(
  rows: readonly { service: ServiceRef; figures: ServiceFigures }[],
  locale: Locale,
  defaultLocale: Locale,
): string {
  const lines = rows.map(({ service, figures: { kpis, ages, answers, trend } }) => [
    service.slug,
    pick(service.name, locale, defaultLocale),
    service.status,
    String(kpis.assessments),
    decimal(kpis.satisfaction, 2),
    decimal(kpis.criteria.find, 2),
    decimal(kpis.criteria.use, 2),
    decimal(kpis.criteria.works, 2),
    decimal(kpis.criteria.accessible, 2),
    decimal(kpis.completionRate, 3),
    String(kpis.completion.partly),
    String(kpis.completion.no),
    decimal(kpis.helpShare, 3),
    String(kpis.reviews),
    String(kpis.openProblems),
    String(ages.under7),
    String(ages.from7to30),
    String(ages.from30to90),
    String(ages.over90),
    String(kpis.fixedProblems),
    String(kpis.problems),
    days(answers.problems),
    days(answers.reviews),
    decimal(trend.recent, 2),
    decimal(trend.before, 2),
  ]);
  return writeCsv([[...CSV_COLUMNS], ...lines]);
}
