/**
 * What the officials' dashboard and the public results pages read, on top of the counters of
 * assessment.queries.ts: the services of an organisation, open problems by age, the median time to a
 * first answer (through partial indexes, migration 0016), the falling-trend window, monthly series
 * summed in SQL, and the organisations' headline numbers; dashboard.rules.ts turns them into figures.
 * Every query is bounded (an organisation's services, twelve months, a cap on the answer-time
 * sample) and runs once per page whatever the number of services (no N+1); none recounts the
 * assessments. The routes keep what these return in the data cache for the content generation.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { OPEN_STATUSES } from './assessment.model.js';
import { kpisFromCounters, monthsBefore, nextMonth, serviceKpis, type Kpis, type MonthPoint } from './assessment.queries.js';
import { COUNTER_COLUMNS, type Counters } from './assessments.service.js';
import {
  answerTimesOf,
  monthOfDate,
  sumAges,
  sumKpis,
  trendOf,
  zeroAges,
  type AnswerSamples,
  type ProblemAges,
  type ServiceFigures,
} from './dashboard.rules.js';
import './assessment.tables.js';

const DAY = 24 * 60 * 60 * 1000;

/** How many months the series and the answer-time medians look back (the current month included). */
export const SERIES_MONTHS = 12;
/** At most this many answers of each kind enter a median (a large organisation's year stays cheap). */
export const MAX_ANSWER_SAMPLE = 20_000;
/** At most this many services of one organisation are shown (a bound, not a limit anyone meets). */
export const MAX_SERVICES = 1_000;

/** An organisation, as the pages name it (`name` is translated JSON). */
export interface OrganisationRef {
  id: number;
  slug: string;
  name: string;
}

/** A service of an organisation (`name` is translated JSON). */
export interface ServiceRef {
  id: number;
  slug: string;
  name: string;
  organisationId: number;
  status: 'draft' | 'published' | 'withdrawn';
}

/** An organisation by slug, or null. */
export async function findOrganisation(db: Db, slug: string): Promise<OrganisationRef | null> {
  return (await db.selectFrom('organisations').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

/** Organisations by id (for an official's list of their own). */
export async function organisationsByIds(db: Db, ids: readonly number[]): Promise<OrganisationRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', [...ids])
    .orderBy('slug')
    .execute();
}

/** Every organisation (admins choose among them; a city has tens). */
export async function allOrganisations(db: Db): Promise<OrganisationRef[]> {
  return db.selectFrom('organisations').select(['id', 'slug', 'name']).orderBy('slug').limit(MAX_SERVICES).execute();
}

/**
 * The services of an organisation: published only (public pages), or published and withdrawn (the
 * dashboard: a withdrawn service keeps its history). Drafts are never assessed.
 */
export async function organisationServices(db: Db, organisationId: number, scope: 'public' | 'dashboard'): Promise<ServiceRef[]> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'slug', 'name', 'organisation_id', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', scope === 'public' ? ['published'] : ['published', 'withdrawn'])
    .orderBy('slug')
    .limit(MAX_SERVICES)
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, organisationId: r.organisation_id, status: r.status }));
}

