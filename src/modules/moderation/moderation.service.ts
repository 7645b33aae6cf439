/**
 * Reporting content and deciding on reports. Each use case runs in one transaction: a flag and its
 * count together (the count is never recomputed per request), a decision with its audit entry and
 * the mail to the author (sent only if the decision commits). Routes authorize with
 * moderation.policy.ts first; the types of content come from the modules' `flaggable` declarations.
 */
import type { Config, Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { keysetPage } from '../../db/keyset.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import type { FlaggableItem, FlaggableRegistry, FlaggableType, FlagReason, ModerationStatus } from '../../platform/flags.js';
import { sendMail } from '../../platform/mail.js';
import { findContact } from '../accounts/index.js';
import { authorNoticeEmail, type AuthorNotice } from './moderation-emails.js';
import {
  countByReason,
  countFlag,
  findState,
  findStates,
  hasFlagged,
  insertFlag,
  latestComments,
  lockState,
  setStatus,
  type ContentKey,
} from './moderation.repository.js';
import type { FlagCommand, QueueFilter } from './moderation.schemas.js';

/** Items per page of the queue. */
export const QUEUE_PAGE_SIZE = 20;
/** At most this many reporters' comments are shown for a page of the queue. */
const COMMENTS_PER_PAGE = 200;

/** A flaggable type and one of its items: what a report or a decision is about. */
export interface Reported {
  flaggable: FlaggableType;
  item: FlaggableItem;
}

/** The registered type and the existing item a reference names; `not_found` otherwise. */
export async function findReportable(db: Db, registry: FlaggableRegistry, key: ContentKey): Promise<Reported> {
  const flaggable = registry.get(key.type);
  if (!flaggable) throw new AppError('not_found', 'No such content type');
  const item = (await flaggable.load(db, [key.id])).find((i) => i.id === key.id);
  if (!item) throw new AppError('not_found', 'No such content');
  return { flaggable, item };
}

/** Whether `userId` already reported the item (the report page then says so instead of the form). */
export function alreadyFlagged(db: Db, key: ContentKey, userId: number): Promise<boolean> {
  return hasFlagged(db, key, userId);
}

type Settings = Pick<Config, 'flagAutoHide' | 'baseUrl' | 'defaultLocale'>;

/** Queues the mail telling the item's author about `kind` (nothing when the author is unknown or gone). */
async function notifyAuthor(db: Db, settings: Settings, reported: Reported, kind: AuthorNotice, reason: string | null) {
  if (reported.item.authorId === null) return;
  const contact = await findContact(db, reported.item.authorId);
  if (!contact) return;
  const fallback: Locale = reported.item.locale ?? settings.defaultLocale;
  await sendMail(db, authorNoticeEmail(contact, fallback, kind, { ...reported.item, reason }, settings.baseUrl));
}

/**
 * Records `reporterId`'s report of the item. A person reports an item once: a second report writes
 * nothing (`created: false`). At `flagAutoHide` reports the item is hidden until a moderator decides
 * (unless a moderator already decided on it), cached pages are renewed and the author is told.
 */
export async function flagContent(
  db: Db,
  settings: Settings,
  ctx: AuditContext,
  reported: Reported,
  reporterId: number,
  command: FlagCommand,
): Promise<{ created: boolean; autoHidden: boolean }> {
  const key = { type: reported.flaggable.type, id: reported.item.id };
  const result = await db.transaction().execute(async (trx) => {
    const flagId = await insertFlag(trx, { ...key, reporterId, ...command });
    if (flagId === null) return { created: false, autoHidden: false };
    const state = await countFlag(trx, key, flagId);
    const autoHide = state.status === 'visible' && state.decided_at === null && Number(state.flag_count) >= settings.flagAutoHide;
    if (autoHide) {
      await setStatus(trx, key, { status: 'auto_hidden', reasonShown: null });
      await audit(trx, {
        actorId: null,
        requestId: ctx.requestId,
        action: 'moderation.auto_hide',
        subjectType: key.type,
        subjectId: key.id,
        data: { flags: Number(state.flag_count) },
      });
      await notifyAuthor(trx, settings, reported, 'autoHidden', null);
    }
    return { created: true, autoHidden: autoHide };
  });
  if (result.autoHidden) await contentChanged(db);
  return result;
}

/** The queue row of a reported item (its latest flag's id, the id its forms carry on the page); `not_found` if never reported. */
export async function queueRowId(db: Db, key: ContentKey): Promise<number> {
  const state = await findState(db, key);
  if (!state) throw new AppError('not_found', 'This content was never reported');
  return state.last_flag_id;
}

/** A moderator's decision on a reported item. */
export type Decision = { kind: 'hide'; reason: string } | { kind: 'dismiss' } | { kind: 'restore' };

/** The statuses each decision applies to, the status it leads to, and what the author is told. */
const TRANSITIONS: Record<Decision['kind'], { from: readonly ModerationStatus[]; to: ModerationStatus; notice: AuthorNotice }> = {
  hide: { from: ['visible', 'auto_hidden', 'dismissed'], to: 'hidden', notice: 'hidden' },
  dismiss: { from: ['visible', 'auto_hidden'], to: 'dismissed', notice: 'dismissed' },
  restore: { from: ['hidden'], to: 'dismissed', notice: 'restored' },
};

/**
 * Hides (with the reason shown in its place), dismisses (visible again; the flags stay as history)
 * or restores a reported item, with an audit entry and a mail to its author, in one transaction.
 * An item never reported is `not_found`; a decision that does not apply to the item's status (a
 * second click, or another moderator was quicker) changes nothing and returns `changed: false`.
 */
export async function decide(
  db: Db,
  settings: Settings,
  ctx: AuditContext,
  reported: Reported,
  decision: Decision,
): Promise<{ changed: boolean }> {
  const key = { type: reported.flaggable.type, id: reported.item.id };
  const rule = TRANSITIONS[decision.kind];
  const changed = await db.transaction().execute(async (trx) => {
    const state = await lockState(trx, key);
    if (!state) throw new AppError('not_found', 'This content was never reported');
    if (!rule.from.includes(state.status)) return false;
    const reason = decision.kind === 'hide' ? decision.reason : null;
    await setStatus(trx, key, { status: rule.to, reasonShown: reason, decidedBy: ctx.actorId });
    await audit(trx, {
      ...ctx,
      action: `moderation.${decision.kind}`,
      subjectType: key.type,
      subjectId: key.id,
      data: { from: state.status, to: rule.to, ...(reason ? { reason } : {}) },
    });
    await notifyAuthor(trx, settings, reported, rule.notice, reason);
    return true;
  });
  if (changed) await contentChanged(db);
  return { changed };
}

/** One item of the moderation queue. */
export interface QueueItem {
  /** The cursor and key of the row (the id of its latest flag). */
  id: number;
  type: string;
  contentId: string;
  /** The type's catalog key, or null when no module declares the type any more. */
  labelKey: FlaggableType['labelKey'] | null;
  /** The content, or null when it no longer exists. */
  item: FlaggableItem | null;
  status: ModerationStatus;
  reasonShown: string | null;
  flagCount: number;
  lastFlaggedAt: string;
  decidedAt: string | null;
  byReason: { reason: FlagReason; count: number }[];
  comments: { id: number; reason: FlagReason; comment: string; createdAt: string }[];
}

const FILTERS: Record<QueueFilter, readonly ModerationStatus[]> = {
  pending: ['visible', 'auto_hidden'],
  visible: ['visible'],
  auto_hidden: ['auto_hidden'],
  hidden: ['hidden'],
  dismissed: ['dismissed'],
};

/**
 * One page of the queue, latest report first: each item with its content (loaded through its
 * type, one call per type on the page), its counts by reason and the reporters' comments (never
 * their names). A bounded number of queries whatever the page holds.
 */
export async function showQueue(
  db: Db,
  registry: FlaggableRegistry,
  filter: QueueFilter,
  before: number | undefined,
): Promise<{ items: QueueItem[]; nextBefore: number | null }> {
  const rows = await findStates(db, FILTERS[filter], before, QUEUE_PAGE_SIZE);
  const { page, nextBefore } = keysetPage(
    rows.map((r) => ({ ...r, id: r.last_flag_id })),
    QUEUE_PAGE_SIZE,
  );
  const keys = page.map((r) => ({ type: r.content_type, id: r.content_id }));
  const types = [...new Set(keys.map((k) => k.type))];
  const [counts, comments, loaded] = await Promise.all([
    countByReason(db, keys),
    latestComments(db, keys, COMMENTS_PER_PAGE),
    Promise.all(
      types.map(async (type) => {
        const flaggable = registry.get(type);
        const ids = keys.filter((k) => k.type === type).map((k) => k.id);
        return { type, items: flaggable ? await flaggable.load(db, ids) : [] };
      }),
    ),
  ]);
  const k = (type: string, id: string): string => `${type}\u0000${id}`;
  const itemOf = new Map<string, FlaggableItem>(loaded.flatMap(({ type, items }) => items.map((i) => [k(type, i.id), i] as const)));
  return {
    items: page.map((r) => ({
      id: r.last_flag_id,
      type: r.content_type,
      contentId: r.content_id,
      labelKey: registry.get(r.content_type)?.labelKey ?? null,
      item: itemOf.get(k(r.content_type, r.content_id)) ?? null,
      status: r.status,
      reasonShown: r.reason_shown,
      flagCount: Number(r.flag_count),
      lastFlaggedAt: r.last_flagged_at,
      decidedAt: r.decided_at,
      byReason: counts
        .filter((c) => c.content_type === r.content_type && c.content_id === r.content_id)
        .map((c) => ({ reason: c.reason, count: Number(c.count) }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      comments: comments
        .filter((c) => c.content_type === r.content_type && c.content_id === r.content_id && c.comment)
        .map((c) => ({ id: c.id, reason: c.reason, comment: c.comment!, createdAt: c.created_at })),
    })),
    nextBefore,
  };
}
