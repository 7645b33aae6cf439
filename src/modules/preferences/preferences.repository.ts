/** Queries on the `users.preferences` column. Plain functions over a db or a transaction. */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import './preferences.tables.js';

/** Writes a user's preferences (JSON text). */
export function updateUserPreferences(db: Db, userId: number, json: string) {
  return db.updateTable('users').set({ preferences: json, updated_at: nowIso() }).where('id', '=', userId).execute();
}

/** A user's stored preferences JSON, or undefined when there is no such user. */
export async function findUserPreferences(db: Db, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('preferences').where('id', '=', userId).executeTakeFirst();
  return row?.preferences;
}
