/** zod schemas for the admin pages' query strings, path parameters and forms. */
import { z } from 'zod';
import { JOB_STATUSES } from '../../platform/jobs.js';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** `/admin/jobs?status=&before=&retried=`: failed jobs unless told otherwise. */
export const jobsQuery = z.object({
  status: z.enum(JOB_STATUSES).default('dead'),
  before: id.optional(),
  /** Set by the retry redirect, to confirm which job went back in the queue. */
  retried: id.optional(),
});

/** `/admin/outbox?before=`. */
export const outboxQuery = z.object({ before: id.optional() });

/** `/admin/jobs/:id/retry`. */
export const jobParams = z.object({ id });
