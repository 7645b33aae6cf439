/**
 * Linking pages that translate each other. Pages of one translation group share
 * `wiki_pages.translation_group`, the smallest group id among those merged (a page in no group
 * counts as the group of its own id); a group holds at most one page per language, so the reader's
 * "other languages" list is never ambiguous. A group is not page text: no revision records it, the
 * audit log does. Whoever may edit the pages involved may link and unlink them.
 */
import type { Db } from '../../db/database.js';
import { forUpdate } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { normalizeTitle } from './markdown.js';
import { authorize, type WikiActor } from './wiki.policy.js';
import './wiki.tables.js';

/** A page as the translations screen shows it. */
export interface TranslationPage {
  id: number;
  slug: string;
  locale: string;
  title: string;
  protected: boolean;
  translationGroup: number | null;
}

/** What the person typed: the other page's language, and its address or title. */
export interface TranslationTarget {
  locale: string;
  page: string;
}

/** Longest address or title accepted from the form (a full URL to a page with a long slug). */
export const MAX_TARGET_LENGTH = 500;

const PAGE_COLUMNS = ['id', 'slug', 'locale', 'title', 'protected', 'translation_group'] as const;

function toPage(row: {
  id: number;
  slug: string;
  locale: string;
  title: string;
  protected: number;
  translation_group: number | null;
}): TranslationPage {
  return {
    id: row.id,
    slug: row.slug,
    locale: row.locale,
    title: row.title,
    protected: row.protected === 1,
    translationGroup: row.translation_group,
  };
}

const fieldError = (field: 'locale' | 'page', message: string) =>
  new AppError('validation_failed', 'The translation cannot be linked', [{ field, message }]);

