/**
 * "Is it really fixed?": four weeks after an official marks a report fixed, the reporter is asked
 * whether it is, with the link to the report's page where they can reopen it. The job is enqueued
 * in the transaction that marks the report fixed, one per report and fixed time (dedupe key), and
 * does nothing unless the report is still fixed since that same time and was not asked about yet,
 * so a report reopened, changed or fixed again meanwhile is not asked about twice, and a job that
 * runs twice (delivery is at least once) sends one mail.
 */
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { enqueue, PermanentJobError, type JobHandler } from '../../platform/jobs.js';
import { sendMail } from '../../platform/mail.js';
import { followUpEmail, problemMailSettings } from './problem-emails.js';

/** The job type (declared in the module's manifest). */
export const PROBLEM_FOLLOW_UP_JOB = 'assessment.problemFollowUp';

/** How long after "fixed" the reporter is asked. */
export const FOLLOW_UP_DELAY_MS = 28 * 24 * 60 * 60 * 1000;

const payloadSchema = z.object({ reportId: z.number().int().positive(), fixedAt: z.string().min(1) });

/** Schedules the question for a report marked fixed at `fixedAt` (in the caller's transaction). */
export async function scheduleFollowUp(trx: Db, reportId: number, fixedAt: string): Promise<void> {
  await enqueue(
    trx,
    PROBLEM_FOLLOW_UP_JOB,
    { reportId, fixedAt },
    { runAt: new Date(Date.parse(fixedAt) + FOLLOW_UP_DELAY_MS), dedupeKey: `problem-follow-up:${reportId}:${fixedAt}` },
  );
}

/** Asks the reporter, once, if the report is still fixed since the time the job was scheduled for. */
export const problemFollowUpJob: JobHandler = async (payload, ctx) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError('Invalid problem follow-up payload');
  const { reportId, fixedAt } = parsed.data;
  const settings = problemMailSettings(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const report = await forUpdate(
      trx,
      trx
        .selectFrom('problem_reports')
        .innerJoin('services', 'services.id', 'problem_reports.service_id')
        .select([
          'problem_reports.id',
          'problem_reports.status',
          'problem_reports.fixed_at',
          'problem_reports.follow_up_sent_at',
          'problem_reports.contact_email',
          'problem_reports.reporter_id',
          'problem_reports.locale',
          'services.name as service_name',
        ])
        .where('problem_reports.id', '=', reportId),
    ).executeTakeFirst();
    if (!report || report.status !== 'fixed' || report.fixed_at !== fixedAt || report.follow_up_sent_at !== null) return;
    if (report.contact_email) {
      await sendMail(trx, followUpEmail({ ...report, contact_email: report.contact_email }, settings), {
        dedupeKey: `problem-follow-up-mail:${reportId}:${fixedAt}`,
      });
    }
    await trx.updateTable('problem_reports').set({ follow_up_sent_at: nowIso() }).where('id', '=', reportId).execute();
  });
};
