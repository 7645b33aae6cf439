/**
 * Pages and revisions people may report (platform/flags.ts): what the report form and the
 * moderation queue show of them. A hidden page shows the moderator's reason instead of its text; a
 * hidden revision, instead of its summary and its changes. One query per call.
 */
import type { Db } from '../../db/database.js';
import { isLocale } from '../../config.js';
import type { FlaggableItem, FlaggableType } from '../../platform/flags.js';
import { WIKI_PAGE_TYPE, WIKI_REVISION_TYPE } from './wiki.model.js';
import './wiki.tables.js';

/** The numeric ids among `ids` (others cannot exist). */
const numericIds = (ids: readonly string[]) => [...new Set(ids.filter((id) => /^\d{1,12}$/.test(id)).map(Number))];

async function loadPages(db: Db, ids: readonly string[]): Promise<FlaggableItem[]> {
  const numeric = numericIds(ids);
  if (numeric.length === 0) return [];
  const rows = await db
    .selectFrom('wiki_pages')
    .select(['id', 'slug', 'title', 'locale', 'created_by'])
    .where('id', 'in', numeric)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    authorId: r.created_by,
    title: r.title,
    url: `/${r.locale}/wiki/${r.slug}`,
    locale: isLocale(r.locale) ? r.locale : undefined,
  }));
}

async function loadRevisions(db: Db, ids: readonly string[]): Promise<FlaggableItem[]> {
  const numeric = numericIds(ids);
  if (numeric.length === 0) return [];
  const rows = await db
    .selectFrom('wiki_revisions as r')
    .innerJoin('wiki_pages as p', 'p.id', 'r.page_id')
    .select(['r.id', 'r.parent_id', 'r.author_id', 'r.title', 'r.summary', 'p.slug', 'p.locale'])
    .where('r.id', 'in', numeric)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    authorId: r.author_id,
    title: r.summary ? `${r.title} — ${r.summary}` : r.title,
    // Its changes when it has a parent; else the history, where the first revision is listed.
    url:
      r.parent_id === null
        ? `/${r.locale}/wiki/${r.slug}/history#revision-${r.id}`
        : `/${r.locale}/wiki/${r.slug}/diff?from=${r.parent_id}&to=${r.id}`,
    locale: isLocale(r.locale) ? r.locale : undefined,
  }));
}

export const wikiFlaggables: FlaggableType[] = [
  { type: WIKI_PAGE_TYPE, labelKey: 'wiki.flags.page', load: loadPages },
  { type: WIKI_REVISION_TYPE, labelKey: 'wiki.flags.revision', load: loadRevisions },
];
