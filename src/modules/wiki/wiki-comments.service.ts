/**
 * A wiki page's discussion: comments under the page, in plain text. People with a verified email
 * post them; their author, a moderator or an admin deletes them (a moderator removing someone
 * else's is audited). Comments are flaggable (`wiki.comment`): moderation may hide one, which then
 * shows a notice in its place. The page is a shared body, so every change bumps the content
 * generation after its transaction.
 *
 * Paging: under the page, the newest COMMENTS_UNDER_PAGE comments, shown oldest first (a
 * conversation reads down); older ones on `/wiki/{slug}/discussion?before=<id>`, by keyset on the id
 * (ids grow with time), again oldest first within each page.
 */
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { keysetFetchSize, keysetPage } from '../../db/keyset.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { moderationStatus, type ContentModeration, type FlaggableItem } from '../../platform/flags.js';
import type { WikiActor } from './wiki.policy.js';
import './wiki.tables.js';

/** The flaggable content type of comments. */
export const COMMENT_TYPE = 'wiki.comment';
/** The longest comment, in characters (UTF-16 code units, as a browser's `maxlength` counts). */
export const COMMENT_MAX = 4000;
/** Comments shown under the page itself (the newest). */
export const COMMENTS_UNDER_PAGE = 20;
/** Comments per page of `/wiki/{slug}/discussion`. */
export const COMMENTS_PER_PAGE = 50;
/** The same text posted again by the same person within this time is a double submission. */
const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
const MODERATOR_ROLES: readonly string[] = ['moderator', 'admin'];

/** Whether `actor` may comment: signed in with a verified email. */
export function canPostComment(actor: WikiActor): actor is NonNullable<WikiActor> {
  return actor !== null && actor.emailVerified;
}

/** Whether `actor` may delete a comment: its author, a moderator or an admin. */
export function canDeleteComment(actor: WikiActor, comment: { authorId: number | null }): boolean {
  if (!actor) return false;
  return (comment.authorId !== null && comment.authorId === actor.id) || actor.roles.some((r) => MODERATOR_ROLES.includes(r));
}

/** One comment as the discussion shows it. */
export interface WikiComment {
  id: number;
  authorId: number | null;
  /** The author's display name; null for a deleted account (shown as a deleted participant). */
  authorName: string | null;
  body: string;
  createdAt: string;
}

// Control characters other than tab and new line: invisible, and some break terminals and feeds.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Line endings as `\n`, control characters (but tabs and new lines) dropped, blanks around trimmed. */
export function normaliseCommentBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
}

/** The page `slug` if readers see it: not while its first revision waits for review (no stable revision). */
function readablePage(db: Db, slug: string) {
  return db.selectFrom('wiki_pages').where('slug', '=', slug).where('stable_revision_id', 'is not', null);
}

/** Throws `unauthorized` (signed out) or `forbidden` (email not verified) unless `actor` may comment. */
function authorizePost(actor: WikiActor): asserts actor is NonNullable<WikiActor> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (!canPostComment(actor)) throw new AppError('forbidden', 'Confirm your email address first');
}

/**
 * Posts a comment under the page `slug`. Refused for signed-out people (`unauthorized`) and
 * unverified emails (`forbidden`); an empty or too long text is `validation_failed` (field `body`)
 * and writes nothing; a missing page (or one readers do not see yet) is `not_found`. The same text sent again by the same person
 * within minutes (a double click) returns the first comment (`created: false`).
 */
export async function postComment(db: Db, actor: WikiActor, slug: string, body: string): Promise<{ id: number; created: boolean }> {
  authorizePost(actor);
  const text = normaliseCommentBody(body);
  if (text === '')
    throw new AppError('validation_failed', 'Empty comment', [{ field: 'body', message: 'wiki.discussion.errors.bodyMissing' }]);
  if (text.length > COMMENT_MAX)
    throw new AppError('validation_failed', 'Comment too long', [{ field: 'body', message: 'wiki.discussion.errors.bodyLong' }]);
  const result = await db.transaction().execute(async (trx) => {
    // Locking the page serialises one page's comments (PostgreSQL): a double submission sees the first.
    const page = await forUpdate(trx, readablePage(trx, slug).select('id')).executeTakeFirst();
    if (!page) throw new AppError('not_found', 'No such page');
    const last = await trx
      .selectFrom('wiki_comments')
      .select(['id', 'body', 'created_at'])
      .where('page_id', '=', page.id)
      .where('author_id', '=', actor.id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last && last.body === text && Date.now() - Date.parse(last.created_at) < DUPLICATE_WINDOW_MS)
      return { id: last.id, created: false };
    const { id } = await trx
      .insertInto('wiki_comments')
      .values({ page_id: page.id, author_id: actor.id, body: text, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, created: true };
  });
  if (result.created) await contentChanged(db);
  return result;
}

/**
 * Deletes comment `id` for its author, a moderator or an admin (`forbidden` for anyone else,
 * `unauthorized` signed out, `not_found` if it is gone). A moderator removing someone else's
 * comment is audited (which page, whose; not the text). Returns the page's slug, to go back to.
 */
export async function deleteComment(db: Db, actor: WikiActor, id: number, ctx: AuditContext): Promise<{ slug: string }> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const slug = await db.transaction().execute(async (trx) => {
    const comment = await forUpdate(
      trx,
      trx
        .selectFrom('wiki_comments as c')
        .innerJoin('wiki_pages as p', 'p.id', 'c.page_id')
        .select(['c.id', 'c.author_id', 'p.slug'])
        .where('c.id', '=', id),
    ).executeTakeFirst();
    if (!comment) throw new AppError('not_found', 'No such comment');
    if (!canDeleteComment(actor, { authorId: comment.author_id })) throw new AppError('forbidden', 'Not your comment');
    await trx.deleteFrom('wiki_comments').where('id', '=', id).execute();
    if (comment.author_id !== actor.id) {
      await audit(trx, {
        ...ctx,
        actorId: actor.id,
        action: 'wiki.comment_delete',
        subjectType: COMMENT_TYPE,
        subjectId: String(id),
        data: { page: comment.slug, authorId: comment.author_id },
      });
    }
    return comment.slug;
  });
  await contentChanged(db);
  return { slug };
}

