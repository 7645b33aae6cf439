/**
 * Problem reports: created by a citizen on the site or by an Open311 client, then moved through the
 * status workflow (assessment.model.ts) by the officials of the service's organisation, with a public
 * timeline of events (status changes and official notes). Every write keeps the service's problem
 * counters in step, tells the reporter (problem-emails.ts, through the mail queue, in the same
 * transaction) and audits officials' actions.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import {
  canMoveTo,
  isOpenStatus,
  type ProblemInput,
  type ProblemStatus,
  type TriageInput,
  type ProblemCategory,
} from './assessment.model.js';
import { authorize, type AssessmentActor } from './assessment.policy.js';
import type { ProblemReportsTable } from './assessment.tables.js';
import { notifyReporter, problemMailSettings } from './problem-emails.js';
import { scheduleFollowUp } from './problem-follow-up.js';
import './assessment.tables.js';

type ProblemCounter = 'open_problems' | 'problems' | 'fixed_problems';

/** What a report in `status` adds to the service's problem counters. */
function problemCounters(status: ProblemStatus | null): Record<ProblemCounter, number> {
  if (status === null) return { open_problems: 0, problems: 0, fixed_problems: 0 };
  return {
    open_problems: isOpenStatus(status) ? 1 : 0,
    problems: status === 'duplicate' ? 0 : 1,
    fixed_problems: status === 'fixed' ? 1 : 0,
  };
}

async function moveProblemCounters(trx: Db, serviceId: number, from: ProblemStatus | null, to: ProblemStatus | null): Promise<void> {
  const a = problemCounters(from);
  const b = problemCounters(to);
  const delta = {
    open_problems: b.open_problems - a.open_problems,
    problems: b.problems - a.problems,
    fixed_problems: b.fixed_problems - a.fixed_problems,
  };
  if (delta.open_problems === 0 && delta.problems === 0 && delta.fixed_problems === 0) return;
  await trx
    .insertInto('service_assessment_stats')
    .values({ service_id: serviceId, ...delta })
    .onConflict((oc) =>
      oc.column('service_id').doUpdateSet({
        open_problems: sql<number>`service_assessment_stats.open_problems + excluded.open_problems`,
        problems: sql<number>`service_assessment_stats.problems + excluded.problems`,
        fixed_problems: sql<number>`service_assessment_stats.fixed_problems + excluded.fixed_problems`,
      }),
    )
    .execute();
}

export interface NewProblem extends ProblemInput {
  serviceId: number;
  /** The signed-in reporter (web), or null (Open311: the request's email and name identify them). */
  reporterId: number | null;
  locale: string;
  source: 'web' | 'open311';
  /** The account whose API token posted it (Open311). */
  clientId?: number | null;
}

/** A signed-in person's identical report within this time is the same report sent twice (a double click, a retry). */
const RESUBMISSION_WINDOW_MS = 10 * 60 * 1000;

/**
 * Files a report on a published service; returns its id and its public Open311 token. The same
 * report sent again by the same signed-in person within minutes returns the first one instead.
 */
