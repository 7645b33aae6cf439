/**
 * The wiki's categories: the catalogue's sectors (the platform's taxonomy, named in every
 * language; admins may add more), so a guide is filed where its services are. A page has one
 * category or none, and one kind (guide, good practice, general). Its author picks both when
 * creating it; afterwards helpers, mediators, moderators and admins change them (`page.classify`),
 * audited, with no new revision: the text is untouched.
 */
import type { Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { forUpdate } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { pick } from '../../platform/i18n.js';
import { listSectorsWithCounts } from '../catalogue/index.js';
import { PAGE_TYPES, type PageType } from './wiki.model.js';
import { authorize, type WikiActor } from './wiki.policy.js';
import './wiki.tables.js';

/** A category as readers see it: its slug and its name in their language. */
export interface WikiCategory {
  slug: string;
  name: string;
}

/** Every category, in the catalogue's order, named in `locale`. */
export async function wikiCategories(db: Db, locale: Locale, defaultLocale: Locale): Promise<WikiCategory[]> {
  const sectors = await listSectorsWithCounts(db);
  return sectors.map((s) => ({ slug: s.slug, name: pick(JSON.parse(s.name) as Record<string, string>, locale, defaultLocale) || s.slug }));
}

/** The field error when `category` is not one of the categories (none is fine). */
export async function categoryProblem(db: Db, category: string | null | undefined): Promise<FieldError | null> {
  if (category === null || category === undefined) return null;
  const known = (await listSectorsWithCounts(db)).some((s) => s.slug === category);
  return known ? null : { field: 'category', message: 'wiki.errors.category' };
}

/** Files the page `slug` as `type` in `category` (null: none). Audited when something changed. */
export async function classifyPage(
  db: Db,
  actor: WikiActor,
  slug: string,
  classification: { type: string; category: string | null },
  context: AuditContext,
): Promise<{ changed: boolean }> {
  authorize(actor, 'page.classify');
  const problems: FieldError[] = [];
  if (!(PAGE_TYPES as readonly string[]).includes(classification.type)) problems.push({ field: 'type', message: 'wiki.errors.type' });
  const category = await categoryProblem(db, classification.category);
  if (category) problems.push(category);
  if (problems.length > 0) throw new AppError('validation_failed', 'The page cannot be filed so', problems);
  const type = classification.type as PageType;
  const changed = await db.transaction().execute(async (trx) => {
    const page = await forUpdate(
      trx,
      trx.selectFrom('wiki_pages').select(['id', 'type', 'category']).where('slug', '=', slug),
    ).executeTakeFirst();
    if (!page) throw new AppError('not_found', 'No such page');
    if (page.type === type && page.category === classification.category) return false;
    await trx.updateTable('wiki_pages').set({ type, category: classification.category }).where('id', '=', page.id).execute();
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.classify',
      subjectType: 'wiki_page',
      subjectId: slug,
      data: { from: { type: page.type, category: page.category }, to: { type, category: classification.category } },
    });
    return true;
  });
  if (changed) await contentChanged(db);
  return { changed };
}