/** A published service by slug (null for drafts and withdrawn ones: they have no public results). */
export async function findPublishedService(db: Db, slug: string): Promise<ServiceRef | null> {
  const r = await db
    .selectFrom('services')
    .select(['id', 'slug', 'name', 'organisation_id', 'status'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return r ? { id: r.id, slug: r.slug, name: r.name, organisationId: r.organisation_id, status: r.status } : null;
}

/** The open reports of each service by age on `now` (one grouped query over the open ones). */
export async function openProblemsByAge(db: Db, serviceIds: readonly number[], now: Date): Promise<Map<number, ProblemAges>> {
  const result = new Map<number, ProblemAges>(serviceIds.map((id) => [id, zeroAges()]));
  if (serviceIds.length === 0) return result;
  const ago = (days: number) => nowIso(new Date(now.getTime() - days * DAY));
  const [d7, d30, d90] = [ago(7), ago(30), ago(90)];
  const rows = await db
    .selectFrom('problem_reports')
    .select((eb) => [
      'service_id',
      eb.fn.sum<number>(eb.case().when('created_at', '>', d7).then(1).else(0).end()).as('under7'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('created_at', '<=', d7), eb('created_at', '>', d30)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('from7to30'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('created_at', '<=', d30), eb('created_at', '>', d90)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('from30to90'),
      eb.fn.sum<number>(eb.case().when('created_at', '<=', d90).then(1).else(0).end()).as('over90'),
    ])
    .where('service_id', 'in', [...serviceIds])
    .where('status', 'in', [...OPEN_STATUSES])
    .groupBy('service_id')
    .execute();
  for (const r of rows) {
    result.set(r.service_id, {
      under7: Number(r.under7 ?? 0),
      from7to30: Number(r.from7to30 ?? 0),
      from30to90: Number(r.from30to90 ?? 0),
      over90: Number(r.over90 ?? 0),
    });
  }
  return result;
}

/**
 * The time to the first answer of every report (first official change or note − filing) and of
 * every review (the organisation's answer − the assessment's creation), answered in the last
 * twelve months. Two queries, each capped at MAX_ANSWER_SAMPLE rows.
 */
export async function answerSamples(db: Db, serviceIds: readonly number[], now: Date): Promise<AnswerSamples> {
  const samples: AnswerSamples = { problems: new Map(), reviews: new Map() };
  if (serviceIds.length === 0) return samples;
  const since = nowIso(new Date(now.getTime() - 365 * DAY));
  const [problems, reviews] = await Promise.all([
    db
      .selectFrom('problem_reports')
      .select(['service_id', 'created_at', 'first_answer_at'])
      .where('service_id', 'in', [...serviceIds])
      .where('first_answer_at', 'is not', null)
      .where('first_answer_at', '>=', since)
      .limit(MAX_ANSWER_SAMPLE)
      .execute(),
    db
      .selectFrom('assessments')
      .select(['service_id', 'created_at', 'answered_at'])
      .where('service_id', 'in', [...serviceIds])
      .where('answered_at', 'is not', null)
      .where('answered_at', '>=', since)
      .limit(MAX_ANSWER_SAMPLE)
      .execute(),
  ]);
  const add = (map: Map<number, number[]>, serviceId: number, from: string, to: string | null) => {
    if (!to) return;
    const ms = Math.max(0, Date.parse(to) - Date.parse(from));
    const list = map.get(serviceId);
    if (list) list.push(ms);
    else map.set(serviceId, [ms]);
  };
  for (const r of problems) add(samples.problems, r.service_id, r.created_at, r.first_answer_at);
  for (const r of reviews) add(samples.reviews, r.service_id, r.created_at, r.answered_at);
  return samples;
}

/** Monthly satisfaction counters of the last six months per service (the trend windows). One query. */
export async function trendCounters(
  db: Db,
  serviceIds: readonly number[],
  now: Date,
): Promise<Map<number, Map<string, { n: number; sum: number }>>> {
  const result = new Map<number, Map<string, { n: number; sum: number }>>();
  if (serviceIds.length === 0) return result;
  const current = monthOfDate(now);
  const rows = await db
    .selectFrom('service_assessment_months')
    .select(['service_id', 'month', 'assessments', 'satisfaction_sum'])
    .where('service_id', 'in', [...serviceIds])
    .where('month', '>=', monthsBefore(current, 5))
    .where('month', '<=', current)
    .execute();
  for (const r of rows) {
    const months = result.get(r.service_id) ?? new Map<string, { n: number; sum: number }>();
    months.set(r.month, { n: Number(r.assessments), sum: Number(r.satisfaction_sum) });
    result.set(r.service_id, months);
  }
  return result;
}

/** The figures of each service and of all of them together. Five queries in all, whatever the number of services. */
export async function loadFigures(
  db: Db,
  serviceIds: readonly number[],
  now: Date,
): Promise<{ byService: Map<number, ServiceFigures>; total: ServiceFigures }> {
  const [kpis, ages, samples, trends] = await Promise.all([
    serviceKpis(db, serviceIds),
    openProblemsByAge(db, serviceIds, now),
    answerSamples(db, serviceIds, now),
    trendCounters(db, serviceIds, now),
  ]);
  const byService = new Map<number, ServiceFigures>();
  for (const id of serviceIds) {
    byService.set(id, {
      kpis: kpis.get(id)!,
      ages: ages.get(id) ?? zeroAges(),
      answers: answerTimesOf(samples, [id]),
      trend: trendOf([trends.get(id)], now),
    });
  }
  const total: ServiceFigures = {
    kpis: sumKpis(serviceIds.map((id) => kpis.get(id)!)),
    ages: sumAges(serviceIds.map((id) => ages.get(id) ?? zeroAges())),
    answers: answerTimesOf(samples, serviceIds),
    trend: trendOf(
      serviceIds.map((id) => trends.get(id)),
      now,
    ),
  };
  return { byService, total };
}

/**
 * The last SERIES_MONTHS months of the given services summed month by month (zeros where nobody
 * assessed), oldest first. One grouped query: at most twelve rows come back.
 */
export async function recentSeries(db: Db, serviceIds: readonly number[], now: Date): Promise<MonthPoint[]> {
  const to = monthOfDate(now);
  const from = monthsBefore(to, SERIES_MONTHS - 1);
  const rows =
    serviceIds.length === 0
      ? []
      : await db
          .selectFrom('service_assessment_months')
          .select((eb) => ['month', ...COUNTER_COLUMNS.map((c) => eb.fn.sum<number>(c).as(c))])
          .where('service_id', 'in', [...serviceIds])
          .where('month', '>=', from)
          .where('month', '<=', to)
          .groupBy('month')
          .execute();
  const byMonth = new Map(rows.map((r) => [r.month, r as Record<string, unknown>]));
  const points: MonthPoint[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    const r = byMonth.get(m);
    points.push({ month: m, counters: Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(r?.[c] ?? 0)])) as Counters });
  }
  return points;
}

/** An organisation's headline numbers for the public index. */
export interface OrganisationHeadline extends OrganisationRef {
  services: number;
  kpis: Kpis;
}

/**
 * Every organisation with published services, and its KPIs summed over them: one grouped query on
 * the counters joined to the services, one for the names.
 */
export async function organisationHeadlines(db: Db): Promise<OrganisationHeadline[]> {
  const [rows, organisations] = await Promise.all([
    db
      .selectFrom('services')
      .leftJoin('service_assessment_stats', 'service_assessment_stats.service_id', 'services.id')
      .select((eb) => [
        'services.organisation_id',
        eb.fn.countAll<number>().as('services'),
        ...[...COUNTER_COLUMNS, 'open_problems' as const, 'problems' as const, 'fixed_problems' as const].map((c) =>
          eb.fn.sum<number>(`service_assessment_stats.${c}`).as(c),
        ),
      ])
      .where('services.status', '=', 'published')
      .groupBy('services.organisation_id')
      .execute(),
    allOrganisations(db),
  ]);
  const byOrg = new Map(rows.map((r) => [r.organisation_id, r as unknown as Record<string, unknown>]));
  return organisations
    .filter((o) => byOrg.has(o.id))
    .map((o) => {
      const r = byOrg.get(o.id)!;
      const counters = Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(r[c] ?? 0)])) as Counters;
      return {
        ...o,
        services: Number(r.services),
        kpis: kpisFromCounters(counters, {
          open_problems: Number(r.open_problems ?? 0),
          problems: Number(r.problems ?? 0),
          fixed_problems: Number(r.fixed_problems ?? 0),
        }),
      };
    });
}

/** An organisation's services with their figures and the sum of them all. */
export interface OrganisationFigures {
  services: ServiceRef[];
  byService: Map<number, ServiceFigures>;
  total: ServiceFigures;
}

/** Everything the dashboard (scope 'dashboard') or the public page (scope 'public') shows of an organisation's services. Six queries. */
export async function loadOrganisationFigures(
  db: Db,
  organisationId: number,
  scope: 'public' | 'dashboard',
  now: Date,
): Promise<OrganisationFigures> {
  const services = await organisationServices(db, organisationId, scope);
  const { byService, total } = await loadFigures(
    db,
    services.map((s) => s.id),
    now,
  );
  return { services, byService, total };
}
