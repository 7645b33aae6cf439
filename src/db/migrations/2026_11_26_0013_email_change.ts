/**
 * Changing the email address: a `change_email` account token carries the new address it confirms
 * (null for every other purpose), so the link changes exactly what was asked, for its own user.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account_tokens').addColumn('new_email', 'text').execute();
}
