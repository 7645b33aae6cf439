/** (H3a) Job handlers of workshops — stub. */
import type { JobHandler } from '../../platform/jobs.js';

export const workshopJobs: Record<string, JobHandler> = {};
