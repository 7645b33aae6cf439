/**
 * Lists of problem reports: a service's public list (open ones first, newest first), the officials'
 * triage list (their organisations' reports, oldest open first) and the reports a duplicate may
 * point to. Kysely only, bounded page sizes, one query for the rows and one for the count.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { OPEN_STATUSES, type ProblemCategory, type ProblemStatus } from './assessment.model.js';
import './assessment.tables.js';

/** Pages beyond this are not served (bounded offset). */
export const MAX_PAGE = 200;

/** 0 for a report someone still has to deal with, 1 otherwise: sorts open reports first. */
const closedRank = sql<number>`case when problem_reports.status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))}) then 0 else 1 end`;

/** A report in a list. */
export interface ProblemListRow {
  id: number;
  category: ProblemCategory;
  description: string;
  status: ProblemStatus;
  duplicate_of: number | null;
  created_at: string;
  updated_at: string;
}

/** One page of a service's reports, optionally of one status. */
export async function listServiceProblems(
  db: Db,
  serviceId: number,
  options: { status?: ProblemStatus | undefined; page: number; perPage: number },
): Promise<{ rows: ProblemListRow[]; total: number }> {
  let base = db.selectFrom('problem_reports').where('problem_reports.service_id', '=', serviceId);
  if (options.status) base = base.where('problem_reports.status', '=', options.status);
  const [rows, count] = await Promise.all([
    base
      .select([
        'problem_reports.id',
        'problem_reports.category',
        'problem_reports.description',
        'problem_reports.status',
        'problem_reports.duplicate_of',
        'problem_reports.created_at',
        'problem_reports.updated_at',
      ])
      .orderBy(closedRank)
      .orderBy('problem_reports.created_at', 'desc')
      .orderBy('problem_reports.id', 'desc')
      .limit(options.perPage)
      .offset((Math.min(options.page, MAX_PAGE) - 1) * options.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A report in the officials' list, with its service. */
export interface TriageListRow extends ProblemListRow {
  service_slug: string;
  /** Translated (JSON). */
  service_name: string;
  first_answer_at: string | null;
}

/** The organisations whose reports someone triages: all for admins. */
export type TriageScope = 'all' | readonly number[];

/** One page of the reports on the scope's services, open ones first, oldest first. */
export async function listTriageProblems(
  db: Db,
  scope: TriageScope,
  options: { status?: ProblemStatus | undefined; service?: string | undefined; page: number; perPage: number },
): Promise<{ rows: TriageListRow[]; total: number }> {
  if (scope !== 'all' && scope.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('problem_reports').innerJoin('services', 'services.id', 'problem_reports.service_id');
  if (scope !== 'all') base = base.where('services.organisation_id', 'in', [...scope]);
  if (options.status) base = base.where('problem_reports.status', '=', options.status);
  if (options.service) base = base.where('services.slug', '=', options.service);
  const [rows, count] = await Promise.all([
    base
      .select([
        'problem_reports.id',
        'problem_reports.category',
        'problem_reports.description',
        'problem_reports.status',
        'problem_reports.duplicate_of',
        'problem_reports.created_at',
        'problem_reports.updated_at',
        'problem_reports.first_answer_at',
        'services.slug as service_slug',
        'services.name as service_name',
      ])
      .orderBy(closedRank)
      .orderBy('problem_reports.created_at', 'asc')
      .orderBy('problem_reports.id', 'asc')
      .limit(options.perPage)
      .offset((Math.min(options.page, MAX_PAGE) - 1) * options.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The services of the scope that have reports (the triage list's filter), by slug. */
export async function servicesWithProblems(db: Db, scope: TriageScope): Promise<{ slug: string; name: string }[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  let q = db
    .selectFrom('services')
    .select(['services.slug', 'services.name'])
    .where((eb) =>
      eb.exists(eb.selectFrom('problem_reports').select('problem_reports.id').whereRef('problem_reports.service_id', '=', 'services.id')),
    );
  if (scope !== 'all') q = q.where('services.organisation_id', 'in', [...scope]);
  return q.orderBy('services.slug').limit(500).execute();
}

/** The reports a report of `serviceId` may be marked a duplicate of: the same service's others that are not duplicates. */
export async function duplicateCandidates(
  db: Db,
  serviceId: number,
  reportId: number,
): Promise<{ id: number; category: ProblemCategory; status: ProblemStatus }[]> {
  return db
    .selectFrom('problem_reports')
    .select(['id', 'category', 'status'])
    .where('service_id', '=', serviceId)
    .where('id', '!=', reportId)
    .where('status', '!=', 'duplicate')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** The problem counters of a service as a full recount gives them (tests compare them with the stored ones). */
export async function recountProblemCounters(
  db: Db,
  serviceId: number,
): Promise<{ open_problems: number; problems: number; fixed_problems: number }> {
  const rows = await db
    .selectFrom('problem_reports')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('service_id', '=', serviceId)
    .groupBy('status')
    .execute();
  const out = { open_problems: 0, problems: 0, fixed_problems: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if ((OPEN_STATUSES as readonly string[]).includes(r.status)) out.open_problems += n;
    if (r.status !== 'duplicate') out.problems += n;
    if (r.status === 'fixed') out.fixed_problems += n;
  }
  return out;
}
