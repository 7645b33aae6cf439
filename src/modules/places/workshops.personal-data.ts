/**
 * Workshop registrations in "Download my data" and "Delete my account".
 *
 * Export: every registration of the person (workshop, place, time, status, attendance) and whether
 * they have a personal calendar feed (never its token or hash).
 *
 * Deletion (decided here): the person's places in workshops still to come are cancelled, so each
 * freed seat goes to the next person on the waiting list at once (they are mailed: that mail is
 * about them, not about the erased person); then every registration of theirs, past ones included,
 * is detached (`user_id` null), which keeps a workshop's attendance figures and counters right
 * while nothing points to the person any more. Their calendar feed is deleted, so its URL is dead.
 */
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import { releaseUserRegistrations } from './workshops.service.js';

export const workshopsPersonalData: PersonalDataProvider = {
  export: async (db, userId) => {
    const registrations = await db
      .selectFrom('workshop_registrations as r')
      .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
      .innerJoin('places as p', 'p.id', 'w.place_id')
      .select([
        'w.id as workshopId',
        'w.title',
        'p.name as place',
        'w.starts_at as startsAt',
        'w.status as workshopStatus',
        'r.status',
        'r.attended',
        'r.created_at as registeredAt',
        'r.cancelled_at as cancelledAt',
      ])
      .where('r.user_id', '=', userId)
      .orderBy('w.starts_at')
      .execute();
    const feed = await db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst();
    return {
      workshopRegistrations: registrations.map((r) => ({ ...r, attended: r.attended === null ? null : r.attended === 1 })),
      calendarFeed: feed ? { createdAt: feed.created_at } : null,
    };
  },
  anonymise: async (trx, userId) => {
    await releaseUserRegistrations(trx, userId);
    await trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  },
};
