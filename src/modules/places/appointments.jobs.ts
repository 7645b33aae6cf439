/** (H3b) Job handlers of appointments — stub. */
import type { JobHandler } from '../../platform/jobs.js';

export const appointmentJobs: Record<string, JobHandler> = {};
