/**
 * Reading the co-assessment numbers: the KPIs of services (from their counters, one row each) and
 * their monthly series. Never a recount: the counters are kept in step by the writes.
 */
import type { Db } from '../../db/database.js';
import type { Criterion } from './assessment.model.js';
import { COUNTER_COLUMNS, zeroCounters, type Counters } from './assessments.service.js';
import './assessment.tables.js';

/** The public key figures of one service (or a sum of services). Means are 1–5, shares 0–1; null without data. */
export interface Kpis {
  assessments: number;
  /** Mean satisfaction, 1 (very dissatisfied) … 5 (very satisfied). */
  satisfaction: number | null;
  criteria: Record<Criterion, number | null>;
  completion: { yes: number; partly: number; no: number };
  /** Share of "yes, I managed" among assessments. */
  completionRate: number | null;
  usage: { alone: number; helped: number; dps: number };
  /** Share of uses that needed help (someone's, or at a Digital Public Space). */
  helpShare: number | null;
  reviews: number;
  openProblems: number;
  problems: number;
  fixedProblems: number;
}

export interface ProblemCounters {
  open_problems: number;
  problems: number;
  fixed_problems: number;
}

/** KPIs from counters (pure). */
export function kpisFromCounters(c: Counters, p: ProblemCounters = { open_problems: 0, problems: 0, fixed_problems: 0 }): Kpis {
  const n = c.assessments;
  const mean = (sum: number) => (n > 0 ? sum / n : null);
  return {
    assessments: n,
    satisfaction: mean(c.satisfaction_sum),
    criteria: { find: mean(c.find_sum), use: mean(c.use_sum), works: mean(c.works_sum), accessible: mean(c.accessible_sum) },
    completion: { yes: c.completed_yes, partly: c.completed_partly, no: c.completed_no },
    completionRate: n > 0 ? c.completed_yes / n : null,
    usage: { alone: c.usage_alone, helped: c.usage_helped, dps: c.usage_dps },
    helpShare: n > 0 ? (c.usage_helped + c.usage_dps) / n : null,
    reviews: c.reviews,
    openProblems: p.open_problems,
    problems: p.problems,
    fixedProblems: p.fixed_problems,
  };
}

const toCounters = (r: Record<string, unknown> | undefined): Counters =>
  Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(r?.[c] ?? 0)])) as Counters;

/** Adds counters (sums of services, of months). */
export function sumCounters(list: readonly Counters[]): Counters {
  const total = zeroCounters();
  for (const c of list) for (const k of COUNTER_COLUMNS) total[k] += c[k];
  return total;
}

/** The KPIs of each service (every id gets an entry; zeros when never assessed). One query. */
export async function serviceKpis(db: Db, serviceIds: readonly number[]): Promise<Map<number, Kpis>> {
  const result = new Map<number, Kpis>();
  if (serviceIds.length === 0) return result;
  const rows = await db
    .selectFrom('service_assessment_stats')
    .select(['service_id', ...COUNTER_COLUMNS, 'open_problems', 'problems', 'fixed_problems'])
    .where('service_id', 'in', [...serviceIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.service_id, r]));
  for (const id of serviceIds) {
    const r = byId.get(id);
    result.set(
      id,
      kpisFromCounters(toCounters(r), {
        open_problems: Number(r?.open_problems ?? 0),
        problems: Number(r?.problems ?? 0),
        fixed_problems: Number(r?.fixed_problems ?? 0),
      }),
    );
  }
  return result;
}

/** One month of a series: `YYYY-MM` and that month's counters. */
export interface MonthPoint {
  month: string;
  counters: Counters;
}

/**
 * The monthly counters of services from `fromMonth` (inclusive, `YYYY-MM`), summed over the given
 * services, every month present (zeros where nobody assessed), oldest first. One query.
 */
export async function monthlySeries(db: Db, serviceIds: readonly number[], fromMonth: string, toMonth: string): Promise<MonthPoint[]> {
  const rows =
    serviceIds.length === 0
      ? []
      : await db
          .selectFrom('service_assessment_months')
          .select(['month', ...COUNTER_COLUMNS])
          .where('service_id', 'in', [...serviceIds])
          .where('month', '>=', fromMonth)
          .where('month', '<=', toMonth)
          .execute();
  const byMonth = new Map<string, Counters[]>();
  for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), toCounters(r)]);
  const points: MonthPoint[] = [];
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) points.push({ month: m, counters: sumCounters(byMonth.get(m) ?? []) });
  return points;
}

/** `YYYY-MM` + 1 month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` − n months. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
