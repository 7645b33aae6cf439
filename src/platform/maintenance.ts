/**
 * Housekeeping that keeps the shared tables small: finished jobs, expired sessions and stale
 * rate-limit counters. Each instance that runs the job worker also runs this every hour; the
 * deletes are idempotent, so several instances doing it is harmless.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';
import { purgeDoneJobs } from './jobs.js';
import { purgeRateLimits } from './rate-limit.js';

/** Finished jobs are kept this long, for admins to look back at. */
export const DONE_JOBS_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

/** Deletes finished jobs past retention, expired sessions and expired rate-limit counters. */
export async function runMaintenance(db: Db, now = new Date()): Promise<{ jobs: number; sessions: number }> {
  const jobs = await purgeDoneJobs(db, new Date(now.getTime() - DONE_JOBS_RETENTION_MS));
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', nowIso(now)).executeTakeFirst();
  await purgeRateLimits(db);
  return { jobs, sessions: Number(sessions.numDeletedRows) };
}

/** Runs maintenance shortly after start, then hourly, while the app is up. */
export function registerMaintenance(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  const run = () =>
    runMaintenance(app.db).then(
      (r) => app.log.debug(r, 'maintenance done'),
      (err: unknown) => app.log.error({ err }, 'maintenance failed'),
    );
  app.addHook('onReady', async () => {
    timer = setInterval(run, EVERY_MS);
    timer.unref();
    setTimeout(run, 5_000).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
