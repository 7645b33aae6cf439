/**
 * Job handlers of workshops: the reminder the day before. One job per workshop and start time; at
 * run time it does nothing if the workshop was cancelled, moved (its start is no longer the job's)
 * or already reminded, and otherwise mails each person registered at that moment (not the waiting
 * list, not those who cancelled). Marking the workshop reminded and enqueueing the mails happen in
 * one transaction, with a dedupe key per registration, so a job run twice mails once.
 */
import { z } from 'zod';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { PermanentJobError, type JobHandler } from '../../platform/jobs.js';
import { mailRegistrant } from './workshop-emails.js';
import { WORKSHOP_REMINDER_JOB } from './workshops.service.js';

const reminderPayload = z.object({ workshopId: z.number().int().positive(), startsAt: z.string().min(1).max(40) });

/** Mails the reminders of one workshop; returns how many were enqueued (0 when it had nothing to do). */
export async function sendWorkshopReminders(db: Parameters<JobHandler>[1]['db'], workshopId: number, startsAt: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const w = await forUpdate(
      trx,
      trx
        .selectFrom('workshops as w')
        .select(['w.id', 'w.place_id', 'w.title', 'w.starts_at', 'w.status', 'w.reminders_sent_at'])
        .where('w.id', '=', workshopId),
    ).executeTakeFirst();
    if (!w || w.status !== 'scheduled' || w.starts_at !== startsAt || w.reminders_sent_at !== null) return 0;
    // Past its start (the queue was down for a day): a reminder would only confuse.
    if (new Date(w.starts_at).getTime() <= Date.now()) return 0;
    const place = await trx
      .selectFrom('places')
      .select(['name as place_name', 'address as place_address', 'postcode as place_postcode', 'time_zone'])
      .where('id', '=', w.place_id)
      .executeTakeFirstOrThrow();
    await trx.updateTable('workshops').set({ reminders_sent_at: nowIso() }).where('id', '=', workshopId).execute();
    const registered = await trx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'registered')
      .where('user_id', 'is not', null)
      .orderBy('id')
      .execute();
    for (const r of registered) await mailRegistrant(trx, 'reminder', { ...w, ...place }, r.id, startsAt);
    return registered.length;
  });
}

export const workshopJobs: Record<string, JobHandler> = {
  [WORKSHOP_REMINDER_JOB]: async (payload, ctx) => {
    const parsed = reminderPayload.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('Invalid workshop reminder payload');
    const sent = await sendWorkshopReminders(ctx.db, parsed.data.workshopId, parsed.data.startsAt);
    ctx.log.info({ sent }, 'workshop reminders');
  },
};
