/**
 * Watchlists: a person watches wiki pages and is emailed when someone else changes one. Saving a
 * page watches it for its author. Each new revision enqueues one `wiki.notify-watchers` job in the
 * saving transaction (so it exists if and only if the revision does); the job mails every watcher
 * but the author, in their own language, through `sendMail` (one `mail.send` job per message).
 * Watchers are read in batches by user id, so a page with thousands of them costs bounded memory,
 * and every mail carries a dedupe key per revision and person, so a job that runs twice (delivery
 * is at least once) mails nobody twice. Only live accounts with a verified address are mailed:
 * an address nobody confirmed may not be its owner's. (Users have no mail preference to honour:
 * `users.preferences` holds display settings only; unwatching is the way to stop.)
 */
import { z } from 'zod';
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { keysetFetchSize, keysetPage } from '../../db/keyset.js';
import { AppError } from '../../platform/errors.js';
import { moderationStatus } from '../../platform/flags.js';
import { DELETED_PARTICIPANT } from '../../platform/gdpr.js';
import { translator } from '../../platform/i18n.js';
import { enqueue, PermanentJobError, type JobHandler } from '../../platform/jobs.js';
import { sendMail, type MailMessage } from '../../platform/mail.js';
import { sizeChange } from './views/size-change.js';
import { WIKI_REVISION_TYPE } from './wiki.model.js';
import './wiki.tables.js';

/** The job type (declared in the module's manifest). */
export const NOTIFY_WATCHERS_JOB = 'wiki.notify-watchers';
/** Watchers read and mailed per query and transaction. */
const WATCHER_BATCH = 200;
/** Subjects are one line of at most 200 characters: room for the words around a long title. */
const SUBJECT_TITLE_MAX = 120;

/** What watch mails need from the configuration. */
export interface WatchMailSettings {
  /** The site's public address, without a trailing slash. */
  baseUrl: string;
  defaultLocale: Locale;
}

const settingsByDb = new WeakMap<object, WatchMailSettings>();

/** Records the mail settings of the app that owns `db` (called once when the routes are mounted). */
export function configureWatchMail(db: Db, settings: WatchMailSettings): void {
  settingsByDb.set(db, { baseUrl: settings.baseUrl.replace(/\/$/, ''), defaultLocale: settings.defaultLocale });
}

function watchMailSettings(db: Db): WatchMailSettings {
  return settingsByDb.get(db) ?? { baseUrl: '', defaultLocale: 'en' };
}

/** The id of the page `slug`; `not_found` when there is none. */
export async function watchablePageId(db: Db, slug: string): Promise<number> {
  const page = await db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!page) throw new AppError('not_found', 'No such page');
  return page.id;
}

/** Adds the page to the person's watchlist; watching it already changes nothing. */
export async function watch(db: Db, userId: number, pageId: number): Promise<void> {
  await db
    .insertInto('wiki_watches')
    .values({ user_id: userId, page_id: pageId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'page_id']).doNothing())
    .execute();
}

/** Takes the page off the person's watchlist; not watching it changes nothing. */
export async function unwatch(db: Db, userId: number, pageId: number): Promise<void> {
  await db.deleteFrom('wiki_watches').where('user_id', '=', userId).where('page_id', '=', pageId).execute();
}

