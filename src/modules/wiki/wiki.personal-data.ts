/**
 * The wiki in "Download my data" and "Delete my account".
 *
 * Export: every revision the person saved (page, title, edit summary, kind, size, time). The text
 * is the page's, in the history for everyone; the export lists what they did. And the pages they watch.
 * And their comments (page, text, time).
 *
 * Deletion: their revisions stay (a page's history must add up), still pointing at their id, whose
 * name is then the platform's "deleted participant" marker; the history shows no name for them.
 * Their watchlist is erased (the `users` row stays, so no cascade would do it). Their comments stay,
 * detached from them (`author_id` null: shown as a deleted participant's).
 */
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import { unwatchAll, watchesOf } from './wiki-watch.service.js';
import { commentsOf, detachComments } from './wiki-comments.service.js';
import './wiki.tables.js';

export const wikiPersonalData: PersonalDataProvider = {
  export: async (db, userId) => {
    const revisions = await db
      .selectFrom('wiki_revisions as r')
      .innerJoin('wiki_pages as p', 'p.id', 'r.page_id')
      .select([
        'p.slug as page',
        'r.id as revisionId',
        'r.title',
        'r.summary',
        'r.kind',
        'r.size',
        'r.size_delta as sizeDelta',
        'r.created_at as savedAt',
      ])
      .where('r.author_id', '=', userId)
      .orderBy('r.id')
      .execute();
    return { wikiRevisions: revisions, wikiWatches: await watchesOf(db, userId), wikiComments: await commentsOf(db, userId) };
  },
  anonymise: async (trx, userId) => {
    await unwatchAll(trx, userId);
    await detachComments(trx, userId);
  },
};
