/**
 * Writing assessments: one per person and service, updated in place (each version kept in
 * assessment_versions; the latest counts), deleted by its author. Every write changes the service's
 * counters (service_assessment_stats) and the month bucket (service_assessment_months) in the same
 * transaction, by the difference between the old and the new row, so the public numbers always equal
 * a recount (`recountServiceCounters`, which the tests compare against) and no page ever recounts.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { forUpdate, isUniqueViolation, nowIso } from '../../db/dialect.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { monthOf, type AssessmentInput, type Completion, type Usage } from './assessment.model.js';
import { authorize, type AssessmentActor } from './assessment.policy.js';
import type { AssessmentCounters, AssessmentsTable } from './assessment.tables.js';
import './assessment.tables.js';

/** The counter columns, in a fixed order. */
export const COUNTER_COLUMNS = [
  'assessments',
  'satisfaction_sum',
  'find_sum',
  'use_sum',
  'works_sum',
  'accessible_sum',
  'completed_yes',
  'completed_partly',
  'completed_no',
  'usage_alone',
  'usage_helped',
  'usage_dps',
  'reviews',
] as const satisfies readonly (keyof AssessmentCounters)[];
export type CounterColumn = (typeof COUNTER_COLUMNS)[number];
export type Counters = Record<CounterColumn, number>;

/** The fields of a stored assessment the counters are made of. */
type Scored = Pick<
  AssessmentsTable,
  'satisfaction' | 'find_score' | 'use_score' | 'works_score' | 'accessible_score' | 'completion' | 'usage' | 'review'
>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, 0])) as Counters;

/** What one assessment adds to the counters (times `sign`: -1 takes it away). */
export function countersOf(row: Scored, sign: 1 | -1 = 1): Counters {
  const c = zeroCounters();
  c.assessments = sign;
  c.satisfaction_sum = sign * row.satisfaction;
  c.find_sum = sign * row.find_score;
  c.use_sum = sign * row.use_score;
  c.works_sum = sign * row.works_score;
  c.accessible_sum = sign * row.accessible_score;
  const completion: Record<Completion, CounterColumn> = { yes: 'completed_yes', partly: 'completed_partly', no: 'completed_no' };
  const usage: Record<Usage, CounterColumn> = { alone: 'usage_alone', helped: 'usage_helped', dps: 'usage_dps' };
  c[completion[row.completion]] = sign;
  c[usage[row.usage]] = sign;
  c.reviews = row.review ? sign : 0;
  return c;
}