export async function createProblemReport(
  db: Db,
  problem: NewProblem,
  options: { now?: Date } = {},
): Promise<{ id: number; token: string }> {
  const service = await db.selectFrom('services').select(['id', 'status']).where('id', '=', problem.serviceId).executeTakeFirst();
  if (!service || service.status !== 'published') throw new AppError('not_found', 'No such service');
  const mail = problemMailSettings(db);
  return db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    if (problem.reporterId !== null) {
      // The service's row lock makes concurrent submissions of the same report take turns.
      await forUpdate(trx, trx.selectFrom('services').select('id').where('id', '=', problem.serviceId)).execute();
      const since = nowIso(new Date(Date.parse(now) - RESUBMISSION_WINDOW_MS));
      const same = await trx
        .selectFrom('problem_reports')
        .select(['id', 'token'])
        .where('service_id', '=', problem.serviceId)
        .where('reporter_id', '=', problem.reporterId)
        .where('category', '=', problem.category)
        .where('description', '=', problem.description)
        .where('created_at', '>=', since)
        .executeTakeFirst();
      if (same) return same;
    }
    const token = randomBytes(12).toString('base64url');
    const row = await trx
      .insertInto('problem_reports')
      .values({
        service_id: problem.serviceId,
        category: problem.category,
        description: problem.description,
        status: 'open',
        duplicate_of: null,
        reporter_id: problem.reporterId,
        contact_email: problem.contactEmail ?? null,
        contact_name: problem.contactName ?? null,
        locale: problem.locale,
        source: problem.source,
        client_id: problem.clientId ?? null,
        token,
        address: problem.address ?? null,
        latitude: problem.latitude ?? null,
        longitude: problem.longitude ?? null,
        created_at: now,
        updated_at: now,
        first_answer_at: null,
        fixed_at: null,
        follow_up_sent_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = await trx
      .insertInto('problem_report_events')
      .values({
        report_id: row.id,
        actor_id: problem.reporterId,
        kind: 'created',
        status_from: null,
        status_to: 'open',
        note: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await moveProblemCounters(trx, problem.serviceId, null, 'open');
    await notifyReporter(trx, row.id, event.id, mail);
    await contentChanged(trx);
    return { id: row.id, token };
  });
}

type ReportRow = Pick<ProblemReportsTable, 'service_id' | 'status' | 'reporter_id' | 'duplicate_of' | 'first_answer_at' | 'fixed_at'> & {
  id: number;
  organisation_id: number;
};

async function lockReport(trx: Db, reportId: number): Promise<ReportRow> {
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('problem_reports')
      .innerJoin('services', 'services.id', 'problem_reports.service_id')
      .select([
        'problem_reports.id',
        'problem_reports.service_id',
        'problem_reports.status',
        'problem_reports.reporter_id',
        'problem_reports.duplicate_of',
        'problem_reports.first_answer_at',
        'problem_reports.fixed_at',
        'services.organisation_id',
      ])
      .where('problem_reports.id', '=', reportId),
  ).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such report');
  return row;
}

/** The organisation responsible for a report's service (for authorisation before a form is shown). */
export async function reportOrganisation(db: Db, reportId: number): Promise<number> {
  const row = await db
    .selectFrom('problem_reports')
    .innerJoin('services', 'services.id', 'problem_reports.service_id')
    .select('services.organisation_id')
    .where('problem_reports.id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such report');
  return row.organisation_id;
}

/**
 * An official's triage: a new status (which must follow the workflow; `duplicate` names another
 * report of the same service, which itself is not a duplicate), a public note, or both.
 * `expectedStatus` refuses the change (conflict) if someone moved the report meanwhile.
 */
export async function triageProblemReport(
  db: Db,
  actor: AssessmentActor,
  reportId: number,
  input: TriageInput & { expectedStatus?: ProblemStatus },
  context: AuditContext,
  options: { now?: Date } = {},
): Promise<void> {
  const organisationId = await reportOrganisation(db, reportId);
  authorize(actor, 'problem.triage', organisationId);
  const mail = problemMailSettings(db);
  await db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    const report = await lockReport(trx, reportId);
    if (input.expectedStatus && input.expectedStatus !== report.status) {
      throw new AppError('conflict', 'The report changed since you opened it');
    }
    const to = input.status && input.status !== report.status ? input.status : undefined;
    if (to && !canMoveTo(report.status, to)) {
      throw new AppError('validation_failed', `A report cannot go from ${report.status} to ${to}`, [
        { field: 'status', message: `not allowed from ${report.status}` },
      ]);
    }
    let duplicateOf: number | null = report.duplicate_of;
    if (to === 'duplicate') {
      const target = await trx
        .selectFrom('problem_reports')
        .select(['id', 'service_id', 'status'])
        .where('id', '=', input.duplicateOf ?? 0)
        .executeTakeFirst();
      if (!target || target.id === report.id || target.service_id !== report.service_id || target.status === 'duplicate') {
        throw new AppError('validation_failed', 'Choose another report of the same service that is not itself a duplicate', [
          { field: 'duplicateOf', message: 'not a report it can duplicate' },
        ]);
      }
      duplicateOf = target.id;
    } else if (to) {
      duplicateOf = null;
    }
    const event = await trx
      .insertInto('problem_report_events')
      .values({
        report_id: report.id,
        actor_id: actor.id,
        kind: to ? 'status' : 'note',
        status_from: to ? report.status : null,
        status_to: to ?? null,
        note: input.note ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('problem_reports')
      .set({
        status: to ?? report.status,
        duplicate_of: duplicateOf,
        updated_at: now,
        first_answer_at: report.first_answer_at ?? now,
        fixed_at: to === 'fixed' ? now : to ? null : report.fixed_at,
        ...(to === 'fixed' ? { follow_up_sent_at: null } : {}),
      })
      .where('id', '=', report.id)
      .execute();
    if (to) await moveProblemCounters(trx, report.service_id, report.status, to);
    if (to === 'fixed') await scheduleFollowUp(trx, report.id, now);
    if (to === 'duplicate' && duplicateOf !== null) {
      await trx
        .insertInto('problem_report_events')
        .values({
          report_id: duplicateOf,
          actor_id: actor.id,
          kind: 'merged',
          status_from: null,
          status_to: null,
          note: String(report.id),
          created_at: now,
        })
        .execute();
      await trx.updateTable('problem_reports').set({ updated_at: now }).where('id', '=', duplicateOf).execute();
    }
    await notifyReporter(trx, report.id, event.id, mail);
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: to ? 'problem.status' : 'problem.note',
      subjectType: 'problem_report',
      subjectId: String(report.id),
      data: to ? { from: report.status, to, ...(to === 'duplicate' ? { duplicateOf } : {}) } : {},
    });
    await contentChanged(trx);
  });
}

