/** Admin use cases: looking at the job queue and the development outbox, and retrying a dead job. */
import type { Db } from '../../db/database.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { countJobsByStatus, listJobs, retryJob, type JobStatus, type JobSummary } from '../../platform/jobs.js';
import { listOutbox, type OutboxMessage } from '../../platform/mail.js';

/** Rows per page of the jobs list. */
export const JOBS_PAGE_SIZE = 50;
/** Messages per page of the outbox (they show their whole text, so fewer). */
export const OUTBOX_PAGE_SIZE = 20;

/** What the jobs page shows: one page of jobs with a status, and how many jobs each status holds. */
export async function showJobs(
  db: Db,
  input: { status: JobStatus; before?: number | undefined },
): Promise<{ jobs: JobSummary[]; nextBefore: number | null; counts: Record<JobStatus, number> }> {
  const [page, counts] = await Promise.all([
    listJobs(db, { status: input.status, limit: JOBS_PAGE_SIZE, before: input.before }),
    countJobsByStatus(db),
  ]);
  return { ...page, counts };
}

/**
 * Puts a dead job back in the queue, audited with the admin who asked (and their request). Retrying a job that is no
 * longer dead (a double submission, another admin was faster) changes nothing and is not an
 * error; a job that does not exist is `not_found`.
 */
export async function retryDeadJob(db: Db, ctx: AuditContext, jobId: number): Promise<{ retried: boolean }> {
  return db.transaction().execute(async (trx) => {
    const retried = await retryJob(trx, jobId);
    if (!retried) {
      const exists = await trx.selectFrom('jobs').select('id').where('id', '=', jobId).executeTakeFirst();
      if (!exists) throw new AppError('not_found', 'No such job');
      return { retried: false };
    }
    await audit(trx, { ...ctx, action: 'admin.retry_job', subjectType: 'job', subjectId: String(jobId) });
    return { retried: true };
  });
}

/** One page of the development outbox, newest first. */
export async function showOutbox(
  db: Db,
  input: { before?: number | undefined },
): Promise<{ messages: OutboxMessage[]; nextBefore: number | null }> {
  return listOutbox(db, { limit: OUTBOX_PAGE_SIZE, before: input.before });
}
