/**
 * The moderation module's part of a person's data (platform/gdpr.ts): the reports they made, and
 * the decisions they took as a moderator. On account deletion their report comments are erased;
 * the reports themselves stay (they count towards the content's flags) and keep pointing at the
 * anonymised account, as do their decisions.
 */
import type { Db } from '../../db/database.js';
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import '../../platform/flags.js';

/** Exports and anonymises a person's reports and decisions. */
export const moderationPersonalData: PersonalDataProvider = {
  async export(db: Db, userId: number) {
    const [reports, decisions] = await Promise.all([
      db
        .selectFrom('flags')
        .select(['content_type', 'content_id', 'reason', 'comment', 'created_at'])
        .where('reporter_id', '=', userId)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('moderation_states')
        .select(['content_type', 'content_id', 'status', 'reason_shown', 'decided_at'])
        .where('decided_by', '=', userId)
        .orderBy('decided_at')
        .execute(),
    ]);
    return {
      reports: reports.map((r) => ({
        contentType: r.content_type,
        contentId: r.content_id,
        reason: r.reason,
        comment: r.comment,
        createdAt: r.created_at,
      })),
      decisions: decisions.map((d) => ({
        contentType: d.content_type,
        contentId: d.content_id,
        status: d.status,
        reasonShown: d.reason_shown,
        decidedAt: d.decided_at,
      })),
    };
  },
  async anonymise(trx: Db, userId: number) {
    await trx.updateTable('flags').set({ comment: null }).where('reporter_id', '=', userId).execute();
  },
};
