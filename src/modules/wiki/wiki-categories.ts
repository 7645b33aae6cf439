/**
 * The wiki's categories: the catalogue's sectors (the platform's taxonomy, named in every
 * language; admins may add more), so a guide is filed where its services are. A page has one
 * category or none, and one kind (guide, good practice, general). Its author picks both when
 * creating it; afterwards helpers, mediators, moderators and admins change them (`page.classify`,
 * wiki-settings.service.ts), audited, with no new revision: the text is untouched.
 */
import type { Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { FieldError } from '../../platform/errors.js';
import { pick } from '../../platform/i18n.js';
import { listSectorsWithCounts } from '../catalogue/index.js';
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
