/**
 * Saving wiki pages: every save is a new revision, and no edit is ever lost. A save names the
 * revision the editor started from; when someone else saved in between, the two edits are merged
 * line by line (three-way, merge.ts) and saved as one revision when they do not overlap. When they
 * do, nothing is saved and the caller gets both versions to resolve. Restoring an old revision is a
 * new revision with its text (nothing erased). Each save stores the full text, the diff from the
 * revision before and the page's links, in one transaction that locks the page row.
 */
import type { Db } from '../../db/database.js';
import { forUpdate, isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { extractLinks, MAX_TITLE_SLUG, normalizeTitle, slugifyTitle } from './markdown.js';
import { threeWayMerge } from './merge.js';
import { makeStoredDiff, sizeDelta } from './revision-diff.js';
import { PAGE_TYPES, WIKI_LIMITS, type PageEdit, type PageType, type ReviewThreshold } from './wiki.model.js';
import { authorize, TRUSTED_EDITOR_ROLES, type WikiActor } from './wiki.policy.js';
import { categoryProblem } from './wiki-categories.js';
import { indexWikiPage } from './wiki-search.js';
import { notifyWatchers } from './wiki-watch.service.js';
import './wiki.tables.js';

/** Page slugs: lower-case words joined by hyphens (slugifyTitle's output). */
export const WIKI_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Addresses the wiki's own pages use (`/wiki/new`, `/wiki/recent-changes`): no page may take them. */
const RESERVED_SLUGS: readonly string[] = ['new', 'recent-changes', 'review', 'watchlist'];

/** Both sides of an edit conflict, for the editor (or the API client) to resolve. */
export interface EditConflict {
  current: { revisionId: number; title: string; body: string };
  yours: { title: string; body: string; baseRevisionId: number | null };
}

export type SaveOutcome =
  | {
      status: 'saved';
      slug: string;
      revisionId: number;
      created: boolean;
      merged: boolean;
      unchanged: boolean;
      /** The revision waits for review: readers still see the last accepted one. */
      pending: boolean;
    }
  | ({ status: 'conflict' } & EditConflict);

/** Normalises a save's texts (line endings, surrounding blanks) and lists what is wrong with them. */
function checkEdit(
  slug: string,
  edit: PageEdit,
  locales: readonly string[],
  /** What the caller found wrong besides (an unknown category). */
  more: FieldError[] = [],
): { title: string; body: string; summary: string } {
  // As links name pages (normalizeTitle): [[Title]] then finds it exactly.
  const title = normalizeTitle(edit.title);
  const body = edit.body.replace(/\r\n?/g, '\n');
  const summary = edit.summary.trim().replace(/\s+/g, ' ');
  const problems: FieldError[] = [...more];
  if (!WIKI_SLUG.test(slug) || slug.length > 120 || RESERVED_SLUGS.includes(slug))
    problems.push({ field: 'slug', message: 'wiki.errors.slug' });
  if (title === '') problems.push({ field: 'title', message: 'wiki.errors.titleMissing' });
  else if (title.length > WIKI_LIMITS.title) problems.push({ field: 'title', message: 'wiki.errors.titleLong' });
  if (body.trim() === '') problems.push({ field: 'body', message: 'wiki.errors.bodyMissing' });
  else if (body.length > WIKI_LIMITS.body) problems.push({ field: 'body', message: 'wiki.errors.bodyLong' });
  if (summary.length > WIKI_LIMITS.summary) problems.push({ field: 'summary', message: 'wiki.errors.summaryLong' });
  if (edit.type !== undefined && !PAGE_TYPES.includes(edit.type)) problems.push({ field: 'type', message: 'wiki.errors.type' });
  if (edit.locale !== undefined && !locales.includes(edit.locale)) problems.push({ field: 'locale', message: 'wiki.errors.locale' });
  if (problems.length > 0) throw new AppError('validation_failed', 'The page cannot be saved as it is', problems);
  return { title, body, summary };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whether `actor`'s edits wait for review: an account younger than the threshold's days, or with
 * fewer accepted edits than its count. Helpers, mediators, moderators and admins never wait.
 */
export async function isNewEditor(db: Db, actor: NonNullable<WikiActor>, threshold: ReviewThreshold): Promise<boolean> {
  if (actor.roles.some((r) => TRUSTED_EDITOR_ROLES.includes(r))) return false;
  if (threshold.accountDays > 0) {
    const user = await db.selectFrom('users').select('created_at').where('id', '=', actor.id).executeTakeFirst();
    if (!user || Date.parse(user.created_at) > Date.now() - threshold.accountDays * DAY) return true;
  }
  if (threshold.acceptedEdits > 0) {
    const accepted = await db
      .selectFrom('wiki_revisions')
      .select('id')
      .where('author_id', '=', actor.id)
      .where('review_status', '=', 'accepted')
      .limit(threshold.acceptedEdits)
      .execute();
    if (accepted.length < threshold.acceptedEdits) return true;
  }
  return false;
}

/** A revision waits for review when its author is new, or when it follows revisions that wait. */
const reviewStatusFor = (newEditor: boolean, page: { current_revision_id: number | null; stable_revision_id: number | null } | null) =>
  newEditor || (page !== null && page.current_revision_id !== page.stable_revision_id) ? ('pending' as const) : ('accepted' as const);

/** A page's row, locked for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
export async function lockPage(trx: Db, slug: string) {
  return forUpdate(trx, trx.selectFrom('wiki_pages').selectAll().where('slug', '=', slug)).executeTakeFirst();
}

export async function revisionOf(trx: Db, pageId: number, revisionId: number) {
  return trx.selectFrom('wiki_revisions').selectAll().where('id', '=', revisionId).where('page_id', '=', pageId).executeTakeFirst();
}

/**
 * Makes `revision` the one readers see: the page takes its title, its time and its links (so a
 * service lists a guide, and a link finds a page, only once accepted).
 */
export async function publishRevision(trx: Db, pageId: number, revision: { id: number; title: string; body: string }): Promise<void> {
  await trx
    .updateTable('wiki_pages')
    .set({ title: revision.title, stable_revision_id: revision.id, updated_at: nowIso() })
    .where('id', '=', pageId)
    .execute();
  const links = extractLinks(revision.body);
  await trx.deleteFrom('wiki_links').where('page_id', '=', pageId).execute();
  const rows = [...new Set(links.pages.map((p) => `page\n${p}`)), ...new Set(links.services.map((s) => `service\n${s}`))].map((key) => {
    const [kind, target] = key.split('\n') as [string, string];
    return { page_id: pageId, kind, target };
  });
  if (rows.length > 0) await trx.insertInto('wiki_links').values(rows).execute();
}

/**
 * Stores a revision after `parent` and points the page at it. An accepted revision is published at
 * once; a pending one waits in the review queue (`pending_since` keeps the oldest waiting time).
 */
export async function writeRevision(
  trx: Db,
  page: { id: number; locale: string; revision_count: number; pending_since: string | null },
  parent: { id: number; body: string } | null,
  revision: {
    authorId: number;
    title: string;
    body: string;
    summary: string;
    kind: 'create' | 'edit' | 'merge' | 'restore';
    restoredFrom?: number;
    status: 'accepted' | 'pending';
  },
): Promise<number> {
  const stamp = nowIso();
  const before = parent?.body ?? '';
  const { id } = await trx
    .insertInto('wiki_revisions')
    .values({
      page_id: page.id,
      parent_id: parent?.id ?? null,
      author_id: revision.authorId,
      title: revision.title,
      body: revision.body,
      diff: JSON.stringify(makeStoredDiff(before, revision.body)),
      summary: revision.summary,
      size: revision.body.length,
      size_delta: sizeDelta(before, revision.body),
      kind: revision.kind,
      restored_from: revision.restoredFrom ?? null,
      created_at: stamp,
      review_status: revision.status,
      locale: page.locale,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const accepted = revision.status === 'accepted';
  await trx
    .updateTable('wiki_pages')
    .set({
      current_revision_id: id,
      revision_count: page.revision_count + 1,
      pending_since: accepted ? null : (page.pending_since ?? stamp),
    })
    .where('id', '=', page.id)
    .execute();
  if (accepted) await publishRevision(trx, page.id, { id, title: revision.title, body: revision.body });
  // after-revision hooks (same transaction): search index, watchers' notifications.
  await indexWikiPage(trx, page.id);
  await notifyWatchers(trx, { pageId: page.id, revisionId: id, authorId: revision.authorId });
  return id;
}

/**
 * Creates the page `slug` (no `baseRevisionId`) or saves a new revision of it. From the latest
 * revision: saved as is. From an older one: merged with what was saved since when the edits do not
 * overlap (`merged: true`), else `conflict` and nothing is written. Saving the same title and text
 * again writes nothing (`unchanged`). Refused for signed-out or unverified people, and for
 * protected pages to all but trusted editors.
 */
export async function savePage(
  db: Db,
  actor: WikiActor,
  slug: string,
  edit: PageEdit,
  options: { locales: readonly string[]; defaultLocale: string; review: ReviewThreshold },
  retried = false,
): Promise<SaveOutcome> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const category = await categoryProblem(db, edit.category);
  const { title, body, summary } = checkEdit(slug, edit, options.locales, category ? [category] : []);
  const newEditor = await isNewEditor(db, actor, options.review);
  let outcome: SaveOutcome;
  try {
    outcome = await db.transaction().execute((trx) => saveIn(trx));
  } catch (err) {
    // Two people creating the same page at once: there was no row to lock, and the loser of the
    // unique slug gets here once the winner committed. Again, it finds the page (and answers
    // `unchanged` or `conflict`: the winner's text is not overwritten, nor is this one lost).
    if (retried || !isUniqueViolation(err)) throw err;
    return savePage(db, actor, slug, edit, options, true);
  }
  if (outcome.status === 'saved' && !outcome.unchanged) await contentChanged(db);
  return outcome;

  async function saveIn(trx: Db): Promise<SaveOutcome> {
    const page = await lockPage(trx, slug);
    if (!page) {
      if (edit.baseRevisionId !== undefined) throw new AppError('not_found', 'No such page: it may have been deleted');
      authorize(actor, 'page.create');
      const stamp = nowIso();
      const created = await trx
        .insertInto('wiki_pages')
        .values({
          slug,
          locale: edit.locale ?? options.defaultLocale,
          title,
          type: (edit.type ?? 'general') satisfies PageType,
          category: edit.category ?? null,
          translation_group: null,
          current_revision_id: null,
          created_by: actor.id,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning(['id', 'locale', 'revision_count'])
        .executeTakeFirstOrThrow();
      const status = reviewStatusFor(newEditor, null);
      const revisionId = await writeRevision(trx, { ...created, pending_since: null }, null, {
        authorId: actor.id,
        title,
        body,
        summary,
        kind: 'create',
        status,
      });
      return { status: 'saved', slug, revisionId, created: true, merged: false, unchanged: false, pending: status === 'pending' };
    }
    authorize(actor, 'page.edit', { protected: page.protected === 1 });
    const current = await revisionOf(trx, page.id, page.current_revision_id!);
    if (!current) throw new Error(`wiki page ${page.id} has no current revision`);
    const status = reviewStatusFor(newEditor, page);
    const unchanged = (revisionId: number): SaveOutcome => ({
      status: 'saved',
      slug,
      revisionId,
      created: false,
      merged: false,
      unchanged: true,
      pending: page.current_revision_id !== page.stable_revision_id,
    });
    const conflict = (): SaveOutcome => ({
      status: 'conflict',
      current: { revisionId: current.id, title: current.title, body: current.body },
      yours: { title, body, baseRevisionId: edit.baseRevisionId ?? null },
    });
    // Creating a page someone else has just created: their text is not lost, nor is this one.
    if (edit.baseRevisionId === undefined) return title === current.title && body === current.body ? unchanged(current.id) : conflict();
    const base = await revisionOf(trx, page.id, edit.baseRevisionId);
    if (!base)
      throw new AppError('validation_failed', 'That revision is not one of this page', [
        { field: 'baseRevisionId', message: 'wiki.errors.base' },
      ]);
    if (base.id === current.id) {
      if (title === current.title && body === current.body) return unchanged(current.id);
      const revisionId = await writeRevision(trx, page, current, { authorId: actor.id, title, body, summary, kind: 'edit', status });
      return { status: 'saved', slug, revisionId, created: false, merged: false, unchanged: false, pending: status === 'pending' };
    }
    // Someone saved since the editor's base: keep both edits when they do not overlap.
    const mergedTitle = title === base.title ? current.title : current.title === base.title || current.title === title ? title : null;
    const merged = threeWayMerge(base.body, current.body, body);
    if (mergedTitle === null || !merged.clean) return conflict();
    if (mergedTitle === current.title && merged.text === current.body) return unchanged(current.id);
    const revisionId = await writeRevision(trx, page, current, {
      authorId: actor.id,
      title: mergedTitle,
      body: merged.text,
      summary,
      kind: 'merge',
      status,
    });
    return { status: 'saved', slug, revisionId, created: false, merged: true, unchanged: false, pending: status === 'pending' };
  }
}

/**
 * Brings back the text and title of an earlier revision as a new revision (`restore`): the history
 * keeps everything, vandalism included. One action, audited. Refused as an edit would be.
 */
export async function restoreRevision(
  db: Db,
  actor: WikiActor,
  slug: string,
  revisionId: number,
  summary: string,
  context: AuditContext,
  review: ReviewThreshold,
): Promise<{ revisionId: number; pending: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const note = summary.trim().replace(/\s+/g, ' ').slice(0, WIKI_LIMITS.summary);
  const newEditor = await isNewEditor(db, actor, review);
  const saved = await db.transaction().execute(async (trx) => {
    const page = await lockPage(trx, slug);
    if (!page) throw new AppError('not_found', 'No such page');
    authorize(actor, 'page.edit', { protected: page.protected === 1 });
    const old = await revisionOf(trx, page.id, revisionId);
    if (!old) throw new AppError('not_found', 'No such revision of this page');
    const current = await revisionOf(trx, page.id, page.current_revision_id!);
    if (!current) throw new Error(`wiki page ${page.id} has no current revision`);
    if (old.id === current.id) throw new AppError('conflict', 'This is already the current revision');
    const status = reviewStatusFor(newEditor, page);
    const newId = await writeRevision(trx, page, current, {
      authorId: actor.id,
      title: old.title,
      body: old.body,
      summary: note,
      kind: 'restore',
      restoredFrom: old.id,
      status,
    });
    await audit(trx, {
      ...context,
      actorId: actor.id,
      action: 'wiki.restore',
      subjectType: 'wiki_page',
      subjectId: slug,
      data: { revision: old.id, as: newId },
    });
    return { revisionId: newId, pending: status === 'pending' };
  });
  await contentChanged(db);
  return saved;
}

/** A free slug for a new page titled `title` in the wiki: its slug, or with `-2`, `-3`… */
export async function freeSlug(db: Db, title: string): Promise<string> {
  // Room for a "-99" suffix within the slug's maximum length.
  const stem = (slugifyTitle(title) || 'page').slice(0, MAX_TITLE_SLUG - 4).replace(/-+$/, '');
  const rows = await db.selectFrom('wiki_pages').select('slug').where('slug', 'like', `${stem}%`).execute();
  const taken = new Set([...RESERVED_SLUGS, ...rows.map((r) => r.slug)]);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
