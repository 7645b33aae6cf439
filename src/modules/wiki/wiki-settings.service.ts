/**
 * A page's settings, apart from its text: its kind and category (filing: helpers, mediators,
 * moderators and admins, `page.classify`) and its protection (moderators and admins,
 * `page.protect`). Changed from the history page's forms or the API's PATCH, all at once or not
 * at all, audited, with no new revision: the text is untouched.
 */
import type { Db } from '../../db/database.js';
import { forUpdate } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { PAGE_TYPES, type PageType } from './wiki.model.js';
import { authorize, type WikiActor } from './wiki.policy.js';
import { categoryProblem } from './wiki-categories.js';
import './wiki.tables.js';

/** What may change: each setting left out stays as it is. */
export interface PageSettings {
  type?: string;
  /** A category's slug, or null for none. */
  category?: string | null;
  protected?: boolean;
}

/**
 * Changes the settings of page `slug`. Every permission and value is checked before anything is
 * written (403 or 422 leaves the page as it was); then one transaction writes them and audits each
 * kind of change (`wiki.classify` with the values before and after, `wiki.protect`/`wiki.unprotect`).
 * Returns whether something changed.
 */
export async function updatePageSettings(
  db: Db,
  actor: WikiActor,
  slug: string,
  settings: PageSettings,
  context: AuditContext,
): Promise<{ changed: boolean }> {
  const filing = settings.type !== undefined || settings.category !== undefined;
  if (!filing && settings.protected === undefined)
    throw new AppError('validation_failed', 'Nothing to change', [{ field: 'type', message: 'wiki.errors.nothingToChange' }]);
  authorize(actor, filing ? 'page.classify' : 'page.protect');
  if (filing && settings.protected !== undefined) authorize(actor, 'page.protect');
  const problems: FieldError[] = [];
  if (settings.type !== undefined && !(PAGE_TYPES as readonly string[]).includes(settings.type))
    problems.push({ field: 'type', message: 'wiki.errors.type' });
  const category = await categoryProblem(db, settings.category);
  if (category) problems.push(category);
  if (problems.length > 0) throw new AppError('validation_failed', 'The page cannot be set so', problems);

  const changed = await db.transaction().execute(async (trx) => {
    const page = await forUpdate(
      trx,
      trx.selectFrom('wiki_pages').select(['id', 'type', 'category', 'protected']).where('slug', '=', slug),
    ).executeTakeFirst();
    if (!page) throw new AppError('not_found', 'No such page');
    const type = (settings.type ?? page.type) as PageType;
    const category = settings.category === undefined ? page.category : settings.category;
    const isProtected = settings.protected ?? page.protected === 1;
    const refiled = type !== page.type || category !== page.category;
    const reprotected = isProtected !== (page.protected === 1);
    if (!refiled && !reprotected) return false;
    await trx
      .updateTable('wiki_pages')
      .set({ type, category, protected: isProtected ? 1 : 0 })
      .where('id', '=', page.id)
      .execute();
    const subject = { ...context, actorId: actor.id, subjectType: 'wiki_page', subjectId: slug } as const;
    if (refiled)
      await audit(trx, {
        ...subject,
        action: 'wiki.classify',
        data: { from: { type: page.type, category: page.category }, to: { type, category } },
      });
    if (reprotected) await audit(trx, { ...subject, action: isProtected ? 'wiki.protect' : 'wiki.unprotect' });
    return true;
  });
  if (changed) await contentChanged(db);
  return { changed };
}
