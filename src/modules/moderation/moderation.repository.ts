/** Queries on flags and moderation states. Kysely only: plain functions over a db or a transaction. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { keysetFetchSize } from '../../db/keyset.js';
import type { FlagReason, ModerationStatus } from '../../platform/flags.js';
import '../../platform/flags.js';

/** One item, as the queue and the decisions name it. */
export interface ContentKey {
  type: string;
  id: string;
}

/** Adds a flag unless this person already flagged the item; returns its id, or null for a duplicate. */
export async function insertFlag(
  db: Db,
  values: ContentKey & { reporterId: number; reason: FlagReason; comment: string | null },
): Promise<number | null> {
  const row = await db
    .insertInto('flags')
    .values({
      content_type: values.type,
      content_id: values.id,
      reporter_id: values.reporterId,
      reason: values.reason,
      comment: values.comment,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['content_type', 'content_id', 'reporter_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Counts one more flag on the item in one statement (so concurrent reports never lose a count),
 * creating its state at the first; content a moderator had left visible goes back to the queue.
 */
export function countFlag(db: Db, key: ContentKey, flagId: number) {
  const now = nowIso();
  return db
    .insertInto('moderation_states')
    .values({
      content_type: key.type,
      content_id: key.id,
      status: 'visible',
      flag_count: 1,
      last_flag_id: flagId,
      last_flagged_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['content_type', 'content_id']).doUpdateSet({
        flag_count: sql<number>`moderation_states.flag_count + 1`,
        last_flag_id: flagId,
        last_flagged_at: now,
        status: sql<ModerationStatus>`case when moderation_states.status = 'dismissed' then 'visible' else moderation_states.status end`,
      }),
    )
    .returning(['status', 'flag_count', 'decided_at'])
    .executeTakeFirstOrThrow();
}

/** Whether this person has flagged the item. */
export async function hasFlagged(db: Db, key: ContentKey, reporterId: number): Promise<boolean> {
  const row = await db
    .selectFrom('flags')
    .select('id')
    .where('content_type', '=', key.type)
    .where('content_id', '=', key.id)
    .where('reporter_id', '=', reporterId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The item's state, if it was ever reported. */
export function findState(db: Db, key: ContentKey) {
  return db
    .selectFrom('moderation_states')
    .selectAll()
    .where('content_type', '=', key.type)
    .where('content_id', '=', key.id)
    .executeTakeFirst();
}

/** The item's state, locked for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
export function lockState(db: Db, key: ContentKey) {
  return forUpdate(
    db,
    db.selectFrom('moderation_states').selectAll().where('content_type', '=', key.type).where('content_id', '=', key.id),
  ).executeTakeFirst();
}

/** Sets the item's status (and the reason shown, and who decided when a moderator did). */
export function setStatus(
  db: Db,
  key: ContentKey,
  values: { status: ModerationStatus; reasonShown: string | null; decidedBy?: number | null },
) {
  const decided = values.decidedBy !== undefined ? { decided_by: values.decidedBy, decided_at: nowIso() } : {};
  return db
    .updateTable('moderation_states')
    .set({ status: values.status, reason_shown: values.reasonShown, ...decided })
    .where('content_type', '=', key.type)
    .where('content_id', '=', key.id)
    .execute();
}

/** One page of reported items with the given statuses, latest report first (keyset on the latest flag id). */
export function findStates(db: Db, statuses: readonly ModerationStatus[], before: number | undefined, limit: number) {
  let query = db
    .selectFrom('moderation_states')
    .selectAll()
    .where('status', 'in', [...statuses])
    .orderBy('last_flag_id', 'desc')
    .limit(keysetFetchSize(limit));
  if (before !== undefined) query = query.where('last_flag_id', '<', before);
  return query.execute();
}

/** The flags of these items counted by reason (one grouped query for a page of items). */
export function countByReason(db: Db, keys: readonly ContentKey[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('flags')
    .select(['content_type', 'content_id', 'reason', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('content_type', '=', k.type), eb('content_id', '=', k.id)]))))
    .groupBy(['content_type', 'content_id', 'reason'])
    .execute();
}

/** The latest comments on these items (at most `limit` in all), without who wrote them. */
export function latestComments(db: Db, keys: readonly ContentKey[], limit: number) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('flags')
    .select(['id', 'content_type', 'content_id', 'reason', 'comment', 'created_at'])
    .where('comment', 'is not', null)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('content_type', '=', k.type), eb('content_id', '=', k.id)]))))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
