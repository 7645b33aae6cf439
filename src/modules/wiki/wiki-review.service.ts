/**
 * The review queue: edits by new accounts (and edits saved on top of them) wait as `pending`
 * revisions; readers keep seeing the last accepted one. A reviewer accepts the changes up to the
 * revision they read (everything before it is accepted with it: a page's revisions are one chain),
 * or rejects them all with a reason: they stay in the history as `rejected`, and the accepted text
 * comes back as a new revision, so the next editor starts from it. Protecting a page is here too:
 * like reviewing, a moderation act on a page, audited.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { WIKI_LIMITS } from './wiki.model.js';
import { authorize, type WikiActor } from './wiki.policy.js';
import { lockPage, publishRevision, revisionOf, writeRevision } from './wiki.service.js';
import { indexWikiPage } from './wiki-search.js';
import './wiki.tables.js';

/** A rejection's reason: required, and short enough for the history line it is shown in. */
export const MAX_REASON = WIKI_LIMITS.summary;

/** When the oldest revision still waiting after `afterId` was saved, or null when none waits. */
async function pendingSinceAfter(trx: Db, pageId: number, afterId: number): Promise<string | null> {
  const next = await trx
    .selectFrom('wiki_revisions')
    .select('created_at')
    .where('page_id', '=', pageId)
    .where('review_status', '=', 'pending')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return next?.created_at ?? null;
}

/**
 * Accepts the waiting changes of `slug` up to `revisionId` (the latest one the reviewer read): it
 * becomes what readers see. Changes saved after it keep waiting.
 */
export async function acceptChanges(db: Db, actor: WikiActor, slug: string, revisionId: number, context: AuditContext): Promise<void> {
  authorize(actor, 'page.review');
  await db.transaction().execute(async (trx) => {
    const page = await lockPage(trx, slug);
    if (!page) throw new AppError('not_found', 'No such page');
    const revision = await revisionOf(trx, page.id, revisionId);
    if (!revision || revision.review_status !== 'pending') throw new AppError('conflict', 'That revision does not wait for review');
    const stamp = nowIso();
    await trx
      .updateTable('wiki_revisions')
      .set({ review_status: 'accepted', reviewed_by: actor.id, reviewed_at: stamp })
      .where('page_id', '=', page.id)
      .where('review_status', '=', 'pending')
      .where('id', '<=', revision.id)
      .execute();
    await publishRevision(trx, page.id, revision);
    await trx
      .updateTable('wiki_pages')
      .set({ pending_since: await pendingSinceAfter(trx, page.id, revision.id) })
      .where('id', '=', page.id)
      .execute();
    await indexWikiPage(trx, page.id);
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.review.accept',
      subjectType: 'wiki_page',
      subjectId: slug,
      data: { revision: revision.id },
    });
  });
  await contentChanged(db);
}

/**
 * Rejects every waiting change of `slug`, with a reason the history shows. `latestRevisionId` is
 * the latest revision the reviewer read: when a change arrived since, nothing is done (`conflict`),
 * so nobody rejects what they did not see. The accepted text comes back as a new revision; a page
 * that never had one stays unpublished.
 */
export async function rejectChanges(
  db: Db,
  actor: WikiActor,
  slug: string,
  latestRevisionId: number,
  reason: string,
  context: AuditContext,
): Promise<void> {
  authorize(actor, 'page.review');
  const why = reason.trim().replace(/\s+/g, ' ');
  if (why === '') throw new AppError('validation_failed', 'Say why', [{ field: 'reason', message: 'wiki.review.errors.reasonMissing' }]);
  if (why.length > MAX_REASON)
    throw new AppError('validation_failed', 'Reason too long', [{ field: 'reason', message: 'wiki.review.errors.reasonLong' }]);
  await db.transaction().execute(async (trx) => {
    const page = await lockPage(trx, slug);
    if (!page) throw new AppError('not_found', 'No such page');
    if (page.current_revision_id === page.stable_revision_id) throw new AppError('conflict', 'No change waits for review');
    if (page.current_revision_id !== latestRevisionId) throw new AppError('conflict', 'The page changed since: review it again');
    await trx
      .updateTable('wiki_revisions')
      .set({ review_status: 'rejected', reviewed_by: actor.id, reviewed_at: nowIso(), review_reason: why })
      .where('page_id', '=', page.id)
      .where('review_status', '=', 'pending')
      .execute();
    const stable = page.stable_revision_id === null ? undefined : await revisionOf(trx, page.id, page.stable_revision_id);
    const current = await revisionOf(trx, page.id, page.current_revision_id!);
    if (stable && current) {
      await writeRevision(trx, { ...page, pending_since: null }, current, {
        authorId: actor.id,
        title: stable.title,
        body: stable.body,
        summary: why,
        kind: 'restore',
        restoredFrom: stable.id,
        status: 'accepted',
      });
    } else {
      await trx.updateTable('wiki_pages').set({ pending_since: null }).where('id', '=', page.id).execute();
    }
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.review.reject',
      subjectType: 'wiki_page',
      subjectId: slug,
      data: { revision: latestRevisionId },
    });
  });
  await contentChanged(db);
}

/** A page in the review queue. */
export interface QueuedPage {
  slug: string;
  title: string;
  locale: string;
  /** When the oldest waiting change was saved. */
  pendingSince: string;
  /** How many revisions wait. */
  waiting: number;
  /** Whether the page has never been accepted (a new page). */
  isNew: boolean;
}

/**
 * The pages with changes waiting for review, the longest waiting first, `limit` at a time after the
 * cursor `after` (keyset on pending_since and id).
 */
export async function reviewQueue(
  db: Db,
  options: { after?: { since: string; id: number } | undefined; limit: number },
): Promise<{ pages: QueuedPage[]; next: { since: string; id: number } | null }> {
  let query = db
    .selectFrom('wiki_pages')
    .select(['id', 'slug', 'title', 'locale', 'pending_since', 'stable_revision_id'])
    .where('pending_since', 'is not', null);
  const after = options.after;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('pending_since', '>', after.since), eb.and([eb('pending_since', '=', after.since), eb('id', '>', after.id)])]),
    );
  const rows = await query
    .orderBy('pending_since')
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
  const shown = rows.slice(0, options.limit);
  const counts =
    shown.length === 0
      ? []
      : await db
          .selectFrom('wiki_revisions')
          .select(['page_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where(
            'page_id',
            'in',
            shown.map((r) => r.id),
          )
          .where('review_status', '=', 'pending')
          .groupBy('page_id')
          .execute();
  const waiting = new Map(counts.map((c) => [c.page_id, Number(c.n)]));
  const last = shown[shown.length - 1];
  return {
    pages: shown.map((r) => ({
      slug: r.slug,
      title: r.title,
      locale: r.locale,
      pendingSince: r.pending_since!,
      waiting: waiting.get(r.id) ?? 0,
      isNew: r.stable_revision_id === null,
    })),
    next: rows.length > options.limit && last ? { since: last.pending_since!, id: last.id } : null,
  };
}
