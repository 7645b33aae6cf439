/**
 * Display preferences (larger text, high contrast, reduced motion) on each account, as JSON text.
 * '{}' means "never chosen": the device's cookie then applies (see src/platform/preferences.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('preferences', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
