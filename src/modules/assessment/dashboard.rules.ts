/**
 * The pure part of the dashboard and results figures: their shapes, the medians and sums, the
 * falling-trend test and the rules of "services that need attention" (ATTENTION, documented on the
 * dashboard page). No database: dashboard.queries.ts loads what these work on.
 */
import { kpisFromCounters, monthsBefore, sumCounters, type Kpis } from './assessment.queries.js';
import type { Counters } from './assessments.service.js';

/** Needs-attention rules (documented on the dashboard page). */
export const ATTENTION = {
  /** A service is judged on its satisfaction only from this many assessments. */
  minAssessments: 5,
  /** "Low satisfaction": a mean below this (between "neither" and "satisfied"). */
  lowSatisfaction: 3.5,
  /** A falling trend: the mean of the last 3 months is lower than that of the 3 before by at least this… */
  fallThreshold: 0.5,
  /** …with at least this many assessments in each of the two windows. */
  trendMinAssessments: 3,
  /** How many services each list shows at most. */
  listSize: 5,
} as const;

/** The open reports of a service (or a sum), by how long ago they were filed. */
export interface ProblemAges {
  under7: number;
  from7to30: number;
  from30to90: number;
  over90: number;
}

/** Median times to a first answer, in milliseconds (null: nothing answered in the period), and how many answers each is of. */
export interface AnswerTimes {
  problems: number | null;
  problemCount: number;
  reviews: number | null;
  reviewCount: number;
}

/** Mean satisfaction in the last three months and in the three before, with the numbers of assessments. */
export interface Trend {
  recent: number | null;
  recentCount: number;
  before: number | null;
  beforeCount: number;
  falling: boolean;
}

/** Everything the dashboard and the results pages show of one service (or of a sum of services). */
export interface ServiceFigures {
  kpis: Kpis;
  ages: ProblemAges;
  answers: AnswerTimes;
  trend: Trend;
}

/** `YYYY-MM` (UTC) of a date. */
export const monthOfDate = (date: Date) => date.toISOString().slice(0, 7);

export const zeroAges = (): ProblemAges => ({ under7: 0, from7to30: 0, from30to90: 0, over90: 0 });

/** The median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How long each answer took (ms), per service, for answers given in the last SERIES_MONTHS months. */
export interface AnswerSamples {
  problems: Map<number, number[]>;
  reviews: Map<number, number[]>;
}

/** The median answer times of a set of services (all their answers together, not a median of medians). */
export function answerTimesOf(samples: AnswerSamples, serviceIds: readonly number[]): AnswerTimes {
  const problems = serviceIds.flatMap((id) => samples.problems.get(id) ?? []);
  const reviews = serviceIds.flatMap((id) => samples.reviews.get(id) ?? []);
  return { problems: median(problems), problemCount: problems.length, reviews: median(reviews), reviewCount: reviews.length };
}

/**
 * The trend of services summed: mean satisfaction of the current month and the two before, against
 * the three months before those. Falling when both windows have enough assessments and the recent
 * mean is lower by at least ATTENTION.fallThreshold.
 */
export function trendOf(months: readonly (Map<string, { n: number; sum: number }> | undefined)[], now: Date): Trend {
  const current = monthOfDate(now);
  const window = (from: number, to: number) => {
    let n = 0;
    let sum = 0;
    for (let i = from; i <= to; i++) {
      const month = monthsBefore(current, i);
      for (const m of months) {
        const c = m?.get(month);
        if (c) {
          n += c.n;
          sum += c.sum;
        }
      }
    }
    return { n, mean: n > 0 ? sum / n : null };
  };
  const recent = window(0, 2);
  const before = window(3, 5);
  const falling =
    recent.mean !== null &&
    before.mean !== null &&
    recent.n >= ATTENTION.trendMinAssessments &&
    before.n >= ATTENTION.trendMinAssessments &&
    before.mean - recent.mean >= ATTENTION.fallThreshold - 1e-9;
  return { recent: recent.mean, recentCount: recent.n, before: before.mean, beforeCount: before.n, falling };
}

/** The KPIs of several services together (means weighted by their numbers of assessments). */
export function sumKpis(list: readonly Kpis[]): Kpis {
  const counters = sumCounters(list.map(countersOfKpis));
  return kpisFromCounters(counters, {
    open_problems: list.reduce((n, k) => n + k.openProblems, 0),
    problems: list.reduce((n, k) => n + k.problems, 0),
    fixed_problems: list.reduce((n, k) => n + k.fixedProblems, 0),
  });
}

/** Counters back from KPIs (sums are mean × count; exact, since the means were sums / count). */
function countersOfKpis(k: Kpis): Counters {
  const n = k.assessments;
  const sum = (mean: number | null) => Math.round((mean ?? 0) * n);
  return {
    assessments: n,
    satisfaction_sum: sum(k.satisfaction),
    find_sum: sum(k.criteria.find),
    use_sum: sum(k.criteria.use),
    works_sum: sum(k.criteria.works),
    accessible_sum: sum(k.criteria.accessible),
    completed_yes: k.completion.yes,
    completed_partly: k.completion.partly,
    completed_no: k.completion.no,
    usage_alone: k.usage.alone,
    usage_helped: k.usage.helped,
    usage_dps: k.usage.dps,
    reviews: k.reviews,
  };
}

export function sumAges(list: readonly ProblemAges[]): ProblemAges {
  const total = zeroAges();
  for (const a of list) {
    total.under7 += a.under7;
    total.from7to30 += a.from7to30;
    total.from30to90 += a.from30to90;
    total.over90 += a.over90;
  }
  return total;
}

/** Why a service needs attention. */
export type AttentionReason = 'lowSatisfaction' | 'openProblems' | 'falling';

export interface AttentionLists<S> {
  lowSatisfaction: S[];
  openProblems: S[];
  falling: S[];
}

/**
 * "Services that need attention": the lowest mean satisfactions below ATTENTION.lowSatisfaction
 * (with at least ATTENTION.minAssessments assessments), the most open problems, and falling trends
 * (largest fall first); ATTENTION.listSize each at most. Pure.
 */
export function needsAttention<S extends { id: number; figures: ServiceFigures }>(services: readonly S[]): AttentionLists<S> {
  const low = services
    .filter((s) => s.figures.kpis.assessments >= ATTENTION.minAssessments && (s.figures.kpis.satisfaction ?? 5) < ATTENTION.lowSatisfaction)
    .sort((a, b) => a.figures.kpis.satisfaction! - b.figures.kpis.satisfaction! || a.id - b.id);
  const problems = services
    .filter((s) => s.figures.kpis.openProblems > 0)
    .sort((a, b) => b.figures.kpis.openProblems - a.figures.kpis.openProblems || a.id - b.id);
  const fall = (s: S) => (s.figures.trend.before ?? 0) - (s.figures.trend.recent ?? 0);
  const falling = services.filter((s) => s.figures.trend.falling).sort((a, b) => fall(b) - fall(a) || a.id - b.id);
  return {
    lowSatisfaction: low.slice(0, ATTENTION.listSize),
    openProblems: problems.slice(0, ATTENTION.listSize),
    falling: falling.slice(0, ATTENTION.listSize),
  };
}