/** Adds `delta` to the service's totals (and, with a month, to that month's bucket). */
async function addCounters(trx: Db, serviceId: number, delta: Counters, month?: string): Promise<void> {
  if (COUNTER_COLUMNS.every((c) => delta[c] === 0)) return;
  await trx
    .insertInto('service_assessment_stats')
    .values({ service_id: serviceId, ...delta })
    .onConflict((oc) =>
      oc
        .column('service_id')
        .doUpdateSet(
          Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, sql<number>`service_assessment_stats.${sql.ref(c)} + excluded.${sql.ref(c)}`])),
        ),
    )
    .execute();
  if (month === undefined) return;
  await trx
    .insertInto('service_assessment_months')
    .values({ service_id: serviceId, month, ...delta })
    .onConflict((oc) =>
      oc
        .columns(['service_id', 'month'])
        .doUpdateSet(
          Object.fromEntries(
            COUNTER_COLUMNS.map((c) => [c, sql<number>`service_assessment_months.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
          ),
        ),
    )
    .execute();
}

/** Moves one assessment's contribution: takes `before` away (if any) and adds `after` (if any). */
async function moveCounters(
  trx: Db,
  serviceId: number,
  before: (Scored & { updated_at: string }) | null,
  after: (Scored & { updated_at: string }) | null,
) {
  if (before) await addCounters(trx, serviceId, countersOf(before, -1), monthOf(before.updated_at));
  if (after) await addCounters(trx, serviceId, countersOf(after, 1), monthOf(after.updated_at));
}

/** The service being assessed: it must exist and be published. */
async function publishedService(db: Db, serviceId: number): Promise<{ id: number; organisationId: number }> {
  const row = await db.selectFrom('services').select(['id', 'organisation_id', 'status']).where('id', '=', serviceId).executeTakeFirst();
  if (!row || row.status !== 'published') throw new AppError('not_found', 'No such service');
  return { id: row.id, organisationId: row.organisation_id };
}

export interface SubmitResult {
  id: number;
  version: number;
  /** False when an earlier assessment by the same person was updated. */
  created: boolean;
}

/**
 * Records `actor`'s assessment of a published service: the first one is created, a later one
 * replaces it (version + 1, the earlier versions kept). `now` is for tests.
 */
export async function submitAssessment(
  db: Db,
  actor: AssessmentActor,
  serviceId: number,
  input: AssessmentInput,
  options: { locale: string; now?: Date } = { locale: 'en' },
): Promise<SubmitResult> {
  authorize(actor, 'assess');
  await publishedService(db, serviceId);
  const attempt = () =>
    db.transaction().execute(async (trx) => {
      const now = nowIso(options.now);
      const existing = await forUpdate(
        trx,
        trx.selectFrom('assessments').selectAll().where('service_id', '=', serviceId).where('user_id', '=', actor.id),
      ).executeTakeFirst();
      const fields = {
        satisfaction: input.satisfaction,
        find_score: input.find,
        use_score: input.use,
        works_score: input.works,
        accessible_score: input.accessible,
        completion: input.completion,
        usage: input.usage,
        review: input.review,
        review_locale: input.review ? options.locale : null,
      };
      let id: number;
      let version: number;
      if (existing) {
        version = existing.version + 1;
        id = existing.id;
        await trx
          .updateTable('assessments')
          .set({ ...fields, version, updated_at: now })
          .where('id', '=', id)
          .execute();
      } else {
        version = 1;
        const row = await trx
          .insertInto('assessments')
          .values({ service_id: serviceId, user_id: actor.id, ...fields, version, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      await trx
        .insertInto('assessment_versions')
        .values({
          assessment_id: id,
          version,
          satisfaction: fields.satisfaction,
          find_score: fields.find_score,
          use_score: fields.use_score,
          works_score: fields.works_score,
          accessible_score: fields.accessible_score,
          completion: fields.completion,
          usage: fields.usage,
          review: fields.review,
          created_at: now,
        })
        .execute();
      await moveCounters(trx, serviceId, existing ?? null, { ...fields, updated_at: now });
      await contentChanged(trx);
      return { id, version, created: !existing };
    });
  try {
    return await attempt();
  } catch (err) {
    // The same person submitting twice at once: the second insert lost the race; it is an update.
    if (isUniqueViolation(err)) return attempt();
    throw err;
  }
}

/** Deletes `actor`'s own assessment of a service (its review and versions with it). */
export async function deleteAssessment(db: Db, actor: AssessmentActor, serviceId: number): Promise<void> {
  authorize(actor, 'assess');
  await db.transaction().execute(async (trx) => {
    const existing = await forUpdate(
      trx,
      trx.selectFrom('assessments').selectAll().where('service_id', '=', serviceId).where('user_id', '=', actor.id),
    ).executeTakeFirst();
    if (!existing) throw new AppError('not_found', 'You have not assessed this service');
    await trx.deleteFrom('assessments').where('id', '=', existing.id).execute();
    await moveCounters(trx, serviceId, existing, null);
    await contentChanged(trx);
  });
}

/** A person's current assessment of a service, or null. */
export async function findOwnAssessment(db: Db, userId: number, serviceId: number) {
  return (
    (await db.selectFrom('assessments').selectAll().where('service_id', '=', serviceId).where('user_id', '=', userId).executeTakeFirst()) ??
    null
  );
}

/** Every version of an assessment, newest first. */
export async function listAssessmentVersions(db: Db, assessmentId: number) {
  return db.selectFrom('assessment_versions').selectAll().where('assessment_id', '=', assessmentId).orderBy('version', 'desc').execute();
}

/** The counters as a full recount of the assessments gives them: totals and by month. */
export async function recountServiceCounters(db: Db, serviceId: number): Promise<{ totals: Counters; months: Map<string, Counters> }> {
  const rows = await db
    .selectFrom('assessments')
    .select(['satisfaction', 'find_score', 'use_score', 'works_score', 'accessible_score', 'completion', 'usage', 'review', 'updated_at'])
    .where('service_id', '=', serviceId)
    .execute();
  const totals = zeroCounters();
  const months = new Map<string, Counters>();
  for (const row of rows) {
    const c = countersOf(row);
    const month = monthOf(row.updated_at);
    const bucket = months.get(month) ?? zeroCounters();
    for (const k of COUNTER_COLUMNS) {
      totals[k] += c[k];
      bucket[k] += c[k];
    }
    months.set(month, bucket);
  }
  return { totals, months };
}

/** The stored counters of a service (zeros when it was never assessed), totals and non-empty months. */
export async function storedServiceCounters(db: Db, serviceId: number): Promise<{ totals: Counters; months: Map<string, Counters> }> {
  const [total, monthRows] = await Promise.all([
    db.selectFrom('service_assessment_stats').select(COUNTER_COLUMNS).where('service_id', '=', serviceId).executeTakeFirst(),
    db
      .selectFrom('service_assessment_months')
      .select(['month', ...COUNTER_COLUMNS])
      .where('service_id', '=', serviceId)
      .execute(),
  ]);
  const toCounters = (r: Record<string, unknown> | undefined): Counters =>
    Object.fromEntries(COUNTER_COLUMNS.map((c) => [c, Number(r?.[c] ?? 0)])) as Counters;
  const months = new Map<string, Counters>();
  for (const r of monthRows) if (Number(r.assessments) !== 0) months.set(r.month, toCounters(r));
  return { totals: toCounters(total), months };
}

/** Rewrites a service's counters from a recount (repair; `ecoop` maintenance, tests). Problem counters are left alone. */
export async function rebuildServiceCounters(db: Db, serviceId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { totals, months } = await recountServiceCounters(trx, serviceId);
    await trx.deleteFrom('service_assessment_months').where('service_id', '=', serviceId).execute();
    for (const [month, c] of months)
      await trx
        .insertInto('service_assessment_months')
        .values({ service_id: serviceId, month, ...c })
        .execute();
    await trx
      .insertInto('service_assessment_stats')
      .values({ service_id: serviceId, ...totals })
      .onConflict((oc) => oc.column('service_id').doUpdateSet(totals))
      .execute();
  });
}