/** The reporter says a "fixed" report is not fixed: it opens again, with their note on the timeline. */
export async function reopenProblemReport(
  db: Db,
  actor: AssessmentActor,
  reportId: number,
  note: string | undefined,
  options: { now?: Date } = {},
): Promise<void> {
  authorize(actor, 'assess');
  const mail = problemMailSettings(db);
  await db.transaction().execute(async (trx) => {
    const now = nowIso(options.now);
    const report = await lockReport(trx, reportId);
    if (report.reporter_id !== actor.id) throw new AppError('forbidden', 'Only the person who reported it can reopen it');
    if (report.status !== 'fixed') throw new AppError('conflict', 'Only a report marked fixed can be reopened');
    const event = await trx
      .insertInto('problem_report_events')
      .values({
        report_id: report.id,
        actor_id: actor.id,
        kind: 'reopened',
        status_from: 'fixed',
        status_to: 'open',
        note: note?.trim() || null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('problem_reports').set({ status: 'open', fixed_at: null, updated_at: now }).where('id', '=', report.id).execute();
    await moveProblemCounters(trx, report.service_id, 'fixed', 'open');
    await notifyReporter(trx, report.id, event.id, mail);
    await contentChanged(trx);
  });
}

/** One report with its service, for pages and Open311. */
export async function findProblemReport(db: Db, reportId: number) {
  return (
    (await db
      .selectFrom('problem_reports')
      .innerJoin('services', 'services.id', 'problem_reports.service_id')
      .selectAll('problem_reports')
      .select([
        'services.slug as service_slug',
        'services.name as service_name',
        'services.organisation_id',
        'services.status as service_status',
      ])
      .where('problem_reports.id', '=', reportId)
      .executeTakeFirst()) ?? null
  );
}

/** A report's public timeline, oldest first. */
export async function listProblemEvents(db: Db, reportId: number) {
  return db
    .selectFrom('problem_report_events')
    .select(['id', 'kind', 'status_from', 'status_to', 'note', 'created_at', 'actor_id'])
    .where('report_id', '=', reportId)
    .orderBy('id', 'asc')
    .execute();
}

export type { ProblemCategory };