/**
 * One page of a page's comments, by keyset: the newest `limit` before comment `before` (or the
 * newest), returned oldest first, with `older` the cursor of the page before them (null at the
 * start). One query; authors joined (a deleted account has no name).
 */
export async function listComments(
  db: Db,
  pageId: number,
  { before, limit }: { before?: number | undefined; limit: number },
): Promise<{ comments: WikiComment[]; older: number | null }> {
  let q = db
    .selectFrom('wiki_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.author_id', 'c.body', 'c.created_at', 'u.display_name', 'u.deleted_at'])
    .where('c.page_id', '=', pageId);
  if (before !== undefined) q = q.where('c.id', '<', before);
  const rows = await q.orderBy('c.id', 'desc').limit(keysetFetchSize(limit)).execute();
  const { page, nextBefore } = keysetPage(rows, limit);
  return {
    comments: page.reverse().map((r) => ({
      id: r.id,
      authorId: r.author_id,
      authorName: r.author_id !== null && r.display_name !== null && r.deleted_at === null ? r.display_name : null,
      body: r.body,
      createdAt: r.created_at,
    })),
    older: nextBefore,
  };
}

/** A page's discussion as its views need it: the comments shown, how many there are, which are hidden. */
export interface Discussion {
  slug: string;
  comments: WikiComment[];
  /** Every comment of the page (the heading's count). */
  total: number;
  /** The cursor of older comments, when there are some. */
  older: number | null;
  /** How many comments are older than those shown (0 when not counted: pages after the first). */
  olderCount: number;
  /** The shown comments moderation hid, by id. */
  hidden: ReadonlyMap<string, ContentModeration>;
}

/**
 * The discussion of page `slug` (null if readers do not see such a page): the newest `limit`
 * comments before `before`, their count and moderation. Four indexed queries, whatever the
 * discussion's size; a shared body runs them once per content generation.
 */
export async function loadDiscussion(
  db: Db,
  slug: string,
  { before, limit = COMMENTS_UNDER_PAGE }: { before?: number | undefined; limit?: number } = {},
): Promise<Discussion | null> {
  const page = await readablePage(db, slug).select('id').executeTakeFirst();
  if (!page) return null;
  const [{ comments, older }, count] = await Promise.all([
    listComments(db, page.id, { before, limit }),
    db
      .selectFrom('wiki_comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('page_id', '=', page.id)
      .executeTakeFirstOrThrow(),
  ]);
  const total = Number(count.n);
  const hidden = await moderationStatus(
    db,
    COMMENT_TYPE,
    comments.map((c) => String(c.id)),
  );
  // Under the page (no cursor) the older ones are all the others; a later page only links "older".
  const olderCount = older === null ? 0 : before === undefined ? Math.max(1, total - comments.length) : 0;
  return { slug, comments, total, older, olderCount, hidden };
}

/** The report form's and moderation queue's view of comments among `ids`: one query. */
export async function loadCommentsForFlags(db: Db, ids: readonly string[], defaultLocale: Locale = 'en'): Promise<FlaggableItem[]> {
  const numeric = [...new Set(ids.filter((id) => /^\d{1,12}$/.test(id)).map(Number))];
  if (numeric.length === 0) return [];
  const rows = await db
    .selectFrom('wiki_comments as c')
    .innerJoin('wiki_pages as p', 'p.id', 'c.page_id')
    .select(['c.id', 'c.author_id', 'c.body', 'p.slug', 'p.locale'])
    .where('c.id', 'in', numeric)
    .execute();
  return rows.map((r) => {
    const locale: Locale = isLocale(r.locale) ? r.locale : defaultLocale;
    const text = r.body.replace(/\s+/g, ' ').trim();
    return {
      id: String(r.id),
      authorId: r.author_id,
      title: text.length > 120 ? `${text.slice(0, 119)}…` : text,
      url: `/${locale}/wiki/${r.slug}#comment-${r.id}`,
      locale,
    };
  });
}

/** The person's own comments, for "Download my data": which page, the text, when. */
export async function commentsOf(db: Db, userId: number) {
  return db
    .selectFrom('wiki_comments as c')
    .innerJoin('wiki_pages as p', 'p.id', 'c.page_id')
    .select(['c.id as commentId', 'p.slug as page', 'c.body', 'c.created_at as postedAt'])
    .where('c.author_id', '=', userId)
    .orderBy('c.id')
    .execute();
}

/**
 * On account deletion (inside its transaction): the comments stay for the discussion to make sense,
 * no longer linked to the person (shown as a deleted participant's). Cached pages are renewed, since
 * they showed the name.
 */
export async function detachComments(trx: Db, userId: number): Promise<void> {
  const result = await trx.updateTable('wiki_comments').set({ author_id: null }).where('author_id', '=', userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) await contentChanged(trx);
}
