/**
 * Every difference between SQLite and PostgreSQL lives in this file, so the rest of the code (and
 * every migration) is written once. Add a helper here rather than branching on the dialect elsewhere.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which dialect a Kysely instance (or transaction) talks to. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Column type for long text (both dialects call it text). */
export const TEXT = 'text' as const;

/** Default-now for a timestamp column stored as ISO text. */
export function nowDefault(db: Kysely<any>) {
  return dialectOf(db) === 'postgres'
    ? sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
}

/** The current time as stored in the database (ISO-8601 UTC text). */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}

/** `FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serialises writers, so nothing is needed there. */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/** `FOR UPDATE` on PostgreSQL (row lock inside a transaction); no-op on SQLite. */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

/** Case-insensitive LIKE for ASCII and Unicode: ILIKE on PostgreSQL, LIKE (ASCII-insensitive) on SQLite. */
export function ilike(db: Kysely<any>): 'ilike' | 'like' {
  return dialectOf(db) === 'postgres' ? 'ilike' : 'like';
}

/** Marks a column builder NOT NULL with a default of 0 (booleans are 0/1 integers in both dialects). */
export function flag(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull().defaultTo(0);
}

/** Whether an error is a unique-constraint violation, whatever the driver. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The text at `key` of a JSON object stored as text (translated fields), e.g. `name` → `name.fr`.
 * `key` is bound as a parameter, never spliced.
 */
export function jsonTextAt(db: Kysely<any>, column: string, key: string) {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${key})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${'$."' + key.replace(/[^a-zA-Z0-9_-]/g, '') + '"'})`;
}

/**
 * An aggregate: the distinct values of a text column over the rows, joined by commas (null when
 * there are none). For values that hold no comma (role names, codes).
 */
export function distinctCommaList(db: Kysely<any>, column: string) {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`string_agg(distinct ${sql.ref(column)}, ',')`
    : sql<string | null>`group_concat(distinct ${sql.ref(column)})`;
}
