/**
 * Telling reporters what happened to their report: one mail per timeline event, in the report's
 * language, to the reporter's contact address (none when they asked not to be contacted), enqueued
 * in the caller's transaction. Owned by the problem-reports part (helper H2 fills this in).
 */
import type { Db } from '../../db/database.js';

/** Enqueues the mail for event `eventId` of report `reportId`, if the reporter is to be told. */
export async function notifyReporter(_trx: Db, _reportId: number, _eventId: number): Promise<void> {
  // Replaced by the problem-reports work: see problem-emails.ts in the helper's task.
}