/** The page at `slug` and the other pages of its group, by language; null when there is no such page. */
export async function loadTranslations(db: Db, slug: string): Promise<{ page: TranslationPage; others: TranslationPage[] } | null> {
  const row = await db.selectFrom('wiki_pages').select(PAGE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  const page = toPage(row);
  const others =
    page.translationGroup === null
      ? []
      : (
          await db
            .selectFrom('wiki_pages')
            .select(PAGE_COLUMNS)
            .where('translation_group', '=', page.translationGroup)
            .where('id', '!=', page.id)
            .orderBy('locale')
            .execute()
        ).map(toPage);
  return { page, others };
}

/** The slug in a page address (`fr/wiki/slug`, a full URL, or the bare slug), else null. */
function slugOf(text: string): string | null {
  const path = /\/wiki\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:[?#].*)?$/.exec(text)?.[1];
  if (path) return path;
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text) ? text : null;
}

/** The page `target` names: by address, else by its exact title in the chosen language. */
async function resolveTarget(trx: Db, target: TranslationTarget): Promise<TranslationPage | null> {
  const text = target.page.trim();
  const slug = slugOf(text);
  const query = trx.selectFrom('wiki_pages').select(PAGE_COLUMNS);
  const bySlug = slug ? await query.where('slug', '=', slug).executeTakeFirst() : undefined;
  const row =
    bySlug ??
    (await query.where('locale', '=', target.locale).where('title', '=', normalizeTitle(text)).orderBy('id').limit(1).executeTakeFirst());
  return row ? toPage(row) : null;
}

/**
 * Locks `pages` and every page of their groups, in one statement in id order (two people linking
 * or unlinking at once then never wait on each other crosswise), and returns them as locked. The
 * groups were read before the lock: when one changed meanwhile, `conflict` (nothing written yet).
 */
async function lockGroups(trx: Db, pages: TranslationPage[]): Promise<TranslationPage[]> {
  const ids = pages.map((p) => p.id);
  const groups = pages.flatMap((p) => (p.translationGroup === null ? [] : [p.translationGroup]));
  const rows = await forUpdate(
    trx,
    trx
      .selectFrom('wiki_pages')
      .select(PAGE_COLUMNS)
      .where((eb) => eb.or([eb('id', 'in', ids), ...(groups.length > 0 ? [eb('translation_group', 'in', groups)] : [])]))
      .orderBy('id'),
  ).execute();
  const locked = rows.map(toPage);
  for (const p of pages) {
    if (locked.find((l) => l.id === p.id)?.translationGroup !== p.translationGroup)
      throw new AppError('conflict', 'The translations of these pages changed meanwhile: try again');
  }
  return locked;
}

/** The page at `slug`, or not_found. */
async function pageAt(trx: Db, slug: string): Promise<TranslationPage> {
  const row = await trx.selectFrom('wiki_pages').select(PAGE_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such page');
  return toPage(row);
}

/**
 * Links the page at `slug` with the page `target` names, in another language: their two groups
 * become one (the smaller group id). Refused (`validation_failed`, nothing written) when the
 * language is not another of the site's, the page is not found or not in that language, or the
 * merged group would hold two pages of one language; refused as an edit would be on either page.
 * Linking pages already linked changes nothing (`unchanged`). Audited as `wiki.translation.link`.
 */
export async function linkTranslation(
  db: Db,
  actor: WikiActor,
  slug: string,
  target: TranslationTarget,
  options: { locales: readonly string[] },
  context: AuditContext,
): Promise<{ other: TranslationPage; unchanged: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const outcome = await db.transaction().execute(async (trx) => {
    const page = await pageAt(trx, slug);
    authorize(actor, 'page.edit', page);
    if (!options.locales.includes(target.locale) || target.locale === page.locale)
      throw fieldError('locale', 'wiki.translations.errors.locale');
    if (target.page.trim() === '') throw fieldError('page', 'wiki.translations.errors.pageMissing');
    const other = await resolveTarget(trx, target);
    if (!other) throw fieldError('page', 'wiki.translations.errors.notFound');
    if (other.id === page.id || other.locale === page.locale) throw fieldError('page', 'wiki.translations.errors.sameLanguage');
    if (other.locale !== target.locale) throw fieldError('page', 'wiki.translations.errors.otherLanguage');
    authorize(actor, 'page.edit', other);
    if (page.translationGroup !== null && page.translationGroup === other.translationGroup) return { other, unchanged: true };
    const members = await lockGroups(trx, [page, other]);
    const languages = members.map((m) => m.locale);
    if (new Set(languages).size !== languages.length) throw fieldError('page', 'wiki.translations.errors.duplicateLanguage');
    const group = Math.min(page.translationGroup ?? page.id, other.translationGroup ?? other.id);
    await trx
      .updateTable('wiki_pages')
      .set({ translation_group: group })
      .where(
        'id',
        'in',
        members.map((m) => m.id),
      )
      .execute();
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.translation.link',
      subjectType: 'wiki_page',
      subjectId: page.slug,
      data: { with: other.slug, group },
    });
    return { other, unchanged: false };
  });
  if (!outcome.unchanged) await contentChanged(db);
  return outcome;
}

/**
 * Takes the page at `slug` out of its translation group (nothing to do when it is in none). A page
 * left alone leaves the group too; when the group was numbered after the page that leaves, the
 * others take the smallest of their ids, so a page's own id never names a group it is not in.
 * Refused as an edit of the page would be. Audited as `wiki.translation.unlink`.
 */
export async function unlinkTranslation(db: Db, actor: WikiActor, slug: string, context: AuditContext): Promise<{ unchanged: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const outcome = await db.transaction().execute(async (trx) => {
    const page = await pageAt(trx, slug);
    authorize(actor, 'page.edit', page);
    if (page.translationGroup === null) return { unchanged: true };
    const rest = (await lockGroups(trx, [page])).filter((m) => m.id !== page.id);
    const regroup =
      rest.length <= 1 ? null : page.translationGroup === page.id ? Math.min(...rest.map((m) => m.id)) : page.translationGroup;
    await trx.updateTable('wiki_pages').set({ translation_group: null }).where('id', '=', page.id).execute();
    if (rest.length > 0 && regroup !== page.translationGroup) {
      await trx
        .updateTable('wiki_pages')
        .set({ translation_group: regroup })
        .where(
          'id',
          'in',
          rest.map((m) => m.id),
        )
        .execute();
    }
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.translation.unlink',
      subjectType: 'wiki_page',
      subjectId: page.slug,
      data: { group: page.translationGroup },
    });
    return { unchanged: false };
  });
  if (!outcome.unchanged) await contentChanged(db);
  return outcome;
}