/** Whether the person watches the page `slug` (false for a page that does not exist). */
export async function isWatching(db: Db, userId: number, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('wiki_watches as w')
    .innerJoin('wiki_pages as p', 'p.id', 'w.page_id')
    .select('w.page_id')
    .where('w.user_id', '=', userId)
    .where('p.slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

/** A watched page with its latest change. */
export interface WatchedPage {
  slug: string;
  title: string;
  locale: string;
  change: {
    revisionId: number;
    parentId: number | null;
    at: string;
    /** Null when the author deleted their account. */
    author: string | null;
    summary: string;
    /** Moderation hid the revision: its summary is left out. */
    hidden: boolean;
    /** The latest change waits for review. */
    pending: boolean;
  };
}

/**
 * The person's watched pages, most recently changed first, `limit` at a time from before the
 * revision id `before` (keyset on the pages' latest revision: ids grow with time).
 */
export async function listWatchlist(
  db: Db,
  userId: number,
  options: { before?: number | undefined; limit: number },
): Promise<{ pages: WatchedPage[]; next: number | null }> {
  let query = db
    .selectFrom('wiki_watches as w')
    .innerJoin('wiki_pages as p', 'p.id', 'w.page_id')
    .innerJoin('wiki_revisions as r', 'r.id', 'p.current_revision_id')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select([
      'r.id',
      'r.parent_id',
      'r.created_at',
      'r.summary',
      'r.review_status',
      'p.slug',
      'p.title',
      'p.locale',
      'u.display_name',
      'u.deleted_at',
    ])
    .where('w.user_id', '=', userId);
  if (options.before !== undefined) query = query.where('p.current_revision_id', '<', options.before);
  const rows = await query.orderBy('p.current_revision_id', 'desc').limit(keysetFetchSize(options.limit)).execute();
  const { page, nextBefore } = keysetPage(rows, options.limit);
  const hidden = await moderationStatus(
    db,
    WIKI_REVISION_TYPE,
    page.map((r) => String(r.id)),
  );
  return {
    pages: page.map((r) => ({
      slug: r.slug,
      title: r.title,
      locale: r.locale,
      change: {
        revisionId: r.id,
        parentId: r.parent_id,
        at: r.created_at,
        author: r.display_name && !r.deleted_at ? r.display_name : null,
        summary: hidden.has(String(r.id)) ? '' : r.summary,
        hidden: hidden.has(String(r.id)),
        pending: r.review_status === 'pending',
      },
    })),
    next: nextBefore,
  };
}

/**
 * After a revision is saved, in its transaction: the author now watches the page, and, when anyone
 * else does, one job (one per revision) will mail them.
 */
export async function notifyWatchers(trx: Db, change: { pageId: number; revisionId: number; authorId: number }): Promise<void> {
  await watch(trx, change.authorId, change.pageId);
  const other = await trx
    .selectFrom('wiki_watches')
    .select('user_id')
    .where('page_id', '=', change.pageId)
    .where('user_id', '!=', change.authorId)
    .limit(1)
    .executeTakeFirst();
  if (!other) return;
  await enqueue(trx, NOTIFY_WATCHERS_JOB, change, { dedupeKey: `wiki-notify-watchers:${change.revisionId}` });
}

const payloadSchema = z.object({
  pageId: z.number().int().positive(),
  revisionId: z.number().int().positive(),
  authorId: z.number().int().positive().nullable(),
});

/** The revision a job is about, with its page and author; undefined once gone. */
async function loadChange(db: Db, pageId: number, revisionId: number) {
  return db
    .selectFrom('wiki_revisions as r')
    .innerJoin('wiki_pages as p', 'p.id', 'r.page_id')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.id', 'r.parent_id', 'r.summary', 'r.size_delta', 'r.review_status', 'p.slug', 'p.title', 'u.display_name', 'u.deleted_at'])
    .where('r.id', '=', revisionId)
    .where('r.page_id', '=', pageId)
    .executeTakeFirst();
}
type Change = NonNullable<Awaited<ReturnType<typeof loadChange>>> & { hidden: boolean };

/** The mail about `change` to one watcher, in their language. */
function watchEmail(to: { email: string; locale: string }, change: Change, settings: WatchMailSettings): MailMessage {
  const locale: Locale = isLocale(to.locale) ? to.locale : settings.defaultLocale;
  const t = translator(locale);
  const page = `${settings.baseUrl}/${locale}/wiki/${change.slug}`;
  const named = change.display_name !== null && change.display_name !== DELETED_PARTICIPANT && !change.deleted_at;
  const values = {
    title: change.title,
    author: named ? change.display_name! : t('wiki.watch.formerMember'),
    summary: change.hidden ? t('wiki.watch.summaryHidden') : change.summary || t('wiki.watch.email.noSummary'),
    size: sizeChange(t, locale, change.size_delta),
    link: change.parent_id === null ? page : `${page}/diff?from=${change.parent_id}&to=${change.id}`,
    watchlist: `${settings.baseUrl}/${locale}/wiki/watchlist`,
    siteName: t('meta.siteName'),
  };
  const short = change.title.length > SUBJECT_TITLE_MAX ? `${change.title.slice(0, SUBJECT_TITLE_MAX - 1)}…` : change.title;
  const parts = [
    t('wiki.watch.email.body', values),
    ...(change.review_status === 'pending' ? [t('wiki.watch.email.pending')] : []),
    t(change.parent_id === null ? 'wiki.watch.email.page' : 'wiki.watch.email.diff', values),
    t('wiki.watch.email.footer', values),
  ];
  return { to: to.email, subject: t('wiki.watch.email.subject', { title: short }), text: `${parts.join('\n\n')}\n` };
}

/**
 * The `wiki.notify-watchers` job: mails every watcher of the page but the author about the
 * revision, `WATCHER_BATCH` at a time by user id. Nothing when the revision is gone.
 */
export const notifyWatchersJob: JobHandler = async (payload, ctx) => {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError('Invalid wiki watch payload');
  const { pageId, revisionId, authorId } = parsed.data;
  const row = await loadChange(ctx.db, pageId, revisionId);
  if (!row) return;
  // A revision moderation hid (before the job ran, or between retries) is mailed without its summary.
  const change = { ...row, hidden: (await moderationStatus(ctx.db, WIKI_REVISION_TYPE, [String(revisionId)])).has(String(revisionId)) };
  const settings = watchMailSettings(ctx.db);
  let after = 0;
  for (;;) {
    const watchers = await ctx.db
      .selectFrom('wiki_watches as w')
      .innerJoin('users as u', 'u.id', 'w.user_id')
      .select(['u.id', 'u.email', 'u.locale'])
      .where('w.page_id', '=', pageId)
      .where('w.user_id', '>', after)
      .$if(authorId !== null, (q) => q.where('w.user_id', '!=', authorId!))
      .where('u.deleted_at', 'is', null)
      .where('u.blocked_at', 'is', null)
      .where('u.email_verified_at', 'is not', null)
      .orderBy('w.user_id')
      .limit(WATCHER_BATCH)
      .execute();
    if (watchers.length === 0) return;
    await ctx.db.transaction().execute(async (trx) => {
      for (const w of watchers)
        await sendMail(trx, watchEmail(w, change, settings), { dedupeKey: `wiki-watch-mail:${revisionId}:${w.id}` });
    });
    if (watchers.length < WATCHER_BATCH) return;
    after = watchers.at(-1)!.id;
  }
};

/** The person's watches, for "Download my data". */
export async function watchesOf(db: Db, userId: number): Promise<{ page: string; since: string }[]> {
  return db
    .selectFrom('wiki_watches as w')
    .innerJoin('wiki_pages as p', 'p.id', 'w.page_id')
    .select(['p.slug as page', 'w.created_at as since'])
    .where('w.user_id', '=', userId)
    .orderBy('w.page_id')
    .execute();
}

/** Forgets every page the person watches (on account deletion). */
export async function unwatchAll(trx: Db, userId: number): Promise<void> {
  await trx.deleteFrom('wiki_watches').where('user_id', '=', userId).execute();
}
