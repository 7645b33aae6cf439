/**
 * Reading and tending the job queue (the admin jobs page, the CLI): listing by status, putting a
 * dead job back in the queue, and purging old finished jobs. Re-exported by jobs.ts.
 */
import type { Db } from '../db/database.js';
import { keysetFetchSize, keysetPage } from '../db/keyset.js';
import { nowIso } from '../db/dialect.js';
import type { JobsTable } from '../db/schema.js';

/** Every status a job can be in, in the order an admin looks at them. */
export const JOB_STATUSES = ['dead', 'queued', 'running', 'done'] as const;
export type JobStatus = JobsTable['status'];

/** A job as the admin sees it: everything but the payload, which may hold personal data. */
export interface JobSummary {
  id: number;
  type: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * One page of jobs with a status, newest first, by keyset on the id: pass the returned
 * `nextBefore` as `before` for the following page (null on the last page).
 */
export async function listJobs(
  db: Db,
  { status, limit = 50, before }: { status: JobStatus; limit?: number; before?: number | undefined },
): Promise<{ jobs: JobSummary[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('jobs')
    .select(['id', 'type', 'status', 'attempts', 'max_attempts', 'run_at', 'last_error', 'created_at', 'updated_at'])
    .where('status', '=', status)
    .orderBy('id', 'desc')
    .limit(keysetFetchSize(limit));
  if (before !== undefined) query = query.where('id', '<', before);
  const { page, nextBefore } = keysetPage(await query.execute(), limit);
  return {
    jobs: page.map((r) => ({
      id: r.id,
      type: r.type,
      status: r.status,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      runAt: r.run_at,
      lastError: r.last_error,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    nextBefore,
  };
}

/** How many jobs are in each status (one grouped query; statuses with none count 0). */
export async function countJobsByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { dead: 0, queued: 0, running: 0, done: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/**
 * Puts a dead job back in the queue to run now, with a fresh set of attempts. Returns false when
 * the job does not exist or is not dead (already retried: a double submission changes nothing).
 */
export async function retryJob(db: Db, id: number): Promise<boolean> {
  const now = nowIso();
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: now, locked_at: null, locked_by: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Deletes jobs that finished (status done) before `olderThan`, and returns how many. Their dedupe
 * keys become free again. Dead jobs are kept: an admin decides about those.
 */
export async function purgeDoneJobs(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', nowIso(olderThan)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
