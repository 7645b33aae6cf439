/** Applies and inspects migrations (Kysely Migrator over the static list in migrations/index.ts). */
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';
import { migrations } from './migrations/index.js';

/**
 * On PostgreSQL the migrator's own tables are pinned to the connection's current schema: left to
 * itself, Kysely looks for them in every schema and would take another schema's tables for its own
 * (several E-COOP databases, or test schemas, can share one server).
 */
async function migrator(db: Db): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** Brings the schema up to date. Safe to call from several instances at once (the migrator locks). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await (await migrator(db)).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `Migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
