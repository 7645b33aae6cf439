/** Reading the wiki: a page as readers or editors see it, its history by keyset pages. Reads only. */
import type { Db } from '../../db/database.js';
import { moderationStatus, type ContentModeration } from '../../platform/flags.js';
import { keysetFetchSize, keysetPage } from '../../db/keyset.js';
import { WIKI_REVISION_TYPE, type PageType, type ReviewStatus, type RevisionSummary, type WikiPageView } from './wiki.model.js';
import './wiki.tables.js';

/**
 * A page with the text readers see (`stable`: its latest accepted revision) or the one editors
 * build on (`latest`: its latest revision, which may wait for review). Null when the page does not
 * exist, or has no accepted revision yet and `stable` is asked.
 */
export async function findPage(db: Db, slug: string, which: 'stable' | 'latest' = 'stable'): Promise<WikiPageView | null> {
  const row = await db
    .selectFrom('wiki_pages as p')
    .innerJoin('wiki_revisions as r', 'r.id', which === 'stable' ? 'p.stable_revision_id' : 'p.current_revision_id')
    .select([
      'p.id as page_id',
      'p.slug',
      'p.type',
      'p.locale',
      'p.category',
      'p.protected',
      'p.updated_at',
      'p.current_revision_id',
      'p.stable_revision_id',
      'r.id as revision_id',
      'r.title',
      'r.body',
    ])
    .where('p.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.page_id,
    slug: row.slug,
    title: row.title,
    type: row.type as PageType,
    locale: row.locale,
    category: row.category,
    body: row.body,
    revisionId: row.revision_id,
    latestRevisionId: row.current_revision_id!,
    pendingReview: row.current_revision_id !== row.stable_revision_id,
    protected: row.protected === 1,
    updatedAt: row.updated_at,
  };
}

/** The revision and author columns a RevisionSummary is built from (`r`: wiki_revisions, `u`: users). */
const REVISION_COLUMNS = [
  'r.id',
  'r.parent_id',
  'r.summary',
  'r.kind',
  'r.size',
  'r.size_delta',
  'r.created_at',
  'r.review_status',
  'r.review_reason',
  'u.display_name',
  'u.deleted_at',
] as const;

function toRevisionSummary(r: {
  id: number;
  parent_id: number | null;
  summary: string;
  kind: string;
  size: number;
  size_delta: number;
  created_at: string;
  review_status: string;
  review_reason: string | null;
  display_name: string | null;
  deleted_at: string | null;
}): RevisionSummary {
  return {
    id: r.id,
    parentId: r.parent_id,
    // A deleted account's contributions stay, without a name.
    author: r.display_name && !r.deleted_at ? r.display_name : null,
    summary: r.summary,
    kind: r.kind as RevisionSummary['kind'],
    size: r.size,
    sizeDelta: r.size_delta,
    createdAt: r.created_at,
    reviewStatus: r.review_status as ReviewStatus,
    reviewReason: r.review_reason,
    hidden: false,
  };
}

/**
 * Leaves out the summaries of the revisions moderation hid (one query for the lot), and says which
 * they are, with the moderator's reason.
 */
async function withModeration<T extends RevisionSummary>(
  db: Db,
  revisions: T[],
): Promise<{ revisions: T[]; hidden: ReadonlyMap<string, ContentModeration> }> {
  const hidden = await moderationStatus(
    db,
    WIKI_REVISION_TYPE,
    revisions.map((r) => String(r.id)),
  );
  return {
    revisions: hidden.size === 0 ? revisions : revisions.map((r) => (hidden.has(String(r.id)) ? { ...r, summary: '', hidden: true } : r)),
    hidden,
  };
}

/** Revisions per page of history at most. */
export const MAX_REVISIONS_PER_PAGE = 100;

/**
 * A page's revisions, newest first, `limit` at a time from before the revision id `before` (keyset:
 * the 500th page of a long history costs what the first does). Null when the page does not exist.
 */
export async function listRevisions(
  db: Db,
  slug: string,
  options: { before?: number | undefined; limit: number },
): Promise<{ revisions: RevisionSummary[]; next: number | null } | null> {
  const page = await db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!page) return null;
  const { revisions, next } = await revisionsOfPage(db, page.id, options);
  return { revisions, next };
}

/** listRevisions by the page's id, with the revisions moderation hid (and why) among those listed. */
export async function revisionsOfPage(
  db: Db,
  pageId: number,
  options: { before?: number | undefined; limit: number },
): Promise<{ revisions: RevisionSummary[]; next: number | null; hidden: ReadonlyMap<string, ContentModeration> }> {
  let query = db
    .selectFrom('wiki_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(REVISION_COLUMNS)
    .where('r.page_id', '=', pageId);
  if (options.before !== undefined) query = query.where('r.id', '<', options.before);
  const rows = await query.orderBy('r.id', 'desc').limit(keysetFetchSize(options.limit)).execute();
  const { page, nextBefore } = keysetPage(rows, options.limit);
  return { ...(await withModeration(db, page.map(toRevisionSummary))), next: nextBefore };
}

/** One change in the wiki's recent changes: a revision with its page. */
export interface RecentChange extends RevisionSummary {
  page: { slug: string; title: string };
}

/**
 * The latest revisions of the pages in `locale`, newest first, `limit` at a time before the
 * revision id `before` (keyset, by the revisions' primary key).
 */
export async function recentChanges(
  db: Db,
  locale: string,
  options: { before?: number | undefined; limit: number },
): Promise<{ changes: RecentChange[]; next: number | null }> {
  let query = db
    .selectFrom('wiki_revisions as r')
    .innerJoin('wiki_pages as p', 'p.id', 'r.page_id')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select([...REVISION_COLUMNS, 'p.slug', 'p.title as page_title'])
    // The revision's own copy of the language: its (locale, id) index gives the newest at once.
    .where('r.locale', '=', locale);
  if (options.before !== undefined) query = query.where('r.id', '<', options.before);
  const rows = await query.orderBy('r.id', 'desc').limit(keysetFetchSize(options.limit)).execute();
  const { page, nextBefore } = keysetPage(rows, options.limit);
  const { revisions } = await withModeration(
    db,
    page.map((r) => ({ ...toRevisionSummary(r), page: { slug: r.slug, title: r.page_title } })),
  );
  return { changes: revisions, next: nextBefore };
}
